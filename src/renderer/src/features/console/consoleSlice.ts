// The console's run: which run the panel shows, how it is doing, and starting, stopping or overriding it.
import type { StateCreator } from 'zustand';
import type { Tier } from '../../../../shared/domain';
import type { ErrorData } from '../../../../shared/errors';
import type { RunLanguage, RunStatusEvent, TerminalSize } from '../../../../shared/sandbox';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { withRunResult, withRunStatus, type ConsoleRun } from './consoleState';

/** Code the validator refused: what it said, and whether the tier allows running it anyway. */
export type BlockedRun = { runId: number; summary: string; tier: Tier; canOverride: boolean };

export type ConsoleStartRequest = {
  code: string;
  language: RunLanguage;
  tier: Tier;
  /** A confirmed override of the validator's block, with the reason that is recorded. */
  overrideReason?: string;
  /** The user confirmed running core-tier code. */
  confirmCore?: boolean;
};

export type ConsoleSlice = {
  console: {
    run: ConsoleRun | null;
    starting: boolean;
    blocked: BlockedRun | null;
    error: ErrorData | null;
    /** The terminal's size, so a run starts with the size it will be shown at. */
    size: TerminalSize;
  };
  startConsoleRun: (request: ConsoleStartRequest) => Promise<void>;
  stopConsoleRun: () => Promise<void>;
  applyRunStatus: (event: RunStatusEvent) => void;
  setConsoleSize: (size: TerminalSize) => void;
  dismissBlocked: () => void;
  /** Asks the service how the shown run ends (also after a reload or a reconnect, when an event may have been missed). */
  followConsoleRun: () => void;
};

// The run a tab shows survives a reload of that tab (the web host), so the console can replay it and carry on.
const runKey = 'ark.console.runId';

function restoredRun(): ConsoleRun | null {
  const id = Number(sessionStorage.getItem(runKey));
  return Number.isInteger(id) && id > 0 ? { runId: id, status: 'running', isolation: null, result: null } : null;
}

export const createConsoleSlice: StateCreator<AppState, [], [], ConsoleSlice> = (set, get) => ({
  console: { run: restoredRun(), starting: false, blocked: null, error: null, size: { cols: 80, rows: 24 } },

  startConsoleRun: async (request) => {
    set((s) => ({ console: { ...s.console, starting: true, error: null, blocked: null } }));
    get().togglePanel(true);
    const reply = await bridge.invoke('sandbox.start', {
      code: request.code,
      language: request.language,
      tier: request.tier,
      terminal: get().console.size,
      ...(request.overrideReason ? { override: { confirmed: true as const, reason: request.overrideReason } } : {}),
      ...(request.confirmCore ? { confirmCore: true as const } : {}),
    });
    if (!reply.ok) {
      set((s) => ({ console: { ...s.console, starting: false, error: reply.error } }));
      return;
    }
    const { runId } = reply.value;
    sessionStorage.setItem(runKey, String(runId));
    set((s) => ({ console: { ...s.console, starting: false, run: { runId, status: 'running', isolation: null, result: null } } }));
    // A blocked run ended before the reply came: say why, and offer the override where the tier allows it.
    const detail = await bridge.invoke('sandbox.detail', { id: runId });
    if (detail.ok && detail.value.status === 'blocked') {
      const canOverride = request.tier === 'trusted' || request.tier === 'core';
      const summary = detail.value.validation?.summary ?? detail.value.detail ?? 'The validator blocked this code.';
      set((s) => ({ console: { ...s.console, blocked: { runId, summary, tier: request.tier, canOverride } } }));
    }
    get().followConsoleRun();
  },

  stopConsoleRun: async () => {
    const run = get().console.run;
    if (!run || run.result) return;
    const reply = await bridge.invoke('sandbox.stop', { runId: run.runId });
    if (!reply.ok) set((s) => ({ console: { ...s.console, error: reply.error } }));
  },

  applyRunStatus: (event) => set((s) => ({ console: { ...s.console, run: withRunStatus(s.console.run, event) } })),

  setConsoleSize: (size) => set((s) => ({ console: { ...s.console, size } })),

  dismissBlocked: () => set((s) => ({ console: { ...s.console, blocked: null } })),

  followConsoleRun: () => {
    const run = get().console.run;
    if (!run || run.result) return;
    void bridge.invoke('sandbox.wait', { runId: run.runId }).then((reply) => {
      if (reply.ok) set((s) => ({ console: { ...s.console, run: withRunResult(s.console.run, reply.value) } }));
      else if (reply.error.code === 'not-found') {
        // The run is gone (another database, or a restored id that never existed): show nothing rather than a ghost.
        sessionStorage.removeItem(runKey);
        set((s) => ({ console: { ...s.console, run: s.console.run?.runId === run.runId ? null : s.console.run } }));
      }
      // 'unavailable' (the connection dropped): the console asks again when it reconnects.
    });
  },
});
