// Console runs through a real PTY: input, Ctrl+C, stop, escape neutralising, flow control and replay after reconnecting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleScrollback, type RunRequest } from '../../shared/sandbox';
import { flowControl } from './index';
import { flushBytes } from './outputPump';
import { descendantsOf } from './procfs';
import { createHarness, headlessTerminal, processesWith, uniqueMarker, waitFor, type Harness } from './testing';

function python(code: string, extra: Partial<RunRequest> = {}): RunRequest {
  return { code, language: 'python', tier: 'sandbox', limits: { timeoutMs: 15_000 }, ...extra };
}

describe('sandbox: console runs', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const textOf = (runId: number) =>
    h.output
      .filter((c) => c.runId === runId)
      .map((c) => c.data)
      .join('');

  it('answers input() typed into the console', async () => {
    const { runId } = await h.sandbox.start(python('name = input("name? ")\nprint("hello", name)'));
    await waitFor(() => textOf(runId).includes('name? '), 10_000, 'the prompt');
    h.sandbox.write(runId, 'ada\r');
    const result = await h.sandbox.wait(runId);
    expect(result.status).toBe('success');
    expect(textOf(runId)).toContain('hello ada');
    expect(h.statuses.filter((s) => s.runId === runId).map((s) => s.status)).toEqual(['running', 'success']);
    // The console's shell and its helpers are gone too.
    await waitFor(() => descendantsOf(process.pid).length === 0, 2000, 'no processes under the app');
  }, 20_000);

  it('interrupts with Ctrl+C (SIGINT to the program), by interrupt() and by typing ^C', async () => {
    const code =
      'import time, sys\n' +
      'for round in range(2):\n' +
      '    try:\n' +
      '        print("ready", round, flush=True)\n' +
      '        while True: time.sleep(0.05)\n' +
      '    except KeyboardInterrupt:\n' +
      '        print("interrupted", round, flush=True)\n' +
      'sys.exit(3)\n';
    const { runId } = await h.sandbox.start(python(code));
    await waitFor(() => textOf(runId).includes('ready 0'), 10_000, 'ready 0');
    h.sandbox.interrupt(runId);
    await waitFor(() => textOf(runId).includes('ready 1'), 10_000, 'ready 1');
    h.sandbox.write(runId, '\x03');
    const result = await h.sandbox.wait(runId);
    expect(textOf(runId)).toContain('interrupted 0');
    expect(textOf(runId)).toContain('interrupted 1');
    expect(result).toMatchObject({ status: 'error', exitCode: 3 });
  }, 20_000);

  it('stops a console run (status killed) and leaves nothing running', async () => {
    const marker = uniqueMarker('console-stop');
    const { runId } = await h.sandbox.start(python('import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint("up", flush=True)\nwhile True: time.sleep(1)', { args: [marker] }));
    await waitFor(() => textOf(runId).includes('up'), 10_000, 'start');
    h.sandbox.stop(runId);
    const result = await h.sandbox.wait(runId);
    expect(result.status).toBe('killed');
    expect(processesWith(marker)).toEqual([]);
    expect(() => h.sandbox.write(runId, 'x')).toThrow(/not running/);
  }, 20_000);

  it('neutralises dangerous escape sequences but keeps colours', async () => {
    const code =
      'import sys\n' +
      'sys.stdout.write("\\x1b]52;c;ZXZpbA==\\x07")\n' +
      'sys.stdout.write("\\x1b]0;owned\\x07\\x1b]8;;https://evil.example\\x1b\\\\link\\x1b]8;;\\x1b\\\\")\n' +
      'sys.stdout.write("\\x1bP+q544e\\x1b\\\\\\x1b_apc\\x1b\\\\")\n' +
      'sys.stdout.write("\\x1b[31mred\\x1b[0m \\x1b[2;5Hmoved\\n")\n';
    const { runId } = await h.sandbox.start(python(code));
    const result = await h.sandbox.wait(runId);
    expect(result.status).toBe('success');
    const seen = textOf(runId);
    expect(seen).toContain('\x1b[31mred\x1b[0m');
    expect(seen).toContain('\x1b[2;5Hmoved');
    expect(seen).toContain('link');
    expect(seen).not.toContain('\x1b]');
    expect(seen).not.toContain('\x1bP');
    expect(seen).not.toContain('\x1b_');
    expect(seen).not.toContain('ZXZpbA==');
    expect(seen).not.toContain('owned');
    // What is stored is the raw output; what is replayed is filtered again.
    const replay = h.sandbox
      .outputSince(runId, 0)
      .map((c) => c.data)
      .join('');
    expect(replay).not.toContain('\x1b]');
    expect(replay).toContain('\x1b[31mred');
  }, 20_000);

  it('pauses a fast producer until a slow console acknowledges, and loses nothing', async () => {
    const total = 3_000_000;
    const code = `import sys\nline = "x" * 99 + "\\n"\nfor i in range(${total / 100}):\n    sys.stdout.write(line)\nsys.stdout.flush()\n`;
    const { runId } = await h.sandbox.start(python(code, { limits: { timeoutMs: 60_000, outputBytes: 20_000_000 } }));
    let received = 0;
    let acked = 0;
    let mostUnacked = 0;
    let done = false;
    const result = h.sandbox.wait(runId).then((r) => {
      done = true;
      return r;
    });
    // A slow console: it parses (acks) 5 000 characters every 10 ms, about 0.5 MB/s.
    while (!done || acked < received) {
      received = textOf(runId).length;
      mostUnacked = Math.max(mostUnacked, received - acked);
      if (received - acked > 0) {
        const chunk = Math.min(flowControl.ackChars, received - acked);
        acked += chunk;
        h.sandbox.ack(runId, chunk);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await result).status).toBe('success');
    // Without flow control the whole output would be waiting; with it, at most the high watermark plus what was in flight.
    expect(mostUnacked).toBeLessThan(flowControl.highWatermarkChars + 2 * flushBytes);
    // Nothing is lost: the store has every line (the PTY turns \n into \r\n), and the console's terminal ends exactly
    // as it would after every line, though lines that scrolled out of its scrollback anyway were never sent to it.
    const stored = h.sandbox
      .outputSince(runId, 0)
      .map((c) => c.data)
      .join('');
    expect(stored.length).toBe(total + total / 100);
    expect(textOf(runId).length).toBeLessThan(stored.length / 2);
    const size = { cols: 80, rows: 24, scrollback: consoleScrollback };
    const whole = headlessTerminal(size);
    const fed = headlessTerminal(size);
    await whole.write(stored);
    await fed.write(textOf(runId));
    expect(fed.state()).toEqual(whole.state());
    whole.dispose();
    fed.dispose();
  }, 60_000);

  it('replays to a fresh console only what its terminal keeps, ending exactly as after every line', async () => {
    const code = 'for i in range(20):\n    print("\\n".join(f"\\x1b[3{i % 8}mline {i}-{j}\\x1b[0m" for j in range(5000)))\n';
    const { runId } = await h.sandbox.start(python(code, { limits: { timeoutMs: 60_000, outputBytes: 20_000_000 } }));
    // A console that keeps up, as the panel does.
    const stopAcking = setInterval(() => h.sandbox.ack(runId, 1_000_000), 5);
    expect((await h.sandbox.wait(runId)).status).toBe('success');
    clearInterval(stopAcking);
    const stored = h.sandbox
      .outputSince(runId, 0)
      .map((c) => c.data)
      .join('');
    const size = { cols: 80, rows: 24, scrollback: consoleScrollback };
    const { chunk, more } = h.sandbox.terminalReplay(runId, size);
    expect(more).toBe(false);
    expect(chunk?.fromSeq).toBe(1);
    expect(chunk?.data.length).toBeLessThan(stored.length / 10);
    const whole = headlessTerminal(size);
    const fed = headlessTerminal(size);
    await whole.write(stored);
    await fed.write(chunk?.data ?? '');
    expect(fed.state()).toEqual(whole.state());
    whole.dispose();
    fed.dispose();
  }, 60_000);

  it('replays the output after a given seq to a console that reconnects mid-run', async () => {
    const code = 'import time\nfor i in range(30):\n    print("line", i, flush=True)\n    time.sleep(0.02)\ninput()\n';
    const { runId } = await h.sandbox.start(python(code));
    await waitFor(() => textOf(runId).includes('line 10'), 10_000, 'line 10');
    const seen = h.output.filter((c) => c.runId === runId);
    const lastSeen = seen[seen.length - 1]?.seq ?? 0;
    // Disconnect after `lastSeen`, reconnect once all lines are out: replay what was missed, then follow live events.
    await waitFor(() => textOf(runId).includes('line 29'), 10_000, 'line 29');
    const replayed = h.sandbox.outputSince(runId, lastSeen);
    expect(replayed.every((c) => c.seq > lastSeen)).toBe(true);
    const live = h.output.filter((c) => c.runId === runId && c.seq > lastSeen);
    expect(replayed.map((c) => c.data).join('')).toBe(live.map((c) => c.data).join(''));
    h.sandbox.write(runId, '\r');
    await h.sandbox.wait(runId);
    const all = h.sandbox
      .outputSince(runId, 0)
      .map((c) => c.data)
      .join('');
    for (let i = 0; i < 30; i++) expect(all).toContain(`line ${i}\r\n`);
  }, 20_000);

  it('resizes the terminal, and the program sees the new size', async () => {
    const code = 'import os, signal, time\nsignal.signal(signal.SIGWINCH, lambda *a: print("size", os.get_terminal_size(), flush=True))\nprint("ready", flush=True)\ntime.sleep(5)\n';
    const { runId } = await h.sandbox.start(python(code, { terminal: { cols: 80, rows: 24 } }));
    await waitFor(() => textOf(runId).includes('ready'), 10_000, 'ready');
    h.sandbox.resize(runId, 120, 40);
    await waitFor(() => textOf(runId).includes('columns=120, lines=40'), 10_000, 'the new size');
    h.sandbox.stop(runId);
    await h.sandbox.wait(runId);
  }, 20_000);
});

describe('sandbox: console runs without namespaces', () => {
  it('answers input() and reports how the run ended', async () => {
    const h = createHarness({ isolation: { level: 'limits-only', detail: 'forced by the test' } });
    try {
      const { runId } = await h.sandbox.start(python('import sys\nname = input("name? ")\nprint("hello", name)\nsys.exit(4)'));
      await waitFor(() => h.output.some((c) => c.runId === runId && c.data.includes('name? ')), 10_000, 'the prompt');
      h.sandbox.write(runId, 'grace\r');
      const result = await h.sandbox.wait(runId);
      expect(result).toMatchObject({ status: 'error', exitCode: 4, isolation: 'limits-only' });
      expect(result.cpuMs).not.toBeNull();
      expect(h.sandbox.outputSince(runId, 0).map((c) => c.data).join('')).toContain('hello grace');
    } finally {
      await h.close();
    }
  }, 20_000);
});
