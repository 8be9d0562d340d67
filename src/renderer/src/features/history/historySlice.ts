// The audit trail as the History view shows it: newest first, appended live as events arrive.
import type { StateCreator } from 'zustand';
import type { AuditEvent } from '../../../../shared/audit';
import type { ErrorData } from '../../../../shared/errors';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { shownEvents, withAuditEvent } from './auditEvents';

export type HistorySlice = {
  history: { events: AuditEvent[]; status: 'idle' | 'loading' | 'ready' | 'failed'; error?: ErrorData };
  loadHistory: () => Promise<void>;
  addAuditEvent: (event: AuditEvent) => void;
};

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  history: { events: [], status: 'idle' },
  loadHistory: async () => {
    set((s) => ({ history: { ...s.history, status: 'loading' } }));
    const reply = await bridge.invoke('audit.list', { limit: shownEvents });
    set({ history: reply.ok ? { events: reply.value, status: 'ready' } : { events: [], status: 'failed', error: reply.error } });
  },
  addAuditEvent: (event) => set((s) => ({ history: { ...s.history, events: withAuditEvent(s.history.events, event) } })),
});
