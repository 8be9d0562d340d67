// The live-validation state: only the newest request's reply counts; findings become markers; typed lists are parsed.
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../../../shared/validation';
import { summarizeReport } from '../../../../shared/validation';
import { applyValidationReply, findingsToMarkers, idleValidation, parseModuleList, startValidation } from './validationState';

const report = (tier: ValidationReport['tier'], blocked: boolean): ValidationReport => ({
  ok: !blocked,
  blocked,
  tier,
  language: 'python',
  durationMs: 2,
  findings: blocked
    ? [{ ruleId: 'py.process.exec', category: 'process', severity: 'error', message: '`os.system` starts or signals a process.', line: 2, column: 1, endLine: 2, endColumn: 16, snippet: 'os.system("ls")', hint: 'Do the work in Python.' }]
    : [],
});

describe('live validation state', () => {
  it('applies the reply to the newest request and drops a stale one that arrives later', () => {
    const first = startValidation(idleValidation);
    const second = startValidation(first);
    expect(second.status).toBe('checking');
    const fresh = applyValidationReply(second, second.latest, { ok: true, value: report('sandbox', false) });
    expect(fresh).toMatchObject({ status: 'ready', report: { blocked: false } });
    const stale = applyValidationReply(fresh, first.latest, { ok: true, value: report('sandbox', true) });
    expect(stale).toBe(fresh);
  });

  it('keeps the last report while a new request is out, and shows an error reply as failed', () => {
    const ready = applyValidationReply(startValidation(idleValidation), 1, { ok: true, value: report('sandbox', true) });
    const checking = startValidation(ready);
    expect(checking.report?.blocked).toBe(true);
    const failed = applyValidationReply(checking, checking.latest, { ok: false, error: { code: 'unavailable', message: 'The connection was lost.' } });
    expect(failed).toMatchObject({ status: 'failed', report: null, error: { code: 'unavailable' } });
  });

  it('turns findings into Monaco markers with the rule as code and the hint in the message', () => {
    const [marker] = findingsToMarkers(report('sandbox', true).findings);
    expect(marker).toMatchObject({ severity: 'error', line: 2, column: 1, endLine: 2, endColumn: 16, code: 'py.process.exec' });
    expect(marker?.message).toContain('Hint: Do the work in Python.');
    const [zeroWidth] = findingsToMarkers([{ ...report('sandbox', true).findings[0]!, column: 5, endColumn: 5 }]);
    expect(zeroWidth?.endColumn).toBe(6);
  });

  it('summarises a verdict in one line', () => {
    expect(summarizeReport(report('sandbox', true))).toBe('Blocked at sandbox: 1 error');
    expect(summarizeReport(report('trusted', false))).toBe('OK at trusted');
  });

  it('parses a typed module list: commas, spaces and new lines, no blanks or repeats', () => {
    expect(parseModuleList('math, json\n\n  os.path\nmath ')).toEqual(['math', 'json', 'os.path']);
    expect(parseModuleList('')).toEqual([]);
  });
});
