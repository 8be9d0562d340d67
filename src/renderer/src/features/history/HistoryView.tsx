// The History view: sandbox runs (filtered, reopened, re-run), their statistics, and the audit trail of everything.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RunStatusEvent } from '../../../../shared/sandbox';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RunsTab } from './RunsTab';
import type { HistoryTab } from './runsSlice';
import { StatsTab } from './StatsTab';

const tabs: { id: HistoryTab; title: string }[] = [
  { id: 'runs', title: 'Runs' },
  { id: 'stats', title: 'Stats' },
  { id: 'audit', title: 'Audit trail' },
];

export function HistoryView() {
  // In the store, so the tab survives switching views (the component unmounts).
  const tab = useAppStore((s) => s.runs.tab);
  const choose = useAppStore((s) => s.setHistoryTab);
  // A run that ends anywhere (console, CLI on the same host, a re-run) shows up here without a manual reload.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = bridge.on((name, payload) => {
      if (name !== 'sandbox.status' || !RunStatusEvent.safeParse(payload).data?.result) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const { runs, loadRuns, loadStats } = useAppStore.getState();
        if (runs.status !== 'idle') void loadRuns();
        if (runs.statsStatus !== 'idle') void loadStats();
      }, 300);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return (
    <section className="view history-view" data-testid="history-view">
      <header className="view-header">
        <h1>History</h1>
        <nav className="tabs" role="tablist" aria-label="History">
          {tabs.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              aria-selected={tab === entry.id}
              className={`tab ${tab === entry.id ? 'active' : ''}`}
              data-testid={`history-tab-${entry.id}`}
              onClick={() => choose(entry.id)}
            >
              {entry.title}
            </button>
          ))}
        </nav>
      </header>
      {tab === 'runs' && <RunsTab />}
      {tab === 'stats' && <StatsTab />}
      {tab === 'audit' && <AuditTrail />}
    </section>
  );
}

function AuditTrail() {
  const { events, status, error } = useAppStore(useShallow((s) => s.history));
  const loadHistory = useAppStore((s) => s.loadHistory);
  useEffect(() => {
    if (status === 'idle') void loadHistory();
  }, [status, loadHistory]);

  if (status === 'failed' && error) return <ErrorNotice error={error} onRetry={() => void loadHistory()} />;
  if (status === 'loading' && events.length === 0) return <p className="loading">Loading history…</p>;
  if (events.length === 0) {
    return (
      <EmptyState icon="history" title="Nothing has happened yet">
        Every step — indexing, generation, validation, runs, reviews, deployments — is recorded here as it happens.
      </EmptyState>
    );
  }
  return (
    <div data-testid="audit-trail">
      <p className="muted">{events.length} events · audit trail (append-only)</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th>Who</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="history-row">
              <td className="nowrap">{new Date(event.at).toLocaleString()}</td>
              <td className="mono">{event.kind}</td>
              <td>{event.actor}</td>
              <td className="mono details">{JSON.stringify(event.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The sidebar beside this view. */
export function HistorySidebar() {
  const info = useAppStore((s) => s.app.info);
  return (
    <div className="sidebar-body muted">
      <p>Every sandbox run, with its code, limits, isolation level, output and how it ended; their statistics; and the audit trail of this workbench{info ? ` (${info.dbPath})` : ''}.</p>
    </div>
  );
}
