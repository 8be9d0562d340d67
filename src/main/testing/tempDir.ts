// Temporary folders for tests that use real files and real SQLite databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Makes a fresh folder under the OS temp dir; the returned function removes it. */
export function makeTempDir(prefix = 'ark-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
