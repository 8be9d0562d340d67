import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../main/testing/tempDir';
import { latestSchemaVersion } from '../main/store/migrations';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const run = (...args: string[]) => runCli(args);

describe('ark CLI', () => {
  it('prints help with exit 0, and usage with exit 2 when no command is given', async () => {
    expect((await run('--help')).code).toBe(0);
    expect((await run('--help')).out).toContain('ark serve');
    expect((await run()).code).toBe(2);
  });

  it('reports the database with --json: path, schema version and row counts', async () => {
    const db = path.join(temp.dir, 'cli.db');
    const result = await run('db', 'info', '--json', '--db', db);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.out);
    expect(info).toMatchObject({ path: db, schemaVersion: latestSchemaVersion, appSchemaVersion: latestSchemaVersion, journalMode: 'wal' });
    expect(info.counts).toHaveProperty('events');
  });

  it('honours ARK_DB when --db is not given', async () => {
    const db = path.join(temp.dir, 'from-env.db');
    process.env.ARK_DB = db;
    try {
      const result = await run('db', 'info', '--json');
      expect(JSON.parse(result.out).path).toBe(db);
    } finally {
      delete process.env.ARK_DB;
    }
  });

  it('exits 2 on unknown commands and flags, with the reason', async () => {
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const flag = await run('db', 'info', '--colour');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--colour');
    expect((await run('serve', '--port', 'abc')).code).toBe(2);
  });

  it('refuses --db in a folder that does not exist, naming it, instead of creating it', async () => {
    const typo = path.join(temp.dir, 'no-such-folder', 'deeper', 'ark.db');
    const result = await run('db', 'info', '--db', typo);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`The folder ${path.dirname(typo)} for the database ${typo} does not exist`);
    expect(fs.existsSync(path.join(temp.dir, 'no-such-folder'))).toBe(false);
  });

  it('explains a damaged database with exit 3 and an error object under --json, leaving the file alone', async () => {
    const db = path.join(temp.dir, 'broken.db');
    fs.writeFileSync(db, 'this is not a database, it is a text file that is long enough to have a header........');
    const result = await run('db', 'info', '--json', '--db', db);
    expect(result.code).toBe(3);
    const body = JSON.parse(result.out);
    expect(body).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(body.error.message).toContain(db);
    expect(fs.readFileSync(db, 'utf8')).toContain('this is not a database');
  });
});
