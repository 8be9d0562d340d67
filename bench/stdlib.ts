// The corpus the benchmarks share: this machine's python3 standard library (real code nobody here wrote).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** python3's stdlib folder (site-packages lies inside it). */
export function stdlibPath(): string {
  return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
}

export function pythonVersion(): string {
  return execFileSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim();
}

/** Every .py file under root, sorted, without site-packages, dist-packages and __pycache__. */
export function pythonFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      if (entry === 'site-packages' || entry === 'dist-packages' || entry === '__pycache__') continue;
      const path = join(folder, entry);
      const stats = statSync(path);
      if (stats.isDirectory()) visit(path);
      else if (entry.endsWith('.py')) out.push(path);
    }
  };
  visit(root);
  return out.sort();
}
