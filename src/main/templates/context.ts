// The `spec` variable every template sees: the Spec with every optional field filled, so strict templates never miss.
import { ArkError } from '../../shared/errors';
import { containsFloat, parseType, Spec, typingImports, type ParameterKind, type SpecValue } from '../../shared/spec';

/** A parameter as templates see it; `default` is null when `has_default` is false (null alone would mean None). */
export type ContextParameter = {
  name: string;
  type: string;
  kind: ParameterKind;
  has_default: boolean;
  default: SpecValue;
  description: string;
};

/** An example as templates see it; `number` counts from 1 for display. */
export type ContextExample = {
  index: number;
  number: number;
  args: SpecValue[];
  kwargs: Record<string, SpecValue>;
  has_kwargs: boolean;
  has_expected: boolean;
  expected: SpecValue;
  raises: string;
  has_tolerance: boolean;
  tolerance: number;
  note: string;
};

/** The spec as templates see it. */
export type ContextSpec = {
  name: string;
  language: Spec['language'];
  description: string;
  summary: string;
  details: string;
  tier: Spec['tier'];
  template: string;
  constraints: string[];
  parameters: ContextParameter[];
  returns: { type: string; description: string };
  examples: ContextExample[];
};

/** Fills a spec's optional fields; summary is the first paragraph of the description, details the rest. */
export function specContext(spec: Spec): ContextSpec {
  const description = spec.description.trim();
  const [summary = '', ...rest] = description.split(/\n\s*\n/);
  return {
    name: spec.name,
    language: spec.language,
    description,
    summary: summary.replace(/\s*\n\s*/g, ' ').trim(),
    details: rest.join('\n\n').trim(),
    tier: spec.tier,
    template: spec.template ?? '',
    constraints: [...spec.constraints],
    parameters: spec.parameters.map((parameter) => ({
      name: parameter.name,
      type: parameter.type,
      kind: parameter.kind ?? 'positional',
      has_default: parameter.default !== undefined,
      default: parameter.default ?? null,
      description: parameter.description ?? '',
    })),
    returns: { type: spec.returns.type, description: spec.returns.description ?? '' },
    examples: spec.examples.map((example, index) => ({
      index,
      number: index + 1,
      args: example.args,
      kwargs: example.kwargs ?? {},
      has_kwargs: Object.keys(example.kwargs ?? {}).length > 0,
      has_expected: example.expected !== undefined,
      expected: example.expected ?? null,
      raises: example.raises ?? '',
      has_tolerance: example.tolerance !== undefined,
      tolerance: example.tolerance ?? 0,
      note: example.note ?? '',
    })),
  };
}

/* ---------------------------------------------------------------------------------------------------------------
 * The full context built-in templates expect. Every template gets all of it, so a user template and the live preview
 * can use any variable without knowing which kind of template it is.
 * ------------------------------------------------------------------------------------------------------------- */

/** An example prepared for a test template: its group decides how it is asserted. */
export type TestCase = ContextExample & {
  /** A stable pytest/node:test id, e.g. "example-3". */
  id: string;
  /** Arguments by position (keyword arguments placed by parameter order; TypeScript needs this). */
  call_args: SpecValue[];
  /** Relative and absolute float tolerance, for the approx group. */
  rel: number;
  abs: number;
  /** The expected value nests floats inside containers, so pytest.approx (flat only) cannot compare it. */
  nested: boolean;
  /** The exception is a Python built-in, so `pytest.raises(Name)` resolves without an import. */
  builtin_exception: boolean;
};

export type TestCases = { equal: TestCase[]; approx: TestCase[]; raises: TestCase[]; smoke: TestCase[] };

export type TemplateContext = {
  spec: ContextSpec;
  /** The function body to place inside the signature; empty means "render the not-implemented placeholder". */
  body: string;
  /** Names Python annotations need from typing (Any, Optional). */
  typing_imports: string[];
  /** The Python module tests import the function from. */
  module: string;
  /** The module specifier TypeScript tests import the function from. */
  module_path: string;
  cases: TestCases;
};

export type TemplateContextOptions = { body?: string; module?: string; modulePath?: string };

/** pytest.approx's default relative tolerance; the runner and TS tests use the same figure so all three agree. */
export const DEFAULT_RELATIVE_TOLERANCE = 1e-6;
export const DEFAULT_ABSOLUTE_TOLERANCE = 1e-12;

const PYTHON_BUILTIN_EXCEPTIONS = new Set(
  ('ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError ' +
    'ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError EOFError ' +
    'EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError GeneratorExit IOError ImportError ' +
    'IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ' +
    'ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError OverflowError PermissionError ' +
    'ProcessLookupError RecursionError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError ' +
    'SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError ' +
    'UnicodeError UnicodeTranslateError ValueError ZeroDivisionError').split(' '),
);

