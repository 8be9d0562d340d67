// Python names the rules care about, as data: dangerous modules and members, file APIs, reflective built-ins, aliases.

/** An argument by position and keyword (`index` -1: keyword only). */
export type ArgumentSpec = { index: number; keyword: string };

const arg = (index: number, keyword: string): ArgumentSpec => ({ index, keyword });

/** Modules whose every use is a concern (a submodule inherits its parent's rule unless listed itself). */
const moduleSinks = new Map<string, string>([
  ...(['subprocess', 'pty', 'multiprocessing', 'asyncio.subprocess', 'concurrent.futures.process', 'pexpect', 'sh', 'plumbum', 'fabric', 'invoke', 'webbrowser', 'pipes', 'os.popen2'] as const).map((name) => [name, 'py.process.module'] as const),
  ...(['socket', 'socketserver', 'ssl', 'select', 'selectors', 'urllib.request', 'urllib2', 'urllib3', 'http.client', 'http.server', 'http.cookiejar', 'httplib', 'ftplib', 'smtplib', 'smtpd', 'telnetlib', 'poplib', 'imaplib', 'nntplib', 'xmlrpc', 'requests', 'httpx', 'aiohttp', 'paramiko', 'websocket', 'websockets', 'pycurl', 'twisted', 'tornado', 'wsgiref.simple_server'] as const).map((name) => [name, 'py.net.module'] as const),
  ...(['ctypes', 'cffi', 'mmap'] as const).map((name) => [name, 'py.native.module'] as const),
  ...(['pickle', 'dill', 'marshal', 'shelve', 'jsonpickle', 'cloudpickle'] as const).map((name) => [name, 'py.deser.module'] as const),
  ...(['code', 'codeop', 'runpy', 'imp', 'zipimport', 'pdb', 'bdb', 'importlib.machinery'] as const).map((name) => [name, 'py.exec.interpreter'] as const),
  ['builtins', 'py.exec.builtins'],
]);

/** Members of otherwise acceptable modules, flagged wherever they are referenced (called or not). */
const memberSinks = new Map<string, string>([
  ['builtins.eval', 'py.exec.eval'],
  ['builtins.exec', 'py.exec.exec'],
  ['builtins.execfile', 'py.exec.exec'],
  ['builtins.compile', 'py.exec.compile'],
  ['builtins.breakpoint', 'py.exec.interpreter'],
  ['types.FunctionType', 'py.exec.code-object'],
  ['types.LambdaType', 'py.exec.code-object'],
  ['types.CodeType', 'py.exec.code-object'],
  ['importlib.util.spec_from_file_location', 'py.exec.interpreter'],
  ['importlib.util.spec_from_loader', 'py.exec.interpreter'],
  ['importlib.util.module_from_spec', 'py.exec.interpreter'],
  ['importlib.abc.Loader', 'py.exec.interpreter'],
  ['sys.meta_path', 'py.exec.interpreter'],
  ['sys.path_hooks', 'py.exec.interpreter'],
  ['sys.modules', 'py.introspection.sys-modules'],
  ['sys._getframe', 'py.introspection.frame'],
  ['sys._current_frames', 'py.introspection.frame'],
  ['sys.settrace', 'py.introspection.frame'],
  ['sys.setprofile', 'py.introspection.frame'],
  ['sys.last_traceback', 'py.introspection.frame'],
  ['inspect.currentframe', 'py.introspection.frame'],
  ['inspect.stack', 'py.introspection.frame'],
  ['inspect.trace', 'py.introspection.frame'],
  ['inspect.getouterframes', 'py.introspection.frame'],
  ['inspect.getinnerframes', 'py.introspection.frame'],
  ['threading.settrace', 'py.introspection.frame'],
  ['threading.setprofile', 'py.introspection.frame'],
  ['gc.get_objects', 'py.introspection.gc'],
  ['gc.get_referrers', 'py.introspection.gc'],
  ['gc.get_referents', 'py.introspection.gc'],
  ...[
    'system', 'popen', 'popen2', 'popen3', 'popen4', 'execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp',
    'execvpe', 'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn',
    'posix_spawnp', 'fork', 'forkpty', 'kill', 'killpg', 'startfile', 'plock',
  ].map((name) => [`os.${name}`, 'py.process.exec'] as const),
  ['signal.pthread_kill', 'py.process.exec'],
  ['platform.popen', 'py.process.exec'],
  ['commands.getoutput', 'py.process.exec'],
  ['commands.getstatusoutput', 'py.process.exec'],
  ['asyncio.create_subprocess_exec', 'py.process.module'],
  ['asyncio.create_subprocess_shell', 'py.process.module'],
  ['concurrent.futures.ProcessPoolExecutor', 'py.process.module'],
  ['asyncio.open_connection', 'py.net.module'],
  ['asyncio.start_server', 'py.net.module'],
  ['asyncio.open_unix_connection', 'py.net.module'],
  ['asyncio.start_unix_server', 'py.net.module'],
  ['logging.config.listen', 'py.net.module'],
  ['logging.handlers.SocketHandler', 'py.net.module'],
  ['logging.handlers.DatagramHandler', 'py.net.module'],
  ['logging.handlers.HTTPHandler', 'py.net.module'],
  ['logging.handlers.SMTPHandler', 'py.net.module'],
  ['logging.handlers.SysLogHandler', 'py.net.module'],
  ['os.add_dll_directory', 'py.native.module'],
  ['sys.setdlopenflags', 'py.native.module'],
  ['yaml.unsafe_load', 'py.deser.yaml'],
  ['yaml.unsafe_load_all', 'py.deser.yaml'],
  ['yaml.full_load', 'py.deser.yaml'],
  ['yaml.full_load_all', 'py.deser.yaml'],
  ['pandas.read_pickle', 'py.deser.module'],
  ['joblib.load', 'py.deser.module'],
  ['torch.load', 'py.deser.module'],
  ['os.chdir', 'py.fs.chdir'],
  ['os.fchdir', 'py.fs.chdir'],
  ['os.chroot', 'py.fs.chdir'],
]);

