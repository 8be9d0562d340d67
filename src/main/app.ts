// The composition root: the one place that knows how the store and the services fit together, for every host.
import os from 'node:os';
import type { AppInfo } from '../shared/app';
import type { Handlers } from '../shared/contract';
import { productName, type AppConfig } from './config';
import { createEventHub, type EventHub } from './events';
import { createHandlers } from './handlers';
import { createSandbox, type Sandbox } from './sandbox';
import { detectIsolation } from './sandbox/isolation';
import { createAuditRepo } from './store/auditRepo';
import { openDatabase, schemaVersion, type Db } from './store/db';
import { createExecutionRepo } from './store/executionRepo';
import { createSettingsRepo } from './store/settingsRepo';
import { createValidator, type Validator } from './validator';

export type App = {
  config: AppConfig;
  handlers: Handlers;
  events: EventHub;
  db: Db;
  services: Services;
  /** Stops the services (running programs, watchers, workers), then closes the database; the app is unusable after. */
  close(): Promise<void>;
};

export function createRepos(db: Db) {
  return { settings: createSettingsRepo(db), audit: createAuditRepo(db), executions: createExecutionRepo(db) };
}
export type Repos = ReturnType<typeof createRepos>;

/** The pipeline services every host shares. Each is plain TypeScript; handlers/ maps the contract onto them. */
export type Services = {
  validator: Validator;
  sandbox: Sandbox;
};

/** The name recorded with every decision in the audit trail. */
export function localUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export async function createApp(config: AppConfig): Promise<App> {
  const db = openDatabase(config.dbPath, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
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
  const validator = createValidator();
  const settings = repos.settings.all();
  const sandbox = createSandbox({
    executions: repos.executions,
    validate: (code, language, tier) => validator.validate({ code, language, tier }),
    emit: events.emit,
    isolation,
    pythonPath: settings['sandbox.pythonPath'],
  });
  const services: Services = { validator, sandbox };
  const handlers = createHandlers({ repos, services, events, info, dbPath: config.dbPath, db, user });
  let closing: Promise<void> | null = null;
  return {
    config,
    handlers,
    events,
    db,
    services,
    close() {
      // Services first: a run being stopped or a worker finishing a batch still writes to the database.
      closing ??= (async () => {
        await Promise.allSettled([sandbox.close()]);
        db.close();
      })();
      return closing;
    },
  };
}
