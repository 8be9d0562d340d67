// Decides whether a constant path stays inside the run's work folder (the sandbox runs code with it as the cwd).

/**
 * True for a relative path that never climbs above its starting folder: `out/a.txt` and `a/../b` yes; `/etc/x`,
 * `~/x`, `C:\x`, `\\server\x`, `../x` and `a/../../x` no. The empty path is the folder itself and counts as inside.
 */
export function isInsideWorkFolder(path: string): boolean {
  if (path.includes('\u0000')) return false;
  if (path.startsWith('/') || path.startsWith('\\') || path.startsWith('~')) return false;
  if (/^[A-Za-z]:/.test(path) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path)) return false;
  let depth = 0;
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '..') depth -= 1;
    else if (segment !== '' && segment !== '.') depth += 1;
    if (depth < 0) return false;
  }
  return true;
}

/** Joins constant path parts the way os.path.join and pathlib do: an absolute part restarts the path. */
export function joinPath(parts: readonly string[]): string {
  let joined = '';
  for (const part of parts) {
    if (part.startsWith('/') || part.startsWith('\\') || /^[A-Za-z]:/.test(part)) joined = part;
    else if (joined === '' || joined.endsWith('/') || joined.endsWith('\\')) joined += part;
    else joined += `/${part}`;
  }
  return joined;
}
