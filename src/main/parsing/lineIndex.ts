// Turning a code-unit index of a source string into a row and column, as tree-sitter counts them: shared by the
// validator's syntax tree and the indexer's extraction.

/** A point in the source: 0-based row and column (UTF-16 code units, as tree-sitter reports for string input). */
export type Point = { row: number; column: number };

/** Where lines start in one source string, found on the first question. */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly source: string) {}

  point(index: number): Point {
    const starts = (this.starts ??= lineStarts(this.source));
    // The last line start at or before `index` (binary search).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - (starts[low] as number) };
  }
}

// Tree-sitter starts a new row after each '\n' only (a lone '\r' is part of the line), so the same is done here.
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}
