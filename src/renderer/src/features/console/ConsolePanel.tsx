// The console panel: a run's live output in xterm.js, with input, Ctrl+C, Stop, flow control and replay on reconnect.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OutputChunk, consoleScrollback } from '../../../../shared/sandbox';
import { bridge, onConnectionChange } from '../../bridge';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useResolvedTheme } from '../../ui/theme';
import { createAckCounter, describeEnd, takeNew } from './consoleState';
import { useRunStatusEvents } from './useRunStatusEvents';

// As VS Code does: acknowledge every 5 000 characters xterm has parsed (the service's flowControl.ackChars).
const ackChars = 5000;
// Replay pages: 50 chunks of at most 256 KiB each (the service's batches), so one reply stays around 12 MB at most.
const replayPage = 50;

const themes: Record<'light' | 'dark', ITheme> = {
  light: { background: '#f8f8f8', foreground: '#1f1f1f', cursor: '#1f1f1f', selectionBackground: '#add6ff' },
  dark: { background: '#1b1b1b', foreground: '#d4d4d4', cursor: '#d4d4d4', selectionBackground: '#264f78' },
};

function isRunning(): { runId: number } | null {
  const run = useAppStore.getState().console.run;
  return run && !run.result && run.status === 'running' ? { runId: run.runId } : null;
}

export function ConsolePanel() {
  const togglePanel = useAppStore((s) => s.togglePanel);
  const { run, starting, error } = useAppStore(useShallow((s) => ({ run: s.console.run, starting: s.console.starting, error: s.console.error })));
  const stopConsoleRun = useAppStore((s) => s.stopConsoleRun);
  const theme = useResolvedTheme();
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  useRunStatusEvents();

  // One terminal for the panel's life; runs are written into it, each after a reset.
  useEffect(() => {
    if (!host.current) return;
    const term = new Terminal({
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, monospace",
      fontSize: 12,
      // 1000 rows, xterm.js's and VS Code's default; the service counts on it when a program floods the console. The
      // whole output stays in the run's stored history.
      scrollback: consoleScrollback,
      // No blinking (VS Code's default too): the blink kept Chromium drawing frames, 132 ms of CPU a second with the
      // console just showing a finished run, 12 ms without (out/exp/console/idle.ts; docs/performance.md).
      cursorBlink: false,
      // Links and OSC sequences are already removed by the service; nothing here opens URLs or reaches the clipboard.
      allowProposedApi: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current);
    terminal.current = term;
    const { setConsoleSize } = useAppStore.getState();
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // Not laid out yet (zero size): the next resize fits it.
      }
    };
    refit();
    setConsoleSize({ cols: term.cols, rows: term.rows });
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(host.current);
    const resized = term.onResize(({ cols, rows }) => {
      setConsoleSize({ cols, rows });
      const running = isRunning();
      if (running) void bridge.invoke('sandbox.resize', { ...running, cols, rows });
    });
    // Typing goes to the program; Ctrl+C arrives as \x03, which the service turns into SIGINT for the program's group.
    const typed = term.onData((data) => {
      const running = isRunning();
      if (running) void bridge.invoke('sandbox.write', { ...running, data });
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      resized.dispose();
      typed.dispose();
      term.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = themes[theme];
  }, [theme]);

  // A new run starts on a clean screen, not under the last run's output.
  useEffect(() => {
    if (starting) terminal.current?.reset();
  }, [starting]);

  const runId = run?.runId ?? null;
  // Output of the shown run: everything stored so far (a reload or reconnect replays it), then live events, each
  // chunk once and in order. Only the status goes through the store; output goes straight into xterm.
  useEffect(() => {
    const term = terminal.current;
    if (!term || runId === null) return;
    term.reset();
    let lastSeq = 0;
    let replaying = false;
    let buffered: OutputChunk[] = [];
    let disposed = false;
    const acks = createAckCounter(ackChars, (chars) => {
      if (isRunning()?.runId === runId) void bridge.invoke('sandbox.ack', { runId, chars });
    });
    const write = (text: string) => term.write(text, () => acks.parsed(text.length));
    const replay = async () => {
      if (replaying) return;
      replaying = true;
      // Until the live events that arrived meanwhile follow on from what the store gave (a flood update that reaches
      // back into it cannot be cut, so what follows `lastSeq` is fetched again).
      for (let caughtUp = false; !caughtUp && !disposed; ) {
        for (;;) {
          // From the start, the service sends what this terminal would show rather than every line since.
          const terminal = lastSeq === 0 ? { terminal: { cols: term.cols, rows: term.rows } } : {};
          const reply = await bridge.invoke('sandbox.outputSince', { runId, afterSeq: lastSeq, limit: replayPage, ...terminal });
          if (disposed || !reply.ok) break;
          const next = takeNew(lastSeq, reply.value.chunks);
          lastSeq = next.lastSeq;
          if (next.text) write(next.text);
          if (!reply.value.more) break;
        }
        const rest = takeNew(lastSeq, buffered);
        buffered = [];
        lastSeq = rest.lastSeq;
        if (rest.text && !disposed) write(rest.text);
        caughtUp = !rest.overlap;
      }
      replaying = false;
    };
    const stopEvents = bridge.on((name, payload) => {
      if (name !== 'sandbox.output') return;
      const parsed = OutputChunk.safeParse(payload);
      if (!parsed.success || parsed.data.runId !== runId) return;
      if (replaying) {
        buffered.push(parsed.data);
        return;
      }
      const next = takeNew(lastSeq, [parsed.data]);
      lastSeq = next.lastSeq;
      if (next.text) write(next.text);
      if (next.overlap) void replay();
    });
    // Back from a lost connection: fetch what was missed meanwhile, and ask again how the run ends.
    const stopConnection = onConnectionChange((state) => {
      if (state !== 'open') return;
      void replay();
      useAppStore.getState().followConsoleRun();
    });
    void replay();
    useAppStore.getState().followConsoleRun();
    if (isRunning()?.runId === runId) term.focus();
    return () => {
      disposed = true;
      stopEvents();
      stopConnection();
      acks.flush();
    };
  }, [runId]);

  const running = run !== null && !run.result && run.status === 'running';
  return (
    <section className="panel console-panel" data-testid="console-panel">
      <header className="panel-header">
        <span>Console</span>
        <span className="console-run" data-testid="console-status" data-status={run?.result?.status ?? run?.status ?? 'idle'}>
          {starting && 'Starting…'}
          {!starting && run && (
            <>
              Run {run.runId} · {run.result ? describeEnd(run.result) : `${run.status}…${run.isolation ? ` · isolation ${run.isolation}` : ''}`}
              {run.result?.detail && <span className="muted"> — {run.result.detail}</span>}
            </>
          )}
        </span>
        <span className="console-actions">
          {running && (
            <button type="button" className="danger-button" data-testid="console-stop" onClick={() => void stopConsoleRun()}>
              ■ Stop
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close the console panel" onClick={() => togglePanel(false)}>
            ×
          </button>
        </span>
      </header>
      {error && <ErrorNotice error={error} />}
      <div className="console-body">
        {!run && !starting && <p className="console-empty muted">No run yet. Press Run in the Editor: the program's output streams here, and you can type into it (Ctrl+C interrupts it).</p>}
        <div ref={host} className="console-terminal" data-testid="console-terminal" hidden={!run && !starting} />
      </div>
    </section>
  );
}
