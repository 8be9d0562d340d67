// `ark index` and `ark search` on the bundled sample project, with a temp database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../main/appRoot';
import { makeTempDir } from '../main/testing/tempDir';
import { runCli } from './testing';

const sampleProject = path.join(findAppRoot(__dirname), 'resources', 'sample-project');

let temp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  temp = makeTempDir();
  db = path.join(temp.dir, 'cli.db');
});
afterAll(() => temp.cleanup());

const run = (...args: string[]) => runCli(args, db);

describe('ark index', () => {
  it('prints exactly the documented JSON shape for the sample project', async () => {
    const result = await run('index', sampleProject, '--json');
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out);
    expect(Object.keys(report)).toEqual(['projectId', 'root', 'files', 'lines', 'symbols', 'byLanguage', 'byTier', 'skipped', 'errors', 'durationMs']);
    expect(report).toMatchObject({ projectId: 1, root: fs.realpathSync(sampleProject), skipped: [], errors: [] });
    expect(report.files).toBe(11);
    expect(report.byLanguage.python.files).toBe(7);
    expect(report.byLanguage.typescript.files).toBe(4);
    expect(report.byTier).toMatchObject({ testing: { files: 3 }, sandbox: { files: 1 }, trusted: { files: 7 } });
    expect(report.symbols).toBeGreaterThan(25);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('lists skipped paths and syntax errors as {path, reason} and {path, line, message}', async () => {
    const project = path.join(temp.dir, 'messy');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'bad.py'), 'def broken(:\n    pass\n');
    fs.writeFileSync(path.join(project, 'data.js'), Buffer.from([0, 1, 2, 3]));
    const result = await run('index', project, '--json');
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.skipped).toEqual([{ path: 'data.js', reason: 'binary' }]);
    expect(report.errors).toHaveLength(1);
    expect(Object.keys(report.errors[0])).toEqual(['path', 'line', 'message']);
    expect(report.errors[0]).toMatchObject({ path: 'bad.py', line: 1 });
  });

  it('prints a readable summary without --json, and explains a path that is not a folder (exit 2)', async () => {
    const text = await run('index', sampleProject);
    expect(text.code).toBe(0);
    expect(text.out).toContain('11 files');
    const notFolder = await run('index', path.join(sampleProject, 'pyproject.toml'));
    expect(notFolder.code).toBe(2);
    expect(notFolder.err).toContain('is a file, not a folder');
    const missing = await run('index', path.join(temp.dir, 'no-such-folder'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await run('index')).code).toBe(2);
  });
});

describe('ark search', () => {
  beforeAll(async () => {
    expect((await run('index', sampleProject)).code).toBe(0);
  });

  it('finds a symbol by name, exact match first, with --json', async () => {
    const result = await run('search', 'ship', '--json');
    expect(result.code, result.err).toBe(0);
    const hits = JSON.parse(result.out);
    expect(hits[0]).toMatchObject({ name: 'ship', qualifiedName: 'Warehouse.ship', kind: 'method', path: 'inventory/models.py', match: 'exact' });
    expect(hits.map((hit: { name: string }) => hit.name)).toContain('shipItem');
  });

  it('filters with --kind, --lang, --project and --limit', async () => {
    const methods = JSON.parse((await run('search', 'ship', '--kind', 'async-method', '--json')).out);
    expect(methods.map((hit: { qualifiedName: string }) => hit.qualifiedName)).toEqual(['InventoryClient.shipItem']);
    const python = JSON.parse((await run('search', 'stock', '--lang', 'python', '--json')).out);
    expect(python.length).toBeGreaterThan(0);
    expect(python.every((hit: { language: string }) => hit.language === 'python')).toBe(true);
    const limited = JSON.parse((await run('search', 'stock', '--limit', '2', '--json')).out);
    expect(limited).toHaveLength(2);
    const otherProject = await run('search', 'ship', '--project', '999', '--json');
    expect(otherProject.code).toBe(1);
    expect(JSON.parse(otherProject.out)).toEqual([]);
  });

  it('matches snake_case and camelCase word parts', async () => {
    const hits = JSON.parse((await run('search', 'lowStock', '--json')).out);
    expect(hits[0]).toMatchObject({ name: 'low_stock', match: 'words' });
  });

  it('rejects bad options with exit 2', async () => {
    expect((await run('search', 'x', '--kind', 'module')).code).toBe(2);
    expect((await run('search', 'x', '--lang', 'cobol')).code).toBe(2);
    expect((await run('search', 'x', '--limit', '0')).code).toBe(2);
    expect((await run('search')).code).toBe(2);
    expect((await run('search', '')).code).toBe(2);
    expect((await run('search', '  ')).code).toBe(2);
  });

  it('says "no project is indexed yet" only when none is', async () => {
    const missing = await run('search', 'no_such_symbol_anywhere');
    expect(missing.code).toBe(1);
    expect(missing.out.trim()).toBe('No symbols match "no_such_symbol_anywhere".');
    const empty = await runCli(['search', 'ship'], path.join(temp.dir, 'empty.db'));
    expect(empty.code).toBe(1);
    expect(empty.out).toContain('no project is indexed yet');
  });
});
