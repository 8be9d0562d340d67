// The Settings view: appearance, the sandbox's isolation level and how to raise it, and where data lives.
import { useEffect, useState } from 'react';
import type { DbInfo } from '../../../../shared/app';
import type { ErrorData } from '../../../../shared/errors';
import { Theme } from '../../../../shared/settings';
import { bridge } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAppStore } from '../../store';
import { PolicySettings } from './PolicySettings';
import { ProviderSettings } from './ProviderSettings';
import { SandboxSettings } from './SandboxSettings';

export function SettingsView() {
  const settings = useAppStore((s) => s.app.settings);
  const info = useAppStore((s) => s.app.info);
  const changeSetting = useAppStore((s) => s.changeSetting);
  const [db, setDb] = useState<DbInfo | null>(null);
  const [dbError, setDbError] = useState<ErrorData | null>(null);

  useEffect(() => {
    void bridge.invoke('db.info', {}).then((reply) => (reply.ok ? setDb(reply.value) : setDbError(reply.error)));
  }, []);

  if (!settings || !info) return <p className="loading">Loading settings…</p>;
  return (
    <section className="view settings" data-testid="settings-view">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <h2>Appearance</h2>
      <label className="field">
        <span>Theme</span>
        <select
          data-testid="theme-select"
          value={settings['ui.theme']}
          onChange={(event) => void changeSetting({ key: 'ui.theme', value: Theme.parse(event.target.value) })}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>

      <h2>Sandbox</h2>
      <SandboxSettings />

      <h2>Model provider</h2>
      <ProviderSettings />

      <h2>Validator policies</h2>
      <PolicySettings />

      <h2>Data</h2>
      <dl className="facts">
        <dt>Data folder</dt>
        <dd className="mono">{info.dataDir}</dd>
        <dt>Database</dt>
        <dd className="mono">{info.dbPath}</dd>
        {db && (
          <>
            <dt>Schema</dt>
            <dd>
              version {db.schemaVersion} (this app writes {db.appSchemaVersion}), journal {db.journalMode}, {(db.sizeBytes / 1024).toFixed(0)} KiB
            </dd>
          </>
        )}
        <dt>Signed in as</dt>
        <dd>{info.user}</dd>
      </dl>
      {dbError && <ErrorNotice error={dbError} />}
      <p className="muted">Move the database with --db PATH or the ARK_DB environment variable.</p>
    </section>
  );
}

/** The sidebar beside this view. */
export function SettingsSidebar() {
  return <div className="sidebar-body muted"><p>Appearance, sandbox and data.</p></div>;
}
