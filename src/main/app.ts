// The composition root: the one place that knows how the store and the services fit together, for every host.
import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../shared/app';
import type { Language } from '../shared/domain';
import { ArkError } from '../shared/errors';
import type { Handlers } from '../shared/contract';
import { productName, type AppConfig } from './config';
import { createEventHub, type EventHub } from './events';
import { createHandlers } from './handlers';
import { createQualityService, type QualityService } from './quality';
import { createGitDeployer } from './deploy/gitDeployer';
import { createInsights, type InsightsService } from './insights';
import { createReviewService, type ReviewService } from './review';
import { createSuggestionService, type SuggestionService } from './suggestions/service';
import { createIndexer, type Indexer } from './indexer';
import { createGenerationServices, type GenerationServices } from './pipeline/services';
import { createSandbox, type Sandbox } from './sandbox';
import { detectIsolation } from './sandbox/isolation';
import { withFindingsSummary } from './sandbox/validation';
import { createAuditRepo } from './store/auditRepo';
import { startCheckpointer } from './store/checkpointer';
import { nameDatabaseInErrors, openDatabase, schemaVersion, type Db } from './store/db';
import { createExecutionRepo } from './store/executionRepo';
import { createGenerationRepo } from './store/generationRepo';
import { createLibraryRepo } from './store/libraryRepo';
import { createProviderRepo } from './store/providerRepo';
import { createPolicyRepo } from './store/policyRepo';
import { createQualityRepo } from './store/qualityRepo';
import { createReviewRepo } from './store/reviewRepo';
import { createSettingsRepo } from './store/settingsRepo';
import { createValidator, type Validator } from './validator';
import type { SecretCipher } from './secrets';
import { workerScript } from './workerScript';

export type App = {
  config: AppConfig;
  handlers: Handlers;
  events: EventHub;
  db: Db;
  services: Services;
  /**
   * Validates a few lines of each language once, in the background: the first validation loads Ruff's and
   * tree-sitter's WebAssembly (1–2 s), and the hosts call this when they are up, so a person's first keystrokes in
   * the Editor do not pay for it. Never fails; a later call returns the same promise.
   */
  warmUp(): Promise<void>;
  /** Stops the services (running programs, watchers, workers), then closes the database; the app is unusable after. */
  close(): Promise<void>;
};

const warmUpSamples: readonly { language: Language; code: string }[] = [
  { language: 'python', code: 'def total(values: list[int]) -> int:\n    """Adds the values."""\n    return sum(values)\n' },
  { language: 'typescript', code: 'export function total(values: number[]): number {\n  return values.reduce((sum, value) => sum + value, 0);\n}\n' },
  { language: 'javascript', code: 'export function total(values) {\n  return values.reduce((sum, value) => sum + value, 0);\n}\n' },
];

export function createRepos(db: Db) {
  return { settings: createSettingsRepo(db), audit: createAuditRepo(db), executions: createExecutionRepo(db), policies: createPolicyRepo(db), review: createReviewRepo(db), quality: createQualityRepo(db), generation: createGenerationRepo(db), library: createLibraryRepo(db), provider: createProviderRepo(db) };
}
export type Repos = ReturnType<typeof createRepos>;

/** The pipeline services every host shares. Each is plain TypeScript; handlers/ maps the contract onto them. */
export type Services = {
  validator: Validator;
  sandbox: Sandbox;
  indexer: Indexer;
  review: ReviewService;
  insights: InsightsService;
  suggestions: SuggestionService;
  quality: QualityService;
} & GenerationServices;

/** The name recorded with every decision in the audit trail. */
export function localUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** What a host brings besides paths: the desktop app a cipher built on Electron's safeStorage. */
export type AppOptions = { secretCipher?: SecretCipher };

