// Extraction details per language, through parseFile (the code a worker runs), on small real source files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import type { ExtractedSymbol, FileExtraction } from './extract/types';
import { parseFile } from './parseFile';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('ark-extract-');
});
afterAll(() => temp.cleanup());

async function extract(name: string, source: string | Buffer): Promise<FileExtraction> {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, source);
  const result = await parseFile({ path: name, absolutePath: file, size: fs.statSync(file).size, mtimeMs: 0, knownHash: null }, 1024 * 1024);
  if (result.kind !== 'parsed') throw new Error(`expected ${name} to parse, got ${JSON.stringify(result)}`);
  return result.extraction;
}

function byName(extraction: FileExtraction, qualifiedName: string): ExtractedSymbol {
  const symbol = extraction.symbols.find((candidate) => candidate.qualifiedName === qualifiedName);
  if (!symbol) throw new Error(`no symbol ${qualifiedName} in ${extraction.symbols.map((s) => s.qualifiedName).join(', ')}`);
  return symbol;
}

const python = `"""A module."""
import os
import json as j
from collections.abc import Iterable
from . import sibling

# A comment line.


@dataclass(frozen=True)
class Account(Base, metaclass=Meta):
    """A bank account.

    Holds a balance.
    """

    def deposit(self, amount: float = 0.0, *, note: str | None = None) -> float:
        """Adds money."""
        if amount < 0:
            raise ValueError("negative")
        elif amount == 0:
            return self.balance
        for _ in range(3):
            log.info(note)
        self.balance += amount
        return self.balance

    @staticmethod
    async def fetch(pos, /, *args: int, key=1, **kwargs) -> "Account":
        try:
            return await client.get(pos)
        except KeyError:
            return None
        except ValueError:
            raise


def outer(x):
    def inner(y):
        while y:
            y -= 1
        return y
    return inner(x)


def classify(value):
    match value:
        case 1:
            return "one"
        case _:
            return "other"
`;

