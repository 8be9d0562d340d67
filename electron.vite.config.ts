// Builds the three Electron targets; the main target also emits the `ark` CLI from the same sources.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// In `npm start` only, Vite's dev server injects an inline script (React Fast Refresh's preamble) that the strict
// CSP would block; the built app keeps `script-src 'self'`.
const devServerCsp: Plugin = {
  name: 'ark-dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          ark: resolve(__dirname, 'src/cli/ark.ts'),
          // The index parse worker runs in worker_threads from its own file (see indexWorkerScript in src/main/app.ts).
          indexWorker: resolve(__dirname, 'src/main/indexer/worker.ts'),
          // TypeScript checks of the quality analyzer run on a thread of their own (src/main/quality/typescriptThread.ts).
          typescriptWorker: resolve(__dirname, 'src/main/quality/typescriptWorker.ts'),
          // WAL checkpoints of the long-lived hosts run on a thread of their own (src/main/store/checkpointer.ts).
          checkpointWorker: resolve(__dirname, 'src/main/store/checkpointWorker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload must be one self-contained CommonJS file that requires nothing but electron.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), devServerCsp],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});
