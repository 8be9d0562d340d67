// Where a worker_threads entry lives: bundled beside the app's entries (out/main/<name>.js) when built, or its
// TypeScript source run through tsx in tests and from source.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export type WorkerScript = { path: string; execArgv?: string[] };

/** The source through tsx: what tests use, and the fallback when nothing is built. */
export function sourceWorker(source: URL): WorkerScript {
  return { path: fileURLToPath(source), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/** `builtName`.js next to the running bundle (or one folder up, from its chunks/), else `source` through tsx. */
export function workerScript(builtName: string, source: URL): WorkerScript {
  // __dirname in the CommonJS build; ES module bundles (benchmarks) have only import.meta.url.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  for (const folder of [here, path.dirname(here)]) {
    const built = path.join(folder, `${builtName}.js`);
    if (fs.existsSync(built)) return { path: built };
  }
  return sourceWorker(source);
}
