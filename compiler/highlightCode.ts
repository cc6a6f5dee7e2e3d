/**
 * Build-time source listings for <CodePanel>: `import listing from './x.ts?fn=fnName&code'` gives the top-level
 * declaration `fnName` of that file (with its TSDoc), highlighted by highlight.js at build time, so no parser or
 * highlighter ships to the reader. The TypeScript compiler finds the declaration, so nothing is guessed from braces.
 */
import ts from 'typescript';
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('typescript', typescript);

export interface CodeListing {
  /** Path of the file relative to the project root. */
  file: string;
  symbol: string;
  text: string;
  /** highlight.js markup (spans with hljs-* classes). */
  html: string;
  /** 1-based line of the listing's first line in the file. */
  startLine: number;
}

function declaredName(statement: ts.Statement): string | undefined {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
    return statement.name?.text;
  }
  if (ts.isVariableStatement(statement)) {
    const decl = statement.declarationList.declarations[0];
    return decl && ts.isIdentifier(decl.name) ? decl.name.text : undefined;
  }
  return undefined;
}

/** Cuts the top-level declaration of `symbol` (and the comment right above it) out of `source`. */
export function extractSymbol(source: string, symbol: string, file: string): { text: string; startLine: number } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = sf.statements.find((s) => declaredName(s) === symbol);
  if (!statement) throw new Error(`${file}: no top-level declaration of "${symbol}" to show in a code panel`);
  const comments = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
  const start = comments.length ? comments[comments.length - 1].pos : statement.getStart(sf);
  return { text: source.slice(start, statement.getEnd()), startLine: sf.getLineAndCharacterOfPosition(start).line + 1 };
}

export function highlightListing(source: string, symbol: string, file: string): CodeListing {
  const { text, startLine } = extractSymbol(source, symbol, file);
  const html = hljs.highlight(text, { language: 'typescript' }).value;
  return { file, symbol, text, html, startLine };
}
