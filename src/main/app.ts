// The composition root: the one place that knows how the store and the services fit together, for every host.
import os from 'node:os';
import type { AppInfo } from '../shared/app';
import type { Handlers } from '../shared/contract';
import { productName, type AppConfig } from './config';
import { createEventHub, type EventHub } from './events';
import { createHandlers } from './handlers';
import { detectIsolation } from './sandbox/isolation';
import { createAuditRepo } from './store/auditRepo';
import { openDatabase, schemaVersion, type Db } from './store/db';
import { createSettingsRepo } from './store/settingsRepo';

export type App = {
  config: AppConfig;
  handlers: Handlers;
  events: EventHub;
  db: Db;
  /** Closes the database; the app must not be used afterwards. */
  close(): void;
};

export function createRepos(db: Db) {
  return { settings: createSettingsRepo(db), audit: createAuditRepo(db) };
}
export type Repos = ReturnType<typeof createRepos>;

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
  const handlers = createHandlers({ repos, events, info, dbPath: config.dbPath, db, user });
  let closed = false;
  return {
    config,
    handlers,
    events,
    db,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
