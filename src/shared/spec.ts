// The function spec shared by main and renderer: its schema, its small type language and the JSON encoding of values.
import { z } from 'zod';
import { Tier } from './domain';

/* ------------------------------------------------------------------------------------------------------------------
 * Type language. One spelling for both targets, close to Python's own annotations so imports stay literal:
 *   int  float  str  bool  None  Any  list[T]  dict[K, V]  tuple[A, B]  tuple[T, ...]  set[T]  Optional[T]  A | B
 * Aliases are accepted on input and canonicalised: List/Dict/Tuple/Set, typing.X, Union[A, B], NoneType, and bare
 * list/dict/set/tuple (meaning list[Any] and so on).
 * ---------------------------------------------------------------------------------------------------------------- */

export type ScalarTypeName = 'int' | 'float' | 'str' | 'bool' | 'None' | 'Any';

/** A parsed type expression. */
export type TypeNode =
  | { kind: 'scalar'; name: ScalarTypeName }
  | { kind: 'list' | 'set' | 'optional'; of: TypeNode }
  | { kind: 'dict'; key: TypeNode; value: TypeNode }
  | { kind: 'tuple'; items: TypeNode[]; variadic: boolean }
  | { kind: 'union'; options: TypeNode[] };

const MAX_TYPE_LENGTH = 500;
const MAX_TYPE_DEPTH = 32;

const SCALAR_ALIASES: Record<string, ScalarTypeName> = {
  int: 'int',
  float: 'float',
  str: 'str',
  bool: 'bool',
  None: 'None',
  NoneType: 'None',
  Any: 'Any',
};
const GENERIC_ALIASES: Record<string, 'list' | 'set' | 'dict' | 'tuple' | 'optional' | 'union'> = {
  list: 'list',
  List: 'list',
  set: 'set',
  Set: 'set',
  dict: 'dict',
  Dict: 'dict',
  tuple: 'tuple',
  Tuple: 'tuple',
  Optional: 'optional',
  Union: 'union',
};

const ANY: TypeNode = { kind: 'scalar', name: 'Any' };

/** Thrown by parseType with a message that names the offending part of the expression. */
export class TypeSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeSyntaxError';
  }
}

/** Parses a type expression (aliases allowed); throws TypeSyntaxError. */
export function parseType(text: string): TypeNode {
  if (text.length > MAX_TYPE_LENGTH) throw new TypeSyntaxError(`Type is longer than ${MAX_TYPE_LENGTH} characters.`);
  const tokens = text.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\S/g) ?? [];
  let index = 0;
  const peek = (): string | undefined => tokens[index];
  const expect = (token: string): void => {
    if (tokens[index] !== token) throw new TypeSyntaxError(`Expected "${token}" in type "${text}", found "${tokens[index] ?? 'end'}".`);
    index += 1;
  };

  const parseUnion = (depth: number): TypeNode => {
    if (depth > MAX_TYPE_DEPTH) throw new TypeSyntaxError('Type is nested too deeply.');
    const options = [parsePrimary(depth)];
    while (peek() === '|') {
      index += 1;
      options.push(parsePrimary(depth));
    }
    return makeUnion(options);
  };

  const parseArguments = (depth: number): TypeNode[] => {
    expect('[');
    const items: TypeNode[] = [];
    while (peek() !== ']') {
      if (peek() === '...') {
        index += 1;
        items.push(ELLIPSIS);
      } else if (peek() === '(' && tokens[index + 1] === ')') {
        index += 2; // tuple[()], the empty tuple
      } else items.push(parseUnion(depth + 1));
      if (peek() === ',') index += 1;
      else break;
    }
    expect(']');
    return items;
  };

  const parsePrimary = (depth: number): TypeNode => {
    const token = peek();
    if (token === undefined) throw new TypeSyntaxError(`Type "${text}" ends too early.`);
    if (!/^[A-Za-z_]/.test(token)) throw new TypeSyntaxError(`Unexpected "${token}" in type "${text}".`);
    index += 1;
    const name = token.startsWith('typing.') ? token.slice('typing.'.length) : token;
    // hasOwn: a type named "constructor" must not find Object.prototype's.
    const scalar = Object.hasOwn(SCALAR_ALIASES, name) ? SCALAR_ALIASES[name] : undefined;
    if (scalar) return { kind: 'scalar', name: scalar };
    const generic = Object.hasOwn(GENERIC_ALIASES, name) ? GENERIC_ALIASES[name] : undefined;
    if (!generic) throw new TypeSyntaxError(`Unknown type "${token}": use int, float, str, bool, None, Any, list, dict, tuple, set or Optional.`);
    const args = peek() === '[' ? parseArguments(depth) : undefined;
    return makeGeneric(generic, args, token);
  };

  const result = parseUnion(0);
  if (index !== tokens.length) throw new TypeSyntaxError(`Unexpected "${tokens[index]}" in type "${text}".`);
  return result;
}

