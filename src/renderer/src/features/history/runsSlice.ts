// Sandbox runs as the History view shows them: the filtered list, one run in detail (with its output), and statistics.
import type { StateCreator } from 'zustand';
import type { ErrorData } from '../../../../shared/errors';
import type { ExecutionDetail, ExecutionSummary, OutputChunk, Stats } from '../../../../shared/sandbox';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { collectOutput, shownOutputChars, toHistoryFilter, type RunOutput, type RunsFilter } from './runsModel';

type Loadable = 'idle' | 'loading' | 'ready' | 'failed';

export type HistoryTab = 'runs' | 'stats' | 'audit';

export type RunsSlice = {
  runs: {
    tab: HistoryTab;
    list: ExecutionSummary[];
    status: Loadable;
    error?: ErrorData;
    filter: RunsFilter;
    selectedId: number | null;
    detail: ExecutionDetail | null;
    output: RunOutput | null;
    detailStatus: Loadable;
    detailError?: ErrorData;
    rerunning: boolean;
    stats: Stats | null;
    statsStatus: Loadable;
    statsError?: ErrorData;
  };
  setHistoryTab: (tab: HistoryTab) => void;
  loadRuns: (filter?: RunsFilter) => Promise<void>;
  selectRun: (id: number | null) => Promise<void>;
  rerunSelected: () => Promise<void>;
  loadStats: () => Promise<void>;
};

/** How many runs the list shows. */
export const shownRuns = 200;

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  runs: { tab: 'runs', list: [], status: 'idle', filter: {}, selectedId: null, detail: null, output: null, detailStatus: 'idle', rerunning: false, stats: null, statsStatus: 'idle' },

  setHistoryTab: (tab) => set((s) => ({ runs: { ...s.runs, tab } })),

  loadRuns: async (filter) => {
    const next = filter ?? get().runs.filter;
    set((s) => ({ runs: { ...s.runs, filter: next, status: 'loading' } }));
    const reply = await bridge.invoke('sandbox.history', toHistoryFilter(next, shownRuns));
    set((s) => ({ runs: reply.ok ? { ...s.runs, list: reply.value, status: 'ready', error: undefined } : { ...s.runs, status: 'failed', error: reply.error } }));
  },

  selectRun: async (id) => {
    set((s) => ({ runs: { ...s.runs, selectedId: id, detail: null, output: null, detailStatus: id === null ? 'idle' : 'loading', detailError: undefined } }));
    if (id === null) return;
    const detail = await bridge.invoke('sandbox.detail', { id });
    if (get().runs.selectedId !== id) return;
    if (!detail.ok) return set((s) => ({ runs: { ...s.runs, detailStatus: 'failed', detailError: detail.error } }));
    // Output in pages, until the shown amount is reached.
    const chunks: OutputChunk[] = [];
    let after = 0;
    let size = 0;
    for (;;) {
      const page = await bridge.invoke('sandbox.outputSince', { runId: id, afterSeq: after, limit: 50 });
      if (!page.ok) return set((s) => ({ runs: { ...s.runs, detailStatus: 'failed', detailError: page.error } }));
      chunks.push(...page.value.chunks);
      size += page.value.chunks.reduce((sum, chunk) => sum + chunk.data.length, 0);
      after = page.value.chunks[page.value.chunks.length - 1]?.seq ?? after;
      if (!page.value.more || size > shownOutputChars) break;
    }
    if (get().runs.selectedId !== id) return;
    set((s) => ({ runs: { ...s.runs, detail: detail.value, output: collectOutput(chunks), detailStatus: 'ready' } }));
  },

  rerunSelected: async () => {
    const detail = get().runs.detail;
    if (!detail) return;
    set((s) => ({ runs: { ...s.runs, rerunning: true, detailError: undefined } }));
    // A re-run is a new decision: core-tier code is confirmed again by the person pressing Re-run (the view asks).
    const reply = await bridge.invoke('sandbox.rerun', { id: detail.id, ...(detail.tier === 'core' ? { confirmCore: true as const } : {}) });
    set((s) => ({ runs: { ...s.runs, rerunning: false } }));
    if (!reply.ok) return set((s) => ({ runs: { ...s.runs, detailError: reply.error } }));
    await get().loadRuns();
    await get().selectRun(reply.value.id);
  },

  loadStats: async () => {
    set((s) => ({ runs: { ...s.runs, statsStatus: 'loading' } }));
    const { language, fromDay, toDay } = get().runs.filter;
    const { limit: _limit, status: _status, ...filter } = toHistoryFilter({ ...(language ? { language } : {}), ...(fromDay ? { fromDay } : {}), ...(toDay ? { toDay } : {}) }, 1);
    const reply = await bridge.invoke('sandbox.stats', filter);
    set((s) => ({ runs: reply.ok ? { ...s.runs, stats: reply.value, statsStatus: 'ready', statsError: undefined } : { ...s.runs, statsStatus: 'failed', statsError: reply.error } }));
  },
});
