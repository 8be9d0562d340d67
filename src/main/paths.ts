// Path checks and reads shared by the services (the sandbox's binds and venvs, the indexer's walk and file views, the
// review's reads): a dropped project folder is untrusted input, and may hold links that leave it, pipes and devices.
import fs from 'node:fs';
import path from 'node:path';

/** True when `candidate` is `folder` or lies inside it (both absolute; resolve links first where they matter). */
export function isInside(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  // Not `startsWith('..')` alone: `..data.py` is a file inside the folder.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Flags to open a file of a project for reading without waiting: a named pipe put where a file was would otherwise
 * wait for a writer, on whichever thread asked (it changes nothing for a regular file). Check it is a file (fstat)
 * before reading: a device such as /dev/zero never ends.
 */
export const openForReadingNoWait = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/**
 * The bytes of a regular file, or null when the path is something else (a folder, a named pipe, a socket, a device),
 * opened with `openForReadingNoWait`. Errors from opening or reading (ENOENT, EACCES...) are thrown.
 */
export function readRegularFile(file: string): Buffer | null {
  const handle = fs.openSync(file, openForReadingNoWait);
  try {
    return fs.fstatSync(handle).isFile() ? fs.readFileSync(handle) : null;
  } finally {
    fs.closeSync(handle);
  }
}
