// Keeps the console's run status current from `sandbox.status` events, wherever a run is shown or started.
import { useEffect } from 'react';
import { RunStatusEvent } from '../../../../shared/sandbox';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store';

export function useRunStatusEvents(): void {
  useEffect(
    () =>
      bridge.on((name, payload) => {
        if (name !== 'sandbox.status') return;
        // Events arrive as untrusted data from the wire: parsed before they touch the store.
        const parsed = RunStatusEvent.safeParse(payload);
        if (parsed.success) useAppStore.getState().applyRunStatus(parsed.data);
      }),
    [],
  );
}
