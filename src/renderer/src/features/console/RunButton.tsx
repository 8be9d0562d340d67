// Run (and Stop) for the Editor's code: a console run at the chosen tier, with the confirmations a tier needs and
// the validator's findings when it blocks the code.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Language } from '../../../../shared/domain';
import type { RunLanguage } from '../../../../shared/sandbox';
import { useAppStore } from '../../store';
import { useRunStatusEvents } from './useRunStatusEvents';

/** Why code in this language cannot run, or null when it can. */
export function unsupportedReason(language: Language): string | null {
  return language === 'typescript'
    ? 'The sandbox runs Python and JavaScript; TypeScript runs only once compiled to JavaScript. If this code is plain JavaScript, switch the language to JavaScript.'
    : null;
}

export function RunButton() {
  const { code, language, tier } = useAppStore(useShallow((s) => s.editor));
  const { run, starting, blocked } = useAppStore(useShallow((s) => ({ run: s.console.run, starting: s.console.starting, blocked: s.console.blocked })));
  const { startConsoleRun, stopConsoleRun, dismissBlocked } = useAppStore(
    useShallow((s) => ({ startConsoleRun: s.startConsoleRun, stopConsoleRun: s.stopConsoleRun, dismissBlocked: s.dismissBlocked })),
  );
  const [confirmingCore, setConfirmingCore] = useState(false);
  const [reason, setReason] = useState('');
  useRunStatusEvents();

  const unsupported = unsupportedReason(language);
  const running = run !== null && !run.result && run.status === 'running';
  const start = (extra: { overrideReason?: string } = {}) => {
    setConfirmingCore(false);
    void startConsoleRun({ code, language: language as RunLanguage, tier, ...extra, ...(tier === 'core' ? { confirmCore: true } : {}) });
  };
  const onRun = () => (tier === 'core' ? setConfirmingCore(true) : start());
  const shownBlock = blocked && run?.runId === blocked.runId ? blocked : null;

  return (
    <span className="run-controls">
      <button
        type="button"
        className="primary-button"
        data-testid="run-button"
        disabled={unsupported !== null || starting || running || code.trim() === ''}
        title={unsupported ?? (running ? 'A run is in progress: stop it first.' : `Run this code in the sandbox at the ${tier} tier (validated first).`)}
        onClick={onRun}
      >
        ▶ Run
      </button>
      {running && (
        <button type="button" className="danger-button" data-testid="run-stop" onClick={() => void stopConsoleRun()}>
          ■ Stop
        </button>
      )}
      {unsupported && (
        <span className="muted run-reason" data-testid="run-disabled-reason">
          TypeScript cannot run here — compile it to JavaScript first.
        </span>
      )}
      {confirmingCore && (
        <div className="run-popover" role="dialog" aria-label="Confirm a core-tier run" data-testid="run-confirm-core">
          <p>
            <strong>Run core-tier code?</strong> Core is the project&apos;s own code: the validator allows it nearly everything. It still runs
            isolated in the sandbox, and this confirmation is recorded.
          </p>
          <div className="run-popover-actions">
            <button type="button" className="primary-button" data-testid="run-confirm-core-yes" onClick={() => start()}>
              Run core code
            </button>
            <button type="button" onClick={() => setConfirmingCore(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {shownBlock && (
        <div className="run-popover" role="alert" data-testid="run-blocked">
          <p>
            <strong>The validator blocked this code</strong> at the {shownBlock.tier} tier; it did not run.
          </p>
          <pre className="run-findings" data-testid="run-blocked-findings">
            {shownBlock.summary}
          </pre>
          {shownBlock.canOverride ? (
            <form
              className="run-override"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim()) start({ overrideReason: reason.trim() });
              }}
            >
              <label>
                Why is it safe to run? (recorded with the run and in the audit trail)
                <input data-testid="run-override-reason" value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
              </label>
              <div className="run-popover-actions">
                <button type="submit" className="danger-button" data-testid="run-anyway" disabled={reason.trim() === ''}>
                  Run anyway
                </button>
                <button type="button" onClick={dismissBlocked}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <div className="run-popover-actions">
              <span className="muted">
                Blocked code cannot run at the {shownBlock.tier} tier. Fix the findings; only code at the trusted or core tier can be run anyway.
              </span>
              <button type="button" onClick={dismissBlocked}>
                Dismiss
              </button>
            </div>
          )}
        </div>
      )}
    </span>
  );
}
