// App-wide state: what the services report about themselves, the user's settings, and the connection.
import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../../shared/app';
import type { ErrorData } from '../../../../shared/errors';
import type { SettingChange, Settings } from '../../../../shared/settings';
import { bridge, connectionState, type ConnectionState } from '../../bridge';
import type { AppState } from '../../store';

export type AppSlice = {
  app: {
    info: AppInfo | null;
    settings: Settings | null;
    status: 'loading' | 'ready' | 'failed';
    error?: ErrorData;
    connection: ConnectionState;
    /** The last error an action reported, shown as a dismissible notice. */
    notice?: ErrorData;
  };
  loadApp: () => Promise<void>;
  changeSetting: (change: SettingChange) => Promise<void>;
  setConnection: (state: ConnectionState) => void;
  applySettings: (settings: Settings) => void;
  dismissNotice: () => void;
};

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set) => ({
  app: { info: null, settings: null, status: 'loading', connection: connectionState() },
  loadApp: async () => {
    set((s) => ({ app: { ...s.app, status: 'loading' } }));
    const [info, settings] = await Promise.all([bridge.invoke('app.info', {}), bridge.invoke('settings.get', {})]);
    if (!info.ok) return set((s) => ({ app: { ...s.app, status: 'failed', error: info.error } }));
    if (!settings.ok) return set((s) => ({ app: { ...s.app, status: 'failed', error: settings.error } }));
    set((s) => ({ app: { ...s.app, info: info.value, settings: settings.value, status: 'ready' } }));
  },
  changeSetting: async (change) => {
    const reply = await bridge.invoke('settings.set', change);
    if (reply.ok) set((s) => ({ app: { ...s.app, settings: reply.value } }));
    else set((s) => ({ app: { ...s.app, notice: reply.error } }));
  },
  setConnection: (connection) => set((s) => ({ app: { ...s.app, connection } })),
  applySettings: (settings) => set((s) => ({ app: { ...s.app, settings } })),
  dismissNotice: () => set((s) => ({ app: { ...s.app, notice: undefined } })),
});
