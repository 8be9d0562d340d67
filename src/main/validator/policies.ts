// Tier policies as data: which modules each tier may import and how severe each rule category is there.
import type { Tier } from '../../shared/domain';
import type { ImportPolicy, RuleCategory, RuleSeverity, TierPolicy } from '../../shared/validation';
import { nodeBuiltinModules, pythonStandardLibrary } from './stdlib';

/** Where the validator reads tier policies; the app can back it with stored settings. */
export type PolicySource = { get(tier: Tier): TierPolicy };

const sandboxPython = [
  'math', 'cmath', 'statistics', 'itertools', 'functools', 'operator', 'collections', 'collections.abc', 're', 'string',
  'textwrap', 'unicodedata', 'json', 'datetime', 'calendar', 'time', 'zoneinfo', 'typing', 'typing_extensions',
  'dataclasses', 'enum', 'abc', 'decimal', 'fractions', 'numbers', 'heapq', 'bisect', 'array', 'copy', 'pprint',
  'random', 'secrets', 'hashlib', 'hmac', 'base64', 'binascii', 'struct', 'uuid', 'difflib', 'contextlib', '__future__',
  'ast',
];

// Writes through pathlib and io are checked by the filesystem rules (work folder only), so the modules themselves are fine.
const testingPython = [
  ...sandboxPython, 'pytest', 'unittest', 'unittest.mock', 'doctest', 'tempfile', 'io', 'pathlib', 'os.path',
];

// Modules whose purpose is what trusted code still may not do: run processes, load native code, talk to the network,
// or run code given as text. Each also has its own rule, which reports it instead of the import policy.
const deniedPython = [
  'subprocess', 'pty', 'multiprocessing', 'concurrent.futures.process', 'socket', 'socketserver', 'ssl', 'asyncio.subprocess',
  'urllib.request', 'http.client', 'http.server', 'ftplib', 'smtplib', 'smtpd', 'telnetlib', 'poplib', 'imaplib',
  'nntplib', 'xmlrpc', 'webbrowser', 'ctypes', 'mmap', 'code', 'codeop', 'runpy', 'imp', 'zipimport', 'pipes',
];

const sandboxJavascript = [
  'assert', 'buffer', 'crypto', 'events', 'path', 'perf_hooks', 'punycode', 'querystring', 'stream', 'string_decoder',
  'timers', 'url', 'util', 'zlib',
];

const testingJavascript = [...sandboxJavascript, 'fs', 'os', 'readline', 'console', 'test', 'vitest', '@jest/globals'];

const deniedJavascript = [
  'child_process', 'cluster', 'dgram', 'dns', 'http', 'http2', 'https', 'inspector', 'net', 'repl', 'tls', 'v8', 'vm',
  'wasi', 'worker_threads',
];

// Dangerous categories are errors until `core`, where they turn into warnings: core-tier runs need an explicit
// confirmation elsewhere, so the report's job there is to say what the confirmation covers, not to refuse.
const strict: Record<RuleCategory, RuleSeverity> = {
  syntax: 'error',
  'code-execution': 'error',
  introspection: 'error',
  process: 'error',
  filesystem: 'error',
  network: 'error',
  native: 'error',
  deserialization: 'error',
  resource: 'warning',
  'import-policy': 'error',
  lint: 'warning',
};

const everythingAllowed: ImportPolicy = { allow: [], allowStandardLibrary: true, deny: [], notAllowed: 'off', unknown: 'off' };

/** The built-in tier policies (the app may store edited copies). */
export const defaultTierPolicies: Record<Tier, TierPolicy> = {
  sandbox: {
    tier: 'sandbox',
    categories: strict,
    workFolderWrites: false,
    imports: {
      python: { allow: sandboxPython, allowStandardLibrary: false, deny: [], notAllowed: 'error', unknown: 'error' },
      javascript: { allow: sandboxJavascript, allowStandardLibrary: false, deny: [], notAllowed: 'error', unknown: 'error' },
    },
  },
  testing: {
    tier: 'testing',
    categories: strict,
    workFolderWrites: true,
    imports: {
      python: { allow: testingPython, allowStandardLibrary: false, deny: [], notAllowed: 'error', unknown: 'error' },
      javascript: { allow: testingJavascript, allowStandardLibrary: false, deny: [], notAllowed: 'error', unknown: 'error' },
    },
  },
  trusted: {
    tier: 'trusted',
    // Trusted code loads its own data files, so unpickling is worth a warning, not a refusal.
    categories: { ...strict, deserialization: 'warning' },
    workFolderWrites: true,
    imports: {
      python: { allow: [], allowStandardLibrary: true, deny: deniedPython, notAllowed: 'error', unknown: 'warning' },
      javascript: { allow: [], allowStandardLibrary: true, deny: deniedJavascript, notAllowed: 'error', unknown: 'warning' },
    },
  },
  core: {
    tier: 'core',
    categories: {
      syntax: 'error',
      'code-execution': 'warning',
      introspection: 'warning',
      process: 'warning',
      filesystem: 'warning',
      network: 'warning',
      native: 'warning',
      deserialization: 'warning',
      resource: 'warning',
      'import-policy': 'info',
      lint: 'warning',
    },
    workFolderWrites: true,
    imports: { python: everythingAllowed, javascript: everythingAllowed },
  },
};

/** The built-in policies as a source. */
export const defaultPolicies: PolicySource = { get: (tier) => defaultTierPolicies[tier] };

export type ImportVerdict = 'allowed' | 'not-allowed' | 'unknown';

/** Whether `module` is `entry` or one of its submodules (`a.b` or, for JavaScript, `a/b`). */
export function isListed(module: string, entries: readonly string[]): boolean {
  return entries.some((entry) => module === entry || module.startsWith(`${entry}.`) || module.startsWith(`${entry}/`));
}

/** The policy's verdict on importing `module`; `isStandard` says whether it belongs to the language's standard library. */
export function importVerdict(policy: ImportPolicy, module: string, isStandard: boolean): ImportVerdict {
  if (isListed(module, policy.deny)) return 'not-allowed';
  if (isListed(module, policy.allow)) return 'allowed';
  if (isStandard) return policy.allowStandardLibrary ? 'allowed' : 'not-allowed';
  return 'unknown';
}

export function isPythonStandardModule(module: string): boolean {
  return pythonStandardLibrary.has(module.split('.')[0] ?? module);
}

/** Node built-ins, named without the `node:` prefix (`fs/promises` belongs to `fs`). */
export function isNodeBuiltinModule(module: string): boolean {
  return nodeBuiltinModules.has(module) || nodeBuiltinModules.has(module.split('/')[0] ?? module);
}
