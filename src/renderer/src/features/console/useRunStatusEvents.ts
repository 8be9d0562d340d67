// Keeps the console's run status current from `sandbox.status` events, wherever a run is shown or started.
import { useEffect } from 'react';
import { RunStatusEvent } from '../../../../shared/sandbox';
import { bridge, onConnectionChange } from '../../bridge';
import { useAppStore } from '../../store';

export function useRunStatusEvents(): void {
  useEffect(() => {
    const stopEvents = bridge.on((name, payload) => {
      if (name !== 'sandbox.status') return;
      // Events arrive as untrusted data from the wire: parsed before they touch the store.
      const parsed = RunStatusEvent.safeParse(payload);
      if (parsed.success) useAppStore.getState().applyRunStatus(parsed.data);
    });
    // A run restored after a reload starts as "running", and its end may have come while no event could reach this tab:
    // ask the service how it ends here too, not only in the console panel, or with the panel closed the Run button stays
    // disabled behind a run that finished long ago.
    const stopConnection = onConnectionChange((state) => {
      if (state === 'open') useAppStore.getState().followConsoleRun();
    });
    useAppStore.getState().followConsoleRun();
    return () => {
      stopEvents();
      stopConnection();
    };
  }, []);
}
