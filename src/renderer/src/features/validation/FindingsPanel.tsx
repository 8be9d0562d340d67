// A validation report as a list a developer acts on: the verdict, then each finding with its rule, place and fix hint.
// Used below the Editor; any view that shows a report (Specs, Review) can reuse it.
import type { ErrorData } from '../../../../shared/errors';
import { summarizeReport, type Finding, type ValidationReport } from '../../../../shared/validation';
import { ErrorNotice } from '../../ui/ErrorNotice';

export type FindingsPanelProps = {
  report: ValidationReport | null;
  status: 'idle' | 'checking' | 'ready' | 'failed';
  error?: ErrorData | undefined;
  /** Called when a finding is clicked (the editor jumps to its line); without it the list is read-only. */
  onSelect?: (finding: Finding) => void;
};

const severityLabels = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FindingsPanel({ report, status, error, onSelect }: FindingsPanelProps) {
  const verdict = report ? (report.blocked ? 'blocked' : 'ok') : 'none';
  return (
    <section className="findings-panel" data-testid="findings-panel" aria-label="Validation findings">
      <header className={`findings-summary findings-${verdict}`}>
        <span data-testid="findings-summary" role="status">
          {report ? summarizeReport(report) : status === 'failed' ? 'Not validated' : 'Validating…'}
        </span>
        <span className="findings-meta muted">
          {status === 'checking' ? 'checking…' : report ? `${report.language}, ${report.durationMs.toFixed(1)} ms` : ''}
        </span>
      </header>
      {status === 'failed' && error && <ErrorNotice error={error} />}
      {report && report.findings.length === 0 && <p className="findings-empty muted">No findings: nothing in this code is refused or questioned at the {report.tier} tier.</p>}
      {report && report.findings.length > 0 && (
        <ul className="findings-list">
          {report.findings.map((finding, index) => (
            <li key={`${finding.ruleId}:${finding.line}:${finding.column}:${index}`}>
              <button
                type="button"
                className={`finding finding-${finding.severity}`}
                data-testid="finding"
                data-rule={finding.ruleId}
                disabled={!onSelect}
                onClick={() => onSelect?.(finding)}
                title={onSelect ? `Go to line ${finding.line}` : undefined}
              >
                <span className={`finding-severity severity-${finding.severity}`}>{severityLabels[finding.severity]}</span>
                <code className="finding-rule">{finding.ruleId}</code>
                <span className="finding-message">{finding.message}</span>
                <span className="finding-place mono">
                  {finding.line}:{finding.column}
                </span>
                <span className="finding-hint muted">{finding.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
