// The Specs view's pure state: stage rows follow events; drafts are checked against the spec schema.
import { describe, expect, it } from 'vitest';
import { specGaps } from '../../../../shared/spec';
import { applyStageEvent, checkDraft, emptyStages, formatFieldValue, parseFieldValue, specText } from './specsState';

describe('stage rows', () => {
  it('start waiting, then follow each stage event in place', () => {
    const rows = emptyStages();
    expect(rows.map((row) => row.status)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    const base = { runKey: 'r', artifactId: 1, startedAt: '2026-01-01T00:00:00Z', detail: {} };
    const running = applyStageEvent(rows, { ...base, stage: 'body', status: 'running', summary: '', durationMs: null });
    const done = applyStageEvent(running, { ...base, stage: 'body', status: 'passed', summary: 'Body from library', durationMs: 12.5 });
    expect(done[1]).toEqual({ stage: 'body', status: 'passed', summary: 'Body from library', durationMs: 12.5 });
    expect(done[0]!.status).toBe('waiting');
  });
});

describe('drafts', () => {
  const spec = { name: 'f', language: 'python', description: '', parameters: [], returns: { type: 'int' }, examples: [], constraints: [], tier: 'sandbox' };
  it('accept a valid spec and name the first problem of an invalid one', () => {
    expect(checkDraft(specText(spec)).spec?.name).toBe('f');
    expect(checkDraft('{').problem).toMatch(/Not valid JSON/);
    expect(checkDraft(specText({ ...spec, returns: { type: 'integer' } })).problem).toMatch(/^returns\.type: Unknown type "integer"/);
  });
  it('read and write form field values as JSON', () => {
    expect(parseFieldValue('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
    expect(parseFieldValue('')).toEqual({ ok: true, value: undefined });
    expect(parseFieldValue('oops').ok).toBe(false);
    expect(formatFieldValue('a')).toBe('"a"');
  });
  it('report their gaps from the draft as it stands, so a filled gap is no longer reported', () => {
    const noExamples = 'There are no examples yet; add some, since they become the tests.';
    const draft = { ...spec, parameters: [{ name: 'n', type: 'Any' }], returns: { type: 'Any' } };
    expect(specGaps(draft)).toEqual([
      'Could not tell the type of "n"; it is Any until you set it.',
      'Could not tell what the function returns; returns.type is Any until you set it.',
      noExamples,
    ]);
    expect(specGaps({ ...draft, parameters: [{ name: 'n', type: 'int' }], returns: { type: 'bool' }, examples: [{ args: [7], expected: true }] })).toEqual([]);
    // A draft still being typed (not yet a valid spec) is read as far as it goes.
    expect(specGaps({ parameters: 'oops', examples: [{}] })).toEqual(['No inputs were found in the request; add the parameters the function takes.']);
    expect(specGaps(null)).toContain(noExamples);
  });
});
