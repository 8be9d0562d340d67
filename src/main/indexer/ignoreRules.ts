// Which paths of a project the index leaves out: default folders, virtualenvs, and every .gitignore (nested ones too).
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularFile } from '../paths';

/** Folders never indexed, whatever .gitignore says: tool state, dependencies and build output. */
export const defaultIgnoredFolders: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  'dist',
  'build',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.venv',
]);

/** A folder holding pyvenv.cfg is a virtualenv (`venv`, `env`, `.venv` or any other name). */
export const virtualenvMarker = 'pyvenv.cfg';

export type IgnoreRules = {
  /** Records the .gitignore text found in a folder (null when it has none), so the walk reads each file once. */
  setFolderRules(folder: string, gitignore: string | null): void;
  /** Forgets what was read for a folder, after its .gitignore changed on disk. */
  invalidate(folder: string): void;
  /** Whether `name` inside `folder` is ignored, given that `folder` itself was not. Both project-relative. */
  isIgnoredIn(folder: string, name: string, isDirectory: boolean): boolean;
  /** Whether a path is ignored, checking every folder above it too (for single paths from the watcher). */
  isIgnored(relativePath: string, isDirectory: boolean): boolean;
};

/**
 * A .gitignore's text, or null when there is none to read. Only a regular file is read, opened without waiting: a
 * named pipe called .gitignore would otherwise stop the walk (on the main thread) until something wrote to it, and a
 * link to /dev/zero would never end.
 */
export function readGitignore(file: string): string | null {
  try {
    return readRegularFile(file)?.toString('utf8') ?? null;
  } catch {
    return null;
  }
}

/**
 * Rules of one project. Patterns of each .gitignore are relative to its own folder; a deeper file can re-include
 * (`!keep.py`) what a shallower one excluded, as in git, but nothing inside an excluded folder comes back.
 */
export function createIgnoreRules(root: string): IgnoreRules {
  const levels = new Map<string, Ignore | null>();
  const virtualenvs = new Map<string, boolean>();

  function levelOf(folder: string): Ignore | null {
    let level = levels.get(folder);
    if (level === undefined) {
      level = compile(readGitignore(path.join(root, folder, '.gitignore')));
      levels.set(folder, level);
    }
    return level;
  }

  function compile(text: string | null): Ignore | null {
    return text === null ? null : ignore({ allowRelativePaths: true }).add(text);
  }

  function isIgnoredIn(folder: string, name: string, isDirectory: boolean): boolean {
    if (isDirectory && defaultIgnoredFolders.has(name)) return true;
    const relativePath = folder ? `${folder}/${name}` : name;
    let ignored = false;
    // Walk the levels from the root down, so a deeper .gitignore has the last word, as in git.
    let level = '';
    for (;;) {
      const rules = levelOf(level);
      if (rules) {
        const below = level ? relativePath.slice(level.length + 1) : relativePath;
        const verdict = rules.test(isDirectory ? `${below}/` : below);
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      if (level === folder) break;
      const next = folder.indexOf('/', level ? level.length + 1 : 0);
      level = next === -1 ? folder : folder.slice(0, next);
    }
    return ignored;
  }

  function isVirtualenv(folder: string): boolean {
    let answer = virtualenvs.get(folder);
    if (answer === undefined) {
      answer = folder !== '' && fs.existsSync(path.join(root, folder, virtualenvMarker));
      virtualenvs.set(folder, answer);
    }
    return answer;
  }

  return {
    setFolderRules(folder, gitignore) {
      levels.set(folder, compile(gitignore));
    },
    invalidate(folder) {
      levels.delete(folder);
      virtualenvs.delete(folder);
    },
    isIgnoredIn,
    isIgnored(relativePath, isDirectory) {
      const parts = relativePath.split('/');
      let folder = '';
      for (let index = 0; index < parts.length; index++) {
        const name = parts[index] as string;
        const last = index === parts.length - 1;
        if (isIgnoredIn(folder, name, last ? isDirectory : true)) return true;
        folder = folder ? `${folder}/${name}` : name;
        if ((!last || isDirectory) && isVirtualenv(folder)) return true;
      }
      return false;
    },
  };
}
