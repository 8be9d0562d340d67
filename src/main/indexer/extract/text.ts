// Text helpers shared by the extractors: line counts, doc comment cleaning, call names and syntax error reports.
import type { Node, Tree } from 'web-tree-sitter';
import type { LineCounts } from '../../../shared/indexing';
import type { FileIssue } from './types';

/**
 * Counts lines as cloc does: a line with any code is code, a line with only comment text is comment, a line of
 * whitespace is blank. `comments` holds [start, end) pairs of comment nodes in source order; docstrings are code.
 */
export function countLines(source: string, comments: readonly number[]): LineCounts {
  let code = 0;
  let comment = 0;
  let blank = 0;
  let next = 0;
  const length = source.length;
  // Line by line: only the leading blanks and comments of a line are read char by char; the first other character
  // makes it a code line, and indexOf finds the next line. The text after the last newline counts only if not empty.
  for (let lineStart = 0; lineStart < length; ) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    let hasCode = false;
    let hasComment = false;
    let index = lineStart;
    while (index < lineEnd) {
      const char = source.charCodeAt(index);
      if (char === 32 || char === 9 || char === 13 || char === 12 || char === 11) {
        index++;
        continue;
      }
      while (next < comments.length && (comments[next + 1] as number) <= index) next += 2;
      if (next < comments.length && (comments[next] as number) <= index) {
        // Everything up to the comment's end is comment text, possibly lines further on (a block comment).
        hasComment = true;
        index = comments[next + 1] as number;
        continue;
      }
      hasCode = true;
      break;
    }
    if (hasCode) code++;
    else if (hasComment) comment++;
    else blank++;
    lineStart = lineEnd + 1;
  }
  return { total: code + comment + blank, code, comment, blank };
}

/** Collapses runs of whitespace (multi-line annotations and defaults) to single spaces. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts a long text (a huge default value, a type alias spelled over pages) for display in a signature. */
export function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The text of a Python docstring literal, cleaned as `inspect.cleandoc` does: quotes and prefix removed, tabs
 * expanded, the common indentation of the lines after the first removed, blank lines at either end dropped.
 * Returns null for f-strings and bytes, which Python does not treat as docstrings.
 */
export function cleanPythonDocstring(literal: string): string | null {
  const prefix = /^[rRuUbBfF]*/.exec(literal)?.[0] ?? '';
  if (/[bBfF]/.test(prefix)) return null;
  let body = literal.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  body = body.slice(quote.length, body.endsWith(quote) && body.length >= quote.length * 2 ? body.length - quote.length : body.length);
  return cleandoc(body);
}

function cleandoc(text: string): string {
  const lines = text.replace(/\t/g, '        ').split(/\r?\n/);
  let margin = Infinity;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const content = line.trimStart();
    if (content) margin = Math.min(margin, line.length - content.length);
  }
  const cleaned = lines.map((line, index) => (index === 0 ? line.trim() : (margin === Infinity ? line : line.slice(margin)).trimEnd()));
  while (cleaned.length > 0 && cleaned[0] === '') cleaned.shift();
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  return cleaned.join('\n');
}

/** The text of a `/** … *\/` comment without its delimiters and leading `*`s; null if it is not a JSDoc block. */
export function cleanJsDoc(comment: string): string | null {
  if (!comment.startsWith('/**') || comment.startsWith('/**/')) return null;
  const inner = comment.slice(3, comment.endsWith('*/') ? -2 : undefined);
  const lines = inner.split(/\r?\n/).map((line) => line.replace(/^\s*\*? ?/, '').trimEnd());
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.length > 0 ? lines.join('\n').trim() : null;
}

/** The first line of a doc's description (JSDoc tags such as `@param` are not a summary). */
export function summaryOf(doc: string | null): string | null {
  if (!doc) return null;
  for (const line of doc.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) return null;
    if (trimmed) return trimmed;
  }
  return null;
}

/**
 * The name a call goes to: the identifier or attribute chain before the argument list ("self.save", "os.path.join").
 * For a chain with calls or subscripts inside (`a().b`, `x[0].append`) the trailing plain chain is kept ("b",
 * "append"); a callee with no name at all (`(lambda: 1)()`) gives null.
 */
export function callNameOf(source: string, start: number, end: number): string | null {
  const text = source.slice(Math.max(start, end - 200), end);
  const match = /[\p{L}_$][\p{L}\p{N}_$]*(?:\s*\??\.\s*#?[\p{L}_$][\p{L}\p{N}_$]*)*$/u.exec(text);
  return match ? match[0].replace(/\s+|\?/g, '') : null;
}

const maxIssuesPerFile = 50;

/** Syntax errors tree-sitter recovered from, outermost ERROR and MISSING nodes only, at most 50 per file. */
export function syntaxIssues(tree: Tree, source: string): FileIssue[] {
  const issues: FileIssue[] = [];
  if (!tree.rootNode.hasError) return issues;
  const pending: Node[] = [tree.rootNode];
  while (pending.length > 0 && issues.length < maxIssuesPerFile) {
    const node = pending.pop() as Node;
    if (node.isError) {
      const text = source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 200));
      const near = clip(collapse(text.split('\n')[0] ?? ''), 40);
      issues.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column,
        message: near ? `Syntax error near "${near}".` : 'Syntax error.',
      });
      continue;
    }
    if (node.isMissing) {
      issues.push({ line: node.startPosition.row + 1, column: node.startPosition.column, message: `Syntax error: missing "${node.type}".` });
      continue;
    }
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child && (child.hasError || child.isMissing)) pending.push(child);
    }
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return issues;
}