export function isPythonBuiltinException(name: string): boolean {
  return PYTHON_BUILTIN_EXCEPTIONS.has(name);
}

function isNumberLike(value: SpecValue): boolean {
  return typeof value === 'number' || (value !== null && typeof value === 'object' && !Array.isArray(value) && ('$float' in value || '$int' in value));
}

function isFlatNumbers(value: SpecValue): boolean {
  if (isNumberLike(value)) return true;
  const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' && '$tuple' in value ? (value.$tuple as SpecValue[]) : undefined;
  return items !== undefined && items.every((item) => isNumberLike(item) || typeof item === 'string' || typeof item === 'boolean' || item === null);
}

function mentionsFloat(type: string): boolean {
  return /\bfloat\b/.test(type);
}

/** Sorts examples into assertion groups: exact equality, float tolerance, expected exception, or must-not-raise. */
export function testCases(spec: Spec): TestCases {
  const context = specContext(spec);
  const cases: TestCases = { equal: [], approx: [], raises: [], smoke: [] };
  const floatResult = mentionsFloat(spec.returns.type);
  for (const example of context.examples) {
    const floats = example.has_expected && (example.has_tolerance || containsFloat(example.expected) || (floatResult && containsNumber(example.expected)));
    const testCase: TestCase = {
      ...example,
      id: `example-${example.number}`,
      call_args: mergeKeywords(example, context.parameters),
      rel: DEFAULT_RELATIVE_TOLERANCE,
      abs: example.has_tolerance ? example.tolerance : DEFAULT_ABSOLUTE_TOLERANCE,
      nested: floats ? !isFlatNumbers(example.expected) : false,
      builtin_exception: isPythonBuiltinException(example.raises),
    };
    if (example.raises) cases.raises.push(testCase);
    else if (!example.has_expected) cases.smoke.push(testCase);
    else if (floats) cases.approx.push(testCase);
    else cases.equal.push(testCase);
  }
  return cases;
}

function containsNumber(value: SpecValue): boolean {
  if (isNumberLike(value)) return true;
  if (Array.isArray(value)) return value.some(containsNumber);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsNumber);
}

function mergeKeywords(example: ContextExample, parameters: ContextParameter[]): SpecValue[] {
  const values: SpecValue[] = [...example.args];
  const positional = parameters.filter((parameter) => parameter.kind === 'positional');
  for (const [key, value] of Object.entries(example.kwargs)) {
    const position = positional.findIndex((parameter) => parameter.name === key);
    if (position === -1) continue;
    // A gap before a named argument takes the parameter's default (TypeScript has no keyword arguments).
    for (let index = values.length; index < position; index += 1) {
      const gap = positional[index];
      values.push(gap?.has_default ? gap.default : null);
    }
    values[position] = value;
  }
  return values;
}

/** The context every built-in template renders with; the spec is checked first (previews get unsaved specs). */
export function templateContext(input: Spec, options: TemplateContextOptions = {}): TemplateContext {
  const parsed = Spec.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArkError('invalid-input', `The spec is not valid: ${issue?.path.join('.') || 'spec'}: ${issue?.message ?? 'invalid'}.`);
  }
  const spec = parsed.data;
  if (spec.language === 'typescript') assertExactInTypeScript(spec);
  const types = [...spec.parameters.map((parameter) => parameter.type), spec.returns.type].map((type) => parseType(type));
  return {
    spec: specContext(spec),
    body: options.body ?? '',
    typing_imports: typingImports(types),
    module: options.module ?? 'solution',
    module_path: options.modulePath ?? './solution.js',
    cases: testCases(spec),
  };
}

// TypeScript renders the spec's int as number, which holds integers exactly only up to 2^53; a bigint literal for a
// larger $int would not type-check against it. Such a spec is refused here, once, rather than rendered wrong.
function assertExactInTypeScript(spec: Spec): void {
  const check = (value: SpecValue | undefined, where: string): void => {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => check(item, where));
    const digits = (value as { $int?: unknown }).$int;
    if (typeof digits === 'string' && Object.keys(value).length === 1 && !Number.isSafeInteger(Number(digits))) {
      throw new ArkError('invalid-input', `${where}: the integer ${digits} is beyond 2^53, which a TypeScript number cannot hold exactly; use a smaller value, or a Python spec.`);
    }
    Object.values(value).forEach((item) => check(item, where));
  };
  spec.parameters.forEach((parameter, index) => check(parameter.default, `parameters[${index}].default`));
  spec.examples.forEach((example, index) => {
    check(example.args, `examples[${index}].args`);
    check(example.kwargs, `examples[${index}].kwargs`);
    check(example.expected, `examples[${index}].expected`);
  });
}