describe('Python extraction', () => {
  it('finds classes, methods, nested functions with qualified names and kinds', async () => {
    const result = await extract('account.py', python);
    expect(result.symbols.map((s) => [s.kind, s.qualifiedName])).toEqual([
      ['class', 'Account'],
      ['method', 'Account.deposit'],
      ['async-method', 'Account.fetch'],
      ['function', 'outer'],
      ['function', 'outer.inner'],
      ['function', 'classify'],
    ]);
  });

  it('keeps parameters with annotations, defaults and kinds, the return annotation and the signature', async () => {
    const result = await extract('account.py', python);
    const deposit = byName(result, 'Account.deposit');
    expect(deposit.parameters).toEqual([
      { name: 'self', kind: 'positional', annotation: null, default: null, optional: false },
      { name: 'amount', kind: 'positional', annotation: 'float', default: '0.0', optional: true },
      { name: 'note', kind: 'keyword-only', annotation: 'str | None', default: 'None', optional: true },
    ]);
    expect(deposit.returnType).toBe('float');
    expect(deposit.signature).toBe('def deposit(self, amount: float = 0.0, *, note: str | None = None) -> float');
    const fetch = byName(result, 'Account.fetch');
    expect(fetch.parameters.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'positional-only:pos',
      'var-positional:args',
      'keyword-only:key',
      'var-keyword:kwargs',
    ]);
    expect(fetch.parameters[1]?.annotation).toBe('int');
    expect(fetch.returnType).toBe('"Account"');
    expect(fetch.signature).toBe('async def fetch(pos, /, *args: int, key=1, **kwargs) -> "Account"');
  });

  it('keeps decorators, docstrings (cleaned, first line and full) and positions', async () => {
    const result = await extract('account.py', python);
    const account = byName(result, 'Account');
    expect(account.decorators).toEqual(['dataclass(frozen=True)']);
    expect(account.doc).toBe('A bank account.\n\nHolds a balance.');
    expect(account.docSummary).toBe('A bank account.');
    expect(account.signature).toBe('class Account(Base, metaclass=Meta)');
    expect(account.startLine).toBe(11);
    expect(account.startColumn).toBe(0);
    expect(byName(result, 'Account.fetch').decorators).toEqual(['staticmethod']);
    const deposit = byName(result, 'Account.deposit');
    expect([deposit.startLine, deposit.startColumn, deposit.endLine]).toEqual([17, 4, 26]);
    expect(deposit.docSummary).toBe('Adds money.');
  });

  it("measures complexity as Ruff's C901 does and records the names each function calls", async () => {
    const result = await extract('account.py', python);
    // 1 + if + elif + for
    expect(byName(result, 'Account.deposit').complexity).toBe(4);
    // 1 + two except clauses
    expect(byName(result, 'Account.fetch').complexity).toBe(3);
    // outer: 1 + nested def (1) + its while (1); inner: 1 + while
    expect(byName(result, 'outer').complexity).toBe(3);
    expect(byName(result, 'outer.inner').complexity).toBe(2);
    // 1 + two cases - 1 for the catch-all last case
    expect(byName(result, 'classify').complexity).toBe(2);
    expect(byName(result, 'Account.deposit').calls).toEqual(['ValueError', 'range', 'log.info']);
    expect(byName(result, 'Account.fetch').calls).toEqual(['client.get']);
    expect(byName(result, 'outer').calls).toEqual(['inner']);
  });

  it('counts lines and lists imports', async () => {
    const result = await extract('account.py', python);
    expect(result.imports).toEqual(['os', 'json', 'collections.abc', '.']);
    expect(result.lines.comment).toBe(1);
    expect(result.lines.total).toBe(python.split('\n').length - 1);
    expect(result.lines.blank + result.lines.code + result.lines.comment).toBe(result.lines.total);
    expect(result.errors).toEqual([]);
  });

  it('records syntax errors with positions and still indexes the rest of the file', async () => {
    const broken = 'def good():\n    return 1\n\n\ndef bad(:\n    pass\n\n\nclass After:\n    def works(self):\n        return 2\n';
    const result = await extract('broken.py', broken);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatchObject({ line: 5 });
    expect(result.errors[0]?.message).toMatch(/Syntax error/);
    const names = result.symbols.map((s) => s.qualifiedName);
    expect(names).toContain('good');
    expect(names).toContain('After.works');
  });

  // The extractor reads names, callees, defaults and node types from the text where the text alone decides, and asks
  // the tree otherwise: these are the cases where the text is not enough (the values are what the tree says).
  it('gives the names, calls, defaults and docstrings the tree gives where the text alone is ambiguous', async () => {
    const source = [
      'def plain(a, b = 1, *args, c=(1, 2), **kw):',
      '    # a comment before the docstring',
      '    r"""Raw docstring."""',
      '    f(a)(b)',
      '    g(a).h(b)',
      '    items[0](a)',
      '    obj.method (a)',
      '    (lambda: 1)()',
      '    if_needed()',
      '    match(a)',
      '    x = "text".join(b)',
      '    return (os .',
      '        path . join(a, b))',
      '',
      'def no_doc(x,  # the x',
      '           y  =  # why',
      '           2):',
      '    return x',
      '',
      'def \\',
      '        continued(value):',
      "    'After a line continuation in the header.'",
      '',
      'def cafe\u0301(a\u0301, e\u0301=1):',
      '    """Combining accents."""',
      '',
      'async def fetch[T](url: T, *, retries: int = 3) -> T:',
      '    result = "not a docstring"',
      '    return result',
      '',
      'class Box[T](Base, metaclass=Meta):',
      '    b"bytes are no docstring"',
      '',
    ].join('\n');
    const result = await extract('ambiguous.py', source);
    expect(result.symbols.map((s) => [s.kind, s.name, s.signature, s.doc])).toEqual([
      ['function', 'plain', 'def plain(a, b=1, *args, c=(1, 2), **kw)', 'Raw docstring.'],
      ['function', 'no_doc', 'def no_doc(x, y=2)', null],
      ['function', 'continued', 'def continued(value)', 'After a line continuation in the header.'],
      ['function', 'cafe\u0301', 'def cafe\u0301(a\u0301, e\u0301=1)', 'Combining accents.'],
      ['async-function', 'fetch', 'async def fetch[T](url: T, *, retries: int = 3) -> T', null],
      ['class', 'Box', 'class Box[T](Base, metaclass=Meta)', null],
    ]);
    // `f(a)(b)` and `items[0](a)` call what a call or a subscript returns: only the inner `f` has a name.
    expect(byName(result, 'plain').calls).toEqual(['f', 'h', 'g', 'obj.method', 'if_needed', 'match', 'join', 'os.path.join']);
    expect(result.lines).toEqual({ total: 32, code: 26, comment: 1, blank: 5 });
  });

  // The walk computes positions from the text and does not go into one-line expressions without a `(` after their
  // start: these are the cases where that could go wrong (values as tree-sitter's Node API gives them).
  it('gives UTF-16 positions after non-ASCII text and CRLF, and finds what one-line statements and comments hold', async () => {
    const source = [
      'ÉTÉ = "☀️ 𝄞"  # 𝄞 is two UTF-16 units',
      'if TYPE_CHECKING: import typing',
      'class Été: pass',
      'def 𝔣(x="𝄞", y=[a for a in b]): return {k: v(k) for k in x}  # trailing',
      'def g():',
      '    total = (1 +  # a comment inside an expression',
      '             # and a line of comment in it',
      '             2)',
      '    note = f"{m(1)} {{n(2)}}"',
      '    values = [a, (b), c][0]',
      '    h((x))',
      '    return lambda: k(1)',
      '',
    ].join('\r\n');
    const result = await extract('positions.py', source);
    expect(result.imports).toEqual(['typing']);
    // A one-line def ends where tree-sitter ends its trailing comment: after the `\r` (line 4 is 61 units before it).
    expect(result.symbols.map((s) => [s.qualifiedName, s.startLine, s.startColumn, s.endLine, s.endColumn])).toEqual([
      ['Été', 3, 0, 3, 15],
      ['𝔣', 4, 0, 4, 74],
      ['g', 5, 0, 12, 23],
    ]);
    expect(byName(result, '𝔣').calls).toEqual(['v']);
    // `{{n(2)}}` in an f-string is text, not a call.
    expect(byName(result, 'g').calls).toEqual(['m', 'h', 'k']);
    expect(result.lines).toEqual({ total: 12, code: 11, comment: 1, blank: 0 });
  });
});

