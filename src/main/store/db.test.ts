import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { makeTempDir } from '../testing/tempDir';
import { createIndexer, sourceWorkerScript } from '../indexer';
import { createAuditRepo } from './auditRepo';
import { createIndexRepo } from './indexRepo';
import { makeUnwritable } from '../testing/unwritable';
import { latestSchemaVersion, nameDatabaseInErrors, openDatabase, schemaVersion } from './db';
import { migrations } from './migrations';
import { createSettingsRepo } from './settingsRepo';

const expectedTables = [
  'projects', 'tier_rules', 'files', 'skipped_paths', 'symbols', 'symbols_fts', 'specs', 'spec_versions', 'artifacts',
  'pipeline_stages', 'validations', 'executions', 'execution_output', 'test_runs', 'quality_reports', 'reviews',
  'deployments', 'settings', 'events',
];

function sha256(file: string) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function catchArkError(work: () => unknown): ArkError {
  try {
    work();
  } catch (err) {
    if (err instanceof ArkError) return err;
    throw err;
  }
  throw new Error('expected an ArkError');
}

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'nested', 'ark.db');
  });
  afterEach(() => temp.cleanup());

  it('creates the folder and the whole schema with WAL and foreign keys on', () => {
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name);
    for (const table of expectedTables) expect(tables).toContain(table);
    db.close();
  });

  it('numbers migrations 1, 2, 3… without gaps, so every earlier version has a path to the latest', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it.each(migrations.map((m) => [m.version - 1] as const))('migrates a database of version %i to the latest', (from) => {
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= from) });
    expect(schemaVersion(old)).toBe(from);
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
    if (from > 0) expect(fs.existsSync(`${file}.v${from}.bak`)).toBe(true);
  });

  it('keeps data across a reopen', () => {
    const db = openDatabase(file);
    createSettingsRepo(db).set('ui.theme', 'dark');
    createAuditRepo(db).append({ kind: 'test.kept', actor: 'tester', data: { n: 1 } });
    db.close();
    const again = openDatabase(file);
    expect(createSettingsRepo(again).get('ui.theme')).toBe('dark');
    expect(createAuditRepo(again).list({ limit: 10 }).map((e) => e.kind)).toEqual(['test.kept']);
    again.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = sha256(file);
    const error = catchArkError(() => openDatabase(file));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(file);
    expect(error.message).toContain('newer version');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a damaged file with a message that names it, and does not touch it', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const before = sha256(file);
    const error = catchArkError(() => openDatabase(file));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged|not a database/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses an SQLite database that belongs to another program', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = new Database(file);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')");
    other.close();
    const error = catchArkError(() => openDatabase(file));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('not one of ARK Workbench');
    const check = new Database(file);
    expect(check.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
    check.close();
  });

  it('explains a database locked by another program', () => {
    openDatabase(file).close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const error = catchArkError(() => openDatabase(file, { busyTimeoutMs: 50 }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('locked');
    holder.exec('ROLLBACK');
    holder.close();
  });

  it('explains a path it cannot create', () => {
    const blocker = path.join(temp.dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const error = catchArkError(() => openDatabase(path.join(blocker, 'ark.db')));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('--db');
  });

  it('refuses a missing folder it was told not to create, naming it, and creates nothing', () => {
    const error = catchArkError(() => openDatabase(file, { createFolder: false }));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`The folder ${path.dirname(file)} for the database ${file} does not exist`);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('names the database file when a statement meets another program’s lock', async () => {
    const db = openDatabase(file, { busyTimeoutMs: 50 });
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    const handlers = nameDatabaseInErrors({ 'settings.set': async () => createSettingsRepo(db).set('ui.theme', 'dark') }, file);
    try {
      await expect(handlers['settings.set']()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining(`The database ${file} is locked by another program`) });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      db.close();
    }
  });

  // The file unwritable (SQLite puts its -shm beside it), or the folder (no -shm can be made: read from memory).
  it.each(['file', 'folder'] as const)('opens a database whose %s it cannot write read-only for reading, and refuses it for writing', (what) => {
    const db = openDatabase(file);
    createSettingsRepo(db).set('ui.theme', 'dark');
    db.close();
    const undo = makeUnwritable(what === 'file' ? file : path.dirname(file));
    if (!undo) return console.warn(`SKIPPED: cannot make the ${what} unwritable here.`);
    try {
      const writing = catchArkError(() => openDatabase(file));
      expect(writing.code).toBe('unavailable');
      expect(writing.message).toContain(`The database ${file} is read-only for this user`);
      const reading = openDatabase(file, { readOnlyWhenUnwritable: true });
      expect(reading.readonly).toBe(true);
      expect(createSettingsRepo(reading).get('ui.theme')).toBe('dark');
      expect(() => createSettingsRepo(reading).set('ui.theme', 'light')).toThrow(/readonly/);
      reading.close();
    } finally {
      undo();
    }
  });

  it('refuses to read, from a folder it cannot write, a database whose write-ahead log holds changes (no stale data)', () => {
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    createSettingsRepo(db).set('ui.theme', 'dark');
    // As after a crash: the main file and its -wal, no -shm, in a folder this process cannot write.
    const copy = path.join(temp.dir, 'copy');
    fs.mkdirSync(copy);
    fs.copyFileSync(file, path.join(copy, 'ark.db'));
    fs.copyFileSync(`${file}-wal`, path.join(copy, 'ark.db-wal'));
    db.close();
    const copied = path.join(copy, 'ark.db');
    const undo = makeUnwritable(copy);
    if (!undo) return console.warn('SKIPPED: cannot make the folder unwritable here.');
    try {
      const error = catchArkError(() => openDatabase(copied, { readOnlyWhenUnwritable: true }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toContain(`The database ${copied} has changes in its write-ahead log`);
    } finally {
      undo();
    }
    // With write access it opens, log and all.
    const reopened = openDatabase(copied);
    expect(createSettingsRepo(reopened).get('ui.theme')).toBe('dark');
    reopened.close();
  });

  it('refuses to read an outdated database it cannot upgrade, and leaves it unchanged', () => {
    openDatabase(file, { migrations: migrations.slice(0, -1) }).close();
    const before = sha256(file);
    const undo = makeUnwritable(path.dirname(file));
    if (!undo) return console.warn('SKIPPED: cannot make the folder unwritable here.');
    try {
      const error = catchArkError(() => openDatabase(file, { readOnlyWhenUnwritable: true }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toContain(`The database ${file} has schema ${latestSchemaVersion - 1}, older than this version of ARK Workbench reads (${latestSchemaVersion})`);
      expect(error.message).toContain('cannot be upgraded');
    } finally {
      undo();
    }
    expect(sha256(file)).toBe(before);
  });

  it('rebuilds the symbol search index when it upgrades a schema-4 database, and search finds what was indexed', async () => {
    const project = path.join(temp.dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'shapes.py'), 'def polygon_area(points):\n    """Shoelace formula for a simple polygon."""\n    return 0\n');
    const old = openDatabase(file, { migrations: migrations.slice(0, 4) });
    const indexer = createIndexer({ db: old, workerScript: sourceWorkerScript() });
    await indexer.indexProject(project);
    await indexer.close();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    const repo = createIndexRepo(db);
    // A word of the docstring (the full-text index) and a three-letter prefix of a name part.
    expect(repo.search({ text: 'shoelace' }).map((hit) => hit.name)).toEqual(['polygon_area']);
    expect(repo.search({ text: 'are' }).map((hit) => hit.name)).toContain('polygon_area');
    db.close();
  });

  it('keeps the audit trail append-only', () => {
    const db = openDatabase(file);
    const audit = createAuditRepo(db);
    const event = audit.append({ kind: 'x', actor: 'me' });
    expect(() => db.prepare('UPDATE events SET kind = ? WHERE id = ?').run('y', event.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('settings repo', () => {
  it('returns defaults, stores valid values and ignores a stored value that no longer fits', () => {
    const db = openDatabase(':memory:');
    const settings = createSettingsRepo(db);
    expect(settings.get('ui.theme')).toBe('system');
    settings.set('sandbox.timeoutMs', 2500);
    expect(settings.all()['sandbox.timeoutMs']).toBe(2500);
    expect(() => settings.set('ui.theme', 'purple' as never)).toThrow();
    db.prepare("INSERT OR REPLACE INTO settings (key, value_json) VALUES ('ui.theme', '\"purple\"')").run();
    expect(settings.get('ui.theme')).toBe('system');
    db.prepare("INSERT OR REPLACE INTO settings (key, value_json) VALUES ('ui.theme', 'not json')").run();
    expect(settings.all()['ui.theme']).toBe('system');
    db.close();
  });
});
