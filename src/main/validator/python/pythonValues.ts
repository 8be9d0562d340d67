// Abstract values of Python expressions: what a name or expression may be (a module member, a constant string, a
// path …), following imports, aliases and assignments, and folding the string tricks obfuscated code uses.
import type { SyntaxNode } from '../syntaxTree';
import { pythonBuiltins } from '../stdlib';
import { decodeBase64, decodeHex, rot13, sliceItems } from '../textCodecs';
import { joinPath } from '../workFolder';
import type { Binding, PythonModel, Scope } from './pythonModel';
import { canonicalPythonName, importFunctions, pathConstructors, pathMethods, reexportedModules, tempPathFunctions } from './pythonSinks';
import { decodePythonEscapes, parseFormatTemplate, parsePrintf, pythonRepr, type FormatPiece } from './pythonStrings';

export type Value =
  | { kind: 'qual'; name: string }
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'seq'; items: Value[][] }
  | { kind: 'dict'; entries: Map<string, Value[]> }
  | { kind: 'path'; path: string | null; temp: boolean }
  | { kind: 'namespace'; of: string | null }
  | { kind: 'function'; node: SyntaxNode }
  | { kind: 'class'; node: SyntaxNode }
  | { kind: 'method'; receiver: Value; name: string }
  | { kind: 'attrgetter'; names: string[] }
  | { kind: 'code' }
  | { kind: 'huge' }
  | { kind: 'unknown'; obfuscated: boolean; prefix: string };

/** Where an expression is evaluated: its scope and its module-level statement. */
export type Place = { scope: Scope; top: number };

export const unknownValue: Value = { kind: 'unknown', obfuscated: false, prefix: '' };
export const obfuscatedValue: Value = { kind: 'unknown', obfuscated: true, prefix: '' };
const noneValue: Value = { kind: 'none' };

// Limits that keep folding linear on hostile input: beyond them a value becomes unknown (and, where that could
// hide a name, obfuscated, which the rules treat as suspicious).
const maxValues = 16;
const maxStringLength = 100_000;
const maxItems = 256;
const maxDepth = 300;
/** Beyond these a constant is "huge": a million decimal digits, 100 MB of text, ten million list items. */
export const hugeDigits = 1e6;
export const hugeString = 1e8;
export const hugeItems = 1e7;

type Env = Map<string, Value> | null;

export type PythonEvaluator = {
  values(node: SyntaxNode, place: Place): Value[];
  /** The constant strings an expression may be, and whether it may also be something else. */
  strings(node: SyntaxNode, place: Place): { known: string[]; unknown: Value[] };
};

const qual = (name: string): Value => ({ kind: 'qual', name: canonicalPythonName(name) });
const str = (value: string): Value => (value.length > maxStringLength ? unknownValue : { kind: 'str', value });

function key(value: Value): string | null {
  switch (value.kind) {
    case 'qual':
      return `q${value.name}`;
    case 'str':
      return `s${value.value}`;
    case 'num':
      return `n${value.value}`;
    case 'bool':
      return `b${value.value}`;
    case 'none':
    case 'code':
    case 'huge':
      return value.kind;
    case 'unknown':
      return `u${value.obfuscated}${value.prefix}`;
    case 'path':
      return `p${value.temp}${value.path}`;
    default:
      return null;
  }
}

/** Union of value lists, de-duplicated; past the limit the union becomes one obfuscated unknown. */
export function union(...lists: Value[][]): Value[] {
  // Most unions hold one value: no keys to build then.
  let single: Value | undefined;
  let count = 0;
  for (const list of lists) {
    count += list.length;
    if (count > 1) break;
    if (list.length === 1) single = list[0];
  }
  if (count === 0) return [];
  if (count === 1 && single) return [single];
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const value of list) {
      const id = key(value);
      if (id !== null) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      out.push(value);
      if (out.length > maxValues) return [obfuscatedValue];
    }
  }
  return out;
}

function product(left: Value[], right: Value[], combine: (a: Value, b: Value) => Value[]): Value[] {
  if (left.length * right.length > maxValues) return [obfuscatedValue];
  const out: Value[][] = [];
  for (const a of left) for (const b of right) out.push(combine(a, b));
  return union(...out);
}

/** Python's str() of a folded value, or null when the value has no constant text. */
function textOf(value: Value): string | null {
  switch (value.kind) {
    case 'str':
      return value.value;
    case 'num':
      return Number.isInteger(value.value) ? String(value.value) : null;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'path':
      return value.path;
    default:
      return null;
  }
}

function isObfuscated(value: Value): boolean {
  return value.kind === 'unknown' && value.obfuscated;
}

/** An unknown string that starts with `prefix` (the known part before the first unknown piece). */
function partial(prefix: string, obfuscated: boolean): Value {
  return { kind: 'unknown', obfuscated, prefix: prefix.slice(0, 200) };
}

function convert(value: Value, conversion: 'str' | 'repr' | 'char' | 'int' | 'hex'): string | null {
  switch (conversion) {
    case 'str':
      return textOf(value);
    case 'repr':
      return value.kind === 'str' ? pythonRepr(value.value) : textOf(value);
    case 'char':
      if (value.kind === 'num' && Number.isInteger(value.value) && value.value >= 0 && value.value <= 0x10ffff) return String.fromCodePoint(value.value);
      return value.kind === 'str' && value.value.length === 1 ? value.value : null;
    case 'int':
      return value.kind === 'num' && Number.isFinite(value.value) ? String(Math.trunc(value.value)) : null;
    case 'hex':
      return value.kind === 'num' && Number.isInteger(value.value) ? value.value.toString(16) : null;
  }
}

/** Renders format pieces with folded arguments; unknown pieces give an unknown string with the known prefix. */
function render(pieces: FormatPiece[], positional: Value[][], named: Map<string, Value[]>): Value[] {
  let results: Array<{ text: string; open: boolean; obfuscated: boolean }> = [{ text: '', open: false, obfuscated: false }];
  for (const piece of pieces) {
    if ('text' in piece) {
      results = results.map((result) => (result.open ? result : { ...result, text: result.text + piece.text }));
      continue;
    }
    const values = 'index' in piece ? positional[piece.index] : named.get(piece.key);
    const next: typeof results = [];
    for (const result of results) {
      if (result.open) {
        next.push(result);
        continue;
      }
      for (const value of values ?? [unknownValue]) {
        const text = convert(value, piece.conversion);
        if (text === null) next.push({ text: result.text, open: true, obfuscated: result.obfuscated || isObfuscated(value) });
        else next.push({ ...result, text: result.text + text });
      }
    }
    if (next.length > maxValues) return [obfuscatedValue];
    results = next;
  }
  return union(results.map((result) => (result.open ? partial(result.text, result.obfuscated) : str(result.text))));
}

