// Turns failed filesystem calls into skips a person can act on (shared by the walk and the parse workers).
import type { SkippedPath } from '../../shared/indexing';

export function errnoOf(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
}

/** Turns a failed fs call into a skip a person can act on. */
export function describeFsFailure(relativePath: string, err: unknown, what: 'file' | 'folder'): SkippedPath {
  const code = errnoOf(err);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { path: relativePath, reason: 'vanished', detail: `The ${what} was deleted or moved while the project was being indexed.` };
    case 'EACCES':
    case 'EPERM':
      return { path: relativePath, reason: 'unreadable', detail: `Cannot read this ${what}: permission denied. Check its permissions and index again.` };
    case 'ELOOP':
      return { path: relativePath, reason: 'symlink-loop', detail: 'Too many levels of symbolic links; not followed.' };
    default:
      return { path: relativePath, reason: 'unreadable', detail: `Cannot read this ${what}: ${err instanceof Error ? err.message : String(err)}.` };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}
