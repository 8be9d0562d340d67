// Settings › Sandbox: the Python interpreter (with a project's .venv offered), default timeout and memory, and the
// isolation level in force with how to get the stronger one.
import { useEffect, useState } from 'react';
import type { ErrorData } from '../../../../shared/errors';
import type { PythonInfo } from '../../../../shared/sandbox';
import { settingSchemas } from '../../../../shared/settings';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';

type NumberKey = 'sandbox.timeoutMs' | 'sandbox.memoryMb';

export function SandboxSettings() {
  const settings = useAppStore((s) => s.app.settings);
  const info = useAppStore((s) => s.app.info);
  const changeSetting = useAppStore((s) => s.changeSetting);
  const [python, setPython] = useState<PythonInfo | null>(null);
  const [pythonError, setPythonError] = useState<ErrorData | null>(null);
  const configured = settings?.['sandbox.pythonPath'];

  // Asked again whenever the configured interpreter changes: what it resolves to is what runs will start.
  useEffect(() => {
    if (configured === undefined) return;
    let current = true;
    void bridge.invoke('sandbox.python', {}).then((reply) => {
      if (!current) return;
      if (reply.ok) {
        setPython(reply.value);
        setPythonError(null);
      } else setPythonError(reply.error);
    });
    return () => {
      current = false;
    };
  }, [configured]);

  if (!settings || !info) return null;
  const savePython = (value: string) => {
    const trimmed = value.trim() || 'python3';
    if (trimmed !== configured) void changeSetting({ key: 'sandbox.pythonPath', value: trimmed });
  };

  return (
    <div className="sandbox-settings" data-testid="sandbox-settings">
      <p>
        Isolation level: <strong data-testid="settings-isolation">{info.isolation.level}</strong>
      </p>
      <p className="muted">{info.isolation.detail}</p>
      {info.isolation.level === 'limits-only' && (
        <div className="settings-hint" data-testid="settings-isolation-howto">
          <strong>How to get the namespaces level</strong> (file-system, network and process isolation on top of the limits): install bubblewrap —
          Debian/Ubuntu <code>apt install bubblewrap</code>, Fedora <code>dnf install bubblewrap</code>, Arch <code>pacman -S bubblewrap</code>. On Ubuntu
          24.04 and later, unprivileged user namespaces are restricted by AppArmor: add an AppArmor profile for bwrap or set{' '}
          <code>kernel.apparmor_restrict_unprivileged_userns=0</code>. In a container, the runtime must allow user namespaces. Then restart the app.
        </div>
      )}

      <label className="field">
        <span>Python interpreter</span>
        {/* Uncontrolled, keyed by the stored value: a change from elsewhere (the venv button) replaces the draft. */}
        <input
          key={configured}
          type="text"
          className="mono"
          data-testid="settings-python-path"
          defaultValue={configured}
          maxLength={4096}
          onBlur={(event) => savePython(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') savePython(event.currentTarget.value);
          }}
        />
      </label>
      {pythonError && <ErrorNotice error={pythonError} />}
      {python && (
        <div className="settings-python" data-testid="settings-python-info">
          {python.executable ? (
            <p className="muted">
              Runs start <span className="mono">{python.executable}</span>
              {python.version ? ` (Python ${python.version})` : ''}
              {python.configuredIsVenv ? ', a virtual environment (read from its pyvenv.cfg, never run outside the sandbox)' : ''}.
            </p>
          ) : (
            <p className="error-text">{python.error}</p>
          )}
          {python.note && <p className="muted">{python.note}</p>}
          {python.projectVenv && (
            <p data-testid="settings-venv">
              The project has a virtual environment: <span className="mono">{python.projectVenv.root}</span>
              {python.projectVenv.version ? ` (Python ${python.projectVenv.version})` : ''}. Runs of the project&apos;s code above the sandbox tier use
              it automatically.{' '}
              {python.projectVenv.python !== configured && (
                <button type="button" data-testid="settings-use-venv" onClick={() => void changeSetting({ key: 'sandbox.pythonPath', value: python.projectVenv!.python })}>
                  Use it for every run
                </button>
              )}
            </p>
          )}
        </div>
      )}

      <NumberSetting settingKey="sandbox.timeoutMs" label="Default timeout" unit="ms" testId="settings-timeout" />
      <NumberSetting settingKey="sandbox.memoryMb" label="Default memory limit" unit="MiB" testId="settings-memory" />
      <p className="muted">
        These apply to the next run; a run may ask for other limits (<code>ark run --timeout</code>, <code>--memory</code>).
      </p>
    </div>
  );
}

function NumberSetting({ settingKey, label, unit, testId }: { settingKey: NumberKey; label: string; unit: string; testId: string }) {
  const value = useAppStore((s) => s.app.settings?.[settingKey]);
  const changeSetting = useAppStore((s) => s.changeSetting);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = (draft: string) => {
    const parsed = settingSchemas[settingKey].safeParse(Number(draft));
    if (!parsed.success || draft.trim() === '') {
      setInvalid(`${label} must be a whole number ${settingKey === 'sandbox.timeoutMs' ? 'from 100 to 3 600 000' : 'from 16 to 65 536'}.`);
      return;
    }
    setInvalid(null);
    if (parsed.data !== value) void changeSetting({ key: settingKey, value: parsed.data });
  };
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          key={String(value)}
          type="text"
          inputMode="numeric"
          data-testid={testId}
          defaultValue={String(value ?? '')}
          onBlur={(event) => save(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save(event.currentTarget.value);
          }}
        />
        <span className="muted">{unit}</span>
      </label>
      {invalid && <p className="error-text">{invalid}</p>}
    </>
  );
}