// A marker for `...` inside tuple[...]; never escapes makeGeneric.
const ELLIPSIS: TypeNode = { kind: 'tuple', items: [], variadic: true };

function makeGeneric(kind: 'list' | 'set' | 'dict' | 'tuple' | 'optional' | 'union', args: TypeNode[] | undefined, token: string): TypeNode {
  const plain = (args ?? []).filter((arg) => arg !== ELLIPSIS);
  const arity = (count: number): void => {
    if (args && plain.length !== count) throw new TypeSyntaxError(`${token}[...] takes ${count} type argument${count === 1 ? '' : 's'}.`);
    if (args && args.includes(ELLIPSIS)) throw new TypeSyntaxError(`"..." is only allowed in tuple[T, ...].`);
  };
  switch (kind) {
    case 'list':
    case 'set':
      arity(1);
      return { kind, of: plain[0] ?? ANY };
    case 'dict':
      arity(2);
      return { kind, key: plain[0] ?? ANY, value: plain[1] ?? ANY };
    case 'optional':
      if (!args) throw new TypeSyntaxError('Optional needs a type argument: Optional[T].');
      arity(1);
      return { kind, of: plain[0] ?? ANY };
    case 'union':
      if (!args || plain.length === 0) throw new TypeSyntaxError('Union needs type arguments: Union[A, B].');
      arity(plain.length);
      return makeUnion(plain);
    case 'tuple': {
      if (!args) return { kind, items: [ANY], variadic: true };
      const ellipsisAt = args.indexOf(ELLIPSIS);
      if (ellipsisAt === -1) return { kind, items: plain, variadic: false };
      if (args.length !== 2 || ellipsisAt !== 1) throw new TypeSyntaxError('Write a variable-length tuple as tuple[T, ...].');
      return { kind, items: [args[0] ?? ANY], variadic: true };
    }
  }
}

function makeUnion(options: TypeNode[]): TypeNode {
  const flat = options.flatMap((option) => (option.kind === 'union' ? option.options : [option]));
  const unique: TypeNode[] = [];
  for (const option of flat) if (!unique.some((seen) => formatType(seen) === formatType(option))) unique.push(option);
  return unique.length === 1 && unique[0] ? unique[0] : { kind: 'union', options: unique };
}

/** The canonical spelling of a type (what specs store). */
export function formatType(node: TypeNode): string {
  switch (node.kind) {
    case 'scalar':
      return node.name;
    case 'list':
    case 'set':
      return `${node.kind}[${formatType(node.of)}]`;
    case 'optional':
      return `Optional[${formatType(node.of)}]`;
    case 'dict':
      return `dict[${formatType(node.key)}, ${formatType(node.value)}]`;
    case 'tuple':
      if (node.variadic) return `tuple[${node.items.map(formatType).join(', ')}, ...]`;
      return node.items.length === 0 ? 'tuple[()]' : `tuple[${node.items.map(formatType).join(', ')}]`;
    case 'union':
      return node.options.map(formatType).join(' | ');
  }
}

/** Parses and re-spells a type, or returns undefined when it is outside the language. */
export function canonicalType(text: string): string | undefined {
  try {
    return formatType(parseType(text));
  } catch {
    return undefined;
  }
}

/** The TypeScript spelling of a type: int/float → number, None → null, Any → unknown, dict[str, V] → Record. */
export function toTypeScriptType(node: TypeNode): string {
  const inner = (child: TypeNode): string => {
    const text = toTypeScriptType(child);
    return child.kind === 'union' || child.kind === 'optional' ? `(${text})` : text;
  };
  switch (node.kind) {
    case 'scalar':
      return { int: 'number', float: 'number', str: 'string', bool: 'boolean', None: 'null', Any: 'unknown' }[node.name];
    case 'list':
      return `${inner(node.of)}[]`;
    case 'set':
      return `Set<${toTypeScriptType(node.of)}>`;
    case 'optional':
      return `${toTypeScriptType(node.of)} | null`;
    case 'dict':
      // Plain objects only have string keys; the value encoding turns other keys into a Map, so the type follows.
      return node.key.kind === 'scalar' && node.key.name === 'str'
        ? `Record<string, ${toTypeScriptType(node.value)}>`
        : `Map<${toTypeScriptType(node.key)}, ${toTypeScriptType(node.value)}>`;
    case 'tuple':
      return node.variadic ? `${inner(node.items[0] ?? ANY)}[]` : `[${node.items.map(toTypeScriptType).join(', ')}]`;
    case 'union':
      return node.options.map(toTypeScriptType).join(' | ');
  }
}