type Arguments = { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode>; splat: boolean };

/** The arguments of a call node, by position and keyword; `splat` when *args or **kwargs hide some. */
export function callArguments(call: SyntaxNode): Arguments {
  const list = call.childForFieldName('arguments');
  const out: Arguments = { positional: [], keywords: new Map(), splat: false };
  if (!list) return out;
  if (list.type === 'generator_expression') {
    out.positional.push(list);
    return out;
  }
  for (const child of list.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) out.keywords.set(name.text, value);
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      out.splat = true;
    } else {
      out.positional.push(child);
    }
  }
  return out;
}

/** The node given for an argument, by keyword or position. */
export function argumentNode(args: Arguments, spec: { index: number; keyword: string }): SyntaxNode | null {
  return args.keywords.get(spec.keyword) ?? (spec.index >= 0 ? (args.positional[spec.index] ?? null) : null);
}

const stringMethods = new Set([
  'upper', 'lower', 'casefold', 'swapcase', 'title', 'capitalize', 'strip', 'lstrip', 'rstrip', 'replace', 'removeprefix',
  'removesuffix', 'encode', 'decode', 'join', 'format', 'format_map', 'split', 'rsplit', 'zfill', 'translate',
]);
const pathMethodNames = new Set(['joinpath', 'with_name', 'with_suffix', 'with_stem', 'resolve', 'absolute', 'expanduser', 'readlink']);