export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const db = openDatabase(config.dbPath, {
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    readOnlyWhenUnwritable: config.readOnlyWhenUnwritable === true,
    // The app's own data folder is created on first start; a chosen path (--db, ARK_DB) with a missing folder is refused.
    createFolder: path.resolve(config.dbPath) === path.join(path.resolve(config.dataDir), 'ark.db'),
  });
  // The desktop app and the web host checkpoint the WAL on a thread of their own (see checkpointer.ts); a CLI command
  // is over too soon to gain from it.
  const checkpointer =
    config.host !== 'cli' && !db.readonly && !db.memory
      ? startCheckpointer(db, { file: config.dbPath, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) })
      : null;
  const repos = createRepos(db);
  const events = createEventHub();
  const isolation = await detectIsolation();
  const user = localUserName();
  const info = (): AppInfo => ({
    name: productName,
    version: config.version,
    host: config.host,
    platform: `${process.platform}-${process.arch}`,
    nodeVersion: process.versions.node,
    electronVersion: config.electronVersion ?? null,
    dataDir: config.dataDir,
    dbPath: config.dbPath,
    schemaVersion: schemaVersion(db),
    isolation,
    user,
  });
  // A CLI call is not a session of the workbench; only the desktop app and the web host record their start.
  if (config.host !== 'cli') repos.audit.append({ kind: 'app.started', actor: user, data: { host: config.host, version: config.version } });
  const validator = createValidator({ policies: repos.policies });
  const settings = repos.settings.all();
  const sandbox = createSandbox({
    executions: repos.executions,
    validate: async (code, language, tier) => withFindingsSummary(await validator.validate({ code, language, tier })),
    emit: events.emit,
    isolation,
    // Read at each run, so a changed setting applies to the next run without a restart.
    pythonPath: () => repos.settings.get('sandbox.pythonPath'),
  });
  const indexer = createIndexer({
    db,
    // The parse worker: bundled beside the entries when built, its source through tsx otherwise.
    workerScript: workerScript('indexWorker', new URL('./indexer/worker.ts', import.meta.url)),
    emit: events.emit,
    maxFileBytes: settings['index.maxFileKb'] * 1024,
  });
  const quality = createQualityService({ reports: repos.quality });
  const generation = createGenerationServices({
    appRoot: config.appRoot,
    dataDir: config.dataDir,
    repos,
    validator,
    indexer,
    events,
    isolation,
    pythonPath: () => repos.settings.get('sandbox.pythonPath'),
    reviewFeedback: (specId) => repos.review.feedbackForSpec(specId),
    ...(options.secretCipher ? { secretCipher: options.secretCipher } : {}),
    quality,
  });
  // A key stored in plain text (by an older version, the web host or the CLI) is encrypted once a cipher is here.
  await generation.services.providerApiKey.reseal();
  const review = createReviewService({
    repo: repos.review,
    git: createGitDeployer({ user }),
    audit: (kind, data) => events.emit('audit.appended', repos.audit.append({ kind, actor: user, data })),
    user,
    // Approved code joins the library, so later specs can reuse it; code that came from the library or the project
    // is already there.
    joinLibrary: (artifactId) => {
      const source = repos.review.item(artifactId)?.bodySource;
      if (source === 'library' || source === 'reuse') throw new ArkError('conflict', `its body came from the ${source === 'library' ? 'library' : 'project'} already.`);
      return generation.services.pipeline.addToLibrary(artifactId).name;
    },
  });
  const services: Services = {
    validator,
    sandbox,
    indexer,
    review,
    quality,
    ...generation.services,
    insights: createInsights(db),
    suggestions: createSuggestionService({ db, quality, pipeline: generation.services.pipeline, provider: generation.services.provider }),
  };
  const handlers = nameDatabaseInErrors(createHandlers({ repos, services, events, info, dbPath: config.dbPath, db, user }), config.dbPath);
  let closing: Promise<void> | null = null;
  let warming: Promise<void> | null = null;
  return {
    config,
    handlers,
    events,
    db,
    services,
    warmUp() {
      warming ??= (async () => {
        for (const sample of warmUpSamples) {
          if (closing) return;
          await validator.validate({ ...sample, tier: 'sandbox' }).catch(() => undefined);
        }
      })();
      return warming;
    },
    close() {
      // Services first: a run being stopped or a worker finishing a batch still writes to the database.
      closing ??= (async () => {
        // A warm-up under way reads the tier policies; let it finish before the database closes.
        await warming;
        await Promise.allSettled([sandbox.close(), indexer.close(), generation.close()]);
        // After the pipeline's sandbox: a run stopped there may still finish its quality stage.
        await quality.close();
        await checkpointer?.stop();
        db.close();
      })();
      return closing;
    },
  };
}
