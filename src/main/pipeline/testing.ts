// Test helpers for the pipeline: real templates, validator, library, SQLite store and sandbox in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import type { PipelineStageEvent, PipelineTokenEvent } from '../../shared/generation';
import { findAppRoot } from '../appRoot';
import { createGenerator } from '../generator';
import { createLibrary } from '../library';
import { createQualityService } from '../quality';
import { createSandbox } from '../sandbox';
import { openDatabase, type Db } from '../store/db';
import { createExecutionRepo } from '../store/executionRepo';
import { createGenerationRepo } from '../store/generationRepo';
import { createLibraryRepo } from '../store/libraryRepo';
import { createQualityRepo } from '../store/qualityRepo';
import { createTemplateEngine } from '../templates';
import { makeTempDir } from '../testing/tempDir';
import { createValidator } from '../validator';
import { createHarnessVerdicts, createPipeline, type BodyProvider } from './index';

export type PipelineHarness = ReturnType<typeof createPipelineHarness>;

/** `quality: true` adds the real quality analyzer (pyright's server, Ruff) to the quality stage, as the app has it. */
export function createPipelineHarness(options: { provider?: BodyProvider; reviewFeedback?: (specId: number) => string[]; quality?: boolean } = {}) {
  const { dir, cleanup } = makeTempDir('ark-pipeline-test-');
  fs.chmodSync(dir, 0o711);
  const db: Db = openDatabase(path.join(dir, 'ark.db'));
  const appRoot = findAppRoot(__dirname);
  const templates = createTemplateEngine({ builtinDir: path.join(appRoot, 'templates'), userDir: path.join(dir, 'templates') });
  const generator = createGenerator({ templates });
  const harness = createHarnessVerdicts();
  const sandbox = createSandbox({ executions: createExecutionRepo(db), validate: harness.validate, emit: () => {}, baseDir: path.join(dir, 'runs') });
  const repo = createGenerationRepo(db);
  const library = createLibrary({ repo: createLibraryRepo(db) });
  const quality = options.quality ? createQualityService({ reports: createQualityRepo(db), options: { optionalTools: { pylint: null, mypy: null } } }) : null;
  const events: PipelineStageEvent[] = [];
  const tokens: PipelineTokenEvent[] = [];
  const pipeline = createPipeline({
    generator,
    validator: createValidator(),
    library,
    repo,
    harness,
    runHarness: (request, signal) =>
      sandbox.run({ code: request.code, language: request.language, tier: request.tier, limits: { timeoutMs: request.timeoutMs }, ...(request.artifactId ? { artifactId: request.artifactId } : {}) }, signal),
    emitStage: (event) => events.push(event),
    emitToken: (event) => tokens.push(event),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.reviewFeedback ? { reviewFeedback: options.reviewFeedback } : {}),
    ...(quality ? { quality } : {}),
  });
  return {
    pipeline,
    harness,
    generator,
    library,
    repo,
    sandbox,
    events,
    tokens,
    templates,
    quality,
    /** The harness's database, for services built over it in a test (suggestions). */
    database: (): Db => db,
    async close() {
      await sandbox.close();
      await quality?.close();
      db.close();
      cleanup();
    },
  };
}