const typescript = `import { readFile } from 'node:fs/promises';
import type { Config } from './config';
export { helper } from './helper';

/** A thing with a name. */
export interface Named {
  name: string;
}

export type Id = string | number;

export enum Color { Red, Green }

/**
 * Loads and caches users.
 * @example new UserStore(db)
 */
@injectable()
export class UserStore extends Base implements Named {
  name = 'users';

  /** Finds one user by id. */
  async findUser(id: Id, options?: { fresh: boolean }, ...rest: string[]): Promise<User | null> {
    if (options?.fresh && !this.cache.has(id)) {
      return await this.db.load(id);
    }
    return this.cache.get(id) ?? null;
  }

  handleClick = (event: MouseEvent): void => {
    this.emit('click', event);
  };

  static create(): UserStore {
    return new UserStore();
  }
}

/** Parses the config file at \`path\`. */
export async function parseConfig(path: string, strict = true): Promise<Config> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(strict ? 'bad config' : String(err));
  }
}

export const toSnakeCase = (text: string) => text.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
`;

describe('TypeScript extraction', () => {
  it('finds functions, classes, methods, arrow functions, interfaces, types and enums with qualified names', async () => {
    const result = await extract('store.ts', typescript);
    expect(result.symbols.map((s) => [s.kind, s.qualifiedName])).toEqual([
      ['interface', 'Named'],
      ['type', 'Id'],
      ['enum', 'Color'],
      ['class', 'UserStore'],
      ['async-method', 'UserStore.findUser'],
      ['arrow-function', 'UserStore.handleClick'],
      ['method', 'UserStore.create'],
      ['async-function', 'parseConfig'],
      ['arrow-function', 'toSnakeCase'],
    ]);
  });

  it('keeps parameters with annotations, optional and rest markers, defaults, and the return type', async () => {
    const result = await extract('store.ts', typescript);
    const findUser = byName(result, 'UserStore.findUser');
    expect(findUser.parameters).toEqual([
      { name: 'id', kind: 'positional', annotation: 'Id', default: null, optional: false },
      { name: 'options', kind: 'positional', annotation: '{ fresh: boolean }', default: null, optional: true },
      { name: 'rest', kind: 'var-positional', annotation: 'string[]', default: null, optional: true },
    ]);
    expect(findUser.returnType).toBe('Promise<User | null>');
    expect(findUser.signature).toBe('async findUser(id: Id, options?: { fresh: boolean }, ...rest: string[]): Promise<User | null>');
    const parseConfig = byName(result, 'parseConfig');
    expect(parseConfig.parameters[1]).toEqual({ name: 'strict', kind: 'positional', annotation: null, default: 'true', optional: true });
    expect(parseConfig.signature).toBe('async function parseConfig(path: string, strict = true): Promise<Config>');
    expect(byName(result, 'toSnakeCase').signature).toBe('const toSnakeCase = (text: string) =>');
  });

  it('attaches JSDoc and decorators, and measures complexity as ESLint does', async () => {
    const result = await extract('store.ts', typescript);
    const store = byName(result, 'UserStore');
    expect(store.decorators).toEqual(['injectable()']);
    expect(store.doc).toBe('Loads and caches users.\n@example new UserStore(db)');
    expect(store.docSummary).toBe('Loads and caches users.');
    expect(byName(result, 'Named').docSummary).toBe('A thing with a name.');
    expect(byName(result, 'parseConfig').doc).toBe('Parses the config file at `path`.');
    // 1 + if + && + ??
    expect(byName(result, 'UserStore.findUser').complexity).toBe(4);
    // 1 + catch + ternary
    expect(byName(result, 'parseConfig').complexity).toBe(3);
    expect(byName(result, 'parseConfig').calls).toEqual(['readFile', 'JSON.parse', 'Error', 'String']);
    expect(byName(result, 'UserStore.findUser').calls).toEqual(['this.cache.has', 'this.db.load', 'this.cache.get']);
    expect(result.imports).toEqual(['node:fs/promises', './config', './helper']);
  });

  it('gives start and end positions (1-based lines, 0-based columns)', async () => {
    const result = await extract('store.ts', typescript);
    const store = byName(result, 'UserStore');
    // The class starts at `export class`, after its decorator line.
    expect(store.startLine).toBe(19);
    const findUser = byName(result, 'UserStore.findUser');
    expect([findUser.startLine, findUser.startColumn, findUser.endLine, findUser.endColumn]).toEqual([23, 2, 28, 3]);
  });
});

