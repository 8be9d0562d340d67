// The policy repository: edited tier policies stored in SQLite, defaults where none is stored, bad rows ignored.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { defaultTierPolicies } from '../validator/policies';
import { openDatabase, type Db } from './db';
import { createPolicyRepo } from './policyRepo';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'ark.db'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('policy repo', () => {
  it('serves the built-in policies until one is stored, then the stored one, across reopening', () => {
    const repo = createPolicyRepo(db);
    expect(repo.get('sandbox')).toEqual(defaultTierPolicies.sandbox);
    expect(repo.all().customized).toEqual([]);
    const edited = { ...defaultTierPolicies.sandbox, imports: { ...defaultTierPolicies.sandbox.imports, python: { ...defaultTierPolicies.sandbox.imports.python, allow: ['math', 'glob'] } } };
    repo.set(edited);
    db.close();
    db = openDatabase(path.join(temp.dir, 'ark.db'));
    const reopened = createPolicyRepo(db);
    expect(reopened.get('sandbox').imports.python.allow).toEqual(['math', 'glob']);
    expect(reopened.get('testing')).toEqual(defaultTierPolicies.testing);
    expect(reopened.all()).toMatchObject({ customized: ['sandbox'], policies: { sandbox: edited, core: defaultTierPolicies.core } });
  });

  it('reset drops the stored policy', () => {
    const repo = createPolicyRepo(db);
    repo.set({ ...defaultTierPolicies.core, workFolderWrites: false });
    expect(repo.get('core').workFolderWrites).toBe(false);
    repo.reset('core');
    expect(repo.get('core')).toEqual(defaultTierPolicies.core);
    expect(repo.all().customized).toEqual([]);
  });

  it('refuses to store a policy that breaks the schema', () => {
    const repo = createPolicyRepo(db);
    expect(() => repo.set({ ...defaultTierPolicies.sandbox, categories: { ...defaultTierPolicies.sandbox.categories, network: 'fatal' as never } })).toThrow();
    expect(repo.all().customized).toEqual([]);
  });

  it('falls back to the built-in policy for a row that no longer fits (hand edit, older app) or names another tier', () => {
    const repo = createPolicyRepo(db);
    db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('validator.policy.sandbox', '{"tier": "sandbox", "broken": true');
    db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('validator.policy.testing', JSON.stringify(defaultTierPolicies.core));
    expect(repo.get('sandbox')).toEqual(defaultTierPolicies.sandbox);
    expect(repo.get('testing')).toEqual(defaultTierPolicies.testing);
  });
});
