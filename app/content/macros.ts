/**
 * The book's KaTeX macros, in one place. Used by rehype-katex for chapter math and by the build-time renderer
 * for glossary, bibliography and preview math. Write `\E[X]`, `\Gen^a V`, `\dd t`, ...
 */
const katexMacros: Record<string, string> = {
  '\\E': '\\mathbb{E}',
  '\\Prob': '\\mathbb{P}',
  '\\R': '\\mathbb{R}',
  '\\N': '\\mathbb{N}',
  '\\Gen': '\\mathcal{L}',
  '\\dd': '\\mathop{}\\!\\mathrm{d}',
  '\\T': '^{\\top}',
  '\\tr': '\\operatorname{tr}',
  '\\Var': '\\operatorname{Var}',
  '\\Normal': '\\mathcal{N}',
  '\\argmax': '\\operatorname*{arg\\,max}',
  '\\argmin': '\\operatorname*{arg\\,min}',
  '\\grad': '\\nabla',
  '\\Hess': '\\nabla^2',
  '\\ind': '\\mathbf{1}',
  '\\eqdef': '\\mathrel{:=}',
};

/**
 * KaTeX options shared by chapter math (rehype-katex) and build-time rendering. `\htmlData{link=name}{...}` is
 * trusted, and only it: it tags parts of an equation so that <LinkedHighlight> can light them up with the prose.
 */
export const katexOptions = {
  macros: katexMacros,
  trust: (context: { command: string }) => context.command === '\\htmlData',
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
} as const;
