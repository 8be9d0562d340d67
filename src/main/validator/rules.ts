// The rule table: every rule's id, category, wording and how its severity follows from a tier policy.
import type { Tier } from '../../shared/domain';
import { Tier as TierSchema } from '../../shared/domain';
import type { RuleCategory, RuleInfo, RuleSeverity, Severity, TierPolicy, TierSeverities } from '../../shared/validation';
import type { PolicySource } from './policies';
import { ruffFallbacks, ruffMappings, type RuffMapping } from './ruffRules';

/**
 * How a rule's severity follows from the tier policy: the category's severity, that capped at a maximum, `info` where
 * the tier allows writes inside the work folder, or the import policy's verdict for the module's kind.
 */
export type SeveritySpec =
  | { kind: 'category' }
  | { kind: 'cap'; max: Severity }
  | { kind: 'work-folder' }
  | { kind: 'import'; which: 'notAllowed' | 'unknown' };

export type RuleDefinition = {
  id: string;
  language: 'python' | 'javascript' | 'any';
  category: RuleCategory;
  source: 'ark' | 'ruff';
  /** Finishes a message that starts with the name of what was found: "`eval` <says>." */
  says: string;
  explanation: string;
  hint: string;
  severity: SeveritySpec;
};

const category: SeveritySpec = { kind: 'category' };

type RuleArgs = [id: string, category: RuleCategory, says: string, explanation: string, hint: string, severity?: SeveritySpec];

function ark(language: RuleDefinition['language'], ...[id, ruleCategory, says, explanation, hint, severity = category]: RuleArgs): RuleDefinition {
  return { id, language, category: ruleCategory, source: 'ark', says, explanation, hint, severity };
}

const py = (...args: RuleArgs) => ark('python', ...args);
const js = (...args: RuleArgs) => ark('javascript', ...args);

