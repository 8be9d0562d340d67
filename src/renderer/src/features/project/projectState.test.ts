import { describe, expect, it } from 'vitest';
import type { FileEntry, IndexProgress } from '../../../../shared/indexing';
import { applyIndexProgress, buildFileTree, folderForDrop, formatEta, progressFraction } from './projectState';

const progress = (over: Partial<IndexProgress>): IndexProgress => ({
  projectId: 1,
  phase: 'parsing',
  filesDone: 0,
  filesTotal: 0,
  currentFile: null,
  etaMs: null,
  ...over,
});

const file = (path: string): FileEntry => ({
  id: 1,
  path,
  language: 'python',
  tier: 'trusted',
  size: 1,
  lines: { total: 1, code: 1, comment: 0, blank: 0 },
  symbols: 0,
  errors: 0,
  imports: [],
});

describe('progress', () => {
  it('follows the run being opened and ignores another project while it runs', () => {
    const mine = progress({ projectId: 1, filesDone: 3, filesTotal: 10 });
    expect(applyIndexProgress(null, mine)).toBe(mine);
    expect(applyIndexProgress(mine, progress({ projectId: 2 }))).toBe(mine);
    const done = progress({ projectId: 1, phase: 'done' });
    const next = progress({ projectId: 2, phase: 'walking' });
    expect(applyIndexProgress(done, next)).toBe(next);
  });

  it('has no fraction while walking, then files done over total', () => {
    expect(progressFraction(progress({ phase: 'walking', filesDone: 5, filesTotal: 9 }))).toBeNull();
    expect(progressFraction(progress({ filesDone: 5, filesTotal: 10 }))).toBe(0.5);
    expect(progressFraction(progress({ phase: 'done', filesDone: 0, filesTotal: 0 }))).toBe(1);
  });

  it('formats the ETA for a person', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(12_400)).toBe('12 s');
    expect(formatEta(185_000)).toBe('3 min 5 s');
  });
});

describe('buildFileTree', () => {
  it('nests files in folders, folders first, alphabetically', () => {
    const tree = buildFileTree([file('b.py'), file('pkg/z.py'), file('pkg/sub/a.py'), file('a.py')]);
    expect(tree.map((node) => node.name)).toEqual(['pkg', 'a.py', 'b.py']);
    expect(tree[0]?.children.map((node) => node.path)).toEqual(['pkg/sub', 'pkg/z.py']);
    expect(tree[0]?.children[0]?.children[0]?.file?.path).toBe('pkg/sub/a.py');
  });
});

describe('folderForDrop', () => {
  it('keeps a folder and uses the parent of a file', () => {
    expect(folderForDrop('/home/me/app', true)).toBe('/home/me/app');
    expect(folderForDrop('/home/me/app/main.py', false)).toBe('/home/me/app');
    expect(folderForDrop('/main.py', false)).toBe('/');
    expect(folderForDrop('C:\\work\\app\\main.py', false)).toBe('C:\\work\\app');
    expect(folderForDrop('C:\\main.py', false)).toBe('C:\\');
    expect(folderForDrop('', false)).toBe('');
  });
});
