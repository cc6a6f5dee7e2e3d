/**
 * The whole book on one page, for printing or saving as one PDF: every chapter in order, each starting a new printed
 * page. Its Print / PDF button has every figure compute first, as a chapter's does.
 */
import { chapters, type Content } from './chapters.ts';
import { mdxComponents } from './mdxComponents.tsx';
import { PrintButton } from './PrintButton.tsx';
import { Article } from '../islands/Article.tsx';

/** `contents`: every chapter's compiled MDX, in the order of `chapters`. */
export function WholeBookPage({ contents }: { contents: readonly Content[] }) {
  return (
    <div className="whole-book">
      <header className="chapter-header">
        <h1>From Bellman to Diffusion</h1>
        <p>Every chapter on one page, to print or to save as a PDF.</p>
        <PrintButton />
      </header>
      {contents.map((Content, i) => (
        <Article key={chapters[i].slug} className="chapter" slug={chapters[i].slug}>
          <header className="chapter-header">
            {chapters[i].number !== 0 && (
              <p className="chapter-kicker">
                {typeof chapters[i].number === 'string' ? 'Appendix' : 'Chapter'} {chapters[i].number}
              </p>
            )}
            <h1>{chapters[i].title}</h1>
          </header>
          <Content components={mdxComponents} />
        </Article>
      ))}
    </div>
  );
}