/** The rule for a qualified name, if any: the member itself, else the nearest listed module around it. */
export function pythonSinkFor(qualifiedName: string): string | undefined {
  const member = memberSinks.get(qualifiedName);
  if (member) return member;
  // `builtins.print` is what a bare `print` resolves to, not a use of the builtins module (that is `builtins` itself).
  if (qualifiedName.startsWith('builtins.')) return undefined;
  let name = qualifiedName;
  for (;;) {
    const rule = moduleSinks.get(name);
    if (rule) return rule;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(0, dot);
  }
}

/** Whether importing `module` is itself a concern (so the import policy need not report it too). */
export function isDangerousPythonModule(module: string): boolean {
  return pythonSinkFor(module) !== undefined && !memberSinks.has(module);
}

// C-level twins and old names of modules, so `import posix` is treated as `import os`.
const moduleAliases = new Map<string, string>([
  ['posix', 'os'], ['nt', 'os'], ['posixpath', 'os.path'], ['ntpath', 'os.path'], ['_io', 'io'], ['_pyio', 'io'],
  ['cPickle', 'pickle'], ['_pickle', 'pickle'], ['__builtin__', 'builtins'], ['_socket', 'socket'], ['_ssl', 'ssl'],
  ['_ctypes', 'ctypes'], ['_posixsubprocess', 'subprocess'], ['_bootsubprocess', 'subprocess'], ['_winapi', 'subprocess'],
  ['_multiprocessing', 'multiprocessing'], ['_frozen_importlib', 'importlib'], ['_frozen_importlib_external', 'importlib'],
  ['_imp', 'importlib'], ['_thread', 'threading'], ['_gc', 'gc'], ['_yaml', 'yaml'],
]);

/** The canonical name of a module path (`posix.system` → `os.system`). */
export function canonicalPythonName(name: string): string {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const alias = moduleAliases.get(head);
  if (alias === undefined) return name;
  return dot < 0 ? alias : alias + name.slice(dot);
}

