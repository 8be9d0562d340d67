// History › Runs: every sandbox run, filtered by status, language and date, and one run in detail with Re-run.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RunLanguage, RunStatus, type ExecutionDetail } from '../../../../shared/sandbox';
import { useAppStore } from '../../store';
import { CodeEditor } from '../../ui/CodeEditor';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useResolvedTheme } from '../../ui/theme';
import { formatDuration } from '../console/consoleState';
import type { RunOutput, RunsFilter } from './runsModel';

/** The filter with one key set, or removed when the value is empty. */
function withFilter<K extends keyof RunsFilter>(filter: RunsFilter, key: K, value: RunsFilter[K] | undefined): RunsFilter {
  const next = { ...filter };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A select over a closed set of values, with "any" for no filter. */
function ChoiceFilter<T extends string>(props: { label: string; testId: string; value: T | undefined; options: readonly T[]; onChange: (value: T | undefined) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(props.options.find((option) => option === event.target.value))}
      >
        <option value="">any</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RunsTab() {
  const { list, status, error, filter, selectedId } = useAppStore(
    useShallow((s) => ({ list: s.runs.list, status: s.runs.status, error: s.runs.error, filter: s.runs.filter, selectedId: s.runs.selectedId })),
  );
  const { loadRuns, selectRun } = useAppStore(useShallow((s) => ({ loadRuns: s.loadRuns, selectRun: s.selectRun })));
  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);
  const change = (next: RunsFilter) => void loadRuns(next);

  return (
    <div className="runs-tab">
      <div className="runs-filters" data-testid="runs-filters">
        <ChoiceFilter label="Status" testId="runs-filter-status" value={filter.status} options={RunStatus.options} onChange={(value) => change(withFilter(filter, 'status', value))} />
        <ChoiceFilter label="Language" testId="runs-filter-language" value={filter.language} options={RunLanguage.options} onChange={(value) => change(withFilter(filter, 'language', value))} />
        <label>
          From <input type="date" data-testid="runs-filter-from" value={filter.fromDay ?? ''} onChange={(event) => change({ ...filter, fromDay: event.target.value || undefined })} />
        </label>
        <label>
          To <input type="date" data-testid="runs-filter-to" value={filter.toDay ?? ''} onChange={(event) => change({ ...filter, toDay: event.target.value || undefined })} />
        </label>
        <span className="muted">{status === 'loading' ? 'Loading…' : `${list.length} run${list.length === 1 ? '' : 's'}`}</span>
      </div>
      {status === 'failed' && error && <ErrorNotice error={error} onRetry={() => void loadRuns()} />}
      {status === 'ready' && list.length === 0 ? (
        <EmptyState icon="history" title={Object.keys(filter).length ? 'No run matches these filters' : 'No runs yet'}>
          {Object.keys(filter).length ? 'Clear a filter to see more runs.' : 'Run code from the Editor (or `ark run FILE`): every run is recorded here with its code, limits, output and isolation level.'}
        </EmptyState>
      ) : (
        <div className="runs-split">
          <div className="runs-list">
            <table className="data-table runs-table">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Status · isolation</th>
                  <th>Language · tier</th>
                  <th>Duration</th>
                  <th>When</th>
                </tr>
              </thead>
              <tbody>
                {list.map((run) => (
                  <tr
                    key={run.id}
                    data-testid="run-row"
                    data-run-id={run.id}
                    data-status={run.status}
                    className={run.id === selectedId ? 'selected' : ''}
                    tabIndex={0}
                    onClick={() => void selectRun(run.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') void selectRun(run.id);
                    }}
                  >
                    <td className="mono">
                      #{run.id}
                      <div className="muted run-preview">{run.codePreview}</div>
                    </td>
                    <td>
                      <StatusBadge status={run.status} />
                      <div>
                        <IsolationBadge level={run.isolation} />
                      </div>
                    </td>
                    <td>
                      {run.language}
                      <div className="muted">{run.tier}</div>
                    </td>
                    <td className="nowrap">{formatDuration(run.durationMs)}</td>
                    <td className="nowrap" title={new Date(run.startedAt).toLocaleString()}>
                      {shortTime(run.startedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selectedId !== null && <RunDetailPane />}
        </div>
      )}
    </div>
  );
}

/** Today's runs by time, older ones by date: the list stays narrow enough to sit beside the detail. */
function shortTime(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString();
}

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`run-status run-status-${status}`} data-testid="run-status">
      {status}
    </span>
  );
}

export function IsolationBadge({ level }: { level: ExecutionDetail['isolation'] }) {
  return (
    <span className={`isolation-badge isolation-${level}`} data-testid="run-isolation" title={level === 'namespaces' ? 'bubblewrap: own namespaces, no network, read-only system, plus limits' : 'resource limits only: no file-system or network isolation (see Settings)'}>
      {level}
    </span>
  );
}

function RunDetailPane() {
  const { detail, output, detailStatus, detailError, rerunning, selectedId } = useAppStore(
    useShallow((s) => ({ detail: s.runs.detail, output: s.runs.output, detailStatus: s.runs.detailStatus, detailError: s.runs.detailError, rerunning: s.runs.rerunning, selectedId: s.runs.selectedId })),
  );
  const { selectRun, rerunSelected } = useAppStore(useShallow((s) => ({ selectRun: s.selectRun, rerunSelected: s.rerunSelected })));
  const [confirmingCore, setConfirmingCore] = useState(false);
  const theme = useResolvedTheme();

  if (detailStatus === 'failed' && detailError && !detail) return <div className="run-detail"><ErrorNotice error={detailError} onRetry={() => void selectRun(selectedId)} /></div>;
  if (!detail || !output) return <div className="run-detail loading">Loading run {selectedId}…</div>;
  const rerun = () => {
    setConfirmingCore(false);
    void rerunSelected();
  };
  const cpu = detail.cpuUserMs !== null && detail.cpuSystemMs !== null ? `${formatDuration(detail.cpuUserMs + detail.cpuSystemMs)} (user ${formatDuration(detail.cpuUserMs)}, system ${formatDuration(detail.cpuSystemMs)})` : '—';
  return (
    <div className="run-detail" data-testid="run-detail">
      <header className="run-detail-header">
        <h2>Run #{detail.id}</h2>
        <StatusBadge status={detail.status} />
        <IsolationBadge level={detail.isolation} />
        <span className="muted">
          {detail.language} · {detail.tier} · {detail.mode}
        </span>
        <span className="spacer" />
        <button type="button" className="primary-button" data-testid="run-rerun" disabled={rerunning || detail.status === 'running'} onClick={() => (detail.tier === 'core' ? setConfirmingCore(true) : rerun())}>
          {rerunning ? 'Running…' : '↻ Re-run'}
        </button>
        <button type="button" className="icon-button" aria-label="Close the run" onClick={() => void selectRun(null)}>
          ×
        </button>
      </header>
      {confirmingCore && (
        <div className="run-inline-confirm" role="dialog" aria-label="Confirm a core-tier re-run">
          Re-run core-tier code? It runs in the sandbox with the core tier&apos;s rules, and the confirmation is recorded.{' '}
          <button type="button" className="primary-button" onClick={rerun}>
            Re-run core code
          </button>{' '}
          <button type="button" onClick={() => setConfirmingCore(false)}>
            Cancel
          </button>
        </div>
      )}
      {detailError && <ErrorNotice error={detailError} />}
      {detail.detail && <p className="run-why">{detail.detail}</p>}
      <div className="run-code">
        <CodeEditor value={detail.code} language={detail.language} theme={theme} readOnly ariaLabel={`Code of run ${detail.id}`} testId="run-code" />
      </div>
      <RunOutputView output={output} mode={detail.mode} truncated={detail.outputTruncated} />
      <div className="run-facts-grid">
        <section>
          <h3>Resources</h3>
          <dl className="facts">
            <dt>Exit</dt>
            <dd>{detail.signal ? `signal ${detail.signal}` : detail.exitCode !== null ? `code ${detail.exitCode}` : '—'}</dd>
            <dt>Wall time</dt>
            <dd>{formatDuration(detail.durationMs)}</dd>
            <dt>CPU</dt>
            <dd>{cpu}</dd>
            <dt>Peak memory</dt>
            <dd>{detail.maxRssKb === null ? '—' : `${(detail.maxRssKb / 1024).toFixed(1)} MiB`}</dd>
            <dt>Output</dt>
            <dd>
              {detail.outputBytes.toLocaleString()} bytes{detail.outputTruncated ? ' (cut at the limit)' : ''}
            </dd>
            <dt>Interpreter</dt>
            <dd className="mono">{detail.interpreter ?? '—'}</dd>
            <dt>Started</dt>
            <dd>{new Date(detail.startedAt).toLocaleString()}</dd>
          </dl>
        </section>
        <section>
          <h3>Limits</h3>
          <dl className="facts" data-testid="run-limits">
            <dt>Timeout</dt>
            <dd>{formatDuration(detail.limits.timeoutMs)}</dd>
            <dt>CPU</dt>
            <dd>{detail.limits.cpuSeconds} s</dd>
            <dt>Memory</dt>
            <dd>{detail.limits.memoryMb} MiB</dd>
            <dt>Processes</dt>
            <dd>{detail.limits.processes}</dd>
            <dt>File size</dt>
            <dd>{detail.limits.fileSizeMb} MiB</dd>
            <dt>Open files</dt>
            <dd>{detail.limits.openFiles}</dd>
            <dt>Output</dt>
            <dd>{(detail.limits.outputBytes / 1024 / 1024).toFixed(1)} MiB</dd>
            <dt>Disk</dt>
            <dd>{detail.limits.diskMb} MiB</dd>
          </dl>
        </section>
        <section>
          <h3>Validation</h3>
          {detail.validation ? (
            <>
              <p data-testid="run-validation">
                {detail.validation.blocked ? (detail.validation.overridden ? 'Blocked, and run on a confirmed override' : 'Blocked: did not run') : 'Passed'} · {detail.validation.findingCount} finding
                {detail.validation.findingCount === 1 ? '' : 's'}
              </p>
              {detail.overrideReason && <p>Override reason: “{detail.overrideReason}”</p>}
              {detail.validation.summary && <pre className="run-findings">{detail.validation.summary}</pre>}
            </>
          ) : (
            <p className="muted">Not recorded.</p>
          )}
          <p className="muted mono" title="sha256 of the code">
            {detail.codeHash.slice(0, 16)}…
          </p>
        </section>
      </div>
    </div>
  );
}

function RunOutputView({ output, mode, truncated }: { output: RunOutput; mode: ExecutionDetail['mode']; truncated: boolean }) {
  const note = output.cut ? ' (showing the first part; `ark history` and the database hold all of it)' : truncated ? ' (the run was stopped at its output limit)' : '';
  if (mode === 'console') {
    return (
      <section>
        <h3>Console output{note}</h3>
        <pre className="run-output" data-testid="run-output-terminal">
          {output.terminal || <span className="muted">(no output)</span>}
        </pre>
      </section>
    );
  }
  return (
    <div className="run-output-pair">
      <section>
        <h3>stdout{note}</h3>
        <pre className="run-output" data-testid="run-output-stdout">
          {output.stdout || <span className="muted">(empty)</span>}
        </pre>
      </section>
      <section>
        <h3>stderr</h3>
        <pre className="run-output run-output-stderr" data-testid="run-output-stderr">
          {output.stderr || <span className="muted">(empty)</span>}
        </pre>
      </section>
    </div>
  );
}
