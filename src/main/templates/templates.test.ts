import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { Spec } from '../../shared/spec';
import { makeTempDir } from '../testing/tempDir';
import { createTemplateEngine, hashText, indent, pyDocstring, specContext, templateContext, type TemplateEngine } from './index';

const builtinDir = path.resolve(__dirname, '../../../templates');

const spec = Spec.parse({
  name: 'safe_echo',
  language: 'python',
  description: 'Echo text back.\n\nEven text that "looks""" like code.',
  parameters: [
    { name: 'text', type: 'str', description: 'What to echo' },
    { name: 'times', type: 'int', default: 1 },
    { name: 'extra', type: 'str', kind: 'var-positional' },
    { name: 'sep', type: 'Optional[str]', kind: 'keyword', default: null },
  ],
  returns: { type: 'str', description: 'The text' },
  examples: [
    { args: ["'); import os; os.system('touch /tmp/ark-pwned'); ('"], expected: "'); import os; os.system('touch /tmp/ark-pwned'); ('" },
    { args: ['"""\\'], expected: '"""\\' },
    { args: [''], raises: 'ValueError', note: 'Empty text is refused' },
  ],
  constraints: ['No network.\nimport os'],
  tier: 'sandbox',
});

let temp: { dir: string; cleanup: () => void };
let engine: TemplateEngine;

beforeEach(() => {
  temp = makeTempDir('ark-templates-');
  engine = createTemplateEngine({ builtinDir, userDir: path.join(temp.dir, 'user') });
});
afterEach(() => temp.cleanup());

function thrown(run: () => unknown): ArkError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArkError) return error;
    throw error;
  }
  throw new Error('expected an ArkError');
}

