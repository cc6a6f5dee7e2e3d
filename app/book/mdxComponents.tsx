/** The components every chapter's MDX can use without importing them. */
import type { ComponentProps } from 'react';
import { Ref } from '../components/Ref.tsx';
import { Term } from '../components/Term.tsx';
import { Cite, References } from '../components/Cite.tsx';
import { Footnote } from '../components/Footnote.tsx';
import { Scrub } from '../components/Scrub.tsx';
import { Controls, Slider } from '../components/Slider.tsx';
import { CodePanel } from '../components/CodePanel.tsx';
import { Exercise, Solution } from '../components/Exercise.tsx';
import { SourcePost } from '../components/SourcePostAside.tsx';

/** Wide tables scroll sideways on phones instead of widening the page. */
function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

export const mdxComponents = { Ref, Term, Cite, References, Footnote, Scrub, Slider, Controls, CodePanel, Exercise, Solution, SourcePost, table: Table };
