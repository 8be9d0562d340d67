// Opens the workbench database: WAL, foreign keys, busy timeout, numbered migrations; refuses what it cannot trust.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArkError } from '../../shared/errors';
import { latestSchemaVersion, migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export type OpenDatabaseOptions = {
  /** Path to a better_sqlite3.node built for this runtime (the Electron build lives apart from Node's). */
  nativeBinding?: string;
  /** How long to wait for another connection's lock before giving up (SQLite busy timeout). */
  busyTimeoutMs?: number;
  /** The migrations to apply; tests pass a prefix to build databases of earlier versions. */
  migrations?: readonly Migration[];
};

/** Opens (creating if needed) and migrates the database at `file`. Throws ArkError with a next step on failure. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const isMemory = file === ':memory:';
  if (!isMemory) ensureParentFolder(file);
  let db: Db;
  try {
    db = new Database(file, {
      timeout: options.busyTimeoutMs ?? 5000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw describeOpenError(file, err);
  }
  try {
    // The first statement reads the header: a damaged file or a lock shows up here, before anything is written.
    const version = db.pragma('user_version', { simple: true }) as number;
    const target = migrations[migrations.length - 1]?.version ?? 0;
    if (version > target) {
      throw new ArkError(
        'conflict',
        `The database ${file} was written by a newer version of ARK Workbench (schema ${version}; this version knows up to ${target}). ` +
          'Update ARK Workbench, or pass --db (or ARK_DB) to use another file. The file was not changed.',
        { file, schemaVersion: version, supportedVersion: target },
      );
    }
    if (version === 0 && hasForeignTables(db)) {
      throw new ArkError(
        'conflict',
        `${file} is an SQLite database, but not one of ARK Workbench's. Pass --db (or ARK_DB) with another path; the file was not changed.`,
        { file },
      );
    }
    if (!isMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version > 0 && version < target && !isMemory) backupBeforeMigrating(db, file, version);
    applyMigrations(db, migrations, version);
    return db;
  } catch (err) {
    db.close();
    throw describeOpenError(file, err);
  }
}

/** Applies every migration newer than `from`, each in its own transaction, recording it in user_version. */
export function applyMigrations(db: Db, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export { latestSchemaVersion };

function ensureParentFolder(file: string): void {
  const folder = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new ArkError('unavailable', `Cannot create the folder ${folder} for the database: ${reasonOf(err)}. Pass --db (or ARK_DB) with a writable path.`, {
      file,
    });
  }
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n > 0;
}

// A copy taken before an upgrade, so a migration that goes wrong never costs the user their history.
function backupBeforeMigrating(db: Db, file: string, version: number): void {
  const backup = `${file}.v${version}.bak`;
  if (fs.existsSync(backup)) return;
  db.prepare('VACUUM INTO ?').run(backup);
}

function describeOpenError(file: string, err: unknown): ArkError {
  if (err instanceof ArkError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = reasonOf(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ArkError(
      'unavailable',
      `The database ${file} is locked by another program (${detail}). Close the other ARK Workbench or tool that holds it and try again, or pass --db to use another file.`,
      { file, sqliteCode: code },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new ArkError(
      'unavailable',
      `The database ${file} is damaged or is not a database (${detail}). It was left untouched: move it aside to start afresh, or restore a backup (${file}.v*.bak) — or pass --db to use another file.`,
      { file, sqliteCode: code },
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR') {
    return new ArkError('unavailable', `Cannot open the database ${file} (${detail}). Check that the folder exists and is writable, or pass --db with another path.`, {
      file,
      sqliteCode: code,
    });
  }
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(detail)) {
    return new ArkError(
      'unavailable',
      `The SQLite driver was built for another runtime (${detail.split('\n')[0]}). Run "npm test" (rebuilds it for Node) or "npm start" (for Electron).`,
    );
  }
  return new ArkError('unavailable', `Cannot open the database ${file}: ${detail}`, { file });
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