export function createPythonEvaluator(model: PythonModel): PythonEvaluator {
  const memo = new Map<number, Value[]>();
  const active = new Set<number>();
  let depth = 0;
  let truncations = 0;
  const activeBefore: number[] = [0];
  for (const statement of model.topLevel) activeBefore.push((activeBefore[activeBefore.length - 1] ?? 0) + (statement.active ? 1 : 0));

  const values = (node: SyntaxNode, place: Place, env: Env = null): Value[] => {
    if (env === null) {
      const cached = memo.get(node.id);
      if (cached) return cached;
      // A value that depends on itself (s = s + chr(c) in a loop) is built step by step: unknown, and suspicious.
      if (active.has(node.id)) return [obfuscatedValue];
    }
    if (depth >= maxDepth) {
      truncations += 1;
      return [obfuscatedValue];
    }
    const before = truncations;
    depth += 1;
    if (env === null) active.add(node.id);
    let result: Value[];
    try {
      result = evaluate(node, place, env);
    } finally {
      depth -= 1;
      if (env === null) active.delete(node.id);
    }
    // A result cut short by the depth limit is not cached: evaluated from closer by, the same node gets its full value.
    if (env === null && truncations === before) memo.set(node.id, result);
    return result;
  };

  const child = (node: SyntaxNode, field: string): SyntaxNode | null => node.childForFieldName(field);

  function evaluate(node: SyntaxNode, place: Place, env: Env): Value[] {
    switch (node.type) {
      case 'identifier':
        return env?.get(node.text) ? [env.get(node.text) as Value] : lookup(node.text, place, node.startIndex);
      case 'attribute': {
        const object = child(node, 'object');
        const name = child(node, 'attribute')?.text;
        if (!object || !name) return [unknownValue];
        return union(...values(object, place, env).map((value) => attributeOf(value, name)));
      }
      case 'call':
        return callValues(node, place, env);
      case 'subscript':
        return subscriptValues(node, place, env);
      case 'string':
        return stringValues(node, place, env);
      case 'concatenated_string':
        return node.namedChildren.reduce<Value[]>((acc, part) => (part ? product(acc, values(part, place, env), concatenate) : acc), [str('')]);
      case 'integer':
        return [parseInteger(node.text)];
      case 'float': {
        const parsed = Number(node.text.replace(/_/g, ''));
        return [Number.isNaN(parsed) ? unknownValue : { kind: 'num', value: parsed }];
      }
      case 'true':
      case 'false':
        return [{ kind: 'bool', value: node.type === 'true' }];
      case 'none':
        return [{ kind: 'none' }];
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((part) => part?.type !== 'comment');
        return inner ? values(inner, place, env) : [unknownValue];
      }
      case 'conditional_expression': {
        const [consequence, , alternative] = node.namedChildren;
        return union(consequence ? values(consequence, place, env) : [unknownValue], alternative ? values(alternative, place, env) : [unknownValue]);
      }
      case 'boolean_operator': {
        const left = child(node, 'left');
        const right = child(node, 'right');
        return union(left ? values(left, place, env) : [unknownValue], right ? values(right, place, env) : [unknownValue]);
      }
      case 'named_expression': {
        const value = child(node, 'value');
        return value ? values(value, place, env) : [unknownValue];
      }
      case 'assignment': {
        const right = child(node, 'right');
        return right ? values(right, place, env) : [unknownValue];
      }
      case 'binary_operator':
        return binaryValues(node, place, env);
      case 'unary_operator':
        return unaryValues(node, place, env);
      case 'list':
      case 'tuple':
      case 'expression_list':
      case 'set':
        return [sequence(node, place, env)];
      case 'dictionary':
        return [dictionary(node, place, env)];
      case 'lambda':
        return [{ kind: 'function', node }];
      case 'list_comprehension':
      case 'generator_expression':
        return comprehension(node, place);
      default:
        return [unknownValue];
    }
  }

  function sequence(node: SyntaxNode, place: Place, env: Env): Value {
    const items: Value[][] = [];
    for (const item of node.namedChildren) {
      if (!item || item.type === 'comment') continue;
      if (item.type === 'list_splat' || items.length >= maxItems) return { kind: 'seq', items: [[obfuscatedValue]] };
      items.push(values(item, place, env));
    }
    return { kind: 'seq', items };
  }

  function dictionary(node: SyntaxNode, place: Place, env: Env): Value {
    const entries = new Map<string, Value[]>();
    for (const pair of node.namedChildren) {
      // {**vars(module)}: a copy of a namespace is a namespace.
      if (pair?.type === 'dictionary_splat') {
        const spread = pair.namedChildren[0] ? values(pair.namedChildren[0], place, env).find((value) => value.kind === 'namespace') : undefined;
        if (spread) return spread;
      }
      if (pair?.type !== 'pair') continue;
      const keyNode = child(pair, 'key');
      const valueNode = child(pair, 'value');
      if (!keyNode || !valueNode) continue;
      const keys = values(keyNode, place, env);
      const entry = values(valueNode, place, env);
      for (const item of keys) entries.set(item.kind === 'str' ? item.value : `\u0000${entries.size}`, entry);
    }
    return { kind: 'dict', entries };
  }

  // Folds `''.join(chr(c) for c in [...])` and friends: one `for` over a constant sequence, no conditions.
  function comprehension(node: SyntaxNode, place: Place): Value[] {
    const clauses = node.namedChildren.filter((part): part is SyntaxNode => part !== null && part.type !== 'comment');
    const body = child(node, 'body');
    const clause = clauses.find((part) => part.type === 'for_in_clause');
    if (!body || !clause || clauses.length !== 2) return [unknownValue];
    const left = child(clause, 'left');
    const right = child(clause, 'right');
    if (left?.type !== 'identifier' || !right) return [unknownValue];
    const iterable = values(right, place);
    if (iterable.length !== 1 || !iterable[0]) return [unknownValue];
    const elements = elementsOf(iterable[0]);
    if (!elements || elements.length > maxItems) return [unknownValue];
    const inner: Place = { scope: place.scope, top: place.top };
    const items = elements.map((element) => values(body, inner, new Map([[left.text, element]])));
    return [{ kind: 'seq', items }];
  }

  function elementsOf(value: Value): Value[] | null {
    if (value.kind === 'str') return value.value.length <= maxItems ? [...value.value].map((char) => str(char)) : null;
    if (value.kind === 'seq' && value.items.every((item) => item.length === 1)) return value.items.map((item) => item[0] as Value);
    return null;
  }

  function stringValues(node: SyntaxNode, place: Place, env: Env): Value[] {
    const parts = node.namedChildren;
    const start = parts[0]?.type === 'string_start' ? (parts[0]?.text ?? '') : '';
    const prefix = start.replace(/['"]+$/, '').toLowerCase();
    const isRaw = prefix.includes('r');
    const isBytes = prefix.includes('b');
    const isFormatted = prefix.includes('f');
    if (prefix.includes('t')) return [unknownValue];
    let results: Value[] = [str('')];
    for (const part of parts) {
      if (!part) continue;
      if (part.type === 'string_content') {
        let text = part.text;
        if (isFormatted) text = text.split('{{').join('{').split('}}').join('}');
        const decoded = isRaw ? text : decodePythonEscapes(text, isBytes);
        results = product(results, [decoded === null ? unknownValue : str(decoded)], concatenate);
      } else if (part.type === 'interpolation') {
        results = product(results, interpolation(part, place, env), concatenate);
      }
    }
    return results;
  }

  function interpolation(node: SyntaxNode, place: Place, env: Env): Value[] {
    const expression = child(node, 'expression');
    if (!expression) return [unknownValue];
    if (child(node, 'format_specifier')) return [unknownValue];
    const conversion = child(node, 'type_conversion')?.text ?? '';
    return values(expression, place, env).map((value) => {
      const text = conversion === '!r' || conversion === '!a' ? convert(value, 'repr') : textOf(value);
      return text === null ? partial('', isObfuscated(value)) : str(text);
    });
  }

  function binaryValues(node: SyntaxNode, place: Place, env: Env): Value[] {
    const left = child(node, 'left');
    const right = child(node, 'right');
    const operator = child(node, 'operator')?.type;
    if (!left || !right || !operator) return [unknownValue];
    const leftValues = values(left, place, env);
    const rightValues = values(right, place, env);
    return product(leftValues, rightValues, (a, b) => [binary(operator, a, b)]);
  }

  function unaryValues(node: SyntaxNode, place: Place, env: Env): Value[] {
    const argument = child(node, 'argument');
    const operator = child(node, 'operator')?.type;
    if (!argument) return [unknownValue];
    return values(argument, place, env).map((value) => {
      if (value.kind !== 'num') return value.kind === 'huge' ? value : unknownValue;
      if (operator === '-') return { kind: 'num', value: -value.value };
      if (operator === '~') return { kind: 'num', value: -value.value - 1 };
      return value;
    });
  }

  function subscriptValues(node: SyntaxNode, place: Place, env: Env): Value[] {
    const target = child(node, 'value');
    const indexes = node.childrenForFieldName('subscript').filter((part): part is SyntaxNode => part !== null);
    if (!target || indexes.length !== 1 || !indexes[0]) return [unknownValue];
    const index = indexes[0];
    const containers = values(target, place, env);
    if (index.type === 'slice') {
      const bounds = sliceBounds(index, place, env);
      return union(...containers.map((container) => (bounds ? slice(container, bounds) : [taintOf(container)])));
    }
    const keys = values(index, place, env);
    return product(containers, keys, (container, item) => itemOf(container, item, place));
  }

  function sliceBounds(node: SyntaxNode, place: Place, env: Env): [number | null, number | null, number | null] | null {
    const bounds: Array<number | null> = [null, null, null];
    let slot = 0;
    for (const part of node.children) {
      if (!part) continue;
      if (part.type === ':') {
        slot += 1;
        continue;
      }
      if (!part.isNamed || part.type === 'comment') continue;
      const folded = values(part, place, env);
      if (folded.length !== 1 || folded[0]?.kind !== 'num') return null;
      if (slot > 2) return null;
      bounds[slot] = folded[0].value;
    }
    return [bounds[0] ?? null, bounds[1] ?? null, bounds[2] ?? null];
  }

  function slice(container: Value, [start, stop, step]: [number | null, number | null, number | null]): Value[] {
    if (container.kind === 'str') {
      const chars = sliceItems([...container.value], start, stop, step);
      return [chars ? str(chars.join('')) : obfuscatedValue];
    }
    if (container.kind === 'seq') {
      const items = sliceItems(container.items, start, stop, step);
      return [items ? { kind: 'seq', items } : unknownValue];
    }
    return [taintOf(container)];
  }

  function itemOf(container: Value, index: Value, place: Place): Value[] {
    switch (container.kind) {
      case 'str':
        if (index.kind === 'num' && Number.isInteger(index.value)) {
          const chars = [...container.value];
          const char = chars[index.value < 0 ? chars.length + index.value : index.value];
          return [char === undefined ? unknownValue : str(char)];
        }
        // Picking characters out of a constant alphabet by a computed index is how names get spelled in secret.
        return [obfuscatedValue];
      case 'seq':
        if (index.kind === 'num' && Number.isInteger(index.value)) {
          const item = container.items[index.value < 0 ? container.items.length + index.value : index.value];
          return item ?? [unknownValue];
        }
        return union(...container.items);
      case 'dict':
        if (index.kind === 'str') return container.entries.get(index.value) ?? [unknownValue];
        return union(...container.entries.values());
      case 'namespace':
        return index.kind === 'str' ? namespaceLookup(container, index.value, place) : [unknownValue];
      case 'qual':
        if (index.kind !== 'str') return [unknownValue];
        if (container.name === 'sys.modules') return [qual(index.value)];
        if (container.name === 'builtins') return [qual(`builtins.${index.value}`)];
        return [unknownValue];
      default:
        return [unknownValue];
    }
  }

  function namespaceLookup(namespace: Value & { kind: 'namespace' }, name: string, place: Place): Value[] {
    if (namespace.of !== null) return attributeOf(qual(namespace.of), name);
    return moduleLookup(name, Number.MAX_SAFE_INTEGER, place.top, true);
  }

  function attributeOf(value: Value, name: string): Value[] {
    switch (value.kind) {
      case 'qual': {
        if (name === '__dict__') return [{ kind: 'namespace', of: value.name }];
        if (value.name === 'builtins') return [qual(`builtins.${name}`)];
        const member = qual(`${value.name}.${name}`);
        const bare = name.replace(/^_+/, '');
        return reexportedModules.has(bare) ? [member, qual(bare)] : [member];
      }
      case 'namespace':
        // Every method of a namespace stays one, so the analyzer sees each use (items() hands out every value).
        return [{ kind: 'method', receiver: value, name }];
      case 'str':
        return stringMethods.has(name) ? [{ kind: 'method', receiver: value, name }] : [unknownValue];
      case 'dict':
        return name === 'get' ? [{ kind: 'method', receiver: value, name }] : [unknownValue];
      case 'path':
        // A temporary folder is absolute, so its parent is outside it; a relative path's parent is lexical ('.' stays '.').
        if (name === 'parent') return [{ kind: 'path', path: value.path === null ? null : value.temp && isTopLevel(value.path) ? '..' : parentOf(value.path), temp: value.temp }];
        if (name === 'name' && value.temp) return [value];
        return pathMethodNames.has(name) || pathMethods.has(name) ? [{ kind: 'method', receiver: value, name }] : [unknownValue];
      case 'function':
        if (name === '__code__') return [{ kind: 'code' }];
        if (name === '__globals__') return [{ kind: 'namespace', of: null }];
        return [unknownValue];
      case 'unknown':
        return [value.obfuscated ? value : unknownValue];
      default:
        return [unknownValue];
    }
  }

  function callValues(node: SyntaxNode, place: Place, env: Env): Value[] {
    const callee = child(node, 'function');
    if (!callee) return [unknownValue];
    const args = callArguments(node);
    const out: Value[][] = [];
    for (const target of values(callee, place, env)) {
      const result =
        target.kind === 'qual'
          ? qualifiedCall(target.name, args, place, env)
          : target.kind === 'method'
            ? methodCall(target, args, place, env)
            : target.kind === 'attrgetter'
              ? attrgetterCall(target, args, place, env)
              : null;
      out.push(result ?? [taintedResult(target, args, place, env)]);
    }
    return union(...out);
  }

  // A call the evaluator cannot fold yields an unknown; when constant text went in, that unknown is obfuscated,
  // since whatever name it spells was kept from view (zlib.decompress(b'...'), a helper that decodes a string).
  function taintedResult(target: Value, args: Arguments, place: Place, env: Env): Value {
    if (target.kind === 'method') return taintOf(target.receiver);
    let textWentIn = false;
    for (const argument of args.positional) {
      if (argument.type === 'string' || argument.type === 'concatenated_string') textWentIn = true;
      else if (values(argument, place, env).some((input) => input.kind === 'str' || isObfuscated(input))) textWentIn = true;
    }
    return textWentIn ? obfuscatedValue : unknownValue;
  }

  const argumentValues = (args: Arguments, index: number, keyword: string, place: Place, env: Env): Value[] | null => {
    const node = argumentNode(args, { index, keyword });
    return node ? values(node, place, env) : null;
  };

  function qualifiedCall(name: string, args: Arguments, place: Place, env: Env): Value[] | null {
    const first = () => argumentValues(args, 0, '', place, env);
    const importSpec = importFunctions.get(name);
    if (importSpec) {
      const modules = argumentValues(args, importSpec.index, importSpec.keyword, place, env) ?? [unknownValue];
      return union(modules.flatMap((module) => (module.kind === 'str' ? [qual(module.value), qual(module.value.split('.')[0] ?? module.value)] : [unknownValue])));
    }
    switch (name) {
      case 'builtins.getattr':
      case 'inspect.getattr_static':
      case 'builtins.object.__getattribute__':
      case 'builtins.type.__getattribute__': {
        const objects = argumentValues(args, 0, '', place, env) ?? [unknownValue];
        const names = argumentValues(args, 1, '', place, env) ?? [unknownValue];
        return product(objects, names, (object, attribute) => (attribute.kind === 'str' ? attributeOf(object, attribute.value) : [taintOf(attribute)]));
      }
      case 'builtins.vars': {
        const target = first();
        if (!target) return [{ kind: 'namespace', of: null }];
        return target.map((value) => (value.kind === 'qual' ? { kind: 'namespace', of: value.name } : unknownValue));
      }
      case 'builtins.globals':
      case 'builtins.locals':
        return [{ kind: 'namespace', of: null }];
      case 'builtins.dict':
      case 'collections.ChainMap':
      case 'types.MappingProxyType': {
        // Copies and views of a namespace are namespaces; any other mapping is not followed.
        const spread = (first() ?? []).find((value) => value.kind === 'namespace');
        return spread ? [spread] : null;
      }
      case 'builtins.type': {
        if (args.positional.length !== 1) return null;
        return (first() ?? []).map((value) => (value.kind === 'function' ? qual('types.FunctionType') : value.kind === 'code' ? qual('types.CodeType') : unknownValue));
      }
      case 'operator.attrgetter': {
        const names = args.positional.map((argument) => values(argument, place, env));
        if (names.length !== 1 || !names[0]) return null;
        return names[0].map((value) => (value.kind === 'str' ? { kind: 'attrgetter', names: value.value.split('.') } : taintOf(value)));
      }
      case 'os.path.join':
        return joinValues(args, place, env, false);
      case 'os.fspath':
      case 'os.path.normpath':
        return first();
      default:
        break;
    }
    if (pathConstructors.has(name)) return args.positional.length === 0 ? [{ kind: 'path', path: '.', temp: false }] : joinValues(args, place, env, true);
    if (tempPathFunctions.has(name)) return [{ kind: 'path', path: '', temp: true }];
    return foldBuiltin(name, args, place, env);
  }

  function joinValues(args: Arguments, place: Place, env: Env, asPath: boolean): Value[] {
    if (args.splat) return [unknownValue];
    let results: Value[] = [asPath ? { kind: 'path', path: '', temp: false } : str('')];
    for (const argument of args.positional) results = product(results, values(argument, place, env), (a, b) => [joinOne(a, b, asPath)]);
    return results;
  }

  function foldBuiltin(name: string, args: Arguments, place: Place, env: Env): Value[] | null {
    const first = args.positional[0] ? values(args.positional[0], place, env) : null;
    const second = args.positional[1] ? values(args.positional[1], place, env) : null;
    const map = (fn: (value: Value) => Value): Value[] | null => (first ? union(first.map(fn)) : null);
    switch (name) {
      case 'builtins.chr':
        return map((value) => (value.kind === 'num' ? charOf(value.value) : taintOf(value)));
      case 'builtins.ord':
        return map((value) => (value.kind === 'str' && [...value.value].length === 1 ? { kind: 'num', value: value.value.codePointAt(0) ?? 0 } : unknownValue));
      case 'builtins.str':
      case 'builtins.repr':
        if (!first) return [str('')];
        return map((value) => {
          const text = name === 'builtins.repr' ? convert(value, 'repr') : textOf(value);
          return text === null ? taintOf(value) : value.kind === 'path' ? value : str(text);
        });
      case 'builtins.int':
        return map((value) => {
          if (value.kind === 'num') return { kind: 'num', value: Math.trunc(value.value) };
          const base = second?.[0]?.kind === 'num' ? second[0].value : 10;
          const parsed = value.kind === 'str' ? parseInt(value.value.trim(), base) : Number.NaN;
          return Number.isNaN(parsed) ? unknownValue : { kind: 'num', value: parsed };
        });
      case 'builtins.bytes':
      case 'builtins.bytearray':
        return map((value) => bytesOf(value));
      case 'builtins.bytes.fromhex':
      case 'binascii.unhexlify':
      case 'binascii.a2b_hex':
      case 'base64.b16decode':
        return map((value) => decoded(value, decodeHex));
      case 'base64.b64decode':
      case 'base64.urlsafe_b64decode':
      case 'base64.decodebytes':
      case 'binascii.a2b_base64':
        return map((value) => decoded(value, decodeBase64));
      case 'codecs.decode':
      case 'codecs.encode': {
        const codec = second?.length === 1 && second[0]?.kind === 'str' ? second[0].value.toLowerCase().replace(/[-_]/g, '') : null;
        if (codec === 'rot13') return map((value) => decoded(value, rot13));
        if (codec === 'hex' && name === 'codecs.decode') return map((value) => decoded(value, decodeHex));
        if (codec === 'base64' && name === 'codecs.decode') return map((value) => decoded(value, decodeBase64));
        return map((value) => taintOf(value));
      }
      case 'builtins.reversed':
        return map((value) => (value.kind === 'str' ? { kind: 'seq', items: [...value.value].reverse().map((char) => [str(char)]) } : value.kind === 'seq' ? { kind: 'seq', items: [...value.items].reverse() } : taintOf(value)));
      case 'builtins.list':
      case 'builtins.tuple':
        if (!first) return [{ kind: 'seq', items: [] }];
        return map((value) => (value.kind === 'str' ? { kind: 'seq', items: [...value.value].map((char) => [str(char)]) } : value.kind === 'seq' ? value : taintOf(value)));
      case 'builtins.map':
        return mapValues(args, place, env);
      case 'builtins.pow':
        if (!first || !second || args.positional.length !== 2) return null;
        return product(first, second, (a, b) => [binary('**', a, b)]);
      default:
        return null;
    }
  }

  function mapValues(args: Arguments, place: Place, env: Env): Value[] | null {
    const [fnNode, listNode] = args.positional;
    if (!fnNode || !listNode || args.positional.length !== 2) return null;
    const fns = values(fnNode, place, env);
    const lists = values(listNode, place, env);
    if (fns.length !== 1 || lists.length !== 1 || fns[0]?.kind !== 'qual' || !lists[0]) return null;
    const fn = fns[0].name;
    const elements = elementsOf(lists[0]);
    if (!elements) return [taintOf(lists[0])];
    const apply = (element: Value): Value => {
      if (fn === 'builtins.chr' && element.kind === 'num') return charOf(element.value);
      if (fn === 'builtins.str') return textOf(element) === null ? taintOf(element) : str(textOf(element) as string);
      if (fn === 'builtins.ord' && element.kind === 'str') return { kind: 'num', value: element.value.codePointAt(0) ?? 0 };
      return taintOf(element);
    };
    return [{ kind: 'seq', items: elements.map((element) => [apply(element)]) }];
  }

  function methodCall(method: Value & { kind: 'method' }, args: Arguments, place: Place, env: Env): Value[] | null {
    const receiver = method.receiver;
    const positional = args.positional.map((argument) => values(argument, place, env));
    if (receiver.kind === 'str') return stringMethod(receiver.value, method.name, positional, args, place, env);
    if (receiver.kind === 'namespace') {
      // A copy of a namespace holds the same functions, and is held to the same checks.
      if (method.name === 'copy') return [receiver];
      if (method.name !== 'get' && method.name !== '__getitem__' && method.name !== 'pop' && method.name !== 'setdefault') return null;
      return union(...(positional[0] ?? [unknownValue]).map((item) => (item.kind === 'str' ? namespaceLookup(receiver, item.value, place) : [unknownValue])));
    }
    if (receiver.kind === 'dict' && method.name === 'get') {
      return union(...(positional[0] ?? [unknownValue]).map((item) => (item.kind === 'str' ? (receiver.entries.get(item.value) ?? positional[1] ?? [noneValue]) : union(...receiver.entries.values()))));
    }
    if (receiver.kind === 'path') return pathMethod(receiver, method.name, args, place, env);
    return null;
  }

  function pathMethod(receiver: Value & { kind: 'path' }, name: string, args: Arguments, place: Place, env: Env): Value[] {
    if (name === 'joinpath') {
      let results: Value[] = [receiver];
      for (const argument of args.positional) results = product(results, values(argument, place, env), (a, b) => [joinOne(a, b, true)]);
      return results;
    }
    if (name === 'with_name' || name === 'with_suffix' || name === 'with_stem') {
      const replacement = args.positional[0] ? values(args.positional[0], place, env) : [];
      if (receiver.path === null || replacement.length !== 1 || replacement[0]?.kind !== 'str') return [{ kind: 'path', path: null, temp: receiver.temp }];
      const parent = parentOf(receiver.path);
      const base = receiver.path.split('/').pop() ?? '';
      const dot = base.lastIndexOf('.');
      const stem = dot > 0 ? base.slice(0, dot) : base;
      const suffix = dot > 0 ? base.slice(dot) : '';
      const value = replacement[0].value;
      const nextBase = name === 'with_name' ? value : name === 'with_suffix' ? stem + value : value + suffix;
      return [{ kind: 'path', path: joinPath([parent === '.' ? '' : parent, nextBase]), temp: receiver.temp }];
    }
    return [{ kind: 'path', path: null, temp: false }];
  }

  function stringMethod(text: string, name: string, positional: Value[][], args: Arguments, place: Place, env: Env): Value[] | null {
    const one = positional[0];
    const single = (list: Value[] | undefined): string | null | undefined => (list === undefined ? undefined : list.length === 1 && list[0]?.kind === 'str' ? list[0].value : null);
    switch (name) {
      case 'upper':
        return [str(text.toUpperCase())];
      case 'lower':
      case 'casefold':
        return [str(text.toLowerCase())];
      case 'swapcase':
        return [str([...text].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join(''))];
      case 'capitalize':
        return [str(text.charAt(0).toUpperCase() + text.slice(1).toLowerCase())];
      case 'title':
        return [str(text.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase()))];
      case 'encode':
      case 'decode':
        return [str(text)];
      case 'strip':
      case 'lstrip':
      case 'rstrip': {
        const chars = single(one);
        if (chars === null) return [obfuscatedValue];
        return [str(stripChars(text, chars ?? ' \t\n\r\v\f', name))];
      }
      case 'replace': {
        const from = single(one);
        const to = single(positional[1]);
        if (typeof from !== 'string' || typeof to !== 'string') return [obfuscatedValue];
        return [str(from === '' ? text : text.split(from).join(to))];
      }
      case 'removeprefix':
      case 'removesuffix': {
        const affix = single(one);
        if (typeof affix !== 'string') return [obfuscatedValue];
        if (name === 'removeprefix') return [str(text.startsWith(affix) ? text.slice(affix.length) : text)];
        return [str(affix && text.endsWith(affix) ? text.slice(0, -affix.length) : text)];
      }
      case 'join':
        return one ? union(...one.map((iterable) => joinWith(text, iterable))) : null;
      case 'split':
      case 'rsplit': {
        const separator = single(one);
        if (separator === null || separator === '') return [obfuscatedValue];
        const parts = separator === undefined ? text.split(/\s+/).filter(Boolean) : text.split(separator);
        return [{ kind: 'seq', items: parts.slice(0, maxItems).map((part) => [str(part)]) }];
      }
      case 'format':
        return formatValues(text, positional, args, place, env);
      default:
        return [obfuscatedValue];
    }
  }

  function joinWith(separator: string, iterable: Value): Value[] {
    const elements = iterable.kind === 'str' ? [...iterable.value].map((char) => [str(char)]) : iterable.kind === 'seq' ? iterable.items : null;
    if (!elements) return [taintOf(iterable)];
    let results: Value[] = [str('')];
    elements.forEach((element, index) => {
      results = product(results, element, (a, b) => [concatenateOne(a, index === 0 ? b : concatenateOne(str(separator), b))]);
    });
    return results;
  }

  function formatValues(template: string, positional: Value[][], args: Arguments, place: Place, env: Env): Value[] {
    const parsed = parseFormatTemplate(template);
    if (!parsed) return [obfuscatedValue];
    const pieces: FormatPiece[] = [];
    let automatic = 0;
    for (const part of parsed) {
      if (typeof part === 'string') {
        pieces.push({ text: part });
        continue;
      }
      if (part.path.length > 0 || part.spec !== '') return [partial(pieces.map((piece) => ('text' in piece ? piece.text : '')).join(''), false)];
      const conversion = part.conversion === 'r' || part.conversion === 'a' ? 'repr' : 'str';
      if (part.name === '') pieces.push({ index: automatic++, conversion });
      else if (/^\d+$/.test(part.name)) pieces.push({ index: Number(part.name), conversion });
      else pieces.push({ key: part.name, conversion });
    }
    const named = new Map<string, Value[]>();
    for (const [name, node] of args.keywords) named.set(name, values(node, place, env));
    return render(pieces, positional, named);
  }

  function attrgetterCall(getter: Value & { kind: 'attrgetter' }, args: Arguments, place: Place, env: Env): Value[] {
    let current = args.positional[0] ? values(args.positional[0], place, env) : [unknownValue];
    for (const name of getter.names) current = union(...current.map((value) => attributeOf(value, name)));
    return current;
  }

  // --- names -----------------------------------------------------------------------------------------------------

  function lookup(name: string, place: Place, start: number): Value[] {
    const origin = place.scope;
    let scope: Scope | null = origin;
    let deferred = false;
    const collected: Value[][] = [];
    while (scope) {
      if (scope.kind === 'module') return union(...collected, moduleLookup(name, start, place.top, deferred));
      if (scope.kind === 'class') {
        // A class body sees its own names while it runs; functions and comprehensions inside it do not.
        const bindings = scope === origin ? scope.bindings.get(name) : undefined;
        if (bindings) {
          const found = bindingValues(bindings);
          if (!scope.deleted.has(name) && bindings.some((binding) => binding.definite && binding.at <= start)) return union(...collected, found);
          collected.push(found);
        }
        scope = scope.parent;
        continue;
      }
      if (scope.declaredGlobal.has(name)) return union(...collected, moduleLookup(name, start, place.top, true));
      const bindings = scope.declaredNonlocal.has(name) ? undefined : scope.bindings.get(name);
      // A name bound anywhere in a function is local to all of it: Python never falls back to the built-in.
      if (bindings) return union(...collected, bindingValues(bindings));
      if (scope.kind !== 'comprehension') deferred = true;
      scope = scope.parent;
    }
    return union(...collected, [unknownValue]);
  }

  function moduleLookup(name: string, start: number, top: number, deferred: boolean): Value[] {
    const module = model.module;
    const bindings = module.bindings.get(name) ?? [];
    const found = bindingValues(bindings);
    const shadows = (binding: Binding): boolean => binding.definite && (deferred ? shadowsLater(binding, top) : binding.at <= start);
    if (!module.deleted.has(name) && bindings.some(shadows)) return found;
    const stars = module.starImports.map((source) => qual(`${source}.${name}`));
    // A name that is neither bound yet nor a built-in raises NameError: it adds no value of its own.
    const fallback = builtinValue(name);
    const isBuiltin = fallback[0]?.kind === 'qual';
    return union(found, stars, isBuiltin || (found.length === 0 && stars.length === 0) ? fallback : []);
  }

  // A use inside a function runs when the function is called. A module-level binding made before the statement that
  // defines the function shadows the built-in for every call; one made after it does so only when every statement
  // in between is inert, since any of them could call the function while the built-in is still in place.
  function shadowsLater(binding: Binding, useTop: number): boolean {
    if (binding.top < useTop) return true;
    return (activeBefore[binding.top] ?? 0) - (activeBefore[useTop] ?? 0) === 0;
  }

  function builtinValue(name: string): Value[] {
    if (name === '__builtins__') return [qual('builtins')];
    if (pythonBuiltins.has(name)) return [qual(`builtins.${name}`)];
    return [unknownValue];
  }

  function bindingValues(bindings: Binding[]): Value[] {
    return union(...bindings.map((binding) => bindingValue(binding)));
  }

  function bindingValue(binding: Binding): Value[] {
    const place = (scope: Scope): Place => ({ scope, top: binding.top });
    switch (binding.kind) {
      case 'import':
        return [qual(binding.qualifiedName)];
      case 'value': {
        const found = values(binding.value, place(binding.scope));
        return binding.enter ? union(found.map((value) => (value.kind === 'path' ? value : unknownValue))) : found;
      }
      case 'element':
        return union(...values(binding.iterable, place(binding.scope)).map((value) => {
          const elements = value.kind === 'dict' ? [...value.entries.keys()].map((entry) => str(entry)) : elementsOf(value);
          if (elements) return union(elements);
          if (value.kind === 'seq') return union(...value.items);
          return [taintOf(value)];
        }));
      case 'definition':
        return [binding.what === 'function' ? { kind: 'function', node: binding.node } : { kind: 'class', node: binding.node }];
      case 'parameter': {
        if (isTestFixture(binding)) return [{ kind: 'path', path: '', temp: true }];
        const fallback = binding.fallback ? values(binding.fallback, place(binding.scope)) : [];
        return union(fallback, [unknownValue]);
      }
      case 'unknown': {
        if (!binding.augmented) return [unknownValue];
        const added = values(binding.augmented, place(binding.scope));
        return [added.some((value) => value.kind === 'str' || isObfuscated(value)) ? obfuscatedValue : unknownValue];
      }
    }
  }

  // pytest hands `tmp_path` to test functions; it is a fresh folder of the run. Only trusted when pytest is the one
  // calling: the function is a test_* function that nothing in the file calls or passes around.
  function isTestFixture(binding: Binding & { kind: 'parameter' }): boolean {
    if (binding.name !== 'tmp_path' && binding.name !== 'tmpdir') return false;
    const owner = binding.owner;
    const ownerName = owner.type === 'function_definition' ? owner.childForFieldName('name')?.text : undefined;
    return ownerName !== undefined && ownerName.startsWith('test') && !model.namesRead.has(ownerName);
  }

  return {
    values: (node, place) => values(node, place),
    strings(node, place) {
      const found = values(node, place);
      return { known: found.flatMap((value) => (value.kind === 'str' ? [value.value] : [])), unknown: found.filter((value) => value.kind !== 'str') };
    },
  };
}

