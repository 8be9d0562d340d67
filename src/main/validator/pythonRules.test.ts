// Every Python rule, each with code it must catch and a benign look-alike it must leave alone (ours only: Ruff's
// findings are tested in tiers.test.ts).
import { describe, expect, it } from 'vitest';
import { explain, findingsOf, testRuleCases, type RuleCase } from './testing';
import { createValidator } from './validator';

const validator = createValidator({ ruff: false });

const pythonCases: RuleCase[] = [
  { rule: 'py.syntax.error', malicious: 'if True\n    pass\n', benign: 'if True:\n    pass\n' },
  { rule: 'py.syntax.missing', malicious: 'def f(:\n    pass\n', benign: 'def f(x):\n    pass\n' },
  { rule: 'py.exec.eval', malicious: 'eval(input())\n', benign: 'import ast\n\nclass Model:\n    def eval(self):\n        return 1\n\nModel().eval()\nast.literal_eval("[1]")\n' },
  { rule: 'py.exec.eval', malicious: 'run = eval\nrun("1 + 1")\n', benign: 'evaluate = lambda text: len(text)\nevaluate("1 + 1")\n' },
  { rule: 'py.exec.eval', malicious: 'getattr(__builtins__, "ev" + "al")("1")\n', benign: 'class Box:\n    value = 1\n\ngetattr(Box(), "val" + "ue")\n' },
  { rule: 'py.exec.eval', malicious: 'import typing\n\nclass A:\n    x: "eval(\'1\')"\n\ntyping.get_type_hints(A)\n', benign: 'import typing\nfrom typing import Literal\n\ndef run(mode: Literal["eval", "exec"], node: "list[int]") -> "int":\n    return 0\n\ntyping.get_type_hints(run)\n' },
  { rule: 'py.exec.exec', malicious: 'exec("x = 1")\n', benign: 'exec_count = 3\nprint(exec_count)  # exec is not called here\n' },
  { rule: 'py.exec.compile', malicious: 'code = compile("1", "<s>", "eval")\n', benign: 'import re\n\npattern = re.compile("a+")\n' },
  { rule: 'py.exec.dynamic-import', malicious: 'name = input()\nmodule = __import__(name)\n', benign: 'import math\n\nmodule = __import__("math")\n' },
  { rule: 'py.exec.dynamic-import', malicious: 'import importlib\n\nimportlib.import_module("o" + input())\n', benign: 'import importlib\n\nimportlib.import_module("json")\n', tier: 'trusted' },
  { rule: 'py.exec.dynamic-import', tier: 'trusted', malicious: 'import logging.config\n\nlogging.config.fileConfig("logging.ini")\n', benign: 'import logging.config\n\nlogging.config.dictConfig({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}}})\n' },
  { rule: 'py.process.exec', tier: 'trusted', malicious: 'import logging.config\n\nlogging.config.dictConfig({"version": 1, "handlers": {"h": {"()": "os.system", "command": "id"}}})\n', benign: 'import logging.config\n\nlogging.config.dictConfig({"version": 1, "root": {"level": "INFO"}})\n' },
  { rule: 'py.exec.builtins', malicious: 'import builtins\n', benign: 'print(len([1, 2]))  # a builtin used by name\n' },
  { rule: 'py.exec.builtins', malicious: 'b = __builtins__\n', benign: 'builtins_used = ["len", "print"]\n' },
  { rule: 'py.exec.namespace', malicious: 'name = input()\nglobals()[name]()\n', benign: 'LIMIT = 3\nprint(globals()["LIMIT"])\n' },
  // A module's namespace holds its __builtins__: handing out its values reaches eval without naming it.
  { rule: 'py.exec.namespace', malicious: 'import json\n\nfor key, value in vars(json).items():\n    if isinstance(value, dict) and "eval" in value:\n        value["eval"]("1")\n', benign: 'import json\n\nprint(sorted(vars(json)), len(vars(json)))\nprint(vars(json)["dumps"]([1]))\n' },
  { rule: 'py.exec.namespace', malicious: 'import json\n\nfound = [value for value in {**vars(json)}.values() if type(value) is dict]\n', benign: 'import json\n\ncopy = dict(vars(json))\nprint(copy["dumps"]([1]))\n' },
  { rule: 'py.exec.namespace', malicious: 'import json\n\ndef pick(namespace):\n    return namespace\n\npick(vars(json))\n', benign: 'import json\n\ndef pick(names):\n    return names\n\npick(list(vars(json)))\n' },
  { rule: 'py.exec.code-object', tier: 'trusted', malicious: 'import types\n\ntypes.FunctionType(code, {})\n', benign: 'import types\n\nns = types.SimpleNamespace(a=1)\n' },
  { rule: 'py.exec.interpreter', tier: 'trusted', malicious: 'import runpy\n\nrunpy.run_path("x.py")\n', benign: 'import timeit\n\ntimeit.timeit(lambda: 1, number=1)\n' },
  { rule: 'py.exec.interpreter', malicious: 'import typing\n\ntyping.ForwardRef(input())\n', benign: 'import typing\n\nAlias = typing.Optional[int]\n' },
  { rule: 'py.exec.interpreter', malicious: 'breakpoint()\n', benign: 'def breakpoint_count():\n    return 0\n\nbreakpoint_count()\n' },
  { rule: 'py.introspection.dunder', malicious: 'classes = ().__class__.__bases__[0].__subclasses__()\n', benign: 'class A:\n    pass\n\nprint(type(A()).__name__, A().__class__.__name__)\n' },
  { rule: 'py.introspection.dunder', malicious: 'f = lambda: 0\nf.__getattribute__("__glo" + "bals__")\n', benign: 'class P:\n    def get(self, key):\n        return self.__getattribute__(key)\n' },
  { rule: 'py.introspection.dunder', malicious: 'def step(o, n):\n    return getattr(o, n)\n\nstep(step(1, "__class__"), "__ini" + "t__")\nstep(print, "__self__")\n', benign: 'class Shell:\n    def do_ls(self):\n        return 1\n\n    def run(self, command):\n        return getattr(self, "do_" + command)()\n' },
  { rule: 'py.introspection.frame', tier: 'trusted', malicious: 'import sys\n\nsys._getframe(1).f_globals\n', benign: 'import sys\n\nprint(sys.getrecursionlimit())\n' },
  { rule: 'py.introspection.sys-modules', tier: 'trusted', malicious: 'import sys\n\nsys.modules["os"].system("ls")\n', benign: 'import sys\n\nprint(sys.version_info)\n' },
  { rule: 'py.introspection.gc', tier: 'trusted', malicious: 'import gc\n\ngc.get_referrers(object)\n', benign: 'import gc\n\ngc.collect()\n' },
  { rule: 'py.introspection.computed-attribute', malicious: 'import math\n\ngetattr(math, input())\n', benign: 'def read(config, field_name):\n    return getattr(config, field_name, None)\n' },
  { rule: 'py.introspection.computed-attribute', malicious: 'name = input()\ngetattr(print, "__" + name)\n', benign: 'class Namespace:\n    pass\n\ndef fill(namespace=None, dest="x"):\n    if namespace is None:\n        namespace = Namespace()\n    setattr(namespace, dest, 1)\n' },
  { rule: 'py.introspection.format-string', malicious: 'f = lambda: 0\n"{0.__globals__}".format(f)\n', benign: 'class User:\n    name = "a"\n\n"{0.name} {1}".format(User(), 2)\n' },
  { rule: 'py.introspection.format-string', malicious: 'import string\n\nstring.Formatter().get_field("0.__class__.__base__", [1], {})\n', benign: 'import string\n\nstring.Formatter().format("{0} and {1}", 1, 2)\n' },
  { rule: 'py.introspection.format-string', tier: 'trusted', malicious: 'import logging\n\nlogging.Formatter("{msg.__init__.__globals__}", style="{")\n', benign: 'import logging\n\nlogging.Formatter("{asctime} {levelname} {message}", style="{")\n' },
  { rule: 'py.introspection.reflective-value', malicious: 'tools = [getattr, setattr]\n', benign: 'get = getattr\n\nclass A:\n    x = 1\n\nprint(get(A, "x"))\n' },
  { rule: 'py.process.module', malicious: 'import subprocess\n\nsubprocess.run(["ls"])\n', benign: '# subprocess is not used here\nnote = "import subprocess; os.system(\'ls\')"\n' },
  { rule: 'py.process.exec', tier: 'trusted', malicious: 'import os\n\nos.system("ls")\n', benign: 'import os\n\nprint(os.path.join("a", "b"), os.getcwd())\n' },
  { rule: 'py.process.exec', tier: 'trusted', malicious: 'from os import fork as split\n\nsplit()\n', benign: 'def fork():\n    return "own function"\n\nfork()\n' },
  { rule: 'py.fs.write', tier: 'testing', malicious: 'open("/etc/passwd", "w").write("x")\n', benign: 'with open("data.txt") as f:\n    print(f.read())\n' },
  { rule: 'py.fs.write', tier: 'testing', malicious: 'import pathlib\n\npathlib.Path("/tmp/x").write_text("x")\n', benign: 'import pathlib\n\nprint(pathlib.Path("data.txt").read_text())\n' },
  { rule: 'py.fs.write-work-folder', tier: 'sandbox', malicious: 'with open("out/result.txt", "w") as f:\n    f.write("1")\n', benign: 'print("out/result.txt")\n' },
  { rule: 'py.fs.delete', tier: 'trusted', malicious: 'import shutil\n\nshutil.rmtree("/")\n', benign: 'import shutil\n\nprint(shutil.get_terminal_size())\n' },
  { rule: 'py.fs.delete', tier: 'trusted', malicious: 'import os\n\nos.remove("/etc/hosts")\n', benign: 'import os\n\nprint(os.path.exists("/etc/hosts"))\n' },
  { rule: 'py.fs.delete-work-folder', tier: 'sandbox', malicious: 'import pathlib\n\npathlib.Path("out/tmp.txt").unlink()\n', benign: 'import pathlib\n\nprint(pathlib.Path("out/tmp.txt").exists())\n', benignTier: 'testing' },
  { rule: 'py.fs.chdir', tier: 'trusted', malicious: 'import os\n\nos.chdir("/")\n', benign: 'import os\n\nprint(os.getcwd())\n' },
  { rule: 'py.net.module', malicious: 'import socket\n\nsocket.create_connection(("example.com", 80))\n', benign: 'socket_timeout = 5  # seconds, for the socket the caller opens\n' },
  { rule: 'py.net.module', malicious: 'import urllib.request\n\nurllib.request.urlopen("http://x")\n', benign: 'import urllib.parse\n\nurllib.parse.quote("a b")\n', benignTier: 'trusted' },
  { rule: 'py.net.module', malicious: 'import requests\n\nrequests.post("http://x", data=b"")\n', benign: 'requests = ["a", "b"]\nprint(len(requests))\n' },
  { rule: 'py.native.module', malicious: 'import ctypes\n\nctypes.CDLL("libc.so.6")\n', benign: 'ctypes_note = "ctypes is not used"\n' },
  { rule: 'py.native.module', malicious: 'import cffi\n', benign: 'coffee = "cffi"\n' },
  { rule: 'py.deser.module', malicious: 'import pickle\n\npickle.loads(data)\n', benign: 'import json\n\njson.loads("[1]")\n' },
  { rule: 'py.deser.module', malicious: 'import marshal\n', benign: 'marshal_name = "marshal"\n' },
  { rule: 'py.deser.yaml', tier: 'trusted', malicious: 'import yaml\n\nyaml.load(text)\n', benign: 'import yaml\n\nyaml.safe_load("a: 1")\nyaml.load("a: 1", Loader=yaml.SafeLoader)\n' },
  { rule: 'py.resource.infinite-loop', malicious: 'while True:\n    pass\n', benign: 'count = 0\nwhile True:\n    count += 1\n    if count > 3:\n        break\n' },
  { rule: 'py.resource.huge-constant', malicious: 'x = 10 ** 10 ** 10\n', benign: 'x = 2 ** 64\n' },
  { rule: 'py.import.not-allowed', malicious: 'import glob\n', benign: 'import math\nimport collections.abc\n' },
  { rule: 'py.import.unknown', malicious: 'import numpy\n', benign: 'import json\n' },
];

