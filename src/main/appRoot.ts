// Finds the folder that holds resources/, templates/ and the built renderer, from wherever the code runs.
import fs from 'node:fs';
import path from 'node:path';

const packageName = 'ark-workbench';

/** Walks up from `start` to the folder whose package.json names this app (dev checkout, `npx ark`, tests). */
export function findAppRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    try {
      if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === packageName) return folder;
    } catch {
      // No manifest here, or not ours: keep walking up.
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`Cannot find the ARK Workbench folder above ${start}.`);
    folder = parent;
  }
}

export function appVersion(appRoot: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
