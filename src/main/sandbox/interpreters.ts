// Finds the real interpreter behind a configured name (once), and the folders the sandbox must bind for it to start.
import fs from 'node:fs';
import path from 'node:path';
import { ArkError } from '../../shared/errors';
import { runProcess } from '../childProcess';
import type { RunLanguage } from '../../shared/sandbox';
import { findOnPath, type SandboxUser } from './isolation';
import { isInside, readRegularFile } from '../paths';
import { isCoveredBySystem, isReachableBy, type Bind } from './layout';

export type Interpreter = {
  language: RunLanguage;
  /** What is executed: the real binary (never a shim), or a virtual environment's python. */
  executable: string;
  /** Folders outside the system folders that must be bound read-only for it to run. */
  folders: string[];
  /** Environment the interpreter itself needs (ELECTRON_RUN_AS_NODE=1 for Electron's binary). */
  env: Record<string, string>;
  /** For JavaScript: address space V8 reserves beyond the heap, or null to set no address-space limit. */
  addressSpaceHeadroomMb: number | null;
  version: string | null;
  /** Set when the configured interpreter could not be used as is (say, out of the sandbox user's reach). */
  note: string | null;
};

export type Venv = { root: string; python: string; home: string | null; version: string | null };

/**
 * A project's own virtual environment (`.venv/` or `venv/` with a pyvenv.cfg), read without running anything from
 * it: a project is not trusted, and its venv's python is only ever executed inside the sandbox.
 */
export function detectVenv(projectRoot: string): Venv | null {
  for (const name of ['.venv', 'venv']) {
    const root = path.join(projectRoot, name);
    const python = ['python3', 'python'].map((file) => path.join(root, 'bin', file)).find((file) => fs.existsSync(file));
    const venv = python ? readVenv(root, python) : null;
    if (venv) return venv;
  }
  return null;
}

/**
 * The virtual environment a configured interpreter path belongs to (`/p/.venv/bin/python3` with `/p/.venv/pyvenv.cfg`),
 * so choosing a project's venv in Settings never makes the app run that python on the host to ask where it lives.
 */
export function venvOfInterpreter(configured: string): Venv | null {
  if (!path.isAbsolute(configured) || path.basename(path.dirname(configured)) !== 'bin' || !fs.existsSync(configured)) return null;
  return readVenv(path.dirname(path.dirname(configured)), configured);
}

