import { describe, expect, it } from 'vitest';
import { extractSymbol, highlightListing } from './highlightCode.ts';

const source = `import x from 'y';

/** Adds. Braces in strings: "}" and in comments: } */
export function add(a: number, b: { c: number }): number {
  const s = '}';
  return a + b.c;
}

export const twice = (v: number) => {
  return 2 * v;
};

export function* gen(): Generator<number> {
  yield 1;
}
`;

describe('code listings', () => {
  it('cuts out one declaration with its doc comment', () => {
    const { text, startLine } = extractSymbol(source, 'add', 'x.ts');
    expect(text.startsWith('/** Adds.')).toBe(true);
    expect(text.endsWith('return a + b.c;\n}')).toBe(true);
    expect(startLine).toBe(3);
    expect(extractSymbol(source, 'twice', 'x.ts').text).toMatch(/^export const twice[\s\S]*};$/);
    expect(extractSymbol(source, 'gen', 'x.ts').text).toContain('yield 1;');
  });

  it('names the symbol and file when the declaration is missing', () => {
    expect(() => extractSymbol(source, 'nothing', 'engines/x.ts')).toThrow(/engines\/x.ts.*"nothing"/);
  });

  it('highlights at build time', () => {
    expect(highlightListing(source, 'add', 'x.ts').html).toContain('<span class="hljs-keyword">return</span>');
  });
});