// --- pure folding helpers ----------------------------------------------------------------------------------------

function parseInteger(text: string): Value {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (clean.endsWith('j') || clean.endsWith('l')) return unknownValue;
  const parsed = /^0[box]/.test(clean) ? Number(clean) : Number(clean.replace(/^0+(?=\d)/, ''));
  return Number.isNaN(parsed) ? unknownValue : { kind: 'num', value: parsed };
}

function charOf(code: number): Value {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? str(String.fromCodePoint(code)) : unknownValue;
}

function bytesOf(value: Value): Value {
  if (value.kind === 'str') return value;
  if (value.kind === 'seq' && value.items.every((item) => item.length === 1 && item[0]?.kind === 'num')) {
    return str(value.items.map((item) => String.fromCharCode(((item[0] as { value: number }).value ?? 0) & 0xff)).join(''));
  }
  return value.kind === 'num' ? unknownValue : taintOf(value);
}

function taintOf(value: Value): Value {
  return value.kind === 'str' || (value.kind === 'unknown' && value.obfuscated) ? obfuscatedValue : unknownValue;
}

function decoded(value: Value, decode: (text: string) => string | null): Value {
  if (value.kind !== 'str') return taintOf(value);
  const result = decode(value.value);
  return result === null ? obfuscatedValue : str(result);
}

