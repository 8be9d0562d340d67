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

describe('filters', () => {
  it('indents like Jinja (not the first line) and keeps blank lines empty', () => {
    expect(indent('a\n\nb', 2)).toBe('a\n\n  b');
    expect(indent('a\nb', 2, true)).toBe('  a\n  b');
    expect(engine.renderSource('{{ "a\nb" | indent: 3 }}|{{ "helloWorld-x" | snake_case }}|{{ "some_name" | camel_case }}|{{ "some name" | pascal_case }}', {}).output).toBe(
      'a\n   b|hello_world_x|someName|SomeName',
    );
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
