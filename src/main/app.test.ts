// The composition root's own behaviour: the validator warm-up the hosts start once they are up.
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createApp, type App } from './app';
import { makeTempDir } from './testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let app: App;

beforeEach(async () => {
  temp = makeTempDir('ark-app-');
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
});

afterEach(async () => {
  await app.close();
  temp.cleanup();
});

// The audit trail, runs and stored validations: a warm-up is none of them.
const rowCounts = () =>
  Object.fromEntries(['events', 'executions', 'validations'].map((table) => [table, (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));

test('the warm-up validates once per process in the background, records nothing, and leaves the validator working', async () => {
  const before = rowCounts();
  const first = app.warmUp();
  expect(app.warmUp()).toBe(first);
  await first;
  expect(rowCounts()).toEqual(before);
  const report = await app.services.validator.validate({ code: 'import os\nos.system("ls")\n', language: 'python', tier: 'sandbox' });
  expect(report.blocked).toBe(true);
});

test('closing the app while the warm-up runs waits for it and closes cleanly', async () => {
  const warming = app.warmUp();
  await app.close();
  await expect(warming).resolves.toBeUndefined();
});
