// The assessment state: a newer request wins, closing drops a pending reply, failures keep the last report.
import { describe, expect, it } from 'vitest';
import type { Deduction, QualityFinding, QualityReport } from '../../../../shared/quality';
import { applyAssessmentReply, closeAssessment, deductionLines, idleAssessment, scoreBand, startAssessment } from './qualityState';

const report = { id: 1, score: 88 } as QualityReport;

describe('quality assessment state', () => {
  it('opens on start and shows the reply to the newest request only', () => {
    const first = startAssessment(idleAssessment);
    const second = startAssessment(first);
    expect(second).toMatchObject({ status: 'running', open: true, latest: 2 });
    expect(applyAssessmentReply(second, 1, { ok: true, value: report })).toBe(second);
    expect(applyAssessmentReply(second, 2, { ok: true, value: report })).toMatchObject({ status: 'ready', report });
  });

  it('keeps the previous report when a request fails, and ignores replies after closing', () => {
    const ready = applyAssessmentReply(startAssessment(idleAssessment), 1, { ok: true, value: report });
    const running = startAssessment(ready);
    const failed = applyAssessmentReply(running, running.latest, { ok: false, error: { code: 'timeout', message: 'pyright did not finish within 60 s.' } });
    expect(failed).toMatchObject({ status: 'failed', report, error: { code: 'timeout' } });
    const closed = closeAssessment(startAssessment(failed));
    expect(closed).toMatchObject({ open: false, status: 'idle' });
    expect(applyAssessmentReply(closed, closed.latest - 1, { ok: true, value: report })).toBe(closed);
  });

  it('bands scores for colour', () => {
    expect([scoreBand(100), scoreBand(80), scoreBand(79.9), scoreBand(50), scoreBand(12)]).toEqual(['good', 'good', 'fair', 'fair', 'poor']);
  });

  it('names the lines of the findings behind a lint or type deduction, once each, in order', () => {
    const finding = (source: QualityFinding['source'], ruleId: string, line: number): QualityFinding => ({ source, ruleId, severity: 'error', message: ruleId, line, column: 1, endLine: line, endColumn: 2, fixable: false });
    const findings = [finding('pyright', 'reportReturnType', 9), finding('ruff', 'F401', 3), finding('pyright', 'reportReturnType', 4), finding('pyright', 'reportReturnType', 9), finding('pylint', 'F401', 7)];
    const deduction = (category: Deduction['category'], ruleId: string): Deduction => ({ category, ruleId, message: ruleId, count: 1, points: 1 });
    expect(deductionLines({ findings }, deduction('types', 'reportReturnType'))).toEqual([4, 9]);
    // pylint costs nothing, so its F401 on line 7 is not behind Ruff's F401 deduction.
    expect(deductionLines({ findings }, deduction('lint', 'F401'))).toEqual([3]);
    expect(deductionLines({ findings }, deduction('complexity', 'cyclomatic'))).toEqual([]);
  });
});
