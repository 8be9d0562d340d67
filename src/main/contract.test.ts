// The contract test: valid and malformed input for every request, through dispatch and over the web host's HTTP.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests, type Input, type RequestName } from '../shared/contract';
import type { Reply } from '../shared/errors';
import type { Spec } from '../shared/spec';
import { createApp, type App } from './app';
import { dispatch } from './hosts/dispatch';
import { startWebHost, type WebHost } from './hosts/web';
import { makeTempDir } from './testing/tempDir';
import { defaultTierPolicies } from './validator/policies';

// A tiny project for the index requests: `project.open` runs first (request order), so project 1 and symbol 1 exist after.
const indexFixture = makeTempDir('ark-contract-project-');
fs.writeFileSync(path.join(indexFixture.dir, 'app.py'), 'def main():\n    """Run."""\n    return 1\n');
// The review requests deploy into that project, so it is a git repository with one commit.
for (const args of [['init', '--quiet'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'initial']]) {
  execFileSync('git', args, { cwd: indexFixture.dir });
}
// An artefact waiting for review (as the pipeline leaves one), with an id no other request creates.
const reviewArtifactId = 9001;

// The sandbox requests act on runs made before the tests: a console run that waits (ignoring Ctrl+C) and a finished one.
const consoleRunId = 1;
const finishedRunId = 2;

// Generation: spec.save makes spec 9002 (9001 is the review fixture's), which spec.versions and spec.get then read.
const generationSpec: Spec = {
  name: 'add',
  language: 'python',
  description: 'Return the sum of a and b.',
  parameters: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }],
  returns: { type: 'int' },
  examples: [{ args: [1, 2], expected: 3 }],
  constraints: [],
  tier: 'sandbox',
};
const savedSpecId = 9002;

// Suggestions act on an artefact the pipeline made (in beforeAll) from a body the formatter would change.
let improvableArtifactId = 0;