function stripChars(text: string, chars: string, side: string): string {
  let start = 0;
  let end = text.length;
  if (side !== 'rstrip') while (start < end && chars.includes(text[start] as string)) start += 1;
  if (side !== 'lstrip') while (end > start && chars.includes(text[end - 1] as string)) end -= 1;
  return text.slice(start, end);
}

function parentOf(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  parts.pop();
  return parts.length === 0 ? '.' : parts.join('/');
}

function isTopLevel(path: string): boolean {
  return path.split(/[\\/]/).every((part) => part === '' || part === '.');
}

function joinOne(base: Value, part: Value, asPath: boolean): Value {
  const temp = base.kind === 'path' && base.temp;
  const basePath = base.kind === 'path' ? base.path : base.kind === 'str' ? base.value : null;
  const partPath = part.kind === 'path' ? part.path : part.kind === 'str' ? part.value : null;
  if (part.kind === 'path' && part.temp) return { kind: 'path', path: partPath, temp: true };
  if (basePath === null || partPath === null) return asPath || temp ? { kind: 'path', path: null, temp } : unknownValue;
  const joined = joinPath([basePath, partPath]);
  return asPath || temp || base.kind === 'path' ? { kind: 'path', path: joined, temp } : str(joined);
}

function concatenateOne(a: Value, b: Value): Value {
  if (a.kind === 'str' && b.kind === 'str') return str(a.value + b.value);
  if (a.kind === 'str' && b.kind === 'unknown') return partial(a.value + b.prefix, b.obfuscated);
  if (a.kind === 'unknown') return partial(a.prefix, a.obfuscated || isObfuscated(b));
  return taintOf(b);
}

