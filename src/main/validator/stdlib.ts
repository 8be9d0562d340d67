// Names of the Python and Node standard libraries and Python's built-ins, as data (no interpreter is asked at run time).

// Public top-level modules of CPython 3.11 (`sys.stdlib_module_names`, private `_x` modules left out: importing one is
// treated as a third-party import, and the dangerous ones are named in the sink tables), plus 3.12–3.14 additions.
export const pythonStandardLibrary: ReadonlySet<string> = new Set(
  `
  __future__ abc aifc annotationlib antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64
  bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections
  colorsys compileall compression concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes
  curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno
  faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext
  glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress
  itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap
  modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator
  optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath
  pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib
  resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr
  socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string
  string.templatelib stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib
  tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc
  tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser
  winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo
`
    .trim()
    .split(/\s+/),
);

// `dir(builtins)` of CPython 3.11: a name not bound in the file and listed here refers to the built-in.
export const pythonBuiltins: ReadonlySet<string> = new Set(
  `
  ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
  BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
  ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
  ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError
  ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError
  KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented
  NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
  RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration
  SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError
  UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
  Warning ZeroDivisionError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__
  abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
  copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals
  hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min
  next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod
  str sum super tuple type vars zip
`
    .trim()
    .split(/\s+/),
);

// Node's built-in modules (`require('node:module').builtinModules` of Node 20, private `_x` ones left out, plus
// `node:test`, `node:sqlite` and `node:sea`, which exist only with the prefix). Stored without the `node:` prefix.
export const nodeBuiltinModules: ReadonlySet<string> = new Set(
  `
  assert assert/strict async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel
  dns dns/promises domain events fs fs/promises http http2 https inspector inspector/promises module net os path
  path/posix path/win32 perf_hooks process punycode querystring readline readline/promises repl sea sqlite stream
  stream/consumers stream/promises stream/web string_decoder sys test timers timers/promises tls trace_events tty
  url util util/types v8 vm wasi worker_threads zlib
`
    .trim()
    .split(/\s+/),
);
