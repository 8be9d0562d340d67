// The status bar: which database, which sandbox isolation level, which host, and whether the connection holds.
import { useShallow } from 'zustand/react/shallow';
import { bridgeKind } from '../bridge';
import { useAppStore } from '../store';

export function StatusBar() {
  const { info, connection } = useAppStore(useShallow((s) => ({ info: s.app.info, connection: s.app.connection })));
  const setPaletteOpen = useAppStore((s) => s.setPaletteOpen);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`status-item connection-${connection}`} data-testid="status-connection">
        {connection === 'open' ? '● Connected' : connection === 'connecting' ? '◌ Connecting…' : connection === 'no-token' ? '✕ No token' : '✕ Disconnected — reconnecting'}
      </span>
      {info && (
        <>
          <span className="status-item" title={info.dbPath} data-testid="status-db">
            DB {info.dbPath} · schema v{info.schemaVersion}
          </span>
          <span className={`status-item isolation-${info.isolation.level}`} title={info.isolation.detail} data-testid="status-isolation">
            Sandbox: {info.isolation.level}
          </span>
        </>
      )}
      <span className="status-spacer" />
      <button type="button" className="status-item status-button" onClick={() => setPaletteOpen(true)}>
        Ctrl+Shift+P
      </button>
      <span className="status-item">{bridgeKind === 'electron' ? 'Desktop' : 'Web host'}</span>
      {info && <span className="status-item">v{info.version}</span>}
    </footer>
  );
}
