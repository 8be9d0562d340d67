// Radon's maintainability index and the Halstead volume it rests on (radon/metrics.py, `mi_compute` and `h_visit`).
import type { Maintainability } from '../../shared/quality';

/** Halstead's counts as Radon takes them: only arithmetic, boolean, comparison and augmented-assignment operators. */
export type HalsteadCounts = {
  operators: number;
  operands: number;
  distinctOperators: Set<string>;
  distinctOperands: Set<string>;
};

export function createHalsteadCounts(): HalsteadCounts {
  return { operators: 0, operands: 0, distinctOperators: new Set(), distinctOperands: new Set() };
}

/** V = N · log2(η), with N = N1 + N2 and η = η1 + η2; 0 when nothing was counted. */
export function halsteadVolume(counts: HalsteadCounts): number {
  const vocabulary = counts.distinctOperators.size + counts.distinctOperands.size;
  const length = counts.operators + counts.operands;
  return vocabulary === 0 ? 0 : length * Math.log2(vocabulary);
}

/**
 * Radon's MI (https://radon.readthedocs.io/en/latest/intro.html#maintainability-index), itself the variant of
 * Oman & Hagemeister's index used by Visual Studio, rescaled to 0–100:
 *   MI = max(0, min(100, (171 − 5.2·ln V − 0.23·G − 16.2·ln L + 50·sin(√(2.46·rad(C)))) · 100 / 171))
 * V Halstead volume, G total cyclomatic complexity, L logical lines, C comment lines as a percentage of SLOC.
 * Like Radon, an empty file (V or L not positive) scores 100.
 */
export function maintainabilityIndex(volume: number, complexity: number, lloc: number, commentPercent: number): number {
  if (volume <= 0 || lloc <= 0) return 100;
  const commentScale = Math.sqrt(2.46 * ((commentPercent * Math.PI) / 180));
  const raw = 171 - 5.2 * Math.log(volume) - 0.23 * complexity - 16.2 * Math.log(lloc) + 50 * Math.sin(commentScale);
  return Math.min(Math.max(0, (raw * 100) / 171), 100);
}

/** Radon's letter: A above 19, B from 10 to 19, C below 10 (radon.metrics.mi_rank). */
export function maintainabilityRank(index: number): Maintainability['rank'] {
  if (index > 19) return 'A';
  return index > 9 ? 'B' : 'C';
}

export function measureMaintainability(input: { halstead: HalsteadCounts; complexity: number; lloc: number; sloc: number; commentLines: number }): Maintainability {
  const halsteadVolumeValue = halsteadVolume(input.halstead);
  const commentPercent = input.sloc === 0 ? 0 : (input.commentLines / input.sloc) * 100;
  const index = maintainabilityIndex(halsteadVolumeValue, input.complexity, input.lloc, commentPercent);
  return {
    index: round(index, 2),
    rank: maintainabilityRank(index),
    halsteadVolume: round(halsteadVolumeValue, 2),
    complexity: input.complexity,
    lloc: input.lloc,
    commentPercent: round(commentPercent, 2),
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
