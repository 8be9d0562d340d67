import { afterAll, describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { createTypeScriptThread } from './typescriptThread';
import { sourceWorker } from '../workerScript';

const thread = createTypeScriptThread(sourceWorker(new URL('./typescriptWorker.ts', import.meta.url)));
afterAll(() => thread.close());

describe('the TypeScript checker thread', () => {
  it('reports a type error with its position, and a clean file clean', async () => {
    const findings = await thread.check('export const count: number = "three";\n', 'typescript', { timeoutMs: 60_000 });
    expect(findings).toEqual([expect.objectContaining({ source: 'tsc', ruleId: 'TS2322', severity: 'error', line: 1, column: 14 })]);
    await expect(thread.check('export function twice(n: number): number {\n  return n * 2;\n}\n', 'typescript', { timeoutMs: 60_000 })).resolves.toEqual([]);
  });

  it('gives up on a check past its time limit with a timeout, and the next check gets a fresh thread', async () => {
    const late = thread.check('export const a: string = 1;\n', 'typescript', { timeoutMs: 1 });
    await expect(late).rejects.toSatisfy((error: unknown) => error instanceof ArkError && error.code === 'timeout');
    await expect(thread.check('let x: number = 1;\nx = "no";\n', 'typescript', { timeoutMs: 60_000 })).resolves.toEqual([expect.objectContaining({ ruleId: 'TS2322' })]);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = thread.check('export {};\n', 'typescript', { timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy((error: unknown) => error instanceof ArkError && error.code === 'cancelled');
  });
});
