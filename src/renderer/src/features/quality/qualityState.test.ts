// The assessment state: a newer request wins, closing drops a pending reply, failures keep the last report.
import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../../shared/quality';
import { applyAssessmentReply, closeAssessment, idleAssessment, scoreBand, startAssessment } from './qualityState';

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
});
