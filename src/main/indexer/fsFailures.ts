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
      // A name that is not valid UTF-8 comes back from readdir with U+FFFD in place of its bad bytes, and no path by
      // that name exists: the file is there, but cannot be named in the index (or in git, or in the editor).
      if (relativePath.includes('\uFFFD')) {
        return { path: relativePath, reason: 'unreadable', detail: `The ${what}'s name is not valid UTF-8 (shown with U+FFFD for its bad bytes), so it cannot be opened by name. Rename it to index it.` };
      }
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