function readVenv(root: string, python: string): Venv | null {
  let config: string;
  try {
    // A project's venv is the project's content: pyvenv.cfg may be a pipe or a link to a device (never waited on).
    const bytes = readRegularFile(path.join(root, 'pyvenv.cfg'));
    if (!bytes) return null;
    config = bytes.toString('utf8');
  } catch {
    return null;
  }
  const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*(.+?)\\s*$`, 'm').exec(config)?.[1] ?? null;
  return { root, python, home: value('home'), version: value('version_info') ?? value('version') };
}

/** The folder an interpreter lives under: /x/bin/python -> /x; an app binary with its libraries beside it -> its folder. */
function prefixOf(executable: string): string {
  const folder = path.dirname(executable);
  return path.basename(folder) === 'bin' ? path.dirname(folder) : folder;
}

function foldersToBind(candidates: readonly string[], system: readonly Bind[]): string[] {
  const folders: string[] = [];
  for (const folder of candidates) {
    if (!folder || isCoveredBySystem(folder, system)) continue;
    if (folders.some((kept) => isInside(folder, kept))) continue;
    folders.push(folder);
  }
  return folders;
}

function canUse(executable: string, folders: readonly string[], user: SandboxUser): boolean {
  return isReachableBy(executable, user.uid, user.gid, 'read-execute') && folders.every((folder) => isReachableBy(folder, user.uid, user.gid, 'read-execute'));
}

type PythonFacts = { executable: string; prefix: string; basePrefix: string; version: string };

// One start of the configured interpreter, on the host, with the user's environment: a pyenv-style shim needs its
// variables to pick a version, and costs ~60 ms per start, which is why the real binary is remembered.
async function askPython(candidate: string): Promise<PythonFacts> {
  const script = 'import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix); print(sys.version.split()[0])';
  const outcome = await runProcess(candidate, ['-I', '-S', '-c', script], { timeoutMs: 15_000 });
  const failure = outcome.startError ?? (outcome.timedOut ? 'it did not answer within 15 s' : outcome.exitCode !== 0 ? outcome.stderr.trim() || `exit ${outcome.exitCode ?? outcome.signal}` : null);
  if (failure !== null) {
    throw new ArkError('unavailable', `Cannot start the Python interpreter ${candidate}: ${failure}. Set sandbox.pythonPath to a working python3.`);
  }
  const [executable, prefix, basePrefix, version] = outcome.stdout.trim().split('\n');
  if (!executable || !prefix || !basePrefix) {
    throw new ArkError('unavailable', `The Python interpreter ${candidate} did not report where it lives. Set sandbox.pythonPath to a working python3.`);
  }
  return { executable, prefix, basePrefix, version: version ?? '' };
}

async function describePython(candidate: string, system: readonly Bind[]): Promise<Omit<Interpreter, 'note'>> {
  const facts = await askPython(candidate);
  const executable = fs.realpathSync(facts.executable);
  const folders = foldersToBind([fs.realpathSync(facts.basePrefix), prefixOf(executable)], system);
  return { language: 'python', executable, folders, env: {}, addressSpaceHeadroomMb: null, version: facts.version };
}

// Where to look when the configured interpreter is out of the sandbox user's reach (a pyenv under /root).
const systemPythons = ['/usr/bin/python3', '/usr/local/bin/python3', '/bin/python3'];
const systemNodes = ['/usr/bin/node', '/usr/local/bin/node'];

export type PythonResolver = (configured: string, venv: Venv | null) => Promise<Interpreter>;

/** Resolves Python interpreters, each configured name once (a shim or a slow start is paid for once per app run). */
export function createPythonResolver(user: SandboxUser, system: readonly Bind[]): PythonResolver {
  const cache = new Map<string, Promise<Interpreter>>();
  const resolveBase = async (configured: string): Promise<Interpreter> => {
    const candidate = path.isAbsolute(configured) ? configured : findOnPath(configured);
    if (!candidate) {
      throw new ArkError('unavailable', `Python interpreter "${configured}" was not found on PATH. Install Python 3 or set sandbox.pythonPath to its full path.`);
    }
    const described = await describePython(candidate, system);
    if (canUse(described.executable, described.folders, user)) return { ...described, note: null };
    for (const fallback of systemPythons) {
      if (!fs.existsSync(fallback)) continue;
      const other = await describePython(fallback, system).catch(() => null);
      if (other && canUse(other.executable, other.folders, user)) {
        return {
          ...other,
          note: `${described.executable} is out of reach of the sandbox user (uid ${user.uid}), so ${other.executable} ran instead. Point sandbox.pythonPath at an interpreter outside /root, or run the app as a normal user.`,
        };
      }
    }
    throw new ArkError(
      'unavailable',
      `The Python interpreter ${described.executable} is out of reach of the sandbox user (uid ${user.uid}) and no system python3 is. Install python3 system-wide or run the app as a normal user.`,
    );
  };
  return async (configured, venv) => {
    const key = venv ? `venv:${venv.python}` : configured;
    let entry = cache.get(key);
    if (!entry) {
      entry = venv ? resolveVenv(venv, resolveBase, configured, user, system) : resolveBase(configured);
      cache.set(key, entry);
      // A failure is not remembered: the user may install or fix the interpreter and try again.
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };
}

async function resolveVenv(venv: Venv, resolveBase: (configured: string) => Promise<Interpreter>, configured: string, user: SandboxUser, system: readonly Bind[]): Promise<Interpreter> {
  let target: string;
  try {
    target = fs.realpathSync(venv.python);
  } catch {
    return { ...(await resolveBase(configured)), note: `The virtual environment ${venv.root} is broken (its python does not resolve); the configured interpreter ran instead.` };
  }
  const home = venv.home && path.isAbsolute(venv.home) ? venv.home : path.dirname(target);
  const folders = foldersToBind([venv.root, prefixOf(target), prefixOf(path.join(home, 'python3'))], system);
  if (!canUse(venv.python, folders, user)) {
    return { ...(await resolveBase(configured)), note: `The virtual environment ${venv.root} is out of reach of the sandbox user (uid ${user.uid}); the configured interpreter ran instead.` };
  }
  return { language: 'python', executable: venv.python, folders, env: {}, addressSpaceHeadroomMb: null, version: venv.version, note: null };
}

export type NodeConfig = {
  /** The JavaScript runtime; default: the app's own runtime (`process.execPath`: Node, or Electron run as Node). */
  path?: string;
  /** Extra environment for it, e.g. { ELECTRON_RUN_AS_NODE: '1' } when `path` is the Electron binary. */
  env?: Record<string, string>;
  /**
   * Address space V8 reserves beyond its heap, in MiB: Node needs ~800 MiB of reservations before it runs a line,
   * so RLIMIT_AS is the heap cap plus this. Electron's V8 reserves a ~1 TiB pointer-compression cage: pass null there,
   * and memory is then held by --max-old-space-size alone.
   */
  addressSpaceHeadroomMb?: number | null;
};

export function resolveNode(config: NodeConfig, user: SandboxUser, system: readonly Bind[]): Interpreter {
  const configured = config.path ?? process.execPath;
  // The app's own binary is Electron's in the desktop app: it runs scripts as plain Node only with
  // ELECTRON_RUN_AS_NODE, and its V8 cage cannot live under an address-space limit (see NodeConfig).
  const electronItself = configured === process.execPath && Boolean(process.versions.electron);
  const describe = (candidate: string): Omit<Interpreter, 'note'> => {
    const executable = fs.realpathSync(candidate);
    return {
      language: 'javascript',
      executable,
      folders: foldersToBind([prefixOf(executable)], system),
      env: config.env ?? (electronItself ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
      addressSpaceHeadroomMb: config.addressSpaceHeadroomMb !== undefined ? config.addressSpaceHeadroomMb : electronItself ? null : 1024,
      version: null,
    };
  };
  let described: Omit<Interpreter, 'note'>;
  try {
    described = describe(configured);
  } catch {
    throw new ArkError('unavailable', `The JavaScript runtime ${configured} does not exist. Set the sandbox's Node path to a working node binary.`);
  }
  if (canUse(described.executable, described.folders, user)) return { ...described, note: null };
  for (const fallback of systemNodes) {
    if (!fs.existsSync(fallback)) continue;
    const other = describe(fallback);
    if (canUse(other.executable, other.folders, user)) {
      return { ...other, env: {}, addressSpaceHeadroomMb: 1024, note: `${described.executable} is out of reach of the sandbox user (uid ${user.uid}), so ${other.executable} ran instead.` };
    }
  }
  throw new ArkError('unavailable', `The JavaScript runtime ${described.executable} is out of reach of the sandbox user (uid ${user.uid}). Install node system-wide or run the app as a normal user.`);
}

