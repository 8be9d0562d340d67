// The console panel: live output of sandbox runs, with input.
import { useAppStore } from '../../store';

export function ConsolePanel() {
  const togglePanel = useAppStore((s) => s.togglePanel);
  return (
    <section className="panel" data-testid="console-panel">
      <header className="panel-header">
        <span>Console</span>
        <button type="button" className="icon-button" aria-label="Close the console panel" onClick={() => togglePanel(false)}>
          ×
        </button>
      </header>
      <div className="panel-body muted">No run yet. When code runs in the sandbox, its output streams here and you can type into it.</div>
    </section>
  );
}
