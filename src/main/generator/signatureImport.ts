// Imports a spec from Python source: a function's signature, its docstring, and the examples written in it.
import type { Node } from 'web-tree-sitter';
import { ArkError } from '../../shared/errors';
import type { Tier } from '../../shared/domain';
import { canonicalType, Spec, type SpecExample, type SpecParameter, type SpecValue } from '../../shared/spec';
import { createParser } from '../parsing/treeSitter';
import { PythonLiteralError, readPythonExpression, toSpecValue, type PyExpr } from './pythonLiteral';

export type ImportOptions = {
  /** The function to import; default: the last top-level function in the source. */
  entryPoint?: string;
  tier?: Tier;
};

export type ImportResult = {
  spec: Spec;
  /** Everything the import had to guess or could not read, with source line numbers. */
  warnings: string[];
  stats: {
    /** Examples read from `>>>` doctest lines. */
    doctestExamples: number;
    /** Examples read from other notations (`f(x) ==> y`, `For x = 1 the output should be 2`, Input/Output blocks). */
    otherExamples: number;
    /** Lines that looked like examples but could not be read (each has a warning). */
    skippedLines: number;
  };
};

const MAX_SOURCE = 1024 * 1024;

/** Parses Python source with tree-sitter and builds a spec from the chosen function; throws ArkError for bad input. */
export async function importPythonSignature(source: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (source.trim() === '') throw new ArkError('invalid-input', 'Paste a Python function (a def with its docstring) to import.');
  if (source.length > MAX_SOURCE) throw new ArkError('invalid-input', 'The source is larger than 1 MiB; paste just the function.');
  const parser = await createParser('python');
  const tree = parser.parse(source);
  parser.delete();
  if (!tree) throw new ArkError('internal', 'The Python parser returned no tree.');
  try {
    const functions = topLevelFunctions(tree.rootNode);
    if (functions.length === 0) throw new ArkError('invalid-input', 'No top-level function (def) was found in the source.');
    const chosen = options.entryPoint ? functions.find((node) => node.childForFieldName('name')?.text === options.entryPoint) : functions[functions.length - 1];
    if (!chosen) {
      const names = functions.map((node) => node.childForFieldName('name')?.text).join(', ');
      throw new ArkError('not-found', `There is no top-level function "${options.entryPoint}" (found: ${names}).`);
    }
    return buildSpec(chosen, options);
  } finally {
    tree.delete();
  }
}

function topLevelFunctions(root: Node): Node[] {
  const found: Node[] = [];
  for (const child of root.namedChildren) {
    if (!child) continue;
    if (child.type === 'function_definition') found.push(child);
    else if (child.type === 'decorated_definition') {
      const definition = child.childForFieldName('definition');
      if (definition?.type === 'function_definition') found.push(definition);
    }
  }
  return found;
}

