// Path checks shared by the services (the sandbox's binds, the indexer's walk and file views, the review's reads).
import path from 'node:path';

/** True when `candidate` is `folder` or lies inside it (both absolute; resolve links first where they matter). */
export function isInside(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  // Not `startsWith('..')` alone: `..data.py` is a file inside the folder.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