describe('template engine', () => {
  it('lists the built-in templates with hashes', () => {
    const names = engine.list().map((entry) => entry.name);
    expect(names).toEqual([
      'python/function/simple_function.liquid',
      'python/function/typed_function.liquid',
      'python/test/pytest_test.liquid',
      'typescript/function/typed_function.liquid',
      'typescript/test/node_test.liquid',
    ]);
    const entry = engine.list()[0];
    expect(entry?.hash).toBe(hashText(fs.readFileSync(path.join(builtinDir, 'python/function/simple_function.liquid'), 'utf8')));
  });

  it('lets a user template override a built-in one by name, and removing it restores the built-in', () => {
    const name = 'python/function/typed_function.liquid';
    const builtinHash = engine.read(name).hash;
    const saved = engine.save(name, 'def {{ spec.name }}(): pass\n');
    expect(saved).toMatchObject({ source: 'user', overridesBuiltin: true });
    expect(engine.render(name, templateContext(spec))).toMatchObject({ output: 'def safe_echo(): pass\n', source: 'user', hash: saved.hash });
    engine.save('custom/extra.liquid', 'x');
    expect(engine.list().find((entry) => entry.name === 'custom/extra.liquid')).toMatchObject({ source: 'user', overridesBuiltin: false });
    engine.remove(name);
    expect(engine.read(name)).toMatchObject({ source: 'builtin', hash: builtinHash });
  });

  it.each(['../escape.liquid', '/etc/passwd.liquid', 'a//b.liquid', 'UPPER.liquid', 'x.txt', 'a/../../b.liquid', ''])('refuses the name %j', (name) => {
    expect(thrown(() => engine.save(name, 'x')).code).toBe('invalid-input');
  });

  it('does not follow a symlinked folder out of the user folder', () => {
    const outside = path.join(temp.dir, 'outside');
    fs.mkdirSync(outside);
    fs.mkdirSync(path.join(temp.dir, 'user'), { recursive: true });
    fs.symlinkSync(outside, path.join(temp.dir, 'user', 'linked'));
    expect(thrown(() => engine.save('linked/evil.liquid', 'x')).code).toBe('invalid-input');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('refuses to save a template that does not parse, saying where', () => {
    const error = thrown(() => engine.save('bad/one.liquid', 'line one\n{% if x %}\nno end'));
    expect(error.code).toBe('invalid-input');
    expect(error.details).toMatchObject({ line: 2, column: 1, template: 'bad/one.liquid' });
    expect(fs.existsSync(path.join(temp.dir, 'user', 'bad', 'one.liquid'))).toBe(false);
  });

  it('turns unknown variables and filters into errors with line and column', () => {
    expect(thrown(() => engine.renderSource('ok\n  {{ nope }}', {})).details).toMatchObject({ line: 2, column: 6, message: 'undefined variable: nope' });
    expect(thrown(() => engine.renderSource('{{ spec.name | shout }}', templateContext(spec))).details).toMatchObject({ line: 1, message: 'undefined filter: shout' });
    // ownPropertyOnly: a template cannot reach prototype members such as constructor.
    expect(thrown(() => engine.renderSource('{{ spec.constructor.name }}', templateContext(spec))).details).toMatchObject({ message: 'undefined variable: spec.constructor' });
  });

  it('stops runaway templates at the render limit', () => {
    const limited = createTemplateEngine({ builtinDir, limits: { renderLimit: 50 } });
    const error = thrown(() => limited.renderSource('{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}', {}));
    expect(error.code).toBe('invalid-input');
  });

  it('renders partials by name and folds their hashes into the result', () => {
    engine.save('parts/name.liquid', '[{{ who }}]');
    const first = engine.renderSource("{% render 'parts/name', who: 'x' %}", {});
    expect(first.output).toBe('[x]');
    expect(first.partials.map((partial) => partial.name)).toEqual(['parts/name.liquid']);
    engine.save('parts/name.liquid', '<{{ who }}>');
    const second = engine.renderSource("{% render 'parts/name', who: 'x' %}", {});
    expect(second.output).toBe('<x>');
    expect(second.hash).not.toBe(first.hash);
    expect(thrown(() => engine.renderSource("{% render '../../etc/passwd' %}", {})).code).toBe('invalid-input');
  });
});

describe('a template that renders itself', () => {
  it('fails with an error naming the template and the cause, not a bare stack overflow', { timeout: 10_000 }, () => {
    engine.save('parts/loop.liquid', "x{% render 'parts/loop' %}");
    const error = thrown(() => engine.render('parts/loop.liquid', {}));
    expect(error.code).toBe('invalid-input');
    // Whichever comes first, the stack or the render-time limit; both name the template and are bounded.
    expect(error.message).toMatch(/^Template parts\/loop\.liquid, line 1, column \d+: (partials nest too deeply|template render limit exceeded)/);
  });
});

describe('filters', () => {
  it('indents like Jinja (not the first line) and keeps blank lines empty', () => {
    expect(indent('a\n\nb', 2)).toBe('a\n\n  b');
    expect(indent('a\nb', 2, true)).toBe('  a\n  b');
    expect(engine.renderSource('{{ "a\nb" | indent: 3 }}|{{ "helloWorld-x" | snake_case }}|{{ "some_name" | camel_case }}|{{ "some name" | pascal_case }}', {}).output).toBe(
      'a\n   b|hello_world_x|someName|SomeName',
    );
  });

  it('keeps the sign of negative zero: -0.0 in Python (0 would be an int), -0 in TypeScript', () => {
    expect(engine.renderSource('{{ v | py_literal }} {{ v | ts_literal }} {{ w | py_literal }}', { v: -0, w: [0, -0, { $tuple: [-0] }] }).output).toBe('-0.0 -0 [0, -0.0, (-0.0,)]');
  });

  it('renders types for both languages', () => {
    expect(engine.renderSource('{{ "List[Optional[int]]" | py_type }} / {{ "dict[str, tuple[int, ...]]" | ts_type }}', {}).output).toBe('list[Optional[int]] / Record<string, number[]>');
  });

  it('builds a Google-style docstring with every section, safe to embed', () => {
    const doc = pyDocstring(specContext(spec));
    expect(doc).toContain('Args:\n    text (str): What to echo.\n    times (int): The times.\n    *extra (str): The extra.\n    sep (Optional[str]): The sep.');
    expect(doc).toContain('Returns:\n    str: The text.');
    expect(doc).toContain('Raises:\n    ValueError: Empty text is refused.');
    expect(doc).toContain(`>>> safe_echo("'); import os; os.system('touch /tmp/ark-pwned'); ('")`);
    expect(doc).toContain('Note:\n    - No network. import os');
    // No run of three quotes survives inside: the only """ are the delimiters.
    expect(doc.slice(3, -3)).not.toMatch(/(?<!\\)"""/);
  });
});

describe('built-in templates', () => {
  it('render a typed function whose signature covers every parameter kind', () => {
    const { output } = engine.render('python/function/typed_function.liquid', templateContext(spec, { body: 'return text * times' }));
    expect(output).toContain('from typing import Optional');
    expect(output).toContain('def safe_echo(text: str, times: int = 1, *extra: str, sep: Optional[str] = None) -> str:');
    expect(output).toContain('    return text * times\n');
    const placeholder = engine.render('python/function/simple_function.liquid', templateContext(spec)).output;
    expect(placeholder).toContain('def safe_echo(text, times=1, *extra, sep=None):');
    expect(placeholder).toContain("raise NotImplementedError('safe_echo is not implemented yet')");
  });

  it('render a TypeScript function with JSDoc', () => {
    const ts = Spec.parse({ ...spec, language: 'typescript', name: 'safeEcho', parameters: spec.parameters.filter((parameter) => parameter.kind !== 'keyword') });
    const { output } = engine.render('typescript/function/typed_function.liquid', templateContext(ts, { body: 'return text.repeat(times);' }));
    expect(output).toContain('export function safeEcho(text: string, times: number = 1, ...extra: string[]): string {\n  return text.repeat(times);\n}');
    expect(output).toContain(' * @param text - What to echo.');
    expect(output).toContain(' * @throws {ValueError} See the examples.');
  });
});

// Trojan Source: bidi overrides and zero-width characters make code read differently from how it runs. Spec text
// reaches docstrings, JSDoc and string literals; none may carry such a character raw, and literals keep its value.
describe('invisible and bidi characters in spec text', () => {
  const hidden = 'user \u202Eadmin\u2066 \u200B\u00AD\u2028end \u{E0041}';
  const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\u00A0]/u;
  const hostile = (language: 'python' | 'typescript'): Spec =>
    Spec.parse({
      name: 'check',
      language,
      description: `Check ${hidden}.\n\nDetails ${hidden}`,
      parameters: [{ name: 'who', type: 'str', description: hidden }],
      returns: { type: 'str', description: hidden },
      examples: [{ args: [hidden], expected: { [hidden]: hidden } }, { args: ['x'], raises: 'ValueError', note: hidden }],
      constraints: [hidden],
      tier: 'sandbox',
    });

  it('never appear raw in generated Python or TypeScript', () => {
    for (const language of ['python', 'typescript'] as const) {
      const lang = language === 'python' ? 'python' : 'typescript';
      const context = templateContext(hostile(language));
      for (const kind of ['function', 'test']) {
        const name = `${lang}/${kind}/${kind === 'test' ? (language === 'python' ? 'pytest_test' : 'node_test') : 'typed_function'}.liquid`;
        const output = engine.render(name, context as unknown as Record<string, unknown>).output.replace(/[\n\t]/g, ' ');
        expect(RAW.exec(output), name).toBeNull();
      }
    }
  });

  it('keep their exact value in the Python docstring and in TypeScript string literals', () => {
    const python = engine.render('python/function/typed_function.liquid', templateContext(hostile('python')) as unknown as Record<string, unknown>).output;
    const docstring = /"""([\s\S]*?)"""/.exec(python)?.[1] ?? '';
    // The docstring is a normal (non-raw) literal: evaluate its escapes the way Python does for \x, \u and \U.
    const decoded = docstring.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|\\)/g, (_m, code: string) => (code === '\\' ? '\\' : String.fromCodePoint(parseInt(code.slice(1), 16))));
    // (Wrapping turns the line separator into a space, as it does any whitespace.)
    expect(decoded).toContain(`Check ${hidden.replace('\u2028', ' ')}.`);
    const literal = /assertEqual\(functionUnderTest\((.*)\), (.*)\);/.exec(engine.render('typescript/test/node_test.liquid', templateContext(hostile('typescript')) as unknown as Record<string, unknown>).output);
    expect(new Function(`return [${literal?.[1]}, ${literal?.[2]}]`)()).toEqual([hidden, { [hidden]: hidden }]);
  });
});

// TypeScript's int is number: a bigint literal would not type-check against it, and past 2^53 a number is inexact.
describe('big integers in a TypeScript spec', () => {
  const withInt = (digits: string): Spec =>
    Spec.parse({
      name: 'next',
      language: 'typescript',
      description: 'The next integer.',
      parameters: [{ name: 'n', type: 'int' }],
      returns: { type: 'int' },
      examples: [{ args: [{ $int: digits }], expected: 1 }],
      constraints: [],
      tier: 'sandbox',
    });

  it('renders an $int within 2^53 as a plain number', () => {
    const output = engine.render('typescript/test/node_test.liquid', templateContext(withInt('-9007199254740991')) as unknown as Record<string, unknown>).output;
    expect(output).toContain('functionUnderTest(-9007199254740991)');
  });

  it('refuses an $int beyond 2^53 with the example and the reason', () => {
    const error = thrown(() => templateContext(withInt('9007199254740993')));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^examples\[0\]\.args: the integer 9007199254740993 is beyond 2\^53/);
  });
});
