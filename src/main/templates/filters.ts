// The Liquid filters templates use to render types, names, docstrings and example values as safe source code.
import type { Liquid } from 'liquidjs';
import { formatType, isSpecValue, parseType, toTypeScriptType, type SpecValue } from '../../shared/spec';
import type { ContextExample, ContextParameter, ContextSpec } from './context';

/* ---------------------------------------------------------------------------------------------------------------
 * Literals. Every example value reaches generated code through one of these two functions, which only ever emit
 * constants: a string becomes one quoted literal with every quote, backslash and line break escaped, so text such as
 * `'); import os; ('` stays inert data.
 * ------------------------------------------------------------------------------------------------------------- */

type Tagged =
  | { tag: '$tuple' | '$set'; items: SpecValue[] }
  | { tag: '$dict'; pairs: [SpecValue, SpecValue][] }
  | { tag: '$float'; value: 'inf' | '-inf' | 'nan' }
  | { tag: '$int'; digits: string };

function tagged(value: { [key: string]: SpecValue }): Tagged | undefined {
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !key.startsWith('$')) return undefined;
  const inner = value[key];
  if ((key === '$tuple' || key === '$set') && Array.isArray(inner)) return { tag: key, items: inner };
  if (key === '$dict' && Array.isArray(inner)) return { tag: key, pairs: inner as [SpecValue, SpecValue][] };
  if (key === '$float' && (inner === 'inf' || inner === '-inf' || inner === 'nan')) return { tag: key, value: inner };
  if (key === '$int' && typeof inner === 'string') return { tag: key, digits: inner };
  return undefined;
}

function assertValue(value: unknown, filter: string): asserts value is SpecValue {
  if (!isSpecValue(value)) throw new Error(`${filter}: not an example value (JSON or a $tuple/$set/$dict/$float/$int object).`);
}

/**
 * Control, format (bidi overrides, zero-width), separator, private-use, unassigned and lone-surrogate characters: the
 * ones that are invisible or reorder text in an editor (Trojan Source), or end a line in one language and not the
 * other. Spec text never reaches generated source with one of these raw; every writer below escapes them.
 */
function isInvisible(ch: string): boolean {
  return ch !== ' ' && /[\p{C}\p{Z}]/u.test(ch);
}

/** The Python escape of one character, as repr() writes it; inside a non-raw string it reads back as that character. */
function pyEscape(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
}

/** The JavaScript escape of one character; valid in string literals, and visible (not interpreted) in comments. */
function jsEscape(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Python's repr() quoting: single quotes unless the text has single quotes and no double quotes. */
export function pyString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isInvisible(ch)) out += pyEscape(ch);
    else out += ch;
  }
  return out + quote;
}

/** A double-quoted TypeScript string: JSON's escapes, plus every invisible character (JSON leaves U+202E raw). */
function tsString(text: string): string {
  return Array.from(JSON.stringify(text), (ch) => (isInvisible(ch) ? jsEscape(ch) : ch)).join('');
}