// Runtimes by executable path, and whether each accepts --disable-wasm-trap-handler (asked once per runtime).
const trapHandlerFlagSupport = new Map<string, Promise<boolean>>();

/**
 * Flags a JavaScript runtime needs before the program under an address-space limit. V8 reserves 8-10 GiB of address
 * space for every WebAssembly memory so that bounds checks are done by the MMU (the "trap handler"); under RLIMIT_AS
 * that reservation fails, and not even one page of WebAssembly memory can be made: `fetch()` (whose HTTP parser is
 * WebAssembly) and any package built on WebAssembly fail as if memory had run out. Without the trap handler V8 checks
 * bounds in code and reserves only what the memory uses. Node has the flag since 20.15 and 22.2; an older runtime
 * refuses unknown flags, so it is asked first.
 */
export async function javascriptRuntimeFlags(interpreter: Interpreter): Promise<string[]> {
  if (interpreter.language !== 'javascript' || interpreter.addressSpaceHeadroomMb === null) return [];
  let supported = trapHandlerFlagSupport.get(interpreter.executable);
  if (!supported) {
    supported = runProcess(interpreter.executable, ['--disable-wasm-trap-handler', '-e', ''], {
      env: { ...interpreter.env, PATH: process.env.PATH ?? '' },
      timeoutMs: 10_000,
    }).then((outcome) => outcome.exitCode === 0);
    trapHandlerFlagSupport.set(interpreter.executable, supported);
  }
  return (await supported) ? ['--disable-wasm-trap-handler'] : [];
}
