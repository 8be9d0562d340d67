// Radon's maintainability index: the formula term by term, its edge cases, the rank letters and Halstead volume.
import { describe, expect, it } from 'vitest';
import { createHalsteadCounts, halsteadVolume, maintainabilityIndex, maintainabilityRank } from './maintainability';
import { measureCode } from './metrics';

describe('maintainability index', () => {
  it("computes Radon's formula: (171 - 5.2 ln V - 0.23 G - 16.2 ln L + 50 sin(sqrt(2.46 rad(C)))) * 100 / 171", () => {
    // V = 100, G = 2, L = 10, no comments: 171 - 23.947 - 0.46 - 37.302 = 109.291 -> 63.913.
    expect(maintainabilityIndex(100, 2, 10, 0)).toBeCloseTo(63.913, 2);
    // 25% comments add 50 sin(sqrt(2.46 * 0.436332)) = 50 sin(1.036045) = 43.0284 points before scaling.
    expect(maintainabilityIndex(100, 2, 10, 25)).toBeCloseTo(89.0707, 3);
  });

  it('is 100 for empty code and stays within 0-100', () => {
    expect(maintainabilityIndex(0, 0, 0, 0)).toBe(100);
    expect(maintainabilityIndex(10, 1, 0, 0)).toBe(100);
    expect(maintainabilityIndex(1e9, 5000, 100_000, 0)).toBe(0);
    expect(maintainabilityIndex(1.5, 0, 1, 100)).toBe(100);
  });

  it("ranks like radon.metrics.mi_rank: A above 19, B above 9, else C", () => {
    expect([maintainabilityRank(19.01), maintainabilityRank(19), maintainabilityRank(9.5), maintainabilityRank(9), maintainabilityRank(0)]).toEqual(['A', 'B', 'B', 'C', 'C']);
  });

  it('takes Halstead volume as N log2(n) over the operators Radon counts', async () => {
    const counts = createHalsteadCounts();
    counts.operators = 3;
    counts.operands = 6;
    counts.distinctOperators = new Set(['+', '*']);
    counts.distinctOperands = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(halsteadVolume(counts)).toBeCloseTo(9 * 3, 6);
    // `a + b * c` is two binary operators over (a, b*c) and (b, c): N1 = 2, N2 = 4, n1 = 2, n2 = 4 -> 6 log2 6.
    const { maintainability } = await measureCode('x = a + b * c\n', 'python');
    expect(maintainability.halsteadVolume).toBeCloseTo(6 * Math.log2(6), 2);
    // G = 0, L = 1, V = 15.51: MI = (171 - 5.2 ln 15.51) * 100 / 171.
    expect(maintainability.index).toBeCloseTo(((171 - 5.2 * Math.log(6 * Math.log2(6))) * 100) / 171, 1);
  });
});
