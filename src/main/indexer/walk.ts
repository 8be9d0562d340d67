// Walks a project folder: yields the files to index and reports every meaningful skip, surviving what disks throw at it.
import fs from 'node:fs';
import path from 'node:path';
import { ArkError } from '../../shared/errors';
import type { SkippedPath } from '../../shared/indexing';
import type { IgnoreRules } from './ignoreRules';
import { readGitignore, virtualenvMarker } from './ignoreRules';
import { describeFsFailure, errnoOf, formatBytes } from './fsFailures';
import { isIndexable } from './languages';
import { isInside } from '../paths';

/** A file the walk found worth reading; `path` is project-relative with forward slashes. */
export type WalkedFile = { path: string; absolutePath: string; size: number; mtimeMs: number };

export type WalkOptions = {
  /** The project root, already resolved to its real path. */
  root: string;
  rules: IgnoreRules;
  maxFileBytes: number;
  signal?: AbortSignal;
  onSkip(skip: SkippedPath): void;
  /** A project-relative folder to walk instead of the whole project. */
  start?: string;
};

type Folder = { rel: string; abs: string; real: string };
type Link = { folder: Folder; name: string };

// Yield to the event loop every few milliseconds: the walk runs on the main thread, which must keep answering the UI.
const sliceMs = 8;
const chunkFiles = 256;

/**
 * Yields the indexable files under the root in chunks. Symbolic links are followed only inside the root, and only
 * after every real folder was seen, so a link never shadows the folder it points to and a loop ends at once.
 */
export async function* walkProject(options: WalkOptions): AsyncGenerator<WalkedFile[]> {
  const { root, rules, maxFileBytes, signal, onSkip } = options;
  const startRel = options.start ?? '';
  const startAbs = startRel ? path.join(root, startRel) : root;
  const startReal = startRel ? fs.realpathSync(startAbs) : root;
  const visitedFolders = new Map<string, string>([[startReal, startRel]]);
  const seenFiles = new Set<string>();
  const stack: Folder[] = [{ rel: startRel, abs: startAbs, real: startReal }];
  const links: Link[] = [];
  let chunk: WalkedFile[] = [];
  let sliceStart = performance.now();

  const relativeOf = (folder: Folder, name: string) => (folder.rel ? `${folder.rel}/${name}` : name);

  function addFile(relativePath: string, absolutePath: string, stat: fs.Stats): void {
    if (stat.size > maxFileBytes) {
      onSkip({ path: relativePath, reason: 'too-large', detail: `${formatBytes(stat.size)} is over the ${formatBytes(maxFileBytes)} limit for indexed files.` });
      return;
    }
    chunk.push({ path: relativePath, absolutePath, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) });
  }

  function readFolder(folder: Folder): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder.abs, { withFileTypes: true });
    } catch (err) {
      onSkip(describeFsFailure(folder.rel || '.', err, 'folder'));
      return;
    }
    if (folder.rel !== '' && entries.some((entry) => entry.name === virtualenvMarker)) return;
    const gitignore = entries.find((entry) => entry.name === '.gitignore' && !entry.isDirectory());
    rules.setFolderRules(folder.rel, gitignore ? readGitignore(path.join(folder.abs, '.gitignore')) : null);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: Folder[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isDirectory()) {
        if (rules.isIgnoredIn(folder.rel, name, true)) continue;
        const real = `${folder.real}/${name}`;
        visitedFolders.set(real, relativeOf(folder, name));
        subfolders.push({ rel: relativeOf(folder, name), abs: path.join(folder.abs, name), real });
      } else if (entry.isFile()) {
        if (!isIndexable(name) || rules.isIgnoredIn(folder.rel, name, false)) continue;
        const relativePath = relativeOf(folder, name);
        const absolutePath = path.join(folder.abs, name);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(absolutePath);
        } catch (err) {
          onSkip(describeFsFailure(relativePath, err, 'file'));
          continue;
        }
        seenFiles.add(`${folder.real}/${name}`);
        addFile(relativePath, absolutePath, stat);
      } else if (entry.isSymbolicLink()) {
        links.push({ folder, name });
      } else if (isIndexable(name) && !rules.isIgnoredIn(folder.rel, name, false)) {
        // Reading a named pipe would wait for a writer forever, a device may never end: named, never opened.
        const kind = specialKind(entry);
        onSkip({ path: relativeOf(folder, name), reason: 'not-a-file', detail: `${kind[0]!.toUpperCase()}${kind.slice(1)}, not a regular file; not read.` });
      }
    }
    for (let index = subfolders.length - 1; index >= 0; index--) stack.push(subfolders[index] as Folder);
  }

  function followLink({ folder, name }: Link): void {
    const relativePath = relativeOf(folder, name);
    const absolutePath = path.join(folder.abs, name);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(absolutePath);
      real = fs.realpathSync(absolutePath);
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'ELOOP') onSkip({ path: relativePath, reason: 'symlink-loop', detail: 'This symbolic link leads back to itself; it was not followed.' });
      else if (code === 'ENOENT' && isIndexable(name)) {
        onSkip({ path: relativePath, reason: 'unreadable', detail: 'Broken symbolic link: the file it points to does not exist.' });
      } else if (code !== 'ENOENT') onSkip(describeFsFailure(relativePath, err, 'file'));
      return;
    }
    const isDirectory = stat.isDirectory();
    if (!isDirectory && !isIndexable(name)) return;
    if (rules.isIgnoredIn(folder.rel, name, isDirectory)) return;
    if (!isDirectory && !stat.isFile()) {
      onSkip({ path: relativePath, reason: 'not-a-file', detail: `Symbolic link to ${real}, ${specialKind(stat)}, not a regular file; not read.` });
      return;
    }
    if (!isInside(real, root)) {
      onSkip({ path: relativePath, reason: 'outside-root', detail: `Symbolic link to ${real}, outside the project; not followed.` });
      return;
    }
    if (isDirectory) {
      const already = visitedFolders.get(real);
      if (already !== undefined) {
        const isAncestor = folder.real === real || folder.real.startsWith(`${real}/`);
        onSkip({
          path: relativePath,
          reason: 'symlink-loop',
          detail: isAncestor
            ? `This symbolic link points back to ${already || 'the project root'}, a folder that contains it; not followed.`
            : `This symbolic link points to ${already || 'the project root'}, which is indexed already; not followed.`,
        });
        return;
      }
      visitedFolders.set(real, relativePath);
      stack.push({ rel: relativePath, abs: absolutePath, real });
      return;
    }
    // A link to a file indexed at its own path would only duplicate its symbols.
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    addFile(relativePath, absolutePath, stat);
  }

  while (stack.length > 0 || links.length > 0) {
    if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
    const folder = stack.pop();
    if (folder) readFolder(folder);
    else followLink(links.shift() as Link);
    if (chunk.length >= chunkFiles || performance.now() - sliceStart > sliceMs) {
      if (chunk.length > 0) {
        const ready = chunk;
        chunk = [];
        yield ready;
      }
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** What a path that is neither a file nor a folder is, for a person ("a named pipe (FIFO)"). */
function specialKind(entry: fs.Dirent | fs.Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'a special file';
}