function concatenate(a: Value, b: Value): Value[] {
  return [concatenateOne(a, b)];
}

function repeat(text: string, count: number): Value {
  if (count <= 0) return str('');
  if (text.length * count > hugeString) return { kind: 'huge' };
  return text.length * count > maxStringLength ? unknownValue : str(text.repeat(count));
}

/** One binary operation on folded values (`huge` marks results too large to build at run time). */
export function binary(operator: string, a: Value, b: Value): Value {
  if (a.kind === 'huge' || b.kind === 'huge') return { kind: 'huge' };
  if (a.kind === 'num' && b.kind === 'num') return numeric(operator, a.value, b.value);
  switch (operator) {
    case '+':
      if (a.kind === 'seq' && b.kind === 'seq') return a.items.length + b.items.length > maxItems ? unknownValue : { kind: 'seq', items: [...a.items, ...b.items] };
      if (a.kind === 'path' || (a.kind === 'str' && b.kind === 'path')) return joinConcat(a, b);
      return a.kind === 'str' || a.kind === 'unknown' ? concatenateOne(a, b) : unknownValue;
    case '*': {
      const [text, count] = a.kind === 'num' ? [b, a.value] : [a, b.kind === 'num' ? b.value : null];
      if (count === null || !Number.isFinite(count)) return count === Infinity ? { kind: 'huge' } : taintOf(text);
      if (text.kind === 'str') return repeat(text.value, count);
      if (text.kind === 'seq') {
        if (text.items.length * count > hugeItems) return { kind: 'huge' };
        return text.items.length * count > maxItems ? unknownValue : { kind: 'seq', items: Array.from({ length: Math.max(0, count) }, () => text.items).flat() };
      }
      return unknownValue;
    }
    case '%':
      return a.kind === 'str' ? printf(a.value, b) : unknownValue;
    case '/':
      return a.kind === 'path' ? joinOne(a, b, true) : unknownValue;
    default:
      return unknownValue;
  }
}