// Stdlib modules import each other and keep the result as a public or private attribute (`random._os`, `shutil.os`,
// `logging.handlers.socket`), so an attribute of a module that carries one of these names is taken to be that module.
export const reexportedModules: ReadonlySet<string> = new Set([
  'os', 'sys', 'subprocess', 'builtins', 'socket', 'ctypes', 'pickle', 'importlib', 'posix', 'nt', 'shutil', 'pty',
  'marshal', 'io', 'pathlib', 'tempfile', 'mmap', 'multiprocessing', 'signal', 'gc', 'inspect', 'types', 'codecs',
  'urllib', 'http', 'ftplib', 'smtplib', 'ssl', 'asyncio', 'webbrowser', 'code', 'runpy', 'shelve', 'threading',
]);

/** Built-ins and functions that import a module by name; the argument holds the name. */
export const importFunctions = new Map<string, ArgumentSpec>([
  ['builtins.__import__', arg(0, 'name')],
  ['importlib.import_module', arg(0, 'name')],
  ['importlib.__import__', arg(0, 'name')],
  ['pydoc.locate', arg(0, 'path')],
  ['pkgutil.resolve_name', arg(0, 'name')],
]);

/** Functions that read or write an attribute by name: where the object and the name are. */
export const attributeFunctions = new Map<string, { object: ArgumentSpec; name: ArgumentSpec }>([
  ['builtins.getattr', { object: arg(0, 'object'), name: arg(1, 'name') }],
  ['builtins.setattr', { object: arg(0, 'obj'), name: arg(1, 'name') }],
  ['builtins.delattr', { object: arg(0, 'obj'), name: arg(1, 'name') }],
  ['inspect.getattr_static', { object: arg(0, 'obj'), name: arg(1, 'attr') }],
  ['builtins.object.__getattribute__', { object: arg(0, 'self'), name: arg(1, 'name') }],
  ['builtins.type.__getattribute__', { object: arg(0, 'self'), name: arg(1, 'name') }],
  ['builtins.object.__setattr__', { object: arg(0, 'self'), name: arg(1, 'name') }],
]);

/** Built-ins that hand out a namespace as a dict. */
export const namespaceFunctions: ReadonlySet<string> = new Set(['builtins.globals', 'builtins.locals', 'builtins.vars']);

/** Reflective callables: harmless when called where the validator can see the arguments, not when passed around. */
export const reflectiveNames: ReadonlySet<string> = new Set([
  ...importFunctions.keys(), ...attributeFunctions.keys(), ...namespaceFunctions, 'operator.attrgetter', 'operator.methodcaller',
]);

/** Functions that run a statement given as a string (and are fine with a callable). */
export const codeStringFunctions = new Map<string, ArgumentSpec[]>([
  ['timeit.timeit', [arg(0, 'stmt'), arg(1, 'setup')]],
  ['timeit.repeat', [arg(0, 'stmt'), arg(1, 'setup')]],
  ['timeit.Timer', [arg(0, 'stmt'), arg(1, 'setup')]],
  ['profile.run', [arg(0, 'statement')]],
  ['profile.runctx', [arg(0, 'statement')]],
  ['cProfile.run', [arg(0, 'statement')]],
  ['cProfile.runctx', [arg(0, 'statement')]],
  // A forward reference is evaluated as Python when type hints are resolved.
  ['typing.ForwardRef', [arg(0, 'arg')]],
  ['typing._eval_type', [arg(0, 't')]],
]);

export type FileEffect = 'write' | 'delete';
/** Where a file API takes its path(s): an argument, or the path object the method is called on. */
export type PathSource = ArgumentSpec | 'receiver';

/** A file API: what it does, where its paths are, and (for openers) the mode argument that decides whether it writes. */
export type FileSink = {
  effect: FileEffect;
  paths: PathSource[];
  /** Openers: the mode argument, its default, and which mode letters mean writing. */
  mode?: { arg: ArgumentSpec; fallback: string; writeLetters: string; osFlags?: boolean };
  /** The path may be left out, meaning no file at all (logging.basicConfig without filename). */
  optionalPath?: boolean;
  /** A path that names no file (sqlite's ':memory:'). */
  memoryPath?: string;
};

const opener = (path: ArgumentSpec, mode: ArgumentSpec, fallback: string, writeLetters = 'wax+'): FileSink => ({
  effect: 'write',
  paths: [path],
  mode: { arg: mode, fallback, writeLetters },
});
const writes = (...paths: PathSource[]): FileSink => ({ effect: 'write', paths });
const deletes = (...paths: PathSource[]): FileSink => ({ effect: 'delete', paths });

