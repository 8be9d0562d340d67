import { describe, expect, it } from 'vitest';
import { applyHunks, diffHunks } from './lineDiff';

const before = 'def area(r):\n    """Area."""\n    return 3.14 * r * r\n\n\ndef keep():\n    return 1\n';
const after = 'def area(r: float) -> float:\n    """Area."""\n    return math.pi * r * r\n\n\ndef keep():\n    return 1\n';

describe('line diff hunks', () => {
  it('finds each changed region, and accepting all of them gives the new text', () => {
    const hunks = diffHunks(before, after);
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newLines])).toEqual([
      [1, ['def area(r):'], ['def area(r: float) -> float:']],
      [3, ['    return 3.14 * r * r'], ['    return math.pi * r * r']],
    ]);
    expect(applyHunks(before, hunks, new Set([0, 1]))).toBe(after);
    expect(applyHunks(before, hunks, new Set())).toBe(before);
  });

  it('applies a chosen subset: the rejected hunk keeps the old lines', () => {
    const hunks = diffHunks(before, after);
    expect(applyHunks(before, hunks, new Set([0]))).toBe(before.replace('def area(r):', 'def area(r: float) -> float:'));
  });

  it('handles insertions, deletions and identical texts', () => {
    expect(diffHunks('a\nb\n', 'a\nb\n')).toEqual([]);
    const inserted = diffHunks('a\nc\n', 'a\nb\nc\n');
    expect(inserted).toEqual([{ index: 0, oldStart: 2, oldLines: [], newStart: 2, newLines: ['b'] }]);
    expect(applyHunks('a\nc\n', inserted, new Set([0]))).toBe('a\nb\nc\n');
    const deleted = diffHunks('a\nb\nc\n', 'a\nc\n');
    expect(applyHunks('a\nb\nc\n', deleted, new Set([0]))).toBe('a\nc\n');
  });
});