/** One valid input per request: a request added to the contract without a sample here is a compile error. */
const validInputs: { [N in RequestName]: Input<N> } = {
  'app.info': {},
  'db.info': {},
  'settings.get': {},
  'settings.set': { key: 'ui.theme', value: 'dark' },
  'audit.list': { limit: 10 },
  'project.open': { root: indexFixture.dir },
  'project.cancel': {},
  'project.list': { limit: 10 },
  'project.summary': { projectId: 1 },
  'project.files': { projectId: 1 },
  'project.file': { projectId: 1, path: 'app.py' },
  'project.getTierRules': { projectId: 1 },
  'project.setTierRules': { projectId: 1, rules: [{ glob: 'tests/**', tier: 'testing' }] },
  'symbol.get': { id: 1 },
  'search.symbols': { text: 'main', limit: 5 },
  'validate.run': { code: 'import os\nos.system("ls")\n', language: 'python', tier: 'sandbox' },
  'validate.rules': {},
  'validate.policies': {},
  'validate.setPolicy': { policy: { ...defaultTierPolicies.testing, imports: { ...defaultTierPolicies.testing.imports } } },
  'validate.resetPolicy': { tier: 'testing' },
  'sandbox.run': { code: 'print(1)', language: 'python', tier: 'sandbox' },
  'sandbox.start': { code: 'print(1)', language: 'python', tier: 'sandbox' },
  'sandbox.write': { runId: consoleRunId, data: 'hello\n' },
  'sandbox.interrupt': { runId: consoleRunId },
  'sandbox.stop': { runId: finishedRunId },
  'sandbox.resize': { runId: consoleRunId, cols: 100, rows: 30 },
  'sandbox.ack': { runId: consoleRunId, chars: 5000 },
  'sandbox.outputSince': { runId: consoleRunId, afterSeq: 0 },
  'sandbox.wait': { runId: finishedRunId },
  'sandbox.history': { limit: 10, status: 'success', language: 'python', from: '2020-01-01' },
  'sandbox.detail': { id: finishedRunId },
  'sandbox.rerun': { id: finishedRunId },
  'sandbox.stats': {},
  'sandbox.python': {},
  'review.list': { state: 'all' },
  'review.show': { artifactId: reviewArtifactId },
  'review.decide': { artifactId: reviewArtifactId, decision: 'approved' },
  'deploy.preview': { artifactId: reviewArtifactId, projectId: 1, target: { kind: 'new-file', path: 'generated/add.py' } },
  'deploy.run': { artifactId: reviewArtifactId, projectId: 1, target: { kind: 'new-file', path: 'generated/add.py' }, testCommand: '' },
  'deploy.undo': { deploymentId: 1 },
  'deploy.list': { artifactId: reviewArtifactId },
  'deploy.findSymbol': { projectId: 1, name: 'main' },
  'deploy.setTestCommand': { projectId: 1, testCommand: null },
  'deploy.initRepository': { projectId: 1 },
  'insights.overview': { days: 14 },
  get 'suggestions.list'() {
    return { artifactId: improvableArtifactId };
  },
  get 'suggestions.apply'() {
    return { artifactId: improvableArtifactId, suggestionId: 'format' };
  },
  'quality.analyze': { code: 'def add(a: int, b: int) -> int:\n    return a + b\n', language: 'python', filename: 'add.py' },
  'quality.report': { id: 1 },
  'quality.list': { limit: 10, artifactId: reviewArtifactId },
  'spec.parseWords': { text: 'Create a function that checks if a number is prime', language: 'python' },
  'spec.importPython': { source: 'def add(a: int, b: int) -> int:\n    """Add.\n\n    >>> add(1, 2)\n    3\n    """\n' },
  'spec.save': { spec: generationSpec },
  'spec.list': { limit: 10 },
  'spec.versions': { specId: savedSpecId },
  'spec.get': { specId: savedSpecId, version: 1 },
  'generate.run': { spec: generationSpec, specId: savedSpecId, runKey: 'contract' },
  'artifact.get': { id: reviewArtifactId },
  'templates.list': {},
  'templates.read': { name: 'python/function/typed_function.liquid' },
  'templates.save': { name: 'python/function/contract_test.liquid', content: 'def {{ spec.name }}():\n    pass\n' },
  'templates.remove': { name: 'python/function/contract_test.liquid' },
  'templates.preview': { content: '{{ spec.name }}', spec: generationSpec },
  'library.list': {},
  'provider.get': {},
  'provider.set': { enabled: false, baseUrl: 'http://127.0.0.1:9/v1', model: 'local', maxAttempts: 2, apiKey: '' },
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
  'project.open': [{}, { root: '' }, { root: '   ' }, { root: 'x'.repeat(5000) }, { root: 42 }, { root: '/tmp', extra: 1 }],
  'project.cancel': [{ projectId: 1 }],
  'project.list': [{}, { limit: 0 }, { limit: 101 }],
  'project.summary': [{}, { projectId: 0 }, { projectId: '1' }],
  'project.files': [{ projectId: -1 }],
  'project.file': [{ projectId: 1 }, { projectId: 1, path: '' }],
  'project.getTierRules': [{ projectId: 1.5 }],
  'project.setTierRules': [{ projectId: 1 }, { projectId: 1, rules: [{ glob: '', tier: 'testing' }] }, { projectId: 1, rules: [{ glob: '**', tier: 'root' }] }],
  'symbol.get': [{}, { id: 0 }],
  'search.symbols': [{}, { text: 'x'.repeat(501) }, { text: 'a', limit: 0 }, { text: 'a', kinds: ['module'] }, { text: 'a', languages: ['cobol'] }],
  'validate.run': [{}, { code: 'x', language: 'cobol', tier: 'sandbox' }, { code: 'x', language: 'python', tier: 'root' }, { code: 'x'.repeat(2_000_001), language: 'python', tier: 'core' }, { code: 'x', language: 'python', tier: 'core', extra: 1 }],
  'validate.rules': [{ language: 'python' }],
  'validate.policies': [{ tier: 'core' }],
  'validate.setPolicy': [
    {},
    { policy: { ...defaultTierPolicies.core, categories: { ...defaultTierPolicies.core.categories, syntax: 'fatal' } } },
    { policy: { ...defaultTierPolicies.core, imports: { ...defaultTierPolicies.core.imports, python: { ...defaultTierPolicies.core.imports.python, allow: ['os; rm -rf /'] } } } },
    { policy: { ...defaultTierPolicies.core, extra: true } },
  ],
  'validate.resetPolicy': [{}, { tier: 'root' }],
  'sandbox.run': [
    {},
    { code: 'print(1)', language: 'typescript', tier: 'sandbox' },
    { code: 'print(1)', language: 'python', tier: 'root' },
    { code: 'print(1)', language: 'python', tier: 'sandbox', limits: { timeoutMs: -1 } },
    { code: 'print(1)', language: 'python', tier: 'sandbox', override: { confirmed: false, reason: 'x' } },
    { code: 'print(1)', language: 'python', tier: 'core', confirmCore: false },
    { code: 'print(1)', language: 'python', tier: 'sandbox', extra: 1 },
  ],
  'sandbox.start': [{ code: 'x'.repeat(1_000_001), language: 'python', tier: 'sandbox' }, { code: 'print(1)', language: 'python', tier: 'sandbox', terminal: { cols: 0, rows: 5 } }],
  'sandbox.write': [{ runId: consoleRunId }, { runId: consoleRunId, data: '' }, { runId: 0, data: 'x' }, { runId: consoleRunId, data: 'x'.repeat(65_537) }],
  'sandbox.interrupt': [{}, { runId: '1' }],
  'sandbox.stop': [{ runId: -1 }, { runId: 1, signal: 'SIGKILL' }],
  'sandbox.resize': [{ runId: consoleRunId, cols: 0, rows: 10 }, { runId: consoleRunId, cols: 80 }],
  'sandbox.ack': [{ runId: consoleRunId, chars: 0 }, { runId: consoleRunId, chars: 1.5 }],
  'sandbox.outputSince': [
    { runId: consoleRunId },
    { runId: consoleRunId, afterSeq: -1 },
    { runId: consoleRunId, afterSeq: 0, limit: 5000 },
    { runId: consoleRunId, afterSeq: 3, terminal: { cols: 80, rows: 24 } },
    { runId: consoleRunId, afterSeq: 0, terminal: { cols: 0, rows: 24 } },
  ],
  'sandbox.wait': [{ id: 1 }],
  'sandbox.history': [{ limit: 0 }, { status: 'exploded' }, { from: "2020'; DROP TABLE executions; --" }, { offset: -1 }],
  'sandbox.detail': [{ id: 'one' }],
  'sandbox.rerun': [{ id: 1, override: { confirmed: true } }, { id: 1, confirmCore: 'yes' }],
  'sandbox.stats': [{ status: 'success' }, { to: 'tomorrow' }],
  'sandbox.python': [{ projectRoot: '' }, { python: '/bin/sh' }],
  'review.list': [{ state: 'mine' }, { limit: 0 }],
  'review.show': [{}, { artifactId: 0 }],
  'review.decide': [{ artifactId: 1 }, { artifactId: 1, decision: 'maybe' }, { artifactId: 1, decision: 'approved', hunks: [{ index: -1, accepted: true }] }],
  'deploy.preview': [{ artifactId: 1, projectId: 1 }, { artifactId: 1, projectId: 1, target: { kind: 'overwrite', path: 'a' } }, { artifactId: 1, projectId: 1, target: { kind: 'new-file', path: '' } }],
  'deploy.run': [{ artifactId: 1, projectId: 1, target: { kind: 'replace-symbol', symbolId: 'main' } }],
  'deploy.undo': [{}, { deploymentId: 1.5 }],
  'deploy.list': [{ limit: 501 }],
  'deploy.findSymbol': [{ projectId: 1 }, { projectId: 1, name: '' }],
  'deploy.setTestCommand': [{ projectId: 1 }, { projectId: 1, testCommand: 'x'.repeat(2001) }],
  'deploy.initRepository': [{ projectId: 'one' }],
  'insights.overview': [{ days: 0 }, { days: 366 }, { days: 7, project: 1 }],
  'suggestions.list': [{}, { artifactId: 0 }],
  'suggestions.apply': [{ artifactId: 1 }, { artifactId: 1, suggestionId: '' }, { artifactId: 1, suggestionId: 'x'.repeat(301) }],
  'quality.analyze': [{}, { code: 'x', language: 'cobol' }, { code: 'x'.repeat(2_000_001), language: 'python' }, { code: 'x', language: 'python', artifactId: 1 }, { artifactId: 0 }, { code: 'x', language: 'python', filename: '' }],
  'quality.report': [{}, { id: 0 }, { id: 'one' }],
  'quality.list': [{}, { limit: 0 }, { limit: 10, artifactId: -1 }],
  'spec.parseWords': [{}, { text: '' }, { text: 'x'.repeat(2001) }, { text: 'a', language: 'cobol' }],
  'spec.importPython': [{}, { source: '' }, { source: 'def f(): pass', entryPoint: 42 }],
  'spec.save': [{}, { spec: { ...generationSpec, name: '1bad' } }, { spec: generationSpec, format: 'xml' }],
  'spec.list': [{ limit: 0 }],
  'spec.versions': [{}, { specId: 0 }],
  'spec.get': [{ specId: 'a' }, { specId: 1, version: 0 }],
  'generate.run': [{}, { spec: { ...generationSpec, examples: [{ args: [1, 2, 3, 4] }] } }, { spec: generationSpec, body: 42 }],
  'artifact.get': [{}, { id: -1 }],
  'templates.list': [{ all: true }],
  'templates.read': [{ name: '../../etc/passwd' }, { name: 'x.txt' }],
  'templates.save': [{ name: 'a.liquid' }, { name: '/abs.liquid', content: '' }],
  'templates.remove': [{ name: '..liquid' }],
  'templates.preview': [{ content: '{{ x }}' }, { content: 'x', spec: {} }],
  'library.list': [{ language: 'cobol' }],
  'provider.get': [{ apiKey: true }],
  'provider.set': [{}, { enabled: true, baseUrl: 'file:///etc/passwd', model: 'm', maxAttempts: 1 }, { enabled: true, baseUrl: '', model: '', maxAttempts: 0 }, { enabled: true, baseUrl: '', model: '', maxAttempts: 1, extra: 1 }],
};