/** The typing names a Python rendering of these types needs to import. */
export function typingImports(nodes: TypeNode[]): string[] {
  const names = new Set<string>();
  const visit = (node: TypeNode): void => {
    if (node.kind === 'scalar' && node.name === 'Any') names.add('Any');
    if (node.kind === 'optional') names.add('Optional');
    if (node.kind === 'list' || node.kind === 'set' || node.kind === 'optional') visit(node.of);
    if (node.kind === 'dict') {
      visit(node.key);
      visit(node.value);
    }
    if (node.kind === 'tuple') node.items.forEach(visit);
    if (node.kind === 'union') node.options.forEach(visit);
  };
  nodes.forEach(visit);
  return [...names].sort();
}

/* ------------------------------------------------------------------------------------------------------------------
 * Values. Example arguments and results are JSON, plus five tagged objects for what JSON cannot say:
 *   {"$tuple": [...]}   {"$set": [...]}   {"$dict": [[key, value], ...]}   (keys that are not strings, or start with $)
 *   {"$float": "inf" | "-inf" | "nan"}   {"$int": "123456789012345678901"}   (beyond ±2^53)
 * JSON null is Python None. A float with an integral value (1.0) is stored as the JSON number 1: Python compares
 * 1 == 1.0, and tests pick float tolerance from the return type, so nothing observable is lost.
 * ---------------------------------------------------------------------------------------------------------------- */

/** A value in a spec: JSON plus the tagged forms above. */
export type SpecValue = null | boolean | number | string | SpecValue[] | { [key: string]: SpecValue };

const MAX_VALUE_DEPTH = 64;
const TAGS = new Set(['$tuple', '$set', '$dict', '$float', '$int']);

