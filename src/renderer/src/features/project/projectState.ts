// Pure helpers of the Project view: progress arithmetic, the file tree, and what a dropped item means. Tested alone.
import type { FileEntry, IndexProgress } from '../../../../shared/indexing';

/** Keeps the newest progress of the project being opened; an event of another project, or a stale phase, is ignored. */
export function applyIndexProgress(current: IndexProgress | null, event: IndexProgress): IndexProgress | null {
  if (current && current.projectId !== event.projectId && current.phase !== 'done' && current.phase !== 'cancelled') {
    // Another project's run (a watcher elsewhere) must not take over the bar of the one being opened.
    return current;
  }
  return event;
}

/** Done fraction from 0 to 1, or null while the total is still growing (the walk has not finished). */
export function progressFraction(progress: IndexProgress): number | null {
  if (progress.phase === 'done') return 1;
  if (progress.phase === 'walking' || progress.filesTotal === 0) return null;
  return Math.min(1, progress.filesDone / progress.filesTotal);
}

/** "12 s", "3 min 5 s", or "" when there is no estimate yet. */
export function formatEta(etaMs: number | null): string {
  if (etaMs === null) return '';
  const seconds = Math.max(0, Math.round(etaMs / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export type TreeNode = { name: string; path: string; folder: boolean; file?: FileEntry; children: TreeNode[] };

/** Builds a folder tree from project-relative file paths: folders first, then files, each alphabetically. */
export function buildFileTree(files: readonly FileEntry[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', folder: true, children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  for (const file of files) {
    const parts = file.path.split('/');
    let parent = root;
    for (let index = 0; index < parts.length - 1; index++) {
      const folderPath = parts.slice(0, index + 1).join('/');
      let folder = folders.get(folderPath);
      if (!folder) {
        folder = { name: parts[index] as string, path: folderPath, folder: true, children: [] };
        folders.set(folderPath, folder);
        parent.children.push(folder);
      }
      parent = folder;
    }
    parent.children.push({ name: parts[parts.length - 1] as string, path: file.path, folder: false, file, children: [] });
  }
  const sort = (nodes: TreeNode[]) => {
    nodes.sort((a, b) => (a.folder === b.folder ? a.name.localeCompare(b.name) : a.folder ? -1 : 1));
    for (const node of nodes) if (node.folder) sort(node.children);
  };
  sort(root.children);
  return root.children;
}

/** The folder to index for a dropped item: a folder itself, or the folder that holds a dropped file. */
export function folderForDrop(path: string, isDirectory: boolean): string {
  if (isDirectory || !path) return path;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return path;
  // "/file.py" lives in "/", "C:\\file.py" in "C:\\".
  return cut === 0 || /^[A-Za-z]:$/.test(path.slice(0, cut)) ? path.slice(0, cut + 1) : path.slice(0, cut);
}
