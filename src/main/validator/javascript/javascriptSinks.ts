// JavaScript/TypeScript names the rules care about, as data: dangerous modules, globals and members, and fs APIs.
import { nodeBuiltinModules } from '../stdlib';

/**
 * The qualified name of a module specifier: Node built-ins as `node:fs` (subpaths dotted: `node:fs.promises`), the
 * `process` module as the `process` global, packages as `npm:name`, relative and absolute paths as null.
 */
export function moduleQualifiedName(specifier: string): string | null {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (bare.startsWith('.') || bare.startsWith('/') || bare === '') return null;
  const head = bare.split('/')[0] ?? bare;
  if (specifier.startsWith('node:') || nodeBuiltinModules.has(head)) {
    if (bare === 'process') return 'process';
    return `node:${bare.split('/').join('.')}`;
  }
  return `npm:${bare}`;
}

/** The module name the import policy sees: built-ins without `node:`, packages as written. */
export function policyModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

// Modules whose every use is a concern; a qualified name under one (node:child_process.exec) inherits its rule.
const moduleSinks = new Map<string, string>([
  ['node:child_process', 'js.process.child-process'],
  ['node:cluster', 'js.process.cluster'],
  ['node:vm', 'js.exec.vm'],
  ['node:repl', 'js.exec.vm'],
  ...(['node:net', 'node:dgram', 'node:tls', 'node:http', 'node:https', 'node:http2', 'node:dns', 'node:_http_client', 'node:_http_agent'] as const).map((name) => [name, 'js.net.module'] as const),
  ['node:inspector', 'js.introspection.inspector'],
  ['node:v8', 'js.native.binding'],
  ['node:wasi', 'js.native.binding'],
  ['node:trace_events', 'js.introspection.inspector'],
  ...(['axios', 'node-fetch', 'got', 'ws', 'undici', 'request', 'superagent', 'socket.io-client', 'needle', 'cross-fetch', 'isomorphic-fetch', 'ky', 'phin'] as const).map((name) => [`npm:${name}`, 'js.net.module'] as const),
  ...(['execa', 'shelljs', 'cross-spawn', 'node-pty', 'zx', 'child-process-promise'] as const).map((name) => [`npm:${name}`, 'js.process.child-process'] as const),
  ...(['ffi-napi', 'ffi', 'ref-napi', 'node-ffi', 'koffi'] as const).map((name) => [`npm:${name}`, 'js.native.binding'] as const),
  ...(['node-serialize', 'serialize-to-js', 'funcster', 'cryo'] as const).map((name) => [`npm:${name}`, 'js.deser.module'] as const),
  ['process.env', 'js.env.read'],
]);

// Globals and members flagged wherever they are referenced (Function has exceptions: see the analyzer).
const memberSinks = new Map<string, string>([
  ['eval', 'js.exec.eval'],
  ['execScript', 'js.exec.eval'],
  ['Function', 'js.exec.function'],
  ['fetch', 'js.net.fetch'],
  ['WebSocket', 'js.net.fetch'],
  ['XMLHttpRequest', 'js.net.fetch'],
  ['EventSource', 'js.net.fetch'],
  ['navigator.sendBeacon', 'js.net.fetch'],
  ['Worker', 'js.process.worker'],
  ['SharedWorker', 'js.process.worker'],
  ['importScripts', 'js.exec.dynamic-require'],
  ['node:worker_threads.Worker', 'js.process.worker'],
  ['process.binding', 'js.native.binding'],
  ['process._linkedBinding', 'js.native.binding'],
  ['process.dlopen', 'js.native.binding'],
  ['process.kill', 'js.process.child-process'],
  ['process.chdir', 'js.fs.chdir'],
  ['process.mainModule', 'js.exec.dynamic-require'],
  ['module.constructor', 'js.exec.dynamic-require'],
  ['node:module._load', 'js.exec.dynamic-require'],
  ['node:module.Module', 'js.exec.dynamic-require'],
  ['require.cache', 'js.exec.dynamic-require'],
  ['Error.prepareStackTrace', 'js.introspection.stack-frames'],
]);

/** The rule for a qualified name: the member itself, else the nearest listed module (or `process.env`) around it. */
export function javascriptSinkFor(qualifiedName: string): string | undefined {
  const member = memberSinks.get(qualifiedName);
  if (member) return member;
  let name = qualifiedName;
  for (;;) {
    const rule = moduleSinks.get(name);
    if (rule) return rule;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(0, dot);
  }
}

/** Whether the module named by this qualified name is itself a concern (so the import policy need not report it). */
export function isDangerousJavascriptModule(qualifiedName: string): boolean {
  return moduleSinks.has(qualifiedName) || (javascriptSinkFor(qualifiedName) !== undefined && !memberSinks.has(qualifiedName));
}

/** Names that refer to the global object. */
export const globalObjectNames: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/** Timers that evaluate a string first argument like eval. */
export const stringTimers: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'node:timers.setTimeout', 'node:timers.setInterval', 'node:timers.setImmediate']);

/** Functions that load a module by name (the first argument). */
export const requireFunctions: ReadonlySet<string> = new Set(['require', 'module.require', 'require.call', 'process.mainModule.require']);

export type JavascriptFileSink = { effect: 'write' | 'delete'; paths: number[]; flags?: { index: number; fallback: string } };

const writes = (...paths: number[]): JavascriptFileSink => ({ effect: 'write', paths });
const deletes = (...paths: number[]): JavascriptFileSink => ({ effect: 'delete', paths });

const fileMembers = new Map<string, JavascriptFileSink>([
  ...(['writeFile', 'appendFile', 'createWriteStream', 'mkdir', 'mkdtemp', 'truncate', 'chmod', 'chown', 'lchown', 'lchmod', 'utimes', 'lutimes'] as const).map((name) => [name, writes(0)] as const),
  ...(['copyFile', 'cp'] as const).map((name) => [name, writes(1)] as const),
  ...(['symlink', 'link'] as const).map((name) => [name, writes(0, 1)] as const),
  ...(['rm', 'rmdir', 'unlink'] as const).map((name) => [name, deletes(0)] as const),
  ['rename', deletes(0, 1)],
  ['open', { effect: 'write', paths: [0], flags: { index: 1, fallback: 'r' } }],
]);

/** The fs API behind a qualified name (`node:fs.writeFileSync`, `node:fs.promises.rm` …), if it writes or deletes. */
export function javascriptFileSinkFor(qualifiedName: string): JavascriptFileSink | undefined {
  const match = /^node:fs(?:\.promises)?\.([A-Za-z]+?)(Sync)?$/.exec(qualifiedName);
  if (!match) return undefined;
  return fileMembers.get(match[1] ?? '');
}