describe('Python rules', () => {
  testRuleCases(validator, 'python', pythonCases);

  it('places a syntax error exactly: line, column and the end of the range', async () => {
    const report = await validator.validate({ code: 'x = 1\ny = (2 +\nz = 3\n', language: 'python', tier: 'sandbox' });
    const syntax = report.findings.filter((finding) => finding.category === 'syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(report.blocked).toBe(true);
  });

  it('reports the finding at the call, with its snippet, message and hint', async () => {
    const report = await validator.validate({ code: 'import os\n\n\nvalue = os.system("ls")\n', language: 'python', tier: 'trusted' });
    const [finding] = findingsOf(report, 'py.process.exec');
    expect(finding).toMatchObject({ line: 4, column: 9, endLine: 4, category: 'process', severity: 'error', snippet: 'value = os.system("ls")' });
    expect(finding?.message).toContain('os.system');
    expect(finding?.hint).toMatch(/\w/);
  });

  it('fails closed: code too deeply nested to analyse is blocked with validator.failure', async () => {
    const depth = 5000;
    const report = await validator.validate({ code: `x = ${'['.repeat(depth)}1${']'.repeat(depth)}\n`, language: 'python', tier: 'core' });
    expect(report.blocked).toBe(true);
    expect(report.findings.some((finding) => finding.ruleId === 'validator.failure' || finding.category === 'syntax'), explain(report)).toBe(true);
  });

  it('checks doctest examples when the file runs doctest', async () => {
    const code = 'import doctest\n\ndef f():\n    """\n    >>> __import__("os").system("ls")\n    """\n\ndoctest.testmod()\n';
    const report = await validator.validate({ code, language: 'python', tier: 'testing' });
    expect(report.blocked, explain(report)).toBe(true);
    expect(report.findings.some((finding) => finding.line === 5 && finding.message.includes('doctest')), explain(report)).toBe(true);
  });
});