function joinConcat(a: Value, b: Value): Value {
  const left = a.kind === 'path' ? a.path : a.kind === 'str' ? a.value : null;
  const right = b.kind === 'path' ? b.path : b.kind === 'str' ? b.value : null;
  const temp = a.kind === 'path' && a.temp;
  if (left === null || right === null) return { kind: 'path', path: null, temp };
  return { kind: 'path', path: left + right, temp };
}

function printf(template: string, argument: Value): Value {
  const pieces = parsePrintf(template);
  if (!pieces) return obfuscatedValue;
  const positional = argument.kind === 'seq' ? argument.items : [[argument]];
  const named = argument.kind === 'dict' ? argument.entries : new Map<string, Value[]>();
  const rendered = render(pieces, positional, named);
  return rendered.length === 1 && rendered[0] ? rendered[0] : obfuscatedValue;
}

function numeric(operator: string, a: number, b: number): Value {
  switch (operator) {
    case '+':
      return { kind: 'num', value: a + b };
    case '-':
      return { kind: 'num', value: a - b };
    case '*':
      return { kind: 'num', value: a * b };
    case '//':
      return b === 0 ? unknownValue : { kind: 'num', value: Math.floor(a / b) };
    case '/':
      return b === 0 ? unknownValue : { kind: 'num', value: a / b };
    case '%':
      return b === 0 ? unknownValue : { kind: 'num', value: ((a % b) + b) % b };
    case '**': {
      if (b < 0) return { kind: 'num', value: a ** b };
      const digits = b * Math.log10(Math.abs(a) || 1);
      if (digits > hugeDigits || (!Number.isFinite(digits) && Math.abs(a) > 1)) return { kind: 'huge' };
      return { kind: 'num', value: a ** b };
    }
    case '<<':
      if (b > hugeDigits * 3.33) return { kind: 'huge' };
      return { kind: 'num', value: a * 2 ** b };
    case '>>':
      return { kind: 'num', value: Math.floor(a / 2 ** b) };
    case '|':
    case '&':
    case '^':
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return unknownValue;
      return { kind: 'num', value: Number(operator === '|' ? BigInt(a) | BigInt(b) : operator === '&' ? BigInt(a) & BigInt(b) : BigInt(a) ^ BigInt(b)) };
    default:
      return unknownValue;
  }
}
