// A line diff split into hunks, so a reviewer can accept or reject each change to existing code on its own.

export type Hunk = {
  index: number;
  /** 1-based first line in the old text, and how many old lines the hunk replaces (0 for a pure insertion). */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
};

/** Larger inputs are compared as one hunk: the quadratic table would cost more than a reviewer gains. */
const maxCells = 4_000_000;

export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The hunks that turn `before` into `after` (longest common subsequence of lines). */
export function diffHunks(before: string, after: string): Hunk[] {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length * b.length > maxCells) {
    return sameLines(a, b) ? [] : [{ index: 0, oldStart: 1, oldLines: a, newStart: 1, newLines: b }];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  const close = () => {
    if (current) hunks.push(current);
    current = null;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    current ??= { index: hunks.length, oldStart: i + 1, oldLines: [], newStart: j + 1, newLines: [] };
    if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) current.newLines.push(b[j++]!);
    else current.oldLines.push(a[i++]!);
  }
  close();
  return hunks;
}

/**
 * The text a reviewer's choices produce: accepted hunks take the new lines, rejected ones keep the old.
 * `accepted` lists hunk indexes; every other hunk is rejected.
 */
export function applyHunks(before: string, hunks: readonly Hunk[], accepted: ReadonlySet<number>): string {
  const a = splitLines(before);
  const out: string[] = [];
  let next = 1;
  for (const hunk of [...hunks].sort((x, y) => x.oldStart - y.oldStart)) {
    while (next < hunk.oldStart) out.push(a[next++ - 1]!);
    if (accepted.has(hunk.index)) out.push(...hunk.newLines);
    else out.push(...hunk.oldLines);
    next = hunk.oldStart + hunk.oldLines.length;
  }
  while (next <= a.length) out.push(a[next++ - 1]!);
  return out.join('\n') + '\n';
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
