// The provider's API key in a real SQLite store: plain where there is no cipher, sealed (and a plain one re-sealed)
// where there is, and a key that cannot be read is a clear message in Settings and in the pipeline, never a crash.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ArkError } from '../../shared/errors';
import { createApp } from '../app';
import { openDatabase, type Db } from '../store/db';
import { createProviderRepo, type ProviderRepo } from '../store/providerRepo';
import { PLAIN_STORAGE } from '../secrets';
import { makeTempDir } from '../testing/tempDir';
import { createTestCipher } from '../testing/testCipher';
import { createProviderApiKey } from './apiKey';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
let repo: ProviderRepo;
beforeEach(() => {
  temp = makeTempDir('ark-api-key-');
  db = openDatabase(path.join(temp.dir, 'ark.db'));
  repo = createProviderRepo(db);
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const rawRow = () => db.prepare<[], { value_json: string }>("SELECT value_json FROM settings WHERE key = 'provider.apiKey'").get()?.value_json ?? null;

describe('provider API key', () => {
  test('without a cipher the key is plain text, marked so, and Settings says so', async () => {
    const key = createProviderApiKey({ repo });
    expect(await key.status()).toEqual({ hasApiKey: false, keyStorage: PLAIN_STORAGE, keyProblem: null });
    await key.write('sk-plain');
    expect(JSON.parse(rawRow()!)).toEqual({ storage: 'plain', text: 'sk-plain' });
    expect(await key.read()).toBe('sk-plain');
    expect(await key.status()).toEqual({ hasApiKey: true, keyStorage: PLAIN_STORAGE, keyProblem: null });
    await key.write('');
    expect(rawRow()).toBeNull();
    expect(await key.read()).toBeNull();
  });

  test('with a cipher the key is stored sealed; a plain key (an older version, the CLI) is sealed once a cipher is there', async () => {
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('provider.apiKey', ?)").run(JSON.stringify('sk-legacy'));
    expect(await createProviderApiKey({ repo }).read()).toBe('sk-legacy');
    const cipher = createTestCipher();
    const key = createProviderApiKey({ repo, cipher });
    await key.reseal();
    expect(rawRow()).not.toContain('sk-legacy');
    expect(JSON.parse(rawRow()!)).toMatchObject({ storage: 'sealed', kind: 'test-aes-gcm' });
    expect(await key.read()).toBe('sk-legacy');
    expect(await key.status()).toEqual({ hasApiKey: true, keyStorage: 'the local database, encrypted with the test cipher', keyProblem: null });
    await key.write('sk-new');
    expect(rawRow()).not.toContain('sk-new');
    expect(await key.read()).toBe('sk-new');
    expect(cipher.encrypted).toBe(2);
  });

  test('a key sealed on another machine, or read by a host without the cipher, asks to be entered again', async () => {
    await createProviderApiKey({ repo, cipher: createTestCipher() }).write('sk-elsewhere');
    for (const key of [createProviderApiKey({ repo, cipher: createTestCipher() }), createProviderApiKey({ repo })]) {
      const status = await key.status();
      expect(status.hasApiKey).toBe(true);
      expect(status.keyProblem).toMatch(/Enter the key again/);
      const error = await key.read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ArkError);
      expect((error as ArkError).code).toBe('unavailable');
      expect((error as ArkError).message).toBe(status.keyProblem);
    }
    // Entering it again replaces it, and it works from then on.
    const here = createProviderApiKey({ repo, cipher: createTestCipher() });
    await here.write('sk-again');
    expect(await here.read()).toBe('sk-again');
    expect((await here.status()).keyProblem).toBeNull();
  });

  test('a cipher that fails to encrypt leaves a plain key readable and a new key unsaved, with a message', async () => {
    await createProviderApiKey({ repo }).write('sk-plain');
    const broken = { ...createTestCipher(), encrypt: () => Promise.reject(new Error('keyring locked')) };
    const logged: string[] = [];
    const key = createProviderApiKey({ repo, cipher: broken, log: (message) => logged.push(message) });
    expect(await key.read()).toBe('sk-plain');
    expect(logged.join('\n')).toMatch(/keyring locked/);
    expect((await key.status()).keyStorage).toMatch(/plain text \(encrypting it failed/);
    await expect(key.write('sk-new')).rejects.toThrow(/The API key was not stored: .*keyring locked/);
    expect(await key.read()).toBe('sk-plain');
  });
});

describe('provider API key through the app', () => {
  const spec = {
    name: 'combine',
    language: 'python' as const,
    description: 'Combine two numbers in a way no library entry knows.',
    parameters: [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ],
    returns: { type: 'int' },
    examples: [{ args: [1, 2], expected: 4 }],
    constraints: [],
    tier: 'sandbox' as const,
  };

  test('the desktop app (a cipher) and the CLI (none) share one database: each says where the key is and what to do', async () => {
    const dbPath = path.join(temp.dir, 'shared.db');
    const config = { dataDir: temp.dir, dbPath, appRoot: temp.dir, version: '0.0.0-test' };
    const signal = new AbortController().signal;
    const cipher = createTestCipher();
    // The web host stores a key in plain text, and says so.
    const web = await createApp({ ...config, host: 'web' });
    const saved = await web.handlers['provider.set']({ enabled: true, baseUrl: 'http://127.0.0.1:9/v1', model: 'm', maxAttempts: 1, apiKey: 'sk-typed-in-web' }, signal);
    expect(saved).toMatchObject({ hasApiKey: true, keyStorage: PLAIN_STORAGE, keyProblem: null });
    await web.close();
    // The desktop app seals it at start.
    const desktop = await createApp({ ...config, host: 'electron' }, { secretCipher: cipher });
    expect(await desktop.handlers['provider.get']({}, signal)).toMatchObject({ hasApiKey: true, keyStorage: 'the local database, encrypted with the test cipher', keyProblem: null });
    expect(desktop.db.prepare<[], { value_json: string }>("SELECT value_json FROM settings WHERE key = 'provider.apiKey'").get()?.value_json).not.toContain('sk-typed-in-web');
    await desktop.close();
    // The CLI cannot read it: Settings says why, and a generation that would ask the model says so instead of crashing.
    const cli = await createApp({ ...config, host: 'cli' });
    const info = await cli.handlers['provider.get']({}, signal);
    expect(info.keyProblem).toMatch(/cannot decrypt\. Enter the key again here to replace it, or use the desktop app\./);
    const result = await cli.handlers['generate.run']({ spec }, signal);
    expect(result.status).toBe('needs-body');
    const tried = result.stages.find((stage) => stage.stage === 'body')?.detail.tried as { reference: string; outcome: string }[];
    expect(tried.at(-1)).toEqual({ reference: 'model m attempt 1', outcome: `request failed: ${info.keyProblem}` });
    await cli.close();
  }, 60_000);
});
