// Every JavaScript/TypeScript rule, each with code it must catch and a benign look-alike it must leave alone.
import { describe, expect, it } from 'vitest';
import { explain, findingsOf, testRuleCases, type RuleCase } from './testing';
import { createValidator } from './validator';

const validator = createValidator({ ruff: false });

const javascriptCases: RuleCase[] = [
  { rule: 'js.syntax.error', malicious: 'function (\n', benign: 'function f() {}\n' },
  { rule: 'js.syntax.missing', malicious: 'const x = [1, 2;\n', benign: 'const x = [1, 2];\n' },
  { rule: 'js.exec.eval', malicious: 'eval(userCode);\n', benign: 'class Model { eval() { return 1; } }\nnew Model().eval();\n' },
  { rule: 'js.exec.eval', malicious: "globalThis['ev' + 'al']('1');\n", benign: "const scores = { eval: 1 };\nconsole.log(scores['ev' + 'al']);\n" },
  { rule: 'js.exec.function', malicious: "const f = new Function('a', 'return a');\n", benign: 'const isFn = (x) => x instanceof Function;\n' },
  { rule: 'js.exec.constructor-chain', malicious: "[].constructor.constructor('return this')();\n", benign: 'class A {}\nconsole.log(new A().constructor.name);\n' },
  { rule: 'js.exec.timer-string', malicious: "setTimeout('alert(1)', 10);\n", benign: 'setTimeout(() => console.log(1), 10);\n' },
  { rule: 'js.exec.vm', malicious: "require('vm').runInNewContext('1');\n", benign: 'const vm = { state: 1 }; // a view model\nconsole.log(vm.state);\n' },
  { rule: 'js.exec.dynamic-require', malicious: 'const name = process.argv[2];\nrequire(name);\n', benign: "const path = require('path');\nconsole.log(path.join('a', 'b'));\n" },
  { rule: 'js.exec.dynamic-require', malicious: "module.constructor._load('child_process');\n", benign: 'module.exports = { answer: 42 };\n' },
  { rule: 'js.exec.global-computed', malicious: 'const key = process.argv[2];\nglobalThis[key]();\n', benign: 'const table = {};\nconst key = process.argv[2];\nconsole.log(table[key], globalThis.console === console);\n' },
  // The global object's values hold eval and Function: handing them out reaches both without a name.
  { rule: 'js.exec.global-computed', malicious: "Object.values(globalThis).find((value) => value.name === 'eval')('1');\n", benign: "console.log(Object.keys(globalThis).length, Object.values({ a: 1 }));\n" },
  { rule: 'js.exec.global-computed', malicious: "const { value } = Object.getOwnPropertyDescriptor(globalThis, 'ev' + 'al');\nvalue('1');\n", benign: "const { value } = Object.getOwnPropertyDescriptor({ a: 1 }, 'a');\nconsole.log(value);\n" },
  { rule: 'js.exec.global-computed', malicious: "const copy = { ...globalThis };\ncopy['ev' + 'al']('1');\n", benign: "const copy = { ...{ a: 1 } };\nconsole.log(copy.a, [...'ab']);\n" },
  { rule: 'js.exec.global-computed', malicious: 'function pick(holder) {\n  return holder;\n}\npick(globalThis);\n', benign: 'function pick(holder) {\n  return holder;\n}\npick(process.env);\n' },
  // The usual global lookup passes the global object to an own function that only reads fixed names: that is fine,
  // and each name is checked as the global it is (root.eval is eval).
  { rule: 'js.exec.global-computed', malicious: "(function (root) {\n  root['ev' + 'al']('1');\n})(globalThis);\n", benign: "(function (root) {\n  root.myLib = { version: 1 };\n  if (typeof root.console !== 'undefined') root.console.log('ok');\n})(typeof globalThis !== 'undefined' ? globalThis : this);\n" },
  { rule: 'js.exec.eval', malicious: "(function (root) {\n  root.eval('1');\n})(globalThis);\n", benign: "(function (root) {\n  root.console.log('1');\n})(globalThis);\n" },
  { rule: 'js.process.child-process', malicious: "require('child_process').execSync('ls');\n", benign: "const note = \"child_process is not used\";\nconst m = /a/.exec('a');\nconsole.log(note, m);\n" },
  { rule: 'js.process.child-process', language: 'typescript', malicious: "import { exec as run } from 'node:child_process';\nrun('ls');\n", benign: "import type { ChildProcess } from 'node:child_process';\nexport type Handle = ChildProcess | null;\n" },
  { rule: 'js.process.worker', malicious: "const { Worker } = require('worker_threads');\nnew Worker('x', { eval: true });\n", benign: 'const worker = { name: "w" };\nconsole.log(worker.name);\n' },
  { rule: 'js.process.cluster', malicious: "require('cluster').fork();\n", benign: 'const cluster = [1, 2];\nconsole.log(cluster.length);\n' },
  { rule: 'js.fs.write', tier: 'testing', malicious: "require('fs').writeFileSync('/etc/hosts', 'x');\n", benign: "const fs = require('fs');\nconsole.log(fs.readFileSync('data.txt', 'utf8'));\n" },
  { rule: 'js.fs.write-work-folder', malicious: "require('fs').writeFileSync('out/result.json', '{}');\n", benign: "console.log('out/result.json');\n" },
  { rule: 'js.fs.delete', tier: 'testing', malicious: "require('fs').rmSync('/', { recursive: true });\n", benign: "const fs = require('fs');\nconsole.log(fs.existsSync('/'));\n" },
  { rule: 'js.fs.delete-work-folder', malicious: "require('fs').unlinkSync('out/old.json');\n", benign: "const fs = require('fs');\nconsole.log(fs.existsSync('out/old.json'));\n", benignTier: 'testing' },
  { rule: 'js.fs.chdir', malicious: "process.chdir('/');\n", benign: 'console.log(process.cwd());\n' },
  { rule: 'js.net.module', malicious: "require('net').connect(80, 'example.com');\n", benign: 'const net = 10 - 3; // net price\nconsole.log(net);\n' },
  { rule: 'js.net.module', malicious: "require('https').get('https://example.com');\n", benign: "const url = new URL('https://example.com');\nconsole.log(url.host);\n" },
  { rule: 'js.net.fetch', malicious: "fetch('https://example.com', { method: 'POST', body: data });\n", benign: 'const store = { fetch: () => 1 };\nstore.fetch();\n' },
  { rule: 'js.native.binding', malicious: "process.binding('spawn_sync');\n", benign: 'const binding = { key: 1 };\nconsole.log(binding.key);\n' },
  { rule: 'js.native.binding', malicious: "process['bin' + 'ding']('fs');\n", benign: "console.log(process['arg' + 'v'].length);\n" },
  { rule: 'js.introspection.stack-frames', malicious: 'Error.prepareStackTrace = (error, frames) => frames[0].getFunction();\nconsole.log(new Error().stack);\n', benign: "const error = new Error('x');\nconsole.log(String(error.stack).split('\\n')[0]);\n" },
  // Sloppy-mode `this` in a plain function called plainly is the global object.
  { rule: 'js.exec.eval', malicious: "const root = (function () {\n  return this;\n})();\nroot['ev' + 'al']('1');\n", benign: "'use strict';\nconst root = (function () {\n  return this;\n})();\nconsole.log(root);\nfunction Point(x) {\n  this.x = x;\n}\nconsole.log(new Point(1).x);\n" },
  // Constructors, prototype methods and callbacks get their `this` from how they are called: not the global object.
  { rule: 'js.exec.eval', malicious: "function grab() {\n  return this;\n}\nif (false) new grab();\n({}).x = grab;\ngrab()['ev' + 'al']('1');\n", benign: "function Counter() {\n  this.n = 0;\n}\nfunction bump() {\n  this.n += 1;\n}\nCounter.prototype.bump = bump;\nconst counter = new Counter();\ncounter.bump();\nconsole.log(counter.n);\n" },
  { rule: 'js.exec.global-computed', malicious: "function grab() {\n  return this;\n}\nconst key = process.argv[2];\ngrab()[key]();\n", benign: "function Range(r) {\n  this.r = r;\n  log('range', this);\n}\nRange.prototype.parse = function () {\n  return [1].map(function (x) {\n    return this.r + x;\n  }, this);\n};\nfunction log() {}\nconsole.log(new Range(1).parse());\n" },
  { rule: 'js.introspection.inspector', malicious: "require('inspector').open(9229);\n", benign: 'const inspector = "a person who inspects";\n' },
  { rule: 'js.deser.module', malicious: "require('node-serialize').unserialize(input);\n", benign: "JSON.parse('{\"a\": 1}');\n" },
  { rule: 'js.env.read', malicious: 'console.log(process.env.HOME);\n', benign: 'console.log(process.argv.length);\n' },
  { rule: 'js.import.not-allowed', malicious: "require('os');\n", benign: "require('path');\nrequire('node:util');\n" },
  { rule: 'js.import.unknown', malicious: "require('lodash');\n", benign: "const helper = require('./helper');\n" },
];

describe('JavaScript/TypeScript rules', () => {
  testRuleCases(validator, 'javascript', javascriptCases);

  it('parses TypeScript and TSX with their own grammars', async () => {
    const typed = await validator.validate({ code: 'const n = <number>(1 as unknown);\nexport const double = (x: number): number => x * 2;\n', language: 'typescript', tier: 'sandbox', filename: 'a.ts' });
    expect(typed.findings, explain(typed)).toEqual([]);
    const tsx = await validator.validate({ code: 'export const App = () => <div onClick={() => eval("1")}>hi</div>;\n', language: 'typescript', tier: 'sandbox', filename: 'App.tsx' });
    expect(findingsOf(tsx, 'js.exec.eval'), explain(tsx)).not.toEqual([]);
    expect(tsx.findings.filter((finding) => finding.category === 'syntax')).toEqual([]);
  });
});