let app: App;
let host: WebHost;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
  host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir: temp.dir });
  app.db.prepare("INSERT INTO specs (id, name) VALUES (9001, 'add')").run();
  app.db.prepare("INSERT INTO spec_versions (id, spec_id, version, format, source, spec_json) VALUES (9001, 9001, 1, 'json', '{}', '{}')").run();
  app.db
    .prepare("INSERT INTO artifacts (id, spec_version_id, language, body_source, code, code_hash, status) VALUES (?, 9001, 'python', 'library', 'def add(a, b):\\n    return a + b\\n', 'h', 'ready-for-review')")
    .run(reviewArtifactId);
  const waiting = 'import time\nwhile True:\n    try:\n        time.sleep(0.1)\n    except KeyboardInterrupt:\n        pass\n';
  const started = await app.services.sandbox.start({ code: waiting, language: 'python', tier: 'sandbox', limits: { timeoutMs: 120_000, cpuSeconds: 120 } });
  const finished = await app.services.sandbox.run({ code: 'print(2)', language: 'python', tier: 'sandbox' });
  expect([started.runId, finished.id, finished.status]).toEqual([consoleRunId, finishedRunId, 'success']);
  const improvable = await app.services.pipeline.run({ spec: { ...generationSpec, name: 'add_badly_formatted' }, body: 'return a+b' });
  expect(improvable.status).toBe('ready-for-review');
  improvableArtifactId = improvable.artifactId;
  // The pipeline run starts pyright's language server for its quality stage: seconds on a quiet machine, more on a busy one.
}, 120_000);

afterAll(async () => {
  await host.close();
  await app.close();
  temp.cleanup();
  indexFixture.cleanup();
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
