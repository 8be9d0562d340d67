// The contract test: valid and malformed input for every request, through dispatch and over the web host's HTTP.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests, type Input, type RequestName } from '../shared/contract';
import type { Reply } from '../shared/errors';
import { createApp, type App } from './app';
import { dispatch } from './hosts/dispatch';
import { startWebHost, type WebHost } from './hosts/web';
import { makeTempDir } from './testing/tempDir';

/** One valid input per request: a request added to the contract without a sample here is a compile error. */
const validInputs: { [N in RequestName]: Input<N> } = {
  'app.info': {},
  'db.info': {},
  'settings.get': {},
  'settings.set': { key: 'ui.theme', value: 'dark' },
  'audit.list': { limit: 10 },
};

/** Inputs no request accepts; each request also gets its own field-level mistakes below. */
const malformedForAll: unknown[] = [null, undefined, 'text', 42, [], true];

const malformedFor: { [N in RequestName]: unknown[] } = {
  'app.info': [{ extra: 1 }],
  'db.info': [{ path: '/etc/passwd' }],
  'settings.get': [{ key: 'ui.theme' }],
  'settings.set': [
    { key: 'ui.theme', value: 'purple' },
    { key: 'no.such.setting', value: 1 },
    { key: 'sandbox.timeoutMs', value: -5 },
    { key: 'sandbox.timeoutMs', value: '1000' },
    { key: '__proto__', value: {} },
    { key: 'ui.theme' },
  ],
  'audit.list': [{}, { limit: 0 }, { limit: 1001 }, { limit: 1.5 }, { limit: 10, beforeId: -1 }, { limit: 10, extra: true }],
};

let app: App;
let host: WebHost;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
  host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir: temp.dir });
});

afterAll(async () => {
  await host.close();
  await app.close();
  temp.cleanup();
});

const names = Object.keys(requests) as RequestName[];

async function overHttp(name: string, input: unknown): Promise<Reply<unknown>> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/invoke/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input ?? null),
  });
  return (await response.json()) as Reply<unknown>;
}

const transports = {
  dispatch: (name: string, input: unknown) => dispatch(app.handlers, name, input, new AbortController().signal),
  http: overHttp,
};

describe.each(Object.entries(transports))('the contract through %s', (_transport, send) => {
  it.each(names)('%s answers valid input with a value its output schema accepts', async (name) => {
    const reply = await send(name, validInputs[name]);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    if (reply.ok) expect(requests[name].output.safeParse(reply.value).success).toBe(true);
  });

  it.each(names)('%s rejects malformed input as invalid-input, and the app keeps answering', async (name) => {
    for (const input of [...malformedForAll, ...malformedFor[name]]) {
      // JSON has no undefined: over HTTP it arrives as null, which must be refused the same way.
      const reply = await send(name, input);
      expect(reply, `${name} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(10);
    }
    const after = await send('app.info', {});
    expect(after.ok).toBe(true);
  });
});

describe('settings.set', () => {
  it('stores the value, emits settings.changed and appends to the audit trail', async () => {
    const seen: string[] = [];
    const stop = app.events.subscribe((name) => seen.push(name));
    const reply = await transports.dispatch('settings.set', { key: 'sandbox.memoryMb', value: 256 });
    stop();
    expect(reply).toMatchObject({ ok: true, value: { 'sandbox.memoryMb': 256 } });
    expect(seen).toEqual(['settings.changed', 'audit.appended']);
    const audit = await transports.dispatch('audit.list', { limit: 5, kind: 'settings.changed' });
    expect(audit.ok && (audit.value as { data: { key: string } }[])[0]?.data.key).toBe('sandbox.memoryMb');
  });
});