const pythonRules: RuleDefinition[] = [
  py('py.syntax.error', 'syntax', 'is not valid Python', 'The code does not parse, so Python would refuse to run any of it.', 'Fix the syntax at the marked place; the rest of the file is checked as far as it parses.'),
  py('py.syntax.missing', 'syntax', 'is missing', 'The parser expected a token here (a closing bracket, a colon, an indented block).', 'Add the missing token.'),
  py('py.exec.eval', 'code-execution', 'evaluates a string as Python code', 'eval runs whatever text it is given, so what the program does is no longer in its source.', 'Compute the value directly; to read literals from text use ast.literal_eval or json.loads.'),
  py('py.exec.exec', 'code-execution', 'executes a string as Python code', 'exec runs whatever text it is given, so what the program does is no longer in its source.', 'Write the code out, or dispatch on a dict of functions instead of building code as text.'),
  py('py.exec.compile', 'code-execution', 'compiles a string into code', 'compile turns text into a code object that exec or eval then run.', 'Write the code out; to parse without running, use ast.parse.'),
  py('py.exec.dynamic-import', 'code-execution', 'imports a module whose name is computed at run time', '__import__ or importlib.import_module with a computed name can load any module, past the import policy.', 'Import the modules you need with import statements.'),
  py('py.exec.builtins', 'code-execution', 'reaches the builtins namespace', 'The builtins module (or __builtins__) hands out eval, exec and __import__ by name, past every other check.', 'Call built-in functions directly by name.'),
  py('py.exec.namespace', 'code-execution', 'looks names up in a namespace dictionary', 'Indexing globals(), locals(), vars() or a module __dict__ reaches any function by a string, hiding what is called; so do its items() or values(), a copy, and passing it to a function (a module namespace holds __builtins__).', 'Use the names directly, or keep your own dict of allowed functions.'),
  py('py.exec.code-object', 'code-execution', 'builds a function from a code object', 'types.FunctionType, types.CodeType and type(lambda: 0)(...) create functions from raw bytecode that is not in the source.', 'Define functions with def or lambda.'),
  py('py.exec.interpreter', 'code-execution', 'runs code given as text or a file', 'code, codeop, runpy, breakpoint, importlib loaders and timeit/profile/pdb with a string run code that is not in the source.', 'Call the code directly instead of handing it over as text.'),
  py('py.introspection.dunder', 'introspection', 'walks object internals', 'Dunder attributes such as __bases__, __subclasses__, __globals__, __code__ and __builtins__ lead from any object to every class and module: the classic sandbox escape.', 'Use the public API of the object; type(x).__name__ and isinstance are fine.'),
  py('py.introspection.frame', 'introspection', 'reaches stack frames', 'Frame objects (sys._getframe, inspect.currentframe/stack, f_back, f_globals, tb_frame, gi_frame) expose every caller\'s variables and builtins.', 'Pass the values you need as arguments.'),
  py('py.introspection.sys-modules', 'introspection', 'reaches loaded modules without importing them', 'sys.modules hands out any loaded module (os, subprocess) without an import statement the policy can see.', 'Import the module you need with an import statement.'),
  py('py.introspection.gc', 'introspection', 'reaches every live object', 'gc.get_objects, get_referrers and get_referents return arbitrary live objects, including modules and frames.', 'Keep references to the objects you need.'),
  py('py.introspection.computed-attribute', 'introspection', 'reads an attribute whose name is hidden', 'getattr, setattr, delattr or attrgetter with an obfuscated name, or with a computed name on a module, built-in or literal, hides which attribute is used.', 'Use plain attribute access (obj.name), or a constant name.'),
  py('py.introspection.format-string', 'introspection', 'walks attributes inside a format string', 'A format string such as "{0.__class__}" reads attributes when formatted, including the dunders that lead out of a sandbox.', 'Format plain values: pass the attributes you need as arguments.'),
  py('py.introspection.reflective-value', 'introspection', 'is passed around as a value, so its arguments cannot be checked', 'A reflective built-in (getattr, __import__, vars, open, import_module …) stored in a container or passed as an argument may be called with anything.', 'Call it directly where it is needed.'),
  py('py.process.module', 'process', 'starts or controls other processes', 'subprocess, pty, multiprocessing, asyncio subprocesses and friends run other programs outside the validator\'s sight.', 'Do the work in Python; running programs needs the core tier.'),
  py('py.process.exec', 'process', 'starts or signals a process', 'os.system, os.popen, os.exec*, os.spawn*, os.fork and os.kill run shell commands or replace, fork or signal processes.', 'Do the work in Python; running programs needs the core tier.'),
  py('py.fs.write', 'filesystem', 'writes outside the run\'s work folder', 'Writing, creating or changing files is allowed only at a relative constant path inside the work folder, and not at all in the sandbox tier.', 'Write to a relative path such as "output/result.txt", or return the data instead of writing it.'),
  py('py.fs.write-work-folder', 'filesystem', 'writes inside the run\'s work folder', 'A write at a relative constant path stays inside the run\'s work folder; tiers from testing up allow it.', 'Nothing to do at testing and above; in the sandbox tier return the data instead.', { kind: 'work-folder' }),
  py('py.fs.delete', 'filesystem', 'deletes or moves files outside the run\'s work folder', 'Deleting, moving or renaming files is allowed only at a relative constant path inside the work folder, and not at all in the sandbox tier.', 'Delete only files the program created, at relative paths inside its work folder.'),
  py('py.fs.delete-work-folder', 'filesystem', 'deletes or moves files inside the run\'s work folder', 'A delete at a relative constant path stays inside the run\'s work folder; tiers from testing up allow it.', 'Nothing to do at testing and above; in the sandbox tier avoid touching files.', { kind: 'work-folder' }),
  py('py.fs.chdir', 'filesystem', 'changes the working directory', 'After a change of directory every relative path points somewhere else, so the work-folder check no longer holds.', 'Build paths relative to the work folder instead of changing directory.'),
  py('py.net.module', 'network', 'uses the network', 'Sockets, HTTP clients and servers, mail and FTP libraries send or receive data over the network.', 'Work on data passed in; network access is not available below the core tier.'),
  py('py.native.module', 'native', 'loads native code or maps memory', 'ctypes, cffi and mmap call into C or raw memory, where no Python-level check applies.', 'Use pure-Python libraries.'),
  py('py.deser.module', 'deserialization', 'can run code while loading data', 'pickle, marshal, shelve, dill and jsonpickle rebuild arbitrary objects, so loading data can run code.', 'Store data as JSON (json.dumps / json.loads).'),
  py('py.deser.yaml', 'deserialization', 'loads YAML without a safe loader', 'yaml.load without Loader=SafeLoader (or CSafeLoader) and yaml.unsafe_load build arbitrary Python objects.', 'Use yaml.safe_load, or pass Loader=yaml.SafeLoader.'),
  py('py.resource.infinite-loop', 'resource', 'loops forever', 'A module-level while loop with a constant true condition and no break, return or raise never ends; the run will hit its time limit.', 'Give the loop an exit condition or a break.', { kind: 'cap', max: 'warning' }),
  py('py.resource.huge-constant', 'resource', 'builds an enormous value', 'A constant power, shift or repetition this large takes minutes of CPU time or gigabytes of memory.', 'Use smaller numbers, or compute lazily (range, generators).', { kind: 'cap', max: 'warning' }),
  py('py.import.not-allowed', 'import-policy', 'is not allowed at this tier', 'The tier\'s import policy does not include this standard-library module.', 'Use a module from the tier\'s list (see the tier import lists), or run at a higher tier.', { kind: 'import', which: 'notAllowed' }),
  py('py.import.unknown', 'import-policy', 'is a third-party module the tier does not know', 'Third-party modules are not available in the sandbox and testing tiers; trusted code gets a warning.', 'Use the standard library, or run at the trusted or core tier.', { kind: 'import', which: 'unknown' }),
];

