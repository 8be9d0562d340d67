// Generation's services as the composition root creates them: templates (built-in and the user's), the generator,
// the library, the harness sandbox the pipeline tests in, the model provider, and the pipeline itself.
import fs from 'node:fs';
import path from 'node:path';
import type { IsolationInfo } from '../../shared/app';
import { findAppRoot } from '../appRoot';
import type { EventHub } from '../events';
import { createGenerator, type Generator } from '../generator';
import type { Indexer } from '../indexer';
import { createLibrary, type Library } from '../library';
import { createSandbox } from '../sandbox';
import type { ExecutionRepo } from '../store/executionRepo';
import type { GenerationRepo } from '../store/generationRepo';
import type { LibraryRepo } from '../store/libraryRepo';
import type { ProviderRepo } from '../store/providerRepo';
import { createChatProvider } from '../provider';
import { createProviderApiKey, type ProviderApiKey } from '../provider/apiKey';
import type { SecretCipher } from '../secrets';
import { createTemplateEngine, type TemplateEngine } from '../templates';
import type { Validator } from '../validator';
import { createHarnessVerdicts, createPipeline, type BodyProvider, type Pipeline, type PipelineDeps } from './index';
import { createIndexReuse } from './reuse';

export type GenerationServices = { templates: TemplateEngine; generator: Generator; library: Library; pipeline: Pipeline; provider: BodyProvider; providerApiKey: ProviderApiKey };

export type GenerationDeps = {
  appRoot: string;
  dataDir: string;
  repos: { generation: GenerationRepo; library: LibraryRepo; executions: ExecutionRepo; provider: ProviderRepo };
  validator: Validator;
  indexer?: Pick<Indexer, 'search' | 'fileContent'>;
  events: EventHub;
  isolation: IsolationInfo;
  pythonPath: () => string;
  /** Reviewers' feedback on earlier versions of a spec, fed to the model provider. */
  reviewFeedback?: (specId: number) => string[];
  /** Encrypts the provider's API key at rest (Electron's safeStorage in the desktop app); without one it is plain text. */
  secretCipher?: SecretCipher;
  /** The quality analyzer the pipeline's quality stage assesses each generated version with. */
  quality?: PipelineDeps['quality'];
};

/**
 * appRoot holds templates/ in the checkout and in the packaged app's resources alike; a host started with another root
 * (tests that point it at a temp folder) still finds the checkout's templates beside this code.
 */
export function builtinTemplatesDir(appRoot: string): string {
  const configured = path.join(appRoot, 'templates');
  if (fs.existsSync(configured)) return configured;
  try {
    const checkout = path.join(findAppRoot(__dirname), 'templates');
    if (fs.existsSync(checkout)) return checkout;
  } catch {
    // Not inside a checkout: the configured folder is the only candidate.
  }
  return configured;
}

export function createGenerationServices(deps: GenerationDeps): { services: GenerationServices; close(): Promise<void> } {
  const templates = createTemplateEngine({ builtinDir: builtinTemplatesDir(deps.appRoot), userDir: path.join(deps.dataDir, 'templates') });
  const generator = createGenerator({ templates });
  const library = createLibrary({ repo: deps.repos.library });
  const harness = createHarnessVerdicts();
  // A sandbox of its own: same isolation, limits and history as every run, but it only runs the pipeline's test
  // harnesses, each carrying the verdict of the generated code inside it (see harness.ts).
  const harnessSandbox = createSandbox({
    executions: deps.repos.executions,
    validate: (code) => harness.validate(code),
    emit: deps.events.emit,
    isolation: deps.isolation,
    pythonPath: deps.pythonPath,
    // TypeScript tests run as JavaScript on the app's own runtime (Electron's binary run as Node in the desktop app).
  });
  const providerApiKey = createProviderApiKey({ repo: deps.repos.provider, ...(deps.secretCipher ? { cipher: deps.secretCipher } : {}) });
  // Read at each run, so settings saved in the UI apply to the next generation.
  const provider = createChatProvider(() => deps.repos.provider.settings(), { apiKey: () => providerApiKey.read() });
  const pipeline = createPipeline({
    generator,
    validator: deps.validator,
    library,
    repo: deps.repos.generation,
    harness,
    runHarness: (request, signal) =>
      harnessSandbox.run(
        {
          code: request.code,
          language: request.language,
          tier: request.tier,
          limits: { timeoutMs: request.timeoutMs, cpuSeconds: Math.ceil(request.timeoutMs / 1000) },
          ...(request.artifactId ? { artifactId: request.artifactId } : {}),
        },
        signal,
      ),
    emitStage: (event) => deps.events.emit('pipeline.stage', event),
    emitToken: (event) => deps.events.emit('pipeline.token', event),
    ...(deps.indexer ? { reuse: createIndexReuse(deps.indexer) } : {}),
    provider,
    ...(deps.reviewFeedback ? { reviewFeedback: deps.reviewFeedback } : {}),
    ...(deps.quality ? { quality: deps.quality } : {}),
  });
  return { services: { templates, generator, library, pipeline, provider, providerApiKey }, close: () => harnessSandbox.close() };
}
