// The Editor's quality assessment: an "Assess quality" button for the toolbar and the panel that shows the report.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QualityReport } from './QualityReport';

/** Runs quality.analyze on the editor's current code. */
export function AssessQualityButton() {
  const { code, language } = useAppStore(useShallow((s) => ({ code: s.editor.code, language: s.editor.language })));
  const running = useAppStore((s) => s.quality.status === 'running');
  const assessQuality = useAppStore((s) => s.assessQuality);
  return (
    <button
      type="button"
      data-testid="assess-quality"
      disabled={running || code.trim() === ''}
      title="Lint, type-check and measure this code, and score it 0–100"
      onClick={() => void assessQuality({ code, language })}
    >
      {running ? 'Assessing…' : 'Assess quality'}
    </button>
  );
}

/** The report beside the editor, once an assessment has been asked for; closed with ×. */
export function QualityPanel() {
  const { status, open, report, error } = useAppStore(useShallow((s) => s.quality));
  const close = useAppStore((s) => s.closeQualityReport);
  if (!open) return null;
  return (
    <aside className="quality-panel" data-testid="quality-panel" aria-label="Quality report" aria-busy={status === 'running'}>
      <header className="quality-panel-header">
        <h2>Quality</h2>
        <span className="muted" role="status">
          {status === 'running' ? 'Assessing: Ruff, the type checker and the metrics…' : report ? `${report.language}, ${(report.durationMs / 1000).toFixed(1)} s${report.id !== null ? `, report ${report.id}` : ''}` : ''}
        </span>
        <button type="button" className="icon-button" aria-label="Close the quality report" data-testid="quality-close" onClick={close}>
          ×
        </button>
      </header>
      {status === 'failed' && error && <ErrorNotice error={error} />}
      {report ? <QualityReport report={report} /> : status === 'running' && <p className="muted quality-waiting">The first assessment loads the type checker; later ones are quicker.</p>}
    </aside>
  );
}
