// Counts a file's lines as Radon does (loc = sloc + multi + single comments + blank) from marks the parsers place.
import type { LineCounts } from '../../shared/quality';

/** What each line holds, filled in while walking a syntax tree. Rows are 0-based, like tree-sitter's. */
export type LineMarks = {
  code: Set<number>;
  comment: Set<number>;
  /** Rows of docstrings (Python) or doc comments (TS/JS). */
  doc: Set<number>;
};

export function createLineMarks(): LineMarks {
  return { code: new Set(), comment: new Set(), doc: new Set() };
}

export function markRows(rows: Set<number>, startRow: number, endRow: number): void {
  for (let row = startRow; row <= endRow; row += 1) rows.add(row);
}

/** The lines of a source, without the empty "line" after a final newline. */
export function sourceLines(source: string): string[] {
  if (source === '') return [];
  const lines = source.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function countLines(source: string, marks: LineMarks, lloc: number): LineCounts {
  const lines = sourceLines(source);
  let sloc = 0;
  let multi = 0;
  let singleComments = 0;
  let blank = 0;
  let comments = 0;
  lines.forEach((_text, row) => {
    if (marks.comment.has(row)) comments += 1;
    // A line with code and a trailing doc comment is code; a docstring line is never code.
    if (marks.code.has(row)) sloc += 1;
    else if (marks.doc.has(row)) multi += 1;
    else if (marks.comment.has(row)) singleComments += 1;
    else blank += 1;
  });
  return { loc: lines.length, sloc, lloc, comments, singleComments, multi, blank };
}