/** File APIs reached by qualified name. */
export const fileFunctions = new Map<string, FileSink>([
  ['builtins.open', opener(arg(0, 'file'), arg(1, 'mode'), 'r')],
  ['io.open', opener(arg(0, 'file'), arg(1, 'mode'), 'r')],
  ['io.FileIO', opener(arg(0, 'file'), arg(1, 'mode'), 'r')],
  ['codecs.open', opener(arg(0, 'filename'), arg(1, 'mode'), 'r')],
  ['gzip.open', opener(arg(0, 'filename'), arg(1, 'mode'), 'rb')],
  ['gzip.GzipFile', opener(arg(0, 'filename'), arg(1, 'mode'), 'rb')],
  ['bz2.open', opener(arg(0, 'filename'), arg(1, 'mode'), 'rb')],
  ['bz2.BZ2File', opener(arg(0, 'filename'), arg(1, 'mode'), 'r')],
  ['lzma.open', opener(arg(0, 'filename'), arg(1, 'mode'), 'rb')],
  ['lzma.LZMAFile', opener(arg(0, 'filename'), arg(1, 'mode'), 'r')],
  ['tarfile.open', opener(arg(0, 'name'), arg(1, 'mode'), 'r')],
  ['tarfile.TarFile', opener(arg(0, 'name'), arg(1, 'mode'), 'r')],
  ['zipfile.ZipFile', opener(arg(0, 'file'), arg(1, 'mode'), 'r')],
  ['wave.open', opener(arg(0, 'f'), arg(1, 'mode'), 'rb')],
  ['dbm.open', opener(arg(0, 'file'), arg(1, 'flag'), 'r', 'cnw')],
  ['os.open', { effect: 'write', paths: [arg(0, 'path')], mode: { arg: arg(1, 'flags'), fallback: '', writeLetters: '', osFlags: true } }],
  ['sqlite3.connect', { effect: 'write', paths: [arg(0, 'database')], memoryPath: ':memory:' }],
  ['logging.FileHandler', opener(arg(0, 'filename'), arg(1, 'mode'), 'a')],
  ['logging.handlers.RotatingFileHandler', opener(arg(0, 'filename'), arg(1, 'mode'), 'a')],
  ['logging.handlers.TimedRotatingFileHandler', writes(arg(0, 'filename'))],
  ['logging.handlers.WatchedFileHandler', opener(arg(0, 'filename'), arg(1, 'mode'), 'a')],
  ['logging.basicConfig', { effect: 'write', paths: [arg(-1, 'filename')], optionalPath: true }],
  ...(['remove', 'unlink', 'rmdir', 'removedirs'] as const).map((name) => [`os.${name}`, deletes(arg(0, 'path'))] as const),
  ...(['rename', 'renames', 'replace'] as const).map((name) => [`os.${name}`, deletes(arg(0, 'src'), arg(1, 'dst'))] as const),
  ...(['chmod', 'lchmod', 'chown', 'lchown', 'chflags', 'lchflags', 'utime', 'truncate', 'mkdir', 'makedirs', 'mkfifo', 'mknod'] as const).map(
    (name) => [`os.${name}`, writes(arg(0, 'path'))] as const,
  ),
  ['os.link', writes(arg(0, 'src'), arg(1, 'dst'))],
  ['os.symlink', writes(arg(0, 'src'), arg(1, 'dst'))],
  ['shutil.rmtree', deletes(arg(0, 'path'))],
  ['shutil.move', deletes(arg(0, 'src'), arg(1, 'dst'))],
  ...(['copy', 'copy2', 'copyfile', 'copytree', 'copymode', 'copystat'] as const).map((name) => [`shutil.${name}`, writes(arg(1, 'dst'))] as const),
  ['shutil.chown', writes(arg(0, 'path'))],
  ['shutil.make_archive', writes(arg(0, 'base_name'))],
  ['shutil.unpack_archive', writes(arg(1, 'extract_dir'))],
]);

