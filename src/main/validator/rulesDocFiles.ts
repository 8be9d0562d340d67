// Where docs/rules.md and the benchmark's recorded figures live, shared by scripts/rules-doc.ts and its test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkFigures } from './rulesDoc';

export const rulesDocPath = (root: string): string => join(root, 'docs', 'rules.md');
export const benchmarkFiguresPath = (root: string): string => join(root, 'src', 'main', 'validator', 'benchmarkFigures.json');

/** The figures bench/validate.ts --write recorded, or null before the benchmark has been run. */
export function readBenchmarkFigures(root: string): BenchmarkFigures | null {
  const path = benchmarkFiguresPath(root);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchmarkFigures) : null;
}