function pyNumber(value: number): string {
  // String(-0) is "0", an int in Python: the float -0.0 must keep its sign (copysign, 1 / x and repr tell them apart).
  if (Object.is(value, -0)) return '-0.0';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  const text = String(value);
  // JS and Python agree on shortest round-trip digits; only the exponent spelling differs (1e-7 vs 1e-07), and both parse.
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** Renders a SpecValue as a Python expression made only of literals (and float('inf') / set() where needed). */
export function pyLiteral(value: SpecValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  const tag = tagged(value);
  if (tag) {
    switch (tag.tag) {
      case '$tuple':
        return tag.items.length === 1 ? `(${pyLiteral(tag.items[0] ?? null)},)` : `(${tag.items.map(pyLiteral).join(', ')})`;
      case '$set':
        return tag.items.length === 0 ? 'set()' : `{${tag.items.map(pyLiteral).join(', ')}}`;
      case '$dict':
        return `{${tag.pairs.map(([key, item]) => `${pyLiteral(key)}: ${pyLiteral(item)}`).join(', ')}}`;
      case '$float':
        return `float(${pyString(tag.value)})`;
      case '$int':
        return tag.digits;
    }
  }
  return `{${Object.entries(value).map(([key, item]) => `${pyString(key)}: ${pyLiteral(item)}`).join(', ')}}`;
}

/** Renders a SpecValue as a TypeScript expression: tuples as arrays, sets as Set, $dict as Map, big ints as bigint. */
export function tsLiteral(value: SpecValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const tag = tagged(value);
  if (tag) {
    switch (tag.tag) {
      case '$tuple':
        return `[${tag.items.map(tsLiteral).join(', ')}]`;
      case '$set':
        return `new Set([${tag.items.map(tsLiteral).join(', ')}])`;
      case '$dict':
        return `new Map([${tag.pairs.map(([key, item]) => `[${tsLiteral(key)}, ${tsLiteral(item)}]`).join(', ')}])`;
      case '$float':
        return { inf: 'Infinity', '-inf': '-Infinity', nan: 'NaN' }[tag.value];
      case '$int':
        // Within 2^53 a number is exact and matches the number type TypeScript gives int; beyond it only bigint is.
        return Number.isSafeInteger(Number(tag.digits)) ? String(Number(tag.digits)) : `${tag.digits}n`;
    }
  }
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${tsString(key)}: ${tsLiteral(item)}`).join(', ')} }`;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Calls, parameters and types.
 * ------------------------------------------------------------------------------------------------------------- */

/** `name(1, 2, key=3)` for an example. */
export function pyCall(example: Pick<ContextExample, 'args' | 'kwargs'>, name: string): string {
  const args = example.args.map(pyLiteral);
  const kwargs = Object.entries(example.kwargs).map(([key, value]) => `${key}=${pyLiteral(value)}`);
  return `${name}(${[...args, ...kwargs].join(', ')})`;
}

/** `name(1, 2)` for an example; keyword arguments are placed by parameter position (TypeScript has none). */
export function tsCall(example: Pick<ContextExample, 'args' | 'kwargs'>, name: string, parameters: ContextParameter[] = []): string {
  return `${name}(${positionalArguments(example, parameters).map(tsArgument).join(', ')})`;
}

/** Merges keyword arguments into positions; a gap before a named argument is filled with `undefined` (its default). */
export function positionalArguments(example: Pick<ContextExample, 'args' | 'kwargs'>, parameters: ContextParameter[]): (SpecValue | undefined)[] {
  const values: (SpecValue | undefined)[] = [...example.args];
  for (const [key, value] of Object.entries(example.kwargs)) {
    const position = parameters.findIndex((parameter) => parameter.name === key);
    if (position === -1) continue;
    while (values.length < position) values.push(undefined);
    values[position] = value;
  }
  return values;
}

function tsArgument(value: SpecValue | undefined): string {
  return value === undefined ? 'undefined' : tsLiteral(value);
}

export function pyType(text: string): string {
  return formatType(parseType(text));
}

export function tsType(text: string): string {
  return toTypeScriptType(parseType(text));
}

function orderedParameters(parameters: ContextParameter[]): ContextParameter[] {
  const rank = { positional: 0, 'var-positional': 1, keyword: 2, 'var-keyword': 3 } as const;
  return [...parameters].sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/** A Python parameter list; `typed` adds annotations. Keyword-only parameters get the bare `*` they need. */
export function pyParams(spec: Pick<ContextSpec, 'parameters'>, typed = true): string {
  const parts: string[] = [];
  const ordered = orderedParameters(spec.parameters);
  const hasVarPositional = ordered.some((parameter) => parameter.kind === 'var-positional');
  let starred = false;
  for (const parameter of ordered) {
    const annotation = typed ? `: ${pyType(parameter.type)}` : '';
    if (parameter.kind === 'keyword' && !hasVarPositional && !starred) {
      parts.push('*');
      starred = true;
    }
    const prefix = parameter.kind === 'var-positional' ? '*' : parameter.kind === 'var-keyword' ? '**' : '';
    const defaultText = parameter.has_default ? `${typed ? ' = ' : '='}${pyLiteral(parameter.default)}` : '';
    parts.push(`${prefix}${parameter.name}${annotation}${defaultText}`);
  }
  return parts.join(', ');
}

/** A TypeScript parameter list; a var-positional parameter becomes a rest parameter of its element type. */
export function tsParams(spec: Pick<ContextSpec, 'parameters'>): string {
  return orderedParameters(spec.parameters)
    .map((parameter) => {
      if (parameter.kind === 'var-positional') return `...${parameter.name}: ${arrayOf(tsType(parameter.type))}`;
      const defaultText = parameter.has_default ? ` = ${tsLiteral(parameter.default)}` : '';
      return `${parameter.name}: ${tsType(parameter.type)}${defaultText}`;
    })
    .join(', ');
}

function arrayOf(type: string): string {
  return /^[\w.<>[\], ]+$/.test(type) && !type.includes(',') ? `${type}[]` : `Array<${type}>`;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Text: indentation, names, comments, docstrings.
 * ------------------------------------------------------------------------------------------------------------- */

/** Indents every line but the first (as Jinja's indent does); `first` indents the first line too. Blank lines stay empty. */
export function indent(text: string, width = 4, first = false): string {
  const pad = ' '.repeat(Math.max(0, Math.min(64, Math.trunc(width))));
  return String(text)
    .split('\n')
    .map((line, index) => (line.trim() === '' ? '' : index === 0 && !first ? line : pad + line))
    .join('\n');
}

function words(text: string): string[] {
  return String(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function snakeCase(text: string): string {
  return words(text).join('_');
}

export function camelCase(text: string): string {
  return words(text)
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

export function pascalCase(text: string): string {
  return words(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Collapses every line terminator either language knows, so user text cannot leave a `#` or `//` comment. */
export function oneLine(text: string): string {
  return String(text)
    .replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ')
    .trim();
}

/** Escapes text for the inside of a """docstring""": no backslash escapes apply and no run of quotes can close it. */
export function pyDocstringText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n' || ch === '\t') out += ch;
    else if (isInvisible(ch)) out += pyEscape(ch);
    else out += ch;
  }
  out = out.replace(/"(?=")/g, '\\"');
  return out.endsWith('"') ? `${out.slice(0, -1)}\\"` : out;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  return /[.!?:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function decimalsFor(tolerance: number): number | undefined {
  for (let places = 0; places <= 12; places += 1) if (Math.abs(tolerance - 0.5 * 10 ** -places) < 1e-15) return places;
  return undefined;
}

/**
 * A Google-style docstring, quotes included: summary, details, Args, Returns, Raises, Examples (doctest form, so an
 * import reads the same examples back) and a Note listing constraints. `short` keeps the summary and examples only.
 */
export function pyDocstring(spec: ContextSpec, style: 'google' | 'short' = 'google'): string {
  const out: string[] = [];
  const summary = spec.summary || `${spec.name}.`;
  out.push(...wrap(sentence(summary), 100));
  if (style === 'google' && spec.details) out.push('', ...wrap(spec.details, 100));
  if (style === 'google' && spec.parameters.length > 0) {
    out.push('', 'Args:');
    for (const parameter of spec.parameters) {
      const prefix = parameter.kind === 'var-positional' ? '*' : parameter.kind === 'var-keyword' ? '**' : '';
      const description = sentence(parameter.description) || `The ${parameter.name.replace(/_/g, ' ')}.`;
      out.push(`    ${prefix}${parameter.name} (${pyType(parameter.type)}): ${description}`);
    }
  }
  if (style === 'google' && spec.returns.type !== 'None') {
    out.push('', 'Returns:', `    ${pyType(spec.returns.type)}: ${sentence(spec.returns.description) || 'The result.'}`);
  }
  const raising = spec.examples.filter((example) => example.raises);
  if (style === 'google' && raising.length > 0) {
    out.push('', 'Raises:');
    for (const name of [...new Set(raising.map((example) => example.raises))]) {
      const first = raising.find((example) => example.raises === name);
      const note = first?.note ? sentence(first.note) : first ? `For example ${pyCall(first, spec.name)}.` : '';
      out.push(`    ${name}: ${note}`);
    }
  }
  const shown = spec.examples.filter((example) => example.has_expected || example.raises);
  if (shown.length > 0) {
    out.push('', 'Examples:');
    for (const example of shown) {
      const call = pyCall(example, spec.name);
      const places = example.has_tolerance ? decimalsFor(example.tolerance) : undefined;
      out.push(`    >>> ${places === undefined ? call : `round(${call}, ${places})`}`);
      if (example.raises) out.push('    Traceback (most recent call last):', '        ...', `    ${example.raises}`);
      else out.push(`    ${pyLiteral(example.expected)}`);
    }
  }
  if (style === 'google' && spec.constraints.length > 0) {
    out.push('', 'Note:', ...spec.constraints.map((constraint) => `    - ${oneLine(constraint)}`));
  }
  const body = pyDocstringText(out.join('\n'));
  return body.includes('\n') ? `"""${body}\n"""` : `"""${body}"""`;
}

function jsdocText(text: string): string {
  return Array.from(text.replace(/\*\//g, '*\\/'), (ch) => (ch !== '\t' && isInvisible(ch) ? jsEscape(ch) : ch)).join('');
}

/** A JSDoc block: summary, details, @param, @returns, @throws and @example lines. */
export function jsdoc(spec: ContextSpec): string {
  const out: string[] = [...wrap(sentence(spec.summary || spec.name), 100)];
  if (spec.details) out.push('', ...wrap(spec.details, 100));
  if (spec.constraints.length > 0) out.push('', ...spec.constraints.map((constraint) => `- ${oneLine(constraint)}`));
  if (spec.parameters.length > 0 || spec.returns.type !== 'None') out.push('');
  for (const parameter of spec.parameters) {
    out.push(`@param ${parameter.name} - ${sentence(parameter.description) || `The ${parameter.name}.`}`);
  }
  if (spec.returns.type !== 'None') out.push(`@returns ${sentence(spec.returns.description) || 'The result.'}`);
  for (const name of [...new Set(spec.examples.map((example) => example.raises).filter(Boolean))]) {
    out.push(`@throws {${name}} See the examples.`);
  }
  const shown = spec.examples.filter((example) => example.has_expected || example.raises);
  if (shown.length > 0) {
    out.push('@example');
    for (const example of shown) {
      const call = tsCall(example, spec.name, spec.parameters);
      out.push(example.raises ? `${call} // throws ${example.raises}` : `${call} // => ${oneLine(tsLiteral(example.expected))}`);
    }
  }
  return ['/**', ...out.map((line) => (line ? ` * ${jsdocText(line)}` : ' *')), ' */'].join('\n');
}

/* ---------------------------------------------------------------------------------------------------------------
 * Registration. Filters receive values from the template context; they check them rather than trust them.
 * ------------------------------------------------------------------------------------------------------------- */

function asSpec(value: unknown, filter: string): ContextSpec {
  const spec = value as Partial<ContextSpec> | null;
  if (!spec || typeof spec !== 'object' || !Array.isArray(spec.parameters) || !Array.isArray(spec.examples) || typeof spec.name !== 'string') {
    throw new Error(`${filter}: expects the spec variable.`);
  }
  return spec as ContextSpec;
}

function asExample(value: unknown, filter: string): ContextExample {
  const example = value as Partial<ContextExample> | null;
  if (!example || typeof example !== 'object' || !Array.isArray(example.args)) throw new Error(`${filter}: expects an example.`);
  return { ...example, kwargs: example.kwargs ?? {} } as ContextExample;
}

/** Registers every filter above on an engine, under the names templates use. */
export function registerFilters(liquid: Liquid): void {
  liquid.registerFilter('py_type', (value: unknown) => pyType(String(value)));
  liquid.registerFilter('ts_type', (value: unknown) => tsType(String(value)));
  liquid.registerFilter('indent', (value: unknown, width: unknown = 4, first: unknown = false) => indent(String(value ?? ''), Number(width), first === true));
  liquid.registerFilter('snake_case', (value: unknown) => snakeCase(String(value)));
  liquid.registerFilter('camel_case', (value: unknown) => camelCase(String(value)));
  liquid.registerFilter('pascal_case', (value: unknown) => pascalCase(String(value)));
  liquid.registerFilter('one_line', (value: unknown) => oneLine(String(value ?? '')));
  liquid.registerFilter('py_literal', (value: unknown) => {
    assertValue(value, 'py_literal');
    return pyLiteral(value);
  });
  liquid.registerFilter('ts_literal', (value: unknown) => {
    assertValue(value, 'ts_literal');
    return tsLiteral(value);
  });
  liquid.registerFilter('py_docstring', (value: unknown, style: unknown = 'google') => pyDocstring(asSpec(value, 'py_docstring'), style === 'short' ? 'short' : 'google'));
  liquid.registerFilter('jsdoc', (value: unknown) => jsdoc(asSpec(value, 'jsdoc')));
  liquid.registerFilter('py_params', (value: unknown, typed: unknown = true) => pyParams(asSpec(value, 'py_params'), typed !== false));
  liquid.registerFilter('ts_params', (value: unknown) => tsParams(asSpec(value, 'ts_params')));
  liquid.registerFilter('py_call', (value: unknown, name: unknown) => pyCall(asExample(value, 'py_call'), String(name)));
  liquid.registerFilter('ts_call', (value: unknown, name: unknown, parameters: unknown = []) =>
    tsCall(asExample(value, 'ts_call'), String(name), Array.isArray(parameters) ? (parameters as ContextParameter[]) : []),
  );
  liquid.registerFilter('ts_args', (value: unknown) => {
    if (!Array.isArray(value)) throw new Error('ts_args: expects a list of values.');
    return value
      .map((item: unknown) => {
        if (item === undefined) return 'undefined';
        assertValue(item, 'ts_args');
        return tsLiteral(item);
      })
      .join(', ');
  });
}
