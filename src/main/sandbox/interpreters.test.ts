// Finding interpreters and what to bind for them, and who can reach which folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { createPythonResolver, detectVenv, resolveNode, venvOfInterpreter } from './interpreters';
import { sandboxUser } from './isolation';
import { isReachableBy, systemBinds } from './layout';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('interpreters', () => {
  it('detects a project venv from pyvenv.cfg without running it', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    expect(detectVenv(dir)).toBeNull();
    fs.mkdirSync(path.join(dir, '.venv', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.venv', 'pyvenv.cfg'), 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n');
    fs.writeFileSync(path.join(dir, '.venv', 'bin', 'python3'), '#!/bin/sh\necho must not run > /dev/null\n', { mode: 0o755 });
    expect(detectVenv(dir)).toEqual({ root: path.join(dir, '.venv'), python: path.join(dir, '.venv', 'bin', 'python3'), home: '/usr/bin', version: '3.11.2' });
  });

  it('ignores a venv whose pyvenv.cfg is a named pipe or a link to an endless device, without waiting on it', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    for (const name of ['.venv', 'venv']) {
      fs.mkdirSync(path.join(dir, name, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'bin', 'python3'), '#!/bin/sh\n', { mode: 0o755 });
    }
    execFileSync('mkfifo', [path.join(dir, '.venv', 'pyvenv.cfg')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'venv', 'pyvenv.cfg'));
    expect(detectVenv(dir)).toBeNull();
  });

  it('recognises a configured interpreter that is a venv\'s python, so it is never run on the host to ask', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const python = path.join(dir, '.venv', 'bin', 'python3');
    expect(venvOfInterpreter(python)).toBeNull();
    fs.mkdirSync(path.dirname(python), { recursive: true });
    fs.writeFileSync(python, '#!/bin/sh\ntouch "$0.ran"\n', { mode: 0o755 });
    expect(venvOfInterpreter(python)).toBeNull();
    fs.writeFileSync(path.join(dir, '.venv', 'pyvenv.cfg'), 'home = /usr/bin\nversion_info = 3.12.1.final.0\n');
    expect(venvOfInterpreter(python)).toEqual({ root: path.join(dir, '.venv'), python, home: '/usr/bin', version: '3.12.1.final.0' });
    expect(venvOfInterpreter('python3')).toBeNull();
    expect(fs.existsSync(`${python}.ran`)).toBe(false);
  });

  it('resolves python3 once to a real binary (not a shim) the sandbox user can run', async () => {
    const user = sandboxUser();
    const resolve = createPythonResolver(user, systemBinds());
    const python = await resolve('python3', null);
    expect(path.isAbsolute(python.executable)).toBe(true);
    expect(fs.realpathSync(python.executable)).toBe(python.executable);
    expect(isReachableBy(python.executable, user.uid, user.gid, 'read-execute')).toBe(true);
    expect(python.folders.every((folder) => !folder.startsWith('/usr/'))).toBe(true);
    expect(await resolve('python3', null)).toBe(python);
  });

  it('rejects an interpreter that does not exist', async () => {
    const resolve = createPythonResolver(sandboxUser(), systemBinds());
    await expect(resolve('/nonexistent/python3', null)).rejects.toThrow(/nonexistent/);
  });

  it('resolves Node with its address-space headroom, or none for Electron', () => {
    const user = sandboxUser();
    expect(resolveNode({}, user, systemBinds())).toMatchObject({ language: 'javascript', addressSpaceHeadroomMb: 1024 });
    expect(resolveNode({ env: { ELECTRON_RUN_AS_NODE: '1' }, addressSpaceHeadroomMb: null }, user, systemBinds()).addressSpaceHeadroomMb).toBeNull();
  });

  it('judges reachability by every folder on the way', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const inner = path.join(dir, 'inner');
    fs.mkdirSync(inner);
    fs.writeFileSync(path.join(inner, 'file'), 'x', { mode: 0o644 });
    fs.chmodSync(dir, 0o700);
    const stranger = { uid: 65534, gid: 65534 };
    const owner = fs.statSync(dir).uid;
    if (owner !== stranger.uid) expect(isReachableBy(path.join(inner, 'file'), stranger.uid, stranger.gid)).toBe(false);
    fs.chmodSync(dir, 0o711);
    expect(isReachableBy(path.join(inner, 'file'), stranger.uid, stranger.gid)).toBe(true);
    expect(isReachableBy('/usr/bin', stranger.uid, stranger.gid, 'execute')).toBe(true);
  });
});
