// The Editor's quality assessment as plain state: started, answered (a stale answer is ignored), closed.
import type { ErrorData, Reply } from '../../../../shared/errors';
import type { Deduction, QualityFinding, QualityReport } from '../../../../shared/quality';

export type QualityAssessment = {
  status: 'idle' | 'running' | 'ready' | 'failed';
  /** Whether the panel shows: it opens when an assessment starts and stays until closed. */
  open: boolean;
  report: QualityReport | null;
  error: ErrorData | null;
  /** Sequence number of the newest request; replies to older ones are dropped. */
  latest: number;
};

export const idleAssessment: QualityAssessment = { status: 'idle', open: false, report: null, error: null, latest: 0 };

export function startAssessment(state: QualityAssessment): QualityAssessment {
  return { ...state, status: 'running', open: true, error: null, latest: state.latest + 1 };
}

export function applyAssessmentReply(state: QualityAssessment, sequence: number, reply: Reply<QualityReport>): QualityAssessment {
  if (sequence !== state.latest) return state;
  return reply.ok ? { ...state, status: 'ready', report: reply.value, error: null } : { ...state, status: 'failed', error: reply.error };
}

export function closeAssessment(state: QualityAssessment): QualityAssessment {
  // Closing while a request runs makes its reply stale, so it cannot reopen the panel.
  return { ...state, open: false, status: state.status === 'running' ? 'idle' : state.status, latest: state.latest + 1 };
}

/**
 * The lines of the findings behind a lint or type deduction, in order (a deduction groups one rule's findings; the
 * other categories name their line in the message). Only the sources that cost points count, as in the score.
 */
export function deductionLines(report: Pick<QualityReport, 'findings'>, deduction: Deduction): number[] {
  if (deduction.category !== 'lint' && deduction.category !== 'types') return [];
  const sources: QualityFinding['source'][] = deduction.category === 'lint' ? ['ruff'] : ['pyright', 'tsc'];
  const lines = report.findings.filter((finding) => finding.ruleId === deduction.ruleId && sources.includes(finding.source)).map((finding) => finding.line);
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** A colour class for a score: good from 80, fair from 50, poor below. */
export function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 80) return 'good';
  return score >= 50 ? 'fair' : 'poor';
}