describe('TSX and JavaScript extraction', () => {
  it('indexes TSX components and their props type', async () => {
    const tsx = `type Props = { items: string[] };\n\n/** Lists items. */\nexport function ItemList({ items }: Props) {\n  return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;\n}\n\nexport const Empty = () => <p>none</p>;\n`;
    const result = await extract('ItemList.tsx', tsx);
    expect(result.symbols.map((s) => [s.kind, s.name])).toEqual([
      ['type', 'Props'],
      ['function', 'ItemList'],
      ['arrow-function', 'Empty'],
    ]);
    expect(byName(result, 'ItemList').parameters[0]).toMatchObject({ name: '{ items }', annotation: 'Props' });
    expect(byName(result, 'ItemList').docSummary).toBe('Lists items.');
    expect(result.errors).toEqual([]);
  });

  it('indexes JavaScript classes, functions, function expressions and require imports', async () => {
    const js = `const path = require('path');\n\n/** Adds two numbers. */\nfunction add(a, b = 2) {\n  return a + b;\n}\n\nconst twice = function (x) { return add(x, x); };\n\nclass Counter {\n  #count = 0;\n  increment(step = 1) {\n    this.#count += step;\n    return this.#count > 10 ? 10 : this.#count;\n  }\n  reset = () => { this.#count = 0; };\n}\n\nmodule.exports = { add, twice, Counter };\n`;
    const result = await extract('lib.js', js);
    expect(result.symbols.map((s) => [s.kind, s.qualifiedName])).toEqual([
      ['function', 'add'],
      ['arrow-function', 'twice'],
      ['class', 'Counter'],
      ['method', 'Counter.increment'],
      ['arrow-function', 'Counter.reset'],
    ]);
    expect(byName(result, 'add').parameters[1]).toMatchObject({ name: 'b', default: '2', optional: true });
    expect(byName(result, 'add').docSummary).toBe('Adds two numbers.');
    expect(byName(result, 'Counter.increment').complexity).toBe(2);
    expect(byName(result, 'twice').calls).toEqual(['add']);
    expect(result.imports).toEqual(['path']);
  });

  it('records a TypeScript syntax error with its position and keeps the symbols around it', async () => {
    const ts = 'export function before(): number {\n  return 1;\n}\n\nconst broken = (a: number => a;\n\nexport function after(): number {\n  return 2;\n}\n';
    const result = await extract('broken.ts', ts);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]?.line).toBe(5);
    const names = result.symbols.map((s) => s.name);
    expect(names).toContain('before');
    expect(names).toContain('after');
  });
});
