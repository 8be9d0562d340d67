// Test helpers for the sandbox: a real store in a temp folder, a recording emitter, and checks on the host's process table.
import fs from 'node:fs';
import path from 'node:path';
import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';
import type { OutputChunk, RunStatusEvent } from '../../shared/sandbox';
import { makeTempDir } from '../testing/tempDir';
import { openDatabase, type Db } from '../store/db';
import { createExecutionRepo, type ExecutionRepo } from '../store/executionRepo';
import { createSandbox, type Sandbox, type SandboxOptions, type ValidationReport } from './index';
import { listProcesses } from './procfs';

export type Harness = {
  sandbox: Sandbox;
  executions: ExecutionRepo;
  db: Db;
  dir: string;
  output: OutputChunk[];
  statuses: RunStatusEvent[];
  close(): Promise<void>;
};

export const notBlocked = (): ValidationReport => ({ blocked: false, findings: [] });

export function createHarness(options: Partial<SandboxOptions> = {}): Harness {
  const { dir, cleanup } = makeTempDir('ark-sandbox-test-');
  // As root, runs drop to nobody, which must pass through this folder to reach its run folders.
  fs.chmodSync(dir, 0o711);
  const db = openDatabase(path.join(dir, 'ark.db'));
  const executions = createExecutionRepo(db);
  const output: OutputChunk[] = [];
  const statuses: RunStatusEvent[] = [];
  const sandbox = createSandbox({
    executions,
    validate: notBlocked,
    emit: (name, payload) => {
      if (name === 'sandbox.output') output.push(payload as OutputChunk);
      else statuses.push(payload as RunStatusEvent);
    },
    baseDir: path.join(dir, 'runs'),
    ...options,
  });
  return {
    sandbox,
    executions,
    db,
    dir,
    output,
    statuses,
    async close() {
      await sandbox.close();
      db.close();
      cleanup();
    },
  };
}

/** Host processes whose command line contains `marker` (runs pass a unique marker as an argument). */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const proc of listProcesses()) {
    try {
      if (fs.readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').includes(marker)) found.push(proc.pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return found.filter((pid) => pid !== process.pid);
}

/** Waits until `check` holds (polling), or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function uniqueMarker(name: string): string {
  return `ark-marker-${name}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

export function openDescriptors(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

/**
 * A terminal as the console's (xterm.js's headless build, the same parser), to compare what two streams of output
 * leave on it: screen and scrollback with their colours (serialised), which buffer is active and the cursor.
 */
export function headlessTerminal(size: { cols: number; rows: number; scrollback: number }) {
  const term = new Terminal({ cols: size.cols, rows: size.rows, scrollback: size.scrollback, allowProposedApi: true });
  const serializer = new SerializeAddon();
  term.loadAddon(serializer);
  return {
    write: (text: string) => new Promise<void>((resolve) => term.write(text, resolve)),
    state: () => {
      const buffer = term.buffer.active;
      return { screen: serializer.serialize(), type: buffer.type, x: buffer.cursorX, y: buffer.cursorY, length: buffer.length };
    },
    dispose: () => term.dispose(),
  };
}