const javascriptRules: RuleDefinition[] = [
  js('js.syntax.error', 'syntax', 'is not valid JavaScript/TypeScript', 'The code does not parse, so it would not run.', 'Fix the syntax at the marked place.'),
  js('js.syntax.missing', 'syntax', 'is missing', 'The parser expected a token here (a closing bracket, a semicolon, an expression).', 'Add the missing token.'),
  js('js.exec.eval', 'code-execution', 'evaluates a string as code', 'eval runs whatever text it is given, so what the program does is no longer in its source.', 'Compute the value directly; to read data use JSON.parse.'),
  js('js.exec.function', 'code-execution', 'builds a function from a string', 'new Function(...) and Function(...) compile text into code, like eval.', 'Write the function out.'),
  js('js.exec.constructor-chain', 'code-execution', 'reaches the Function constructor', 'x.constructor.constructor (or the constructor of a function) is Function, which compiles text into code: the classic sandbox escape.', 'Construct objects with their class name; never call a constructor reached through .constructor with text.'),
  js('js.exec.timer-string', 'code-execution', 'schedules a string as code', 'setTimeout, setInterval and setImmediate with a string argument evaluate it like eval.', 'Pass a function: setTimeout(() => work(), ms).'),
  js('js.exec.vm', 'code-execution', 'runs code in a vm context', 'The vm module compiles and runs text; its contexts are not a security boundary.', 'Write the code out.'),
  js('js.exec.dynamic-require', 'code-execution', 'loads a module whose name is computed at run time', 'require() or import() with a computed name can load any module, past the import policy.', 'Import the modules you need with constant names.'),
  js('js.exec.global-computed', 'code-execution', 'looks up a global or module member by a computed name', 'globalThis[name] (or global, window, self, process, a Node module) with a computed key reaches eval, require, process.binding or a file write by a string; so does handing the global object to a function (Object.values, Object.entries, getOwnPropertyDescriptor, an own function) or spreading it into an object.', 'Use the globals and functions you need by name.'),
  js('js.process.child-process', 'process', 'starts or signals other processes', 'child_process (exec, spawn, fork …) and process.kill run or signal other programs.', 'Do the work in JavaScript; running programs needs the core tier.'),
  js('js.process.worker', 'process', 'starts a worker thread', 'worker_threads Workers run code from a file or string (eval: true) with their own event loop.', 'Do the work on the main thread, or run at the core tier.'),
  js('js.process.cluster', 'process', 'forks worker processes', 'cluster forks copies of the process.', 'Run a single process.'),
  js('js.fs.write', 'filesystem', 'writes outside the run\'s work folder', 'Writing, creating or changing files is allowed only at a relative constant path inside the work folder, and not at all in the sandbox tier.', 'Write to a relative path such as "output/result.json", or return the data instead.'),
  js('js.fs.write-work-folder', 'filesystem', 'writes inside the run\'s work folder', 'A write at a relative constant path stays inside the run\'s work folder; tiers from testing up allow it.', 'Nothing to do at testing and above; in the sandbox tier return the data instead.', { kind: 'work-folder' }),
  js('js.fs.delete', 'filesystem', 'deletes or moves files outside the run\'s work folder', 'Deleting, moving or renaming files is allowed only at a relative constant path inside the work folder, and not at all in the sandbox tier.', 'Delete only files the program created, at relative paths inside its work folder.'),
  js('js.fs.delete-work-folder', 'filesystem', 'deletes or moves files inside the run\'s work folder', 'A delete at a relative constant path stays inside the run\'s work folder; tiers from testing up allow it.', 'Nothing to do at testing and above; in the sandbox tier avoid touching files.', { kind: 'work-folder' }),
  js('js.fs.chdir', 'filesystem', 'changes the working directory', 'After process.chdir every relative path points somewhere else, so the work-folder check no longer holds.', 'Build paths relative to the work folder instead.'),
  js('js.net.module', 'network', 'uses the network', 'net, dgram, tls, http, https, http2, dns and HTTP client packages send or receive data over the network.', 'Work on data passed in; network access is not available below the core tier.'),
  js('js.net.fetch', 'network', 'makes a network request', 'fetch, WebSocket, XMLHttpRequest, EventSource and sendBeacon talk to the network.', 'Work on data passed in; network access is not available below the core tier.'),
  js('js.native.binding', 'native', 'reaches native code', 'process.binding, process.dlopen, v8, wasi and FFI packages reach C++ internals or native libraries directly.', 'Use the public Node APIs.'),
  js('js.introspection.inspector', 'introspection', 'attaches the inspector', 'The inspector module can read and change any running code and open a debugging port.', 'Remove debugging hooks from generated code.'),
  js('js.introspection.stack-frames', 'introspection', 'hooks the stack-trace API', 'Error.prepareStackTrace receives the call sites of every frame, whose getFunction() and getThis() hand out the calling functions and their receivers (the module wrapper, require included).', 'Read error.stack as text; do not replace Error.prepareStackTrace.'),
  js('js.deser.module', 'deserialization', 'can run code while loading data', 'node-serialize, serialize-javascript style loaders and v8.deserialize rebuild objects (and functions) from data.', 'Store data as JSON (JSON.stringify / JSON.parse).'),
  js('js.env.read', 'introspection', 'reads environment variables', 'process.env exposes the environment of the run (tokens, paths); the sandbox passes a minimal one.', 'Pass configuration in explicitly.', { kind: 'cap', max: 'info' }),
  js('js.import.not-allowed', 'import-policy', 'is not allowed at this tier', 'The tier\'s import policy does not include this Node built-in module.', 'Use a module from the tier\'s list, or run at a higher tier.', { kind: 'import', which: 'notAllowed' }),
  js('js.import.unknown', 'import-policy', 'is a package the tier does not know', 'npm packages are not available in the sandbox and testing tiers; trusted code gets a warning.', 'Use Node built-ins, or run at the trusted or core tier.', { kind: 'import', which: 'unknown' }),
];

