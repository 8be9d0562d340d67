// The outcome of a run: the stage list with live status and timing, then the status, code, tests and findings.
import { useState } from 'react';
import type { GenerationResult } from '../../../../shared/generation';
import { CodeEditor } from '../../ui/CodeEditor';
import { FindingsPanel } from '../validation/FindingsPanel';
import type { StageRow } from './specsState';

const stageLabels = { spec: 'Spec', body: 'Body', render: 'Render', validate: 'Validate', test: 'Test', quality: 'Quality' } as const;
const statusLabels = { 'ready-for-review': 'Ready for review', 'needs-body': 'Needs a body', failed: 'Failed' } as const;

export function StageList({ rows }: { rows: StageRow[] }) {
  return (
    <ol className="stage-list" data-testid="stage-list" aria-label="Pipeline stages">
      {rows.map((row) => (
        <li key={row.stage} className={`stage stage-${row.status}`} data-testid={`stage-${row.stage}`} data-status={row.status}>
          <span className="stage-dot" aria-hidden="true" />
          <span className="stage-name">{stageLabels[row.stage]}</span>
          <span className="stage-status">{row.status === 'running' ? 'running…' : row.status}</span>
          <span className="stage-time mono">{row.durationMs === null ? '' : `${row.durationMs < 10 ? row.durationMs.toFixed(1) : Math.round(row.durationMs)} ms`}</span>
          <span className="stage-summary muted">{row.summary}</span>
        </li>
      ))}
    </ol>
  );
}

export function GenerationResultPanel({ result, theme }: { result: GenerationResult; theme: 'light' | 'dark' }) {
  const [tab, setTab] = useState<'code' | 'tests'>('code');
  const language = result.spec.language;
  return (
    <section className="generation-result" data-testid="generation-result">
      <header className={`generation-status status-${result.status}`}>
        <strong data-testid="generation-status" data-status={result.status}>
          {statusLabels[result.status]}
        </strong>
        <span data-testid="generation-source">
          body: {result.source}
          {result.origin.reference ? ` (${result.origin.reference})` : ''}
        </span>
        {result.testRun && (
          <span>
            tests: {result.testRun.passed} / {result.testRun.total} passed ({result.testRun.framework})
          </span>
        )}
        {result.quality?.analysis && (
          <span data-testid="generation-quality" title={`Quality report #${result.quality.analysis.reportId}; its breakdown is under Review › Checks`}>
            quality {result.quality.analysis.score} / 100
          </span>
        )}
        {result.quality && <span>checklist {result.quality.score} / 100</span>}
        <span className="muted">{result.durationMs} ms</span>
      </header>
      {(result.reasons.length > 0 || result.warnings.length > 0) && (
        <ul className="generation-reasons">
          {result.warnings.map((warning) => (
            <li key={warning} className="warning">
              {warning}
            </li>
          ))}
          {result.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'code'} className={`tab${tab === 'code' ? ' active' : ''}`} onClick={() => setTab('code')}>
          Code
        </button>
        <button type="button" role="tab" aria-selected={tab === 'tests'} className={`tab${tab === 'tests' ? ' active' : ''}`} onClick={() => setTab('tests')}>
          Tests
        </button>
      </div>
      <div className="generation-code">
        <CodeEditor
          value={tab === 'code' ? result.code : result.tests}
          language={language}
          theme={theme}
          readOnly
          ariaLabel={tab === 'code' ? 'Generated code' : 'Generated tests'}
          testId={tab === 'code' ? 'generated-code' : 'generated-tests'}
        />
      </div>
      {result.validation && (
        <FindingsPanel report={{ ...result.validation, language }} status="ready" />
      )}
      {result.quality && (
        <ul className="quality-checks" data-testid="quality-checks">
          {result.quality.checks.map((check) => (
            <li key={check.id} className={check.passed ? 'passed' : 'failed'}>
              <span aria-hidden="true">{check.passed ? '✓' : '✗'}</span> {check.label} <span className="muted">{check.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