/** Why a value is not a valid SpecValue, or undefined when it is. */
export function specValueProblem(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_VALUE_DEPTH) return `values nest deeper than ${MAX_VALUE_DEPTH} levels`;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'numbers must be finite (use {"$float": "inf"})';
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = specValueProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return `unsupported value of type ${typeof value}`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const tag = keys.find((key) => key.startsWith('$'));
  if (tag !== undefined) {
    if (keys.length !== 1 || !TAGS.has(tag)) return `"${tag}" is not a value tag (use $tuple, $set, $dict, $float or $int)`;
    const inner = record[tag];
    switch (tag) {
      case '$tuple':
      case '$set':
        return Array.isArray(inner) ? specValueProblem(inner, depth) : `${tag} holds an array`;
      case '$dict':
        if (!Array.isArray(inner)) return '$dict holds an array of [key, value] pairs';
        for (const pair of inner) {
          if (!Array.isArray(pair) || pair.length !== 2) return '$dict holds an array of [key, value] pairs';
          const problem = specValueProblem(pair, depth + 1);
          if (problem) return problem;
        }
        return undefined;
      case '$float':
        return inner === 'inf' || inner === '-inf' || inner === 'nan' ? undefined : '$float is "inf", "-inf" or "nan"';
      case '$int':
        return typeof inner === 'string' && /^-?\d{1,4300}$/.test(inner) ? undefined : '$int holds a string of decimal digits';
    }
  }
  for (const key of keys) {
    if (key === '__proto__') return 'the key "__proto__" must be written with $dict';
    const problem = specValueProblem(record[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

export function isSpecValue(value: unknown): value is SpecValue {
  return specValueProblem(value) === undefined;
}

/** Whether a value holds a float anywhere that is not integral (or is inf/nan), i.e. needs tolerant comparison. */
export function containsFloat(value: SpecValue): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  if (Array.isArray(value)) return value.some(containsFloat);
  if (value === null || typeof value !== 'object') return false;
  if ('$float' in value) return true;
  if ('$int' in value) return false;
  return Object.values(value).some(containsFloat);
}

/* ------------------------------------------------------------------------------------------------------------------
 * The spec itself.
 * ---------------------------------------------------------------------------------------------------------------- */

export const SpecLanguage = z.enum(['python', 'typescript']);
export type SpecLanguage = z.infer<typeof SpecLanguage>;

export const ParameterKind = z.enum(['positional', 'keyword', 'var-positional', 'var-keyword']);
export type ParameterKind = z.infer<typeof ParameterKind>;

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);
// arguments and eval cannot be bound in strict mode, which every ES module is.
const TYPESCRIPT_RESERVED = new Set(
  'arguments eval break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean constructor declare get module require number set string symbol type from of await async'.split(' '),
);

// Generated TypeScript names these globals: literals (Infinity, NaN, undefined, new Set, new Map) and the skeleton's
// `throw new Error`. A function or parameter of the same name would shadow them, so a default or an example would
// mean the function itself. (Python needs no such list: defaults are evaluated before the def binds its name.)
const TYPESCRIPT_GLOBALS_USED = new Set(['Infinity', 'NaN', 'undefined', 'Set', 'Map', 'Error']);

/** Whether a name can be a function or parameter name in the spec's language. */
export function isIdentifier(name: string, language: SpecLanguage): boolean {
  if (name === '__proto__' || name.length > 64) return false;
  if (language === 'python') return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !TYPESCRIPT_RESERVED.has(name) && !TYPESCRIPT_GLOBALS_USED.has(name);
}

/** Why a name that passes the identifier pattern is still refused, for the spec's error message. */
function reservedReason(name: string, language: SpecLanguage): string {
  return language === 'typescript' && TYPESCRIPT_GLOBALS_USED.has(name) ? ` (generated code uses the global ${name}, which it would shadow)` : '';
}

const IdentifierText = z.string().min(1).max(64).regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be an identifier');
const TypeText = z
  .string()
  .min(1)
  .max(MAX_TYPE_LENGTH)
  .superRefine((text, ctx) => {
    try {
      parseType(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });

/** A JSON value plus the tagged forms ($tuple, $set, $dict, $float, $int). */
export const SpecValueSchema = z.custom<SpecValue>((value) => isSpecValue(value), {
  error: (issue) => `Invalid example value: ${specValueProblem(issue.input) ?? 'not a value'}.`,
});

/** A template name relative to a templates folder, e.g. python/function/typed_function.liquid. */
export const TemplateName = z
  .string()
  .max(200)
  .regex(/^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*\.liquid$/, 'must look like folder/name.liquid (lower case, digits, _ and -)');

export const SpecParameter = z.object({
  name: IdentifierText,
  type: TypeText,
  default: SpecValueSchema.optional(),
  description: z.string().max(2000).optional(),
  kind: ParameterKind.optional(),
});
export type SpecParameter = z.infer<typeof SpecParameter>;

export const SpecExample = z
  .object({
    args: z.array(SpecValueSchema).max(64),
    kwargs: z.record(IdentifierText, SpecValueSchema).optional(),
    /** Absent: the example only has to run. JSON null: it must return None/null. */
    expected: SpecValueSchema.optional(),
    /** An exception (class) name, e.g. ValueError; dotted names allowed (json.JSONDecodeError). */
    raises: z
      .string()
      .max(200)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be an exception class name')
      .optional(),
    /** Absolute tolerance for float results, e.g. 0.005 for a doctest that shows round(f(x), 2). */
    tolerance: z.number().positive().max(1e6).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((example) => !(example.expected !== undefined && example.raises !== undefined), {
    message: 'An example either returns a value or raises, not both.',
  });
export type SpecExample = z.infer<typeof SpecExample>;

export const Spec = z
  .object({
    name: IdentifierText,
    language: SpecLanguage,
    description: z.string().max(20_000),
    parameters: z.array(SpecParameter).max(64),
    returns: z.object({ type: TypeText, description: z.string().max(2000).optional() }),
    examples: z.array(SpecExample).max(1000),
    constraints: z.array(z.string().max(2000)).max(100),
    template: TemplateName.optional(),
    tier: Tier,
  })
  .superRefine((spec, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if (!isIdentifier(spec.name, spec.language)) issue(['name'], `"${spec.name}" is not a valid ${spec.language} function name${reservedReason(spec.name, spec.language)}.`);
    const names = new Set<string>();
    let seenDefault = false;
    let seenVarPositional = false;
    let seenVarKeyword = false;
    spec.parameters.forEach((parameter, index) => {
      const kind = parameter.kind ?? 'positional';
      if (!isIdentifier(parameter.name, spec.language)) {
        issue(['parameters', index, 'name'], `"${parameter.name}" is not a valid ${spec.language} parameter name${reservedReason(parameter.name, spec.language)}.`);
      }
      if (names.has(parameter.name)) issue(['parameters', index, 'name'], `Parameter "${parameter.name}" appears twice.`);
      names.add(parameter.name);
      if (seenVarKeyword) issue(['parameters', index], 'Nothing may follow the var-keyword parameter.');
      if (kind === 'positional') {
        if (seenVarPositional) issue(['parameters', index, 'kind'], 'A positional parameter cannot follow the var-positional one.');
        if (parameter.default !== undefined) seenDefault = true;
        else if (seenDefault) issue(['parameters', index], `"${parameter.name}" needs a default: it follows a parameter that has one.`);
      }
      if (kind === 'var-positional') {
        if (seenVarPositional) issue(['parameters', index, 'kind'], 'Only one var-positional parameter is allowed.');
        seenVarPositional = true;
      }
      if (kind === 'var-keyword') seenVarKeyword = true;
      if ((kind === 'var-positional' || kind === 'var-keyword') && parameter.default !== undefined) {
        issue(['parameters', index, 'default'], `${kind} parameters cannot have a default.`);
      }
      if (spec.language === 'typescript' && (kind === 'keyword' || kind === 'var-keyword')) {
        issue(['parameters', index, 'kind'], `TypeScript functions have no ${kind} parameters.`);
      }
    });
    const positional = spec.parameters.filter((parameter) => (parameter.kind ?? 'positional') === 'positional');
    const required = positional.filter((parameter) => parameter.default === undefined).map((parameter) => parameter.name);
    const requiredKeyword = spec.parameters
      .filter((parameter) => parameter.kind === 'keyword' && parameter.default === undefined)
      .map((parameter) => parameter.name);
    spec.examples.forEach((example, index) => {
      const kwargs = Object.keys(example.kwargs ?? {});
      if (example.args.length > positional.length && !seenVarPositional) {
        issue(['examples', index, 'args'], `Example ${index + 1} passes ${example.args.length} arguments; ${spec.name} takes ${positional.length}.`);
      }
      for (const key of kwargs) {
        const target = spec.parameters.find((parameter) => parameter.name === key);
        const acceptsByName = target && (target.kind ?? 'positional') !== 'var-positional' && target.kind !== 'var-keyword';
        if (!acceptsByName && !seenVarKeyword) issue(['examples', index, 'kwargs', key], `Example ${index + 1} names an unknown parameter "${key}".`);
        const position = positional.findIndex((parameter) => parameter.name === key);
        if (position !== -1 && position < example.args.length) issue(['examples', index, 'kwargs', key], `Example ${index + 1} gives "${key}" twice.`);
      }
      const missing = [
        ...required.filter((name, position) => position >= example.args.length && !kwargs.includes(name)),
        ...requiredKeyword.filter((name) => !kwargs.includes(name)),
      ];
      if (missing.length > 0) issue(['examples', index], `Example ${index + 1} leaves out ${missing.map((name) => `"${name}"`).join(', ')}.`);
    });
  });
export type Spec = z.infer<typeof Spec>;

/**
 * What a spec still leaves for a person to fill in: parameters or a return of type Any, no parameters, no examples.
 * The plain-words parser reports these for the spec it infers, and the Specs view recomputes them from the draft as
 * it is edited, so a gap once filled stops being reported. Takes any JSON (a draft may not be a valid spec yet).
 */
export function specGaps(spec: unknown): string[] {
  const record = spec !== null && typeof spec === 'object' ? (spec as Record<string, unknown>) : {};
  const parameters = Array.isArray(record.parameters) ? (record.parameters as unknown[]) : [];
  const returns = record.returns !== null && typeof record.returns === 'object' ? (record.returns as Record<string, unknown>) : {};
  const gaps: string[] = [];
  for (const parameter of parameters) {
    const { name, type } = parameter !== null && typeof parameter === 'object' ? (parameter as Record<string, unknown>) : {};
    if (type === 'Any') gaps.push(`Could not tell the type of "${String(name)}"; it is Any until you set it.`);
  }
  if (returns.type === 'Any') gaps.push('Could not tell what the function returns; returns.type is Any until you set it.');
  if (parameters.length === 0) gaps.push('No inputs were found in the request; add the parameters the function takes.');
  if (!Array.isArray(record.examples) || record.examples.length === 0) gaps.push('There are no examples yet; add some, since they become the tests.');
  return gaps;
}