const sharedRules: RuleDefinition[] = [
  ark('any', 'validator.failure', 'syntax', 'could not be analysed', 'The validator could not finish analysing this code (nesting too deep, or an internal error), so it cannot vouch for it.', 'Simplify the code (less deeply nested expressions); if it persists, report the file.'),
  ark('any', 'lint.unavailable', 'lint', 'could not run', 'Ruff could not run, so the S (bandit) and F (pyflakes) checks are missing from this report; our own rules still ran.', 'Nothing to do; the next validation tries again.', { kind: 'cap', max: 'info' }),
];

function ruffRule(id: string, mapping: RuffMapping): RuleDefinition {
  const severity: SeveritySpec = mapping.max ? { kind: 'cap', max: mapping.max } : category;
  return { id, language: 'python', category: mapping.category, source: 'ruff', says: mapping.explanation, explanation: mapping.explanation, hint: 'See the Ruff documentation for this code.', severity };
}

const ruffRuleList: RuleDefinition[] = [
  ...Object.entries(ruffMappings).map(([code, mapping]) => ruffRule(`ruff:${code}`, mapping)),
  ruffRule('ruff:S*', ruffFallbacks.S),
  ruffRule('ruff:F*', ruffFallbacks.F),
];

/** Every rule the validator can report, ours first, then the Ruff codes with an explicit mapping and the fallbacks. */
export const ruleDefinitions: readonly RuleDefinition[] = [...pythonRules, ...javascriptRules, ...sharedRules, ...ruffRuleList];

const byId = new Map(ruleDefinitions.map((rule) => [rule.id, rule]));

/** Looks a rule up; an unknown id is a programming error in the validator itself. */
export function ruleById(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown validator rule "${id}".`);
  return rule;
}

/** The Ruff rule for a diagnostic code (the fallback rule when the code has no entry of its own). */
export function ruffRuleId(code: string): string {
  if (byId.has(`ruff:${code}`)) return `ruff:${code}`;
  return code.startsWith('F') ? 'ruff:F*' : 'ruff:S*';
}

const rank: Record<RuleSeverity, number> = { off: 0, info: 1, warning: 2, error: 3 };

function lower(a: RuleSeverity, b: RuleSeverity): RuleSeverity {
  return rank[a] <= rank[b] ? a : b;
}

/** The rule's severity under one tier policy. */
export function severityAt(rule: RuleDefinition, policy: TierPolicy): RuleSeverity {
  const base = policy.categories[rule.category];
  const spec = rule.severity;
  switch (spec.kind) {
    case 'category':
      return base;
    case 'cap':
      return lower(base, spec.max);
    case 'work-folder':
      return policy.workFolderWrites ? lower(base, 'info') : base;
    case 'import':
      return lower(base, policy.imports[rule.language === 'javascript' ? 'javascript' : 'python'][spec.which]);
  }
}

/** Every rule as the docs and the UI show it, with its severity at each tier under the given policies. */
export function describeRules(policies: PolicySource): RuleInfo[] {
  const tiers = TierSchema.options;
  return ruleDefinitions.map((rule) => {
    const severity = Object.fromEntries(tiers.map((tier: Tier) => [tier, severityAt(rule, policies.get(tier))])) as TierSeverities;
    return { id: rule.id, language: rule.language, category: rule.category, source: rule.source, explanation: rule.explanation, hint: rule.hint, severity };
  });
}