/** File methods of pathlib paths (and zipfile.Path / importlib.resources traversables, which share the names). */
export const pathMethods = new Map<string, FileSink>([
  ['write_text', writes('receiver')],
  ['write_bytes', writes('receiver')],
  ['touch', writes('receiver')],
  ['mkdir', writes('receiver')],
  ['chmod', writes('receiver')],
  ['lchmod', writes('receiver')],
  ['symlink_to', writes('receiver', arg(0, 'target'))],
  ['hardlink_to', writes('receiver', arg(0, 'target'))],
  ['copy', writes(arg(0, 'target'))],
  ['copy_into', writes(arg(0, 'target_dir'))],
  ['unlink', deletes('receiver')],
  ['rmdir', deletes('receiver')],
  ['rename', deletes('receiver', arg(0, 'target'))],
  ['replace', deletes('receiver', arg(0, 'target'))],
  ['move', deletes('receiver', arg(0, 'target'))],
  ['open', { effect: 'write', paths: ['receiver'], mode: { arg: arg(0, 'mode'), fallback: 'r', writeLetters: 'wax+' } }],
]);

// Method names specific enough to flag on an object the validator cannot identify, once the file imports a module
// that hands out such objects (pathlib paths; asyncio event loops). `replace`, `open` and `rename` are left out:
// strings and user classes have them too.
export const unknownReceiverMethods = new Map<string, { rule: string; providers: readonly string[] }>([
  ...(['write_text', 'write_bytes', 'touch', 'symlink_to', 'hardlink_to'] as const).map(
    (name) => [name, { rule: 'py.fs.write', providers: ['pathlib', 'zipfile', 'importlib'] }] as const,
  ),
  ...(['unlink', 'rmdir'] as const).map((name) => [name, { rule: 'py.fs.delete', providers: ['pathlib', 'zipfile', 'importlib'] }] as const),
  ...(['subprocess_exec', 'subprocess_shell'] as const).map((name) => [name, { rule: 'py.process.module', providers: ['asyncio'] }] as const),
  ...(['create_connection', 'create_server', 'create_datagram_endpoint', 'create_unix_connection', 'create_unix_server', 'sock_connect'] as const).map(
    (name) => [name, { rule: 'py.net.module', providers: ['asyncio'] }] as const,
  ),
]);

/** pathlib classes: calling one with constant parts makes a path the filesystem rules can check. */
export const pathConstructors: ReadonlySet<string> = new Set([
  'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.WindowsPath', 'pathlib.PurePosixPath', 'pathlib.PureWindowsPath',
]);

/** tempfile functions whose result is a path in the run's temporary folder. */
export const tempPathFunctions: ReadonlySet<string> = new Set([
  'tempfile.mkdtemp', 'tempfile.gettempdir', 'tempfile.TemporaryDirectory', 'tempfile.mktemp',
]);

/** Attribute names that lead out of any object into classes, modules and code (flagged on any receiver). */
export const escapeDunders: ReadonlySet<string> = new Set([
  '__bases__', '__base__', '__mro__', '__subclasses__', '__globals__', '__code__', '__closure__', '__builtins__',
  '__self__', '__loader__', '__spec__', '__import__', '__reduce__', '__reduce_ex__', '__subclasshook__', '__objclass__',
  'func_globals', 'func_code', '__annotations__',
]);

/** Frame and generator internals (flagged on any receiver). */
export const frameAttributes: ReadonlySet<string> = new Set([
  'f_back', 'f_globals', 'f_locals', 'f_builtins', 'f_code', 'tb_frame', 'gi_frame', 'gi_code', 'cr_frame',
  'cr_code', 'ag_frame', 'ag_code', 'gi_yieldfrom', 'cr_await', 'co_code', 'co_consts',
]);

/** yaml loaders that only build plain data. */
export const safeYamlLoaders: ReadonlySet<string> = new Set(['yaml.SafeLoader', 'yaml.CSafeLoader', 'yaml.BaseLoader', 'yaml.CBaseLoader']);

/** yaml functions whose Loader decides safety, with where the loader goes. */
export const yamlLoadFunctions = new Map<string, ArgumentSpec>([
  ['yaml.load', arg(1, 'Loader')],
  ['yaml.load_all', arg(1, 'Loader')],
]);
