// Loads Ruff's WebAssembly build once per process; the validator (security rules) and the quality analyzer share it.
import { createRequire } from 'node:module';

type Location = { row: number; column: number };

/** The part of a Ruff diagnostic we use (the WASM build's `Diagnostic`). */
export type RuffDiagnostic = {
  code: string | null;
  message: string;
  start_location: Location;
  end_location: Location;
  fix?: { message: string | null } | null;
};

/** One Ruff workspace: a settings object (as in `ruff.toml`) bound to a linter and formatter. */
export type RuffWorkspace = { check(source: string): unknown; format(source: string): string; free(): void };
export type RuffModule = {
  Workspace: { new (settings: unknown, encoding: number): RuffWorkspace; version(): string };
  PositionEncoding: { Utf16: number };
};

const require = createRequire(import.meta.url);
let ruffModule: RuffModule | undefined;

// The WASM module costs ~80 ms to instantiate; one copy serves every workspace in the process. Loaded with require,
// like the tree-sitter grammars, because the package is CommonJS and dynamic import() resolves differently under
// each runner (Electron's bundle, vitest, tsx).
export function loadRuffModule(): RuffModule {
  ruffModule ??= require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  return ruffModule;
}

/** A workspace with columns in UTF-16 code units, like tree-sitter's and the editor's. */
export function createRuffWorkspace(settings: unknown): RuffWorkspace {
  const ruff = loadRuffModule();
  return new ruff.Workspace(settings, ruff.PositionEncoding.Utf16);
}

/** Ruff's version, e.g. `0.17.4`. */
export function ruffVersion(): string {
  return loadRuffModule().Workspace.version();
}
