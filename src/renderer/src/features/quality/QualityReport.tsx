// A quality report as a person reads it: the score, what each category cost, the rules that cost points, each
// function's complexity, the findings and the tools that made it. Reusable by any view that has a report (Editor,
// Review, History).
import type { QualityFinding, QualityReport as Report } from '../../../../shared/quality';
import { deductionLines, scoreBand } from './qualityState';

export type QualityReportProps = {
  report: Report;
  /** Called when a finding or a function is clicked (the editor jumps to the line); without it they are read-only. */
  onSelectLine?: (line: number) => void;
};

const percent = (ratio: number | null) => (ratio === null ? 'n/a' : `${Math.round(ratio * 100)}%`);

export function QualityReport({ report, onSelectLine }: QualityReportProps) {
  const band = scoreBand(report.score);
  const functions = [...report.functions].sort((a, b) => b.cyclomatic - a.cyclomatic || b.cognitive - a.cognitive || a.line - b.line);
  return (
    <div className="quality-report" data-testid="quality-report">
      <div className="quality-headline">
        <div className={`quality-score quality-${band}`} data-testid="quality-score" aria-label={`Quality score ${report.score} out of 100`}>
          <span className="quality-score-value">{report.score}</span>
          <span className="quality-score-max">/ 100</span>
        </div>
        <dl className="quality-facts">
          <dt>Maintainability</dt>
          <dd>
            {report.maintainability.index} ({report.maintainability.rank})
          </dd>
          <dt>Lines</dt>
          <dd>
            {report.lines.sloc} code / {report.lines.loc} total
          </dd>
          <dt>Docstrings</dt>
          <dd>{percent(report.docstrings.ratio)}</dd>
          <dt>Annotations</dt>
          <dd>{percent(report.annotations.ratio)}</dd>
          <dt>Formatting</dt>
          <dd>{report.format.formatted === null ? 'not checked' : report.format.formatted ? 'formatted' : `${report.format.changedLines} line(s) to reformat`}</dd>
        </dl>
      </div>

      <section aria-label="Score breakdown">
        <h3>Breakdown</h3>
        <ul className="quality-breakdown">
          {report.breakdown.map((part) => {
            const kept = part.maxPoints === 0 ? 1 : (part.maxPoints - part.lost) / part.maxPoints;
            return (
              <li key={part.category} data-testid="quality-part" data-category={part.category}>
                <span className="quality-part-label">{part.label}</span>
                <span className="quality-bar" role="meter" aria-valuemin={0} aria-valuemax={part.maxPoints} aria-valuenow={part.maxPoints - part.lost} aria-label={part.label}>
                  <span className={`quality-bar-fill quality-${scoreBand(kept * 100)}`} style={{ width: `${kept * 100}%` }} />
                </span>
                <span className="quality-part-points mono">
                  {part.maxPoints - part.lost} / {part.maxPoints}
                  {part.lost > 0 ? ` (−${part.lost})` : ''}
                </span>
                <span className="quality-part-summary muted">{part.summary}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-label="What cost points">
        <h3>What cost points</h3>
        {report.deductions.length === 0 ? (
          <p className="muted">Nothing: every category kept all its points.</p>
        ) : (
          <ul className="quality-deductions">
            {report.deductions.map((deduction, index) => {
              const lines = deductionLines(report, deduction);
              return (
                <li key={`${deduction.category}:${deduction.ruleId}:${index}`} data-testid="quality-deduction">
                  <span className="quality-deduction-points mono">−{deduction.points}</span>
                  <code>{deduction.ruleId}</code>
                  <span>{deduction.message}</span>
                  {lines.length > 0 && (
                    <span className="muted mono" data-testid="quality-deduction-lines">
                      {lines.length === 1 ? 'line' : 'lines'} {lines.slice(0, 8).join(', ')}
                      {lines.length > 8 ? ', …' : ''}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-label="Functions">
        <h3>Functions</h3>
        {functions.length === 0 ? (
          <p className="muted">No functions in this code.</p>
        ) : (
          <table className="quality-functions" data-testid="quality-functions">
            <thead>
              <tr>
                <th scope="col">Function</th>
                <th scope="col">Line</th>
                <th scope="col" title="McCabe cyclomatic complexity (as Ruff's C901 counts it for Python)">Cyclomatic</th>
                <th scope="col" title="SonarSource cognitive complexity">Cognitive</th>
                <th scope="col">Doc</th>
                <th scope="col">Types</th>
              </tr>
            </thead>
            <tbody>
              {functions.map((fn) => (
                <tr key={`${fn.qualifiedName}:${fn.line}`}>
                  <td>
                    {onSelectLine ? (
                      <button type="button" className="link-button mono" onClick={() => onSelectLine(fn.line)}>
                        {fn.qualifiedName}
                      </button>
                    ) : (
                      <span className="mono">{fn.qualifiedName}</span>
                    )}
                  </td>
                  <td className="mono">{fn.line}</td>
                  <td className={`mono ${fn.cyclomatic > 10 ? 'severity-error' : ''}`}>{fn.cyclomatic}</td>
                  <td className={`mono ${fn.cognitive > 15 ? 'severity-error' : ''}`}>{fn.cognitive}</td>
                  <td>{fn.hasDocstring ? 'yes' : '—'}</td>
                  <td className="mono">{fn.annotatable === 0 ? '—' : `${fn.annotated}/${fn.annotatable}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-label="Findings">
        <h3>
          Findings <span className="muted">({report.findingCount})</span>
        </h3>
        {report.findings.length === 0 ? <p className="muted">No lint or type findings.</p> : <FindingList findings={report.findings} onSelectLine={onSelectLine} />}
      </section>

      <section aria-label="Tools">
        <h3>Tools</h3>
        <ul className="quality-tools" data-testid="quality-tools">
          {report.tools.map((tool) => (
            <li key={tool.name} className={`quality-tool tool-${tool.status}`}>
              <span className="mono">
                {tool.name} {tool.version ?? ''}
              </span>
              <span className="muted">
                {tool.status}
                {tool.optional ? ' (optional)' : ''}
                {tool.status === 'ok' ? `, ${Math.round(tool.durationMs)} ms` : tool.message ? `: ${tool.message}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p className="muted quality-comparable">Scores compare only between reports with the same tool versions (scoring v{report.scoringVersion}).</p>
      </section>
    </div>
  );
}

function FindingList({ findings, onSelectLine }: { findings: QualityFinding[]; onSelectLine?: ((line: number) => void) | undefined }) {
  return (
    <ul className="quality-findings">
      {findings.map((finding, index) => (
        <li key={`${finding.source}:${finding.ruleId}:${finding.line}:${finding.column}:${index}`}>
          <button type="button" className="quality-finding" data-testid="quality-finding" disabled={!onSelectLine} onClick={() => onSelectLine?.(finding.line)} title={onSelectLine ? `Go to line ${finding.line}` : undefined}>
            <span className={`finding-severity severity-${finding.severity}`}>{finding.severity}</span>
            <code className="finding-rule">
              {finding.source} {finding.ruleId}
            </code>
            <span className="finding-message">{finding.message}</span>
            <span className="finding-place mono">
              {finding.line}:{finding.column}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
