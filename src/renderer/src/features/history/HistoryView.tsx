// The History view: the audit trail of everything the workbench did, newest first, live.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAppStore } from '../../store';

export function HistoryView() {
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
    <section className="view" data-testid="history-view">
      <header className="view-header">
        <h1>History</h1>
        <span className="muted">{events.length} events · audit trail (append-only)</span>
      </header>
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
    </section>
  );
}

/** The sidebar beside this view. */
export function HistorySidebar() {
  const info = useAppStore((s) => s.app.info);
  return <div className="sidebar-body muted"><p>The audit trail of this workbench{info ? ` (${info.dbPath})` : ''}.</p></div>;
}
