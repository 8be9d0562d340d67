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
  /**
   * For work that only reads: a database this process cannot write (the file or its folder) is opened read-only,
   * not refused. It is not migrated, so one with an older schema is refused instead.
   */
  readOnlyWhenUnwritable?: boolean;
  /** Create the database's folder when it is missing (default true); false refuses a missing folder, naming it. */
  createFolder?: boolean;
};

/** Opens (creating if needed) and migrates the database at `file`. Throws ArkError with a next step on failure. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const isMemory = file === ':memory:';
  if (!isMemory) ensureParentFolder(file, options.createFolder ?? true);
  if (!isMemory && isUnwritable(file)) {
    if (options.readOnlyWhenUnwritable) return openReadOnly(file, migrations, options);
    throw new ArkError(
      'unavailable',
      `The database ${file} is read-only for this user (the file or its folder cannot be written), but this needs to write to it. ` +
        'Make it writable, or pass --db (or ARK_DB) with another path; commands that only read it (ark history, stats, search, db info) work as it is.',
      { file, readOnly: true },
    );
  }
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
    const { version, target } = readSchema(db, file, migrations);
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

function targetVersion(migrations: readonly Migration[]): number {
  return migrations[migrations.length - 1]?.version ?? 0;
}

/**
 * The database's schema version and the one this build writes. Refuses a database of a newer app, or an SQLite file
 * of another program; either is left unchanged.
 */
function readSchema(db: Db, file: string, migrations: readonly Migration[]): { version: number; target: number } {
  const version = db.pragma('user_version', { simple: true }) as number;
  const target = targetVersion(migrations);
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
  return { version, target };
}

/** Whether this process may write `target` (a file or folder). */
export function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** An existing database this process cannot write: the file, or the folder its -wal and -shm files live in. */
function isUnwritable(file: string): boolean {
  return fs.existsSync(file) && (!canWrite(file) || !canWrite(path.dirname(path.resolve(file))));
}

/**
 * Opens an unwritable database for reading, at the app's schema or refused. SQLite reads a WAL database read-only only
 * when its -wal and -shm files exist or can be created (sqlite.org/wal.html#readonly); in a folder this process cannot
 * write, with no -wal file, the main file holds every committed change, so an in-memory image of it is read instead,
 * its header marked as a rollback-journal file (bytes 18-19), which is what SQLite's in-memory database needs.
 */
function openReadOnly(file: string, migrations: readonly Migration[], options: OpenDatabaseOptions): Db {
  const settings = { readonly: true, timeout: options.busyTimeoutMs ?? 5000, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  let db: Db;
  try {
    const folderWritable = canWrite(path.dirname(path.resolve(file)));
    if (folderWritable || (fs.existsSync(`${file}-wal`) && fs.existsSync(`${file}-shm`))) db = new Database(file, { ...settings, fileMustExist: true });
    else {
      // Committed changes can still be in the -wal file, which SQLite reads only with its -shm index: the main file
      // alone would show older data without a word, so refuse instead.
      if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
        throw new ArkError(
          'unavailable',
          `The database ${file} has changes in its write-ahead log (${file}-wal) that cannot be read without write access to its folder. ` +
            'Open it once with write access (ARK Workbench then folds the log into the file), or pass --db (or ARK_DB) with another path. Nothing was changed.',
          { file, readOnly: true },
        );
      }
      const image = fs.readFileSync(file);
      if (image.length >= 20 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
      db = new Database(image, settings);
    }
  } catch (err) {
    throw describeOpenError(file, err);
  }
  try {
    const { version, target } = readSchema(db, file, migrations);
    if (version < target) {
      throw new ArkError(
        'unavailable',
        `The database ${file} has schema ${version}, older than this version of ARK Workbench reads (${target}), and it cannot be upgraded: ` +
          'the file or its folder is read-only for this user. Open it once with write access to upgrade it, or pass --db (or ARK_DB) with another path. The file was not changed.',
        { file, schemaVersion: version, supportedVersion: target, readOnly: true },
      );
    }
    db.pragma('foreign_keys = ON');
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

function ensureParentFolder(file: string, create: boolean): void {
  const folder = path.dirname(path.resolve(file));
  // A chosen path (--db, ARK_DB) whose folder is missing is most likely a typo: name the folder, create nothing.
  if (!create && !fs.existsSync(folder)) {
    throw new ArkError('not-found', `The folder ${folder} for the database ${file} does not exist. Check the --db path (or ARK_DB) for a typo, or create the folder first.`, {
      file,
      folder,
    });
  }
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

/**
 * An SQLite error a person can act on — busy or locked by another program, read-only — as an ArkError that names the
 * database file; undefined for anything else. Statements meet these long after opening, where the file is not known.
 */
export function describeDatabaseError(file: string, err: unknown): ArkError | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  const detail = reasonOf(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ArkError(
      'unavailable',
      `The database ${file} is locked by another program (${detail}). Close the other ARK Workbench or tool that holds it and try again, or pass --db to use another file.`,
      { file, sqliteCode: code },
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ArkError('unavailable', `The database ${file} is read-only (${detail}): nothing was saved. Make the file and its folder writable, or pass --db with another path.`, {
      file,
      sqliteCode: code,
    });
  }
  return undefined;
}

/** Wraps every handler so the database errors above reach the user naming the file, instead of a generic message. */
export function nameDatabaseInErrors<H extends Record<string, (...args: never[]) => Promise<unknown>>>(handlers: H, file: string): H {
  const wrapped: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (...args) => {
      try {
        return await handler(...args);
      } catch (err) {
        throw describeDatabaseError(file, err) ?? err;
      }
    };
  }
  return wrapped as H;
}

function describeOpenError(file: string, err: unknown): ArkError {
  if (err instanceof ArkError) return err;
  const code = (err as { code?: string }).code ?? '';
  const detail = reasonOf(err);
  const busy = code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? describeDatabaseError(file, err) : undefined;
  if (busy) return busy;
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