function buildSpec(node: Node, options: ImportOptions): ImportResult {
  const warnings: string[] = [];
  const name = node.childForFieldName('name')?.text ?? '';
  const line = node.startPosition.row + 1;
  const parameters = readParameters(node.childForFieldName('parameters'), warnings);
  const returnNode = node.childForFieldName('return_type');
  let returnType = 'Any';
  if (!returnNode) warnings.push(`Line ${line}: ${name} has no return annotation; recorded as Any.`);
  else returnType = annotation(returnNode.text, `the return type of ${name}`, returnNode.startPosition.row + 1, warnings);

  const docstring = readDocstring(node, warnings);
  const doc = docstring ? analyseDocstring(docstring.text, docstring.line, name, parameters, warnings) : undefined;
  if (!docstring) warnings.push(`Line ${line}: ${name} has no docstring, so the spec has no description or examples.`);

  if (doc) {
    for (const parameter of parameters) {
      const description = doc.parameterDescriptions.get(parameter.name);
      if (description) parameter.description = description;
    }
  }
  const candidate = {
    name,
    language: 'python' as const,
    description: (doc?.description ?? '').slice(0, 20_000),
    parameters,
    returns: doc?.returnsDescription ? { type: returnType, description: doc.returnsDescription } : { type: returnType },
    examples: doc?.examples ?? [],
    constraints: doc?.constraints ?? [],
    tier: options.tier ?? 'sandbox',
  };
  const parsed = Spec.safeParse(candidate);
  if (!parsed.success) {
    // Keep what is valid: drop examples the schema rejects (say, a wrong argument count) with a warning each.
    const badExamples = new Set(parsed.error.issues.filter((issue) => issue.path[0] === 'examples').map((issue) => Number(issue.path[1])));
    for (const index of [...badExamples].sort((a, b) => a - b)) {
      const issue = parsed.error.issues.find((item) => item.path[0] === 'examples' && Number(item.path[1]) === index);
      warnings.push(`Example ${index + 1} was left out: ${issue?.message ?? 'invalid'}`);
    }
    const retry = Spec.safeParse({ ...candidate, examples: candidate.examples.filter((_, index) => !badExamples.has(index)) });
    if (!retry.success) {
      const first = retry.error.issues[0];
      throw new ArkError('invalid-input', `The function cannot be imported as a spec: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(), {
        issues: retry.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    return { spec: retry.data, warnings, stats: doc?.stats ?? { doctestExamples: 0, otherExamples: 0, skippedLines: 0 } };
  }
  return { spec: parsed.data, warnings, stats: doc?.stats ?? { doctestExamples: 0, otherExamples: 0, skippedLines: 0 } };
}

/* ---------------------------------------------------------------------------------------------------------------
 * Signature.
 * ------------------------------------------------------------------------------------------------------------- */

function annotation(text: string, what: string, line: number, warnings: string[]): string {
  const canonical = canonicalType(text.replace(/\s+/g, ' '));
  if (canonical) return canonical;
  warnings.push(`Line ${line}: ${what} is annotated "${text}", which is outside the spec type language; recorded as Any.`);
  return 'Any';
}

function readParameters(list: Node | null, warnings: string[]): SpecParameter[] {
  const parameters: SpecParameter[] = [];
  if (!list) return parameters;
  let keywordOnly = false;
  for (const child of list.namedChildren) {
    if (!child) continue;
    const line = child.startPosition.row + 1;
    if (child.type === 'keyword_separator') {
      keywordOnly = true;
      continue;
    }
    if (child.type === 'positional_separator') continue;
    let nameNode: Node | null = null;
    let typeNode: Node | null = child.childForFieldName('type');
    const valueNode: Node | null = child.childForFieldName('value');
    let kind: SpecParameter['kind'] = keywordOnly ? 'keyword' : 'positional';
    const target = child.type === 'typed_parameter' ? child.namedChildren.find((item) => item?.type !== 'type') ?? null : child;
    if (child.type === 'identifier') nameNode = child;
    else if (child.type === 'default_parameter' || child.type === 'typed_default_parameter') nameNode = child.childForFieldName('name');
    if (target?.type === 'identifier') nameNode = target;
    if (target?.type === 'list_splat_pattern' || target?.type === 'dictionary_splat_pattern') {
      kind = target.type === 'list_splat_pattern' ? 'var-positional' : 'var-keyword';
      nameNode = target.namedChildren.find((item) => item?.type === 'identifier') ?? null;
      if (kind === 'var-positional') keywordOnly = true;
    }
    if (!nameNode) {
      warnings.push(`Line ${line}: parameter "${child.text}" could not be read and was left out.`);
      continue;
    }
    const name = nameNode.text;
    if (child.type === 'identifier' || child.type === 'default_parameter') typeNode = null;
    const type = typeNode ? annotation(typeNode.text, `parameter ${name}`, line, warnings) : 'Any';
    if (!typeNode) warnings.push(`Line ${line}: parameter ${name} has no annotation; recorded as Any.`);
    const parameter: SpecParameter = { name, type, kind };
    if (valueNode) {
      try {
        parameter.default = literal(valueNode.text);
      } catch {
        // Keep the parameter optional with the usual Python idiom (None, then the real default inside the body).
        warnings.push(`Line ${line}: the default of ${name} (${valueNode.text}) is not a literal; recorded as None, with the source default in its description.`);
        parameter.default = null;
        if (parameter.type !== 'Any' && !parameter.type.startsWith('Optional[')) parameter.type = `Optional[${parameter.type}]`;
        parameter.description = `Defaults to ${valueNode.text} in the source (None stands for it).`;
      }
    }
    parameters.push(parameter);
  }
  return parameters;
}

function literal(text: string): SpecValue {
  const { expr, end } = readPythonExpression(text);
  if (text.slice(end).trim() !== '') throw new PythonLiteralError('Trailing text', end);
  return toSpecValue(expr);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Docstring.
 * ------------------------------------------------------------------------------------------------------------- */

function readDocstring(node: Node, warnings: string[]): { text: string; line: number } | undefined {
  const body = node.childForFieldName('body');
  if (!body) return undefined;
  // The docstring is the first statement; tolerate imports before it (seen in real code: `import math` then """...""").
  for (const statement of body.namedChildren) {
    if (!statement) continue;
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'comment') continue;
    if (statement.type !== 'expression_statement') return undefined;
    const string = statement.namedChildren[0];
    if (!string || (string.type !== 'string' && string.type !== 'concatenated_string')) return undefined;
    try {
      const value = literal(string.text);
      if (typeof value !== 'string') return undefined;
      return { text: value, line: string.startPosition.row + 1 };
    } catch (error) {
      warnings.push(`Line ${string.startPosition.row + 1}: the docstring could not be read (${(error as Error).message}).`);
      return undefined;
    }
  }
  return undefined;
}

/** inspect.cleandoc: tabs expanded, the common indentation of lines after the first removed, blank ends trimmed. */
function cleandoc(text: string): { lines: string[]; firstLineOffset: number } {
  const lines = text.replace(/\t/g, '        ').split(/\r\n|\r|\n/);
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content) margin = Math.min(margin, line.length - content.length);
  }
  const cleaned = lines.map((line, index) => (index === 0 ? line.trimStart() : Number.isFinite(margin) ? line.slice(margin) : line).trimEnd());
  let offset = 0;
  while (cleaned.length > 0 && cleaned[0] === '') {
    cleaned.shift();
    offset += 1;
  }
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  return { lines: cleaned, firstLineOffset: offset };
}

type DocAnalysis = {
  description: string;
  parameterDescriptions: Map<string, string>;
  returnsDescription: string;
  constraints: string[];
  examples: SpecExample[];
  stats: ImportResult['stats'];
};

const SECTION = /^(Args|Arguments|Parameters|Params|Returns|Return|Yields|Raises|Note|Notes|Constraints):\s*$/;
const EXAMPLE_HEADING = /^(?:for\s+)?(?:examples?|e\.g\.)(?:\s+\d+)?\s*:?\s*$/i;

function analyseDocstring(text: string, firstLine: number, name: string, parameters: SpecParameter[], warnings: string[]): DocAnalysis {
  const { lines, firstLineOffset } = cleandoc(text);
  const lineNumber = (index: number): number => firstLine + firstLineOffset + index;
  const consumed = new Set<number>();
  const examples: { at: number; example: SpecExample; style: 'doctest' | 'other' }[] = [];
  const stats = { doctestExamples: 0, otherExamples: 0, skippedLines: 0 };
  const skip = (index: number, why: string): void => {
    stats.skippedLines += 1;
    warnings.push(`Line ${lineNumber(index)}: ${why}`);
  };
  const context: ExampleContext = { name, parameters };

  // Doctests first: they are unambiguous and their output lines must not be mistaken for prose.
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^(\s*)>>>(?: |$)(.*)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const start = index;
    const indentation = match[1] ?? '';
    let source = match[2] ?? '';
    consumed.add(index);
    while (index + 1 < lines.length && new RegExp(`^${indentation}\\.\\.\\.(?: |$)`).test(lines[index + 1] ?? '')) {
      index += 1;
      consumed.add(index);
      source += '\n' + (lines[index] ?? '').slice(indentation.length + 4);
    }
    const output: string[] = [];
    // Output runs to a blank line or the next prompt; a line indented less than the prompt cannot be output either.
    // (Unless the prompt holds an unclosed string: then the docstring's own "\n" escapes broke the lines, see readDoctest.)
    const brokenString = (() => {
      const read = readWithRest(source);
      return typeof read === 'string' && /never closed/.test(read);
    })();
    const outdented = (line: string): boolean => !brokenString && line.length - line.trimStart().length < indentation.length;
    while (index + 1 < lines.length && (lines[index + 1] ?? '').trim() !== '' && !/^\s*>>>/.test(lines[index + 1] ?? '') && !outdented(lines[index + 1] ?? '')) {
      index += 1;
      consumed.add(index);
      output.push((lines[index] ?? '').slice(Math.min(indentation.length, (lines[index] ?? '').length - (lines[index] ?? '').trimStart().length)));
    }
    const notices: string[] = [];
    const read = readDoctest(source, output, context, notices);
    for (const notice of notices) warnings.push(`Line ${lineNumber(start)}: ${notice}`);
    if ('example' in read) {
      examples.push({ at: start, example: read.example, style: 'doctest' });
      stats.doctestExamples += 1;
    } else skip(start, `doctest ">>> ${source.split('\n')[0]}" was not imported: ${read.problem}`);
  }

  // Then the other notations people use in docstrings, line by line.
  for (let index = 0; index < lines.length; index += 1) {
    if (consumed.has(index)) continue;
    const found = readOtherStyle(lines, index, context);
    if (!found) continue;
    for (let used = index; used < index + found.lines; used += 1) consumed.add(used);
    if ('example' in found) {
      examples.push({ at: index, example: found.example, style: 'other' });
      stats.otherExamples += 1;
    } else skip(index, found.problem);
    index += found.lines - 1;
  }

  const sections = readSections(lines, consumed, parameters);
  // A heading such as "Example:" or "For example:" goes with the examples it introduces.
  for (let index = 0; index < lines.length; index += 1) {
    if (consumed.has(index) || !EXAMPLE_HEADING.test((lines[index] ?? '').trim())) continue;
    let next = index + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next += 1;
    if (next >= lines.length || consumed.has(next)) consumed.add(index);
  }
  const description = lines
    .filter((_, index) => !consumed.has(index))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    description,
    parameterDescriptions: sections.parameters,
    returnsDescription: sections.returns,
    constraints: sections.constraints,
    examples: examples.sort((a, b) => a.at - b.at).map((entry) => entry.example),
    stats,
  };
}

/** Google-style sections (Args, Returns, Raises, Note): descriptions go to the spec's fields, not its description. */
function readSections(lines: string[], consumed: Set<number>, parameters: SpecParameter[]): { parameters: Map<string, string>; returns: string; constraints: string[] } {
  const result = { parameters: new Map<string, string>(), returns: '', constraints: [] as string[] };
  for (let index = 0; index < lines.length; index += 1) {
    const heading = SECTION.exec(lines[index] ?? '');
    if (!heading || consumed.has(index)) continue;
    const kind = heading[1] ?? '';
    const body: { line: string; at: number }[] = [];
    let next = index + 1;
    while (next < lines.length && ((lines[next] ?? '') === '' || /^\s+\S/.test(lines[next] ?? ''))) {
      if ((lines[next] ?? '') !== '' || /^\s+\S/.test(lines[next + 1] ?? '')) body.push({ line: lines[next] ?? '', at: next });
      next += 1;
      if ((lines[next - 1] ?? '') === '' && !/^\s+\S/.test(lines[next] ?? '')) break;
    }
    consumed.add(index);
    for (const entry of body) consumed.add(entry.at);
    const entries: string[] = [];
    for (const { line } of body) {
      const itemIndent = /^\s*/.exec(body[0]?.line ?? '')?.[0].length ?? 0;
      const indentNow = /^\s*/.exec(line)?.[0].length ?? 0;
      if (indentNow <= itemIndent || entries.length === 0) entries.push(line.trim());
      else entries[entries.length - 1] += ` ${line.trim()}`;
    }
    if (kind === 'Returns' || kind === 'Return' || kind === 'Yields') {
      result.returns = entries.map((entry) => entry.replace(/^[^:]{1,80}:\s+/, '')).join(' ').trim();
    } else if (kind === 'Note' || kind === 'Notes' || kind === 'Constraints') {
      result.constraints.push(...entries.map((entry) => entry.replace(/^[-*]\s+/, '')).filter(Boolean));
    } else if (kind !== 'Raises') {
      for (const entry of entries) {
        const item = /^\**([A-Za-z_][A-Za-z0-9_]*)(?:\s*\([^)]*\))?\s*:\s*(.*)$/.exec(entry);
        if (item?.[1] && parameters.some((parameter) => parameter.name === item[1])) result.parameters.set(item[1], item[2] ?? '');
      }
    }
  }
  return result;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Examples.
 * ------------------------------------------------------------------------------------------------------------- */

type ExampleContext = { name: string; parameters: SpecParameter[] };
type Read = { example: SpecExample } | { problem: string };

function callOf(expr: PyExpr, context: ExampleContext): { args: SpecValue[]; kwargs?: Record<string, SpecValue> } | string {
  if (expr.t !== 'call') return 'it is not a call';
  if (expr.callee !== context.name) return `it calls ${expr.callee}, not ${context.name}`;
  try {
    const args = expr.args.map(toSpecValue);
    if (expr.kwargs.length === 0) return { args };
    const kwargs: Record<string, SpecValue> = {};
    for (const [key, value] of expr.kwargs) kwargs[key] = toSpecValue(value);
    return { args, kwargs };
  } catch (error) {
    return `an argument is not a literal (${(error as Error).message})`;
  }
}

/** Reads a whole expression, allowing a trailing comment; returns the expression and what follows it on the line. */
function readWithRest(text: string): { expr: PyExpr; rest: string } | string {
  try {
    const { expr, end } = readPythonExpression(text);
    return { expr, rest: text.slice(end) };
  } catch (error) {
    return (error as Error).message;
  }
}

function stripComment(rest: string): string {
  return rest.replace(/^\s*#.*$/s, '').trim();
}

function readDoctest(source: string, shownLines: string[], context: ExampleContext, notices: string[]): Read {
  let output = [...shownLines];
  let read = readWithRest(source);
  let notice: string | undefined;
  // In a docstring that is not raw, "\n" inside a doctest string is already a line break when Python (and doctest)
  // read it, which splits the call over lines. The writer meant the escape, so rejoin with it.
  while (typeof read === 'string' && /never closed/.test(read) && output.length > 0) {
    source += '\\n' + output.shift();
    read = readWithRest(source);
    notice = 'the docstring is not a raw string, so "\\n" in this doctest became a line break; it was read as the escape \\n.';
  }
  if (notice) notices.push(notice);
  if (typeof read === 'string') return { problem: read };
  if (notice && output.length > 1) {
    const joined = readWithRest(output.join('\\n'));
    if (typeof joined !== 'string' && joined.rest.trim() === '') output = [output.join('\\n')];
  }
  let { expr } = read;
  let tolerance: number | undefined;
  let expected: SpecValue | undefined;
  let rest = read.rest;

  // `round(f(x), 2)` shows a rounded result: keep the call, compare within half a unit of the last shown place.
  if (expr.t === 'call' && expr.callee === 'round' && expr.args[0]?.t === 'call' && expr.kwargs.length === 0) {
    const places = expr.args[1];
    const digits = places === undefined ? 0 : places.t === 'int' ? Number(places.v) : NaN;
    if (!Number.isInteger(digits) || digits < 0 || digits > 15) return { problem: 'round() needs a whole number of places' };
    tolerance = 0.5 * 10 ** -digits;
    expr = expr.args[0];
  }
  const call = callOf(expr, context);
  if (typeof call === 'string') return { problem: call };

  // `f(x) == y` with no output (or output True) states the result on the prompt line; so does `f(x) y`.
  const comparison = /^\s*==\s*/.exec(rest);
  if (comparison) {
    const right = readWithRest(rest.slice(comparison[0].length));
    if (typeof right === 'string') return { problem: `the value after == could not be read (${right})` };
    if (stripComment(right.rest) !== '') return { problem: `unexpected "${right.rest.trim()}" after the value` };
    if (output.length > 0 && output.join('\n').trim() !== 'True') return { problem: `it compares with == but shows ${output.join(' ')}` };
    try {
      expected = toSpecValue(right.expr);
    } catch (error) {
      return { problem: (error as Error).message };
    }
    rest = '';
  } else if (stripComment(rest) !== '' && output.length === 0) {
    const right = readWithRest(rest);
    if (typeof right === 'string' || stripComment(right.rest) !== '') return { problem: `unexpected "${rest.trim()}" after the call` };
    try {
      expected = toSpecValue(right.expr);
    } catch (error) {
      return { problem: (error as Error).message };
    }
    rest = '';
  }
  if (stripComment(rest) !== '') return { problem: `unexpected "${rest.trim()}" after the call` };

  const example: SpecExample = { args: call.args };
  if (call.kwargs) example.kwargs = call.kwargs;
  if (tolerance !== undefined) example.tolerance = tolerance;
  if (expected !== undefined) {
    example.expected = expected;
    return { example };
  }
  const shown = output.join('\n');
  if (shown.trim() === '') {
    example.expected = null; // doctest: no output means the call returned None
    return { example };
  }
  if (/^Traceback \(most recent call last\):/.test(shown.trim())) {
    const last = output.filter((line) => /^[A-Za-z_]/.test(line)).pop() ?? '';
    const exception = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?::|$)/.exec(last.trim());
    if (!exception?.[1] || exception[1] === 'Traceback') return { problem: 'the traceback names no exception' };
    example.raises = exception[1];
    return { example };
  }
  const value = readWithRest(shown);
  if (typeof value === 'string' || value.rest.trim() !== '') return { problem: `the output "${shown.trim()}" is not a Python literal` };
  try {
    example.expected = toSpecValue(value.expr);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  return { example };
}

// What may separate a call from its result in prose: f(x) ==> y, => y, -> y, == y, = y, # returns y, should return y.
const SEPARATOR =
  /^\s*(?:#\s*)?(?:==>|=>|-->|->|==|=|➞|→|⇒|\bshould\s+(?:return|be|give|output)\b|\b(?:returns?|gives?|outputs?|yields?|evaluates\s+to|results\s+in)\b)\s*:?\s*/;
const LEAD = /^\s*(?:(?:[*\-•]|\d+[.)])\s+)?(?:(?:assert|for|e\.g\.|eg|example:|ex:)\s+)?/i;

type OtherRead = ({ example: SpecExample } | { problem: string }) & { lines: number };

function readOtherStyle(lines: string[], index: number, context: ExampleContext): OtherRead | undefined {
  const line = lines[index] ?? '';
  const lead = LEAD.exec(line)?.[0] ?? '';
  const body = line.slice(lead.length);
  const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(body);
  if (call) return readCallStyle(lines, index, lead.length, call[1] ?? '', context);
  const forStyle = /^\s*for\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/i.exec(line);
  if (forStyle) return readForStyle(line, context);
  if (/^\s*Input\s*:/i.test(line)) return readInputOutput(lines, index, context);
  return undefined;
}

function rhsValue(text: string): { value: SpecValue } | { problem: string } {
  const trimmed = text.trim();
  // Docstrings written for other languages say true/false/null; unambiguous enough when it is the whole result.
  const word = /^(true|false|null|none)\s*[.,;]?$/.exec(trimmed);
  if (word) return { value: word[1] === 'true' ? true : word[1] === 'false' ? false : null };
  const read = readWithRest(trimmed);
  if (typeof read === 'string') return { problem: `the result "${trimmed.slice(0, 40)}" is not a literal` };
  // After the value: nothing, a full stop, a comment, or a parenthesised remark — anything else (arithmetic) is ambiguous.
  const tail = read.rest.trim();
  if (tail !== '' && !/^[.,;]?$/.test(tail) && !/^[.,;]?\s*#/.test(tail) && !/^\((?:[^()]*\s[^()]*)\)\.?$/.test(tail)) {
    return { problem: `unexpected "${tail.slice(0, 40)}" after the result` };
  }
  try {
    return { value: toSpecValue(read.expr) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

function readCallStyle(lines: string[], index: number, offset: number, callee: string, context: ExampleContext): OtherRead | undefined {
  // A call may span lines (a literal broken over several); join until it reads, at most 20 lines.
  let text = (lines[index] ?? '').slice(offset);
  let count = 1;
  let read = readWithRest(text);
  while (typeof read === 'string' && count < 20 && index + count < lines.length && /never closed|the end/.test(read)) {
    text += '\n' + (lines[index + count] ?? '');
    count += 1;
    read = readWithRest(text);
  }
  const shown = text.trim().slice(0, 60);
  if (typeof read === 'string') {
    // An unreadable call is only an example if the line has an example's arrow or verb.
    return /[=-]>|==|\breturns?\b|\bshould\b/.test(text) ? { problem: `"${shown}" looks like an example but could not be read (${read}).`, lines: count } : undefined;
  }
  const separator = SEPARATOR.exec(read.rest);
  // Without a separator this is prose that happens to start with a call ("f(x) is defined as ..."): not an example.
  if (!separator) return undefined;
  // "f(n) = f(n - 1) + ..." defines the function rather than showing a result.
  if (separator[0].trim() === '=' && /^\s*=\s*[A-Za-z_]/.test(read.rest) && !/^\s*=\s*(True|False|None)\b/.test(read.rest)) {
    return { problem: `"${shown}" looks like an example but could not be read.`, lines: count };
  }
  if (callee !== context.name) return { problem: `"${shown}" calls ${callee}, not ${context.name}; not imported.`, lines: count };
  const call = callOf(read.expr, context);
  if (typeof call === 'string') return { problem: `"${shown}" was not imported: ${call}.`, lines: count };
  const rhsText = read.rest.slice(separator[0].length);
  const value = rhsValue(rhsText);
  if ('problem' in value) return { problem: `"${shown}" was not imported: ${value.problem}.`, lines: count };
  const example: SpecExample = { args: call.args, expected: value.value, note: `From the docstring: ${oneLineText(text)}` };
  if (call.kwargs) example.kwargs = call.kwargs;
  return { example, lines: count };
}

function oneLineText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Reads `name = literal, other = literal` into arguments by parameter position; undefined when names do not match. */
function readAssignments(text: string, context: ExampleContext): { args: SpecValue[]; end: number } | string {
  const values = new Map<string, SpecValue>();
  let position = 0;
  for (;;) {
    const name = /^\s*,?\s*(?:and\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*/.exec(text.slice(position));
    if (!name?.[1]) break;
    if (!context.parameters.some((parameter) => parameter.name === name[1])) {
      if (values.size === 0) return `"${name[1]}" is not a parameter of ${context.name}`;
      break;
    }
    const start = position + name[0].length;
    let read: { expr: PyExpr; end: number };
    try {
      read = readPythonExpression(text, start);
    } catch (error) {
      return `the value of ${name[1]} could not be read (${(error as Error).message})`;
    }
    try {
      values.set(name[1], toSpecValue(read.expr));
    } catch (error) {
      return (error as Error).message;
    }
    position = read.end;
  }
  if (values.size === 0) return 'no "name = value" pairs';
  const args: SpecValue[] = [];
  for (const parameter of context.parameters) {
    if ((parameter.kind ?? 'positional') !== 'positional') break;
    const value = values.get(parameter.name);
    if (value === undefined) {
      if (parameter.default === undefined) return `no value is given for ${parameter.name}`;
      break;
    }
    args.push(value);
  }
  if (args.length !== values.size) return 'the values given do not match the parameters in order';
  return { args, end: position };
}

function readForStyle(line: string, context: ExampleContext): OtherRead {
  const start = /^\s*for\s+/i.exec(line)?.[0].length ?? 0;
  const assignments = readAssignments(line.slice(start), context);
  if (typeof assignments === 'string') return { problem: `"${line.trim().slice(0, 60)}" was not imported: ${assignments}.`, lines: 1 };
  const tail = line.slice(start + assignments.end);
  const result = /\b(?:the\s+)?(?:output|result|answer|return value)\s+(?:should\s+be|is|will\s+be)\s*:?\s*(.*)$/i.exec(tail);
  if (!result) return { problem: `"${line.trim().slice(0, 60)}" names inputs but no "the output should be".`, lines: 1 };
  const rhsText = result[1] ?? '';
  const value = rhsValue(rhsText);
  if ('problem' in value) return { problem: `"${line.trim().slice(0, 60)}" was not imported: ${value.problem}.`, lines: 1 };
  return { example: { args: assignments.args, expected: value.value, note: `From the docstring: ${oneLineText(line)}` }, lines: 1 };
}

function readInputOutput(lines: string[], index: number, context: ExampleContext): OtherRead {
  // Input: a = 1, b = 2   (or a single literal for a one-parameter function; or "name : value" lines below)
  // Output: 3
  let inputText = (lines[index] ?? '').replace(/^\s*Input\s*:\s*/i, '');
  let count = 1;
  while (index + count < lines.length && !/^\s*Output\s*:/i.test(lines[index + count] ?? '') && count < 12) {
    if ((lines[index + count] ?? '').trim() === '') break;
    inputText += '\n' + (lines[index + count] ?? '');
    count += 1;
  }
  const outputLine = lines[index + count] ?? '';
  const label = `Input on "${(lines[index] ?? '').trim().slice(0, 50)}"`;
  if (!/^\s*Output\s*:/i.test(outputLine)) return { problem: `${label} has no Output line after it.`, lines: count };
  count += 1;
  const rhsText = outputLine.replace(/^\s*Output\s*:\s*/i, '');
  const value = rhsValue(rhsText);
  if ('problem' in value) return { problem: `${label} was not imported: ${value.problem}.`, lines: count };
  const positional = context.parameters.filter((parameter) => (parameter.kind ?? 'positional') === 'positional');
  let args: SpecValue[];
  const assignments = readAssignments(inputText.replace(/\n/g, ', '), context);
  if (typeof assignments !== 'string' && inputText.replace(/\n/g, ', ').slice(assignments.end).trim() === '') args = assignments.args;
  else if (positional.length === 1) {
    const single = rhsValue(inputText);
    if ('problem' in single) return { problem: `${label} was not imported: ${typeof assignments === 'string' ? assignments : single.problem}.`, lines: count };
    args = [single.value];
  } else return { problem: `${label} was not imported: ${typeof assignments === 'string' ? assignments : 'unexpected text after the values'}.`, lines: count };
  const note = `From the docstring: Input: ${oneLineText(inputText)} Output: ${oneLineText(rhsText)}`;
  return { example: { args, expected: value.value, note }, lines: count };
}

/** An example written inside a plain-words request: `is_prime(7) -> True`. */
export type InlineExample = { callee: string; args: SpecValue[]; kwargs?: Record<string, SpecValue>; expected: SpecValue; text: string };

/**
 * Finds examples written as `name(args) <separator> value` anywhere in free text (the separators of docstrings:
 * ==>, =>, ->, ==, =, returns, should return, …), and returns the text with them (and an "e.g." before them) removed.
 */
export function readInlineExamples(text: string): { examples: InlineExample[]; problems: string[]; remaining: string } {
  const examples: InlineExample[] = [];
  const problems: string[] = [];
  const spans: [number, number][] = [];
  const call = /\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;
  for (let match = call.exec(text); match; match = call.exec(text)) {
    const start = match.index;
    let read: { expr: PyExpr; end: number };
    try {
      read = readPythonExpression(text, start);
    } catch {
      continue;
    }
    const separator = SEPARATOR.exec(text.slice(read.end));
    if (!separator || read.expr.t !== 'call') continue;
    const valueStart = read.end + separator[0].length;
    const word = /^(true|false|null|none)\b/i.exec(text.slice(valueStart));
    let expected: SpecValue;
    let end: number;
    const snippet = text.slice(start, Math.min(text.length, valueStart + 40)).split('\n')[0] ?? '';
    try {
      if (word?.[1] && !/^(True|False|None)$/.test(word[1])) {
        const lower = word[1].toLowerCase();
        expected = lower === 'true' ? true : lower === 'false' ? false : null;
        end = valueStart + word[1].length;
      } else {
        const value = readPythonExpression(text, valueStart);
        expected = toSpecValue(value.expr);
        end = value.end;
      }
    } catch (error) {
      problems.push(`The example "${snippet.trim()}" was not read: ${(error as Error).message}`);
      continue;
    }
    const parsedCall = callOf(read.expr, { name: read.expr.callee, parameters: [] });
    if (typeof parsedCall === 'string') {
      problems.push(`The example "${snippet.trim()}" was not read: ${parsedCall}.`);
      continue;
    }
    const example: InlineExample = { callee: read.expr.callee, args: parsedCall.args, expected, text: text.slice(start, end).trim() };
    if (parsedCall.kwargs) example.kwargs = parsedCall.kwargs;
    examples.push(example);
    const lead = /(?:[,;(]?\s*(?:e\.g\.|for example|for instance|such as|like|example:|eg)\s*[:,]?\s*|[,;]\s*(?:and\s+)?)$/i.exec(text.slice(0, start));
    spans.push([lead ? start - lead[0].length : start, end]);
    call.lastIndex = end;
  }
  let remaining = text;
  for (const [from, to] of spans.reverse()) remaining = `${remaining.slice(0, from)} ${remaining.slice(to)}`;
  remaining = remaining.replace(/\(\s*\)/g, ' ').replace(/\s+([,.;])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  return { examples, problems, remaining };
}
