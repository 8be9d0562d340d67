// Reuse, through the whole app: a function already in an indexed project is offered first, and used only when it
// passes the spec's examples.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../../shared/spec';
import { createApp, type App } from '../app';
import { makeTempDir } from '../testing/tempDir';

let app: App;
let temp: ReturnType<typeof makeTempDir>;
let project: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  project = makeTempDir('ark-reuse-project-');
  fs.writeFileSync(
    path.join(project.dir, 'shapes.py'),
    'def triple_area(side: float) -> float:\n    """Three squares of the side."""\n    return 3 * side * side\n\n\ndef wrong_triple(side: float) -> float:\n    return side\n',
  );
  app = await createApp({ host: 'cli', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
  await app.services.indexer.indexProject(project.dir);
});

afterAll(async () => {
  await app.close();
  temp.cleanup();
  project.cleanup();
});

const spec = (name: string, expected: number): Spec => ({
  name,
  language: 'python',
  description: 'Return the area of three squares with the given side.',
  parameters: [{ name: 'side', type: 'float' }],
  returns: { type: 'float' },
  examples: [{ args: [2], expected }],
  constraints: [],
  tier: 'sandbox',
});

describe('reuse', () => {
  it('uses the project function of the same name when it passes the examples', async () => {
    const result = await app.services.pipeline.run({ spec: spec('triple_area', 12) });
    expect(result.status).toBe('ready-for-review');
    expect(result.source).toBe('reuse');
    expect(result.origin.reference).toMatch(/^shapes\.py:1 triple_area$/);
    expect(result.code).toContain('return 3 * side * side');
  }, 60_000);

  it('does not use it when it fails the examples', async () => {
    const result = await app.services.pipeline.run({ spec: spec('wrong_triple', 12) });
    expect(result.source).not.toBe('reuse');
    expect(result.status).toBe('needs-body');
  }, 60_000);
});
