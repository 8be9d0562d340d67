// Python symbols, imports, complexity and calls from one pass over the nodes that matter (no walk over every node in JS).
import type { Node, Tree } from 'web-tree-sitter';
import type { Parameter } from '../../../shared/indexing';
import { callNameOf, cleanPythonDocstring, clip, collapse, countLines, summaryOf, syntaxIssues } from './text';
import type { ExtractedSymbol, FileExtraction } from './types';

// One `descendantsOfType` call walks the tree inside WASM and hands back only the nodes of these types, in source
// order, so one pass with a stack of open definitions attributes each branch and call to the definitions around it.
// Walking every node from JS (a TreeCursor step per node) costs about a third of the parse; a query with the same
// patterns about a quarter; this walk about a sixth (measured on 168 stdlib modules; bench/indexSplit.ts).
// Complexity follows Ruff's C901 (a port of mccabe): statements only — if, elif, for, while, each except, a try's
// else, each match case (less one for an irrefutable last case) and each nested def count; boolean operators,
// ternaries and comprehensions do not. A nested def's branches count for every function around it, as in Ruff.
const nodeTypes = [
  'function_definition',
  'class_definition',
  'decorator',
  'comment',
  'call',
  'if_statement',
  'elif_clause',
  'for_statement',
  'while_statement',
  'except_clause',
  'case_clause',
  'else_clause',
  'match_statement',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
];

type Scope = { end: number; symbol: ExtractedSymbol; isClass: boolean; calls: Set<string> };

export function extractPython(tree: Tree, source: string): FileExtraction {
  const symbols: ExtractedSymbol[] = [];
  const imports: string[] = [];
  const comments: number[] = [];
  const stack: Scope[] = [];
  let decorators: string[] = [];
  // In a tree with syntax errors every node's type is asked of the tree (see typeFromText).
  const root = tree.rootNode;
  const isClean = !root.hasError;

  const nodes = root.descendantsOfType(nodeTypes);
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as Node;
    const start = node.startIndex;
    while (stack.length > 0 && (stack[stack.length - 1] as Scope).end <= start) closeScope(stack.pop() as Scope);
    const type = (isClean ? typeFromText(source, start) : null) ?? node.type;
    switch (type) {
      case 'comment': {
        // A comment runs to the end of its line. Only line counting reads these ranges, and for it a `\r` before
        // the newline is a blank either way.
        const end = source.indexOf('\n', start);
        comments.push(start, end === -1 ? source.length : end);
        break;
      }
      case 'call': {
        const scope = stack[stack.length - 1];
        if (!scope) break;
        // The callee is the call's first child (its `function` field); the arguments follow it. Most callees are a
        // plain name chain read from the text alone, which saves two calls into WebAssembly per call.
        // A call that starts where this one does lies inside its callee (`f(a)(b)`, `f(a).g(b)`): ask the tree then.
        const calleeEnd = (nodes[index + 1]?.startIndex === start ? null : plainCalleeEnd(source, start)) ?? node.firstChild?.endIndex;
        const name = calleeEnd === undefined ? null : callNameOf(source, start, calleeEnd);
        if (name) scope.calls.add(name);
        break;
      }
      case 'else_clause':
        // An `else` counts only on a try statement; on if, for and while it is not a branch of its own.
        if (node.parent?.type === 'try_statement') addComplexity(stack, 1);
        break;
      case 'if_statement':
      case 'elif_clause':
      case 'for_statement':
      case 'while_statement':
      case 'except_clause':
      case 'case_clause':
        addComplexity(stack, 1);
        break;
      case 'match_statement':
        if (lastCaseIsCatchAll(node)) addComplexity(stack, -1);
        break;
      case 'decorator':
        decorators.push(collapse(source.slice(start + 1, node.endIndex)));
        break;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        collectImports(node, type, source, imports);
        break;
      case 'function_definition':
      case 'class_definition': {
        const isClass = type === 'class_definition';
        const parent = stack[stack.length - 1];
        const symbol = isClass ? classSymbol(node, source, parent) : functionSymbol(node, source, parent);
        // Decorators always sit right before their definition, so whatever is pending belongs to this one.
        symbol.decorators = decorators;
        decorators = [];
        if (!symbol.name) break;
        if (!isClass) addComplexity(stack, 1);
        symbols.push(symbol);
        stack.push({ end: node.endIndex, symbol, isClass, calls: new Set() });
        break;
      }
    }
  }
  while (stack.length > 0) closeScope(stack.pop() as Scope);
  return { symbols, imports, lines: countLines(source, comments), errors: syntaxIssues(tree, source) };
}

function closeScope(scope: Scope): void {
  scope.symbol.calls = [...scope.calls];
}

function addComplexity(stack: readonly Scope[], delta: number): void {
  for (const scope of stack) if (!scope.isClass) scope.symbol.complexity += delta;
}

// The statement keywords that begin nodes of one of nodeTypes and of no other type there (`for` and `if` also begin
// comprehension clauses, which are not among nodeTypes, so the walk never returns them).
const typeByKeyword = new Map([
  ['def', 'function_definition'],
  ['class', 'class_definition'],
  ['if', 'if_statement'],
  ['elif', 'elif_clause'],
  ['for', 'for_statement'],
  ['while', 'while_statement'],
  ['except', 'except_clause'],
  ['else', 'else_clause'],
  ['import', 'import_statement'],
]);
// Words that may begin a call as well as a statement (the soft keywords `match` and `case`; `async` begins a def or
// a for), and `from`, which begins two of the statement types: for these the tree decides.
const ambiguousWords = new Set(['async', 'match', 'case', 'from']);
const leadingWord = /[a-z]+/y;

/**
 * The type of a node the walk returned, read from its first characters, which saves a call into WebAssembly per node:
 * `#` a comment, `@` a decorator, a hard keyword its statement, any other start a call (the only type left that
 * does not begin with a keyword). Null when the text cannot tell: a soft keyword, `from`, or a word that runs on
 * with characters outside ASCII. Only for trees without syntax errors, where every node begins with its own token.
 */
function typeFromText(source: string, start: number): string | null {
  const first = source.charCodeAt(start);
  if (first === 35) return 'comment';
  if (first === 64) return 'decorator';
  if (first < 97 || first > 122) return 'call';
  leadingWord.lastIndex = start;
  leadingWord.test(source);
  const end = leadingWord.lastIndex;
  const next = source.charCodeAt(end);
  // A letter, digit or `_` after the word makes it part of a longer name: a call such as `if_needed(…)`.
  if ((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || next === 95) return 'call';
  if (next >= 128) return null;
  const word = source.slice(start, end);
  if (ambiguousWords.has(word)) return null;
  return typeByKeyword.get(word) ?? 'call';
}

// A dotted name followed by `(`, as in `os.path.join (`; whitespace between the parts is allowed inside brackets.
const plainCallee = /[\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*(?=\s*\()/uy;

/**
 * Where the callee of a call starting at `start` ends when it is a plain dotted name: the text then reads
 * `name.name (`, and since no call starts at `start` inside this one, that `(` opens this call's arguments. Null for
 * any other callee (a subscript, a string, a parenthesised expression, a comment or line continuation inside it).
 */
function plainCalleeEnd(source: string, start: number): number | null {
  plainCallee.lastIndex = start;
  return plainCallee.exec(source) ? plainCallee.lastIndex : null;
}

function baseSymbol(node: Node, name: string, parent: Scope | undefined): ExtractedSymbol {
  const end = node.endPosition;
  return {
    kind: 'function',
    name,
    qualifiedName: parent ? `${parent.symbol.qualifiedName}.${name}` : name,
    signature: '',
    parameters: [],
    returnType: null,
    decorators: [],
    docSummary: null,
    doc: null,
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column,
    endLine: end.row + 1,
    endColumn: end.column,
    complexity: 1,
    calls: [],
  };
}

function functionSymbol(node: Node, source: string, parent: Scope | undefined): ExtractedSymbol {
  const start = node.startIndex;
  const header = plainHeaderAt(source, start);
  const name = header ? (header[1] as string) : fieldText(node, 'name', source, false);
  const symbol = baseSymbol(node, name, parent);
  const isAsync = source.startsWith('async', start);
  const isMethod = parent?.isClass === true;
  symbol.kind = isMethod ? (isAsync ? 'async-method' : 'method') : isAsync ? 'async-function' : 'function';
  const parametersNode = node.childForFieldName('parameters');
  symbol.parameters = parametersNode ? pythonParameters(parametersNode, source) : [];
  const returnNode = node.childForFieldName('return_type');
  const returnEnd = returnNode ? returnNode.endIndex : null;
  symbol.returnType = returnNode ? collapse(source.slice(returnNode.startIndex, returnEnd as number)) : null;
  const generics = header && header[2] !== '[' ? '' : fieldText(node, 'type_parameters', source, true);
  symbol.signature =
    `${isAsync ? 'async ' : ''}def ${name}${generics}(${formatPythonParameters(symbol.parameters)})` +
    (symbol.returnType ? ` -> ${symbol.returnType}` : '');
  // The header ends with the parameters or the return annotation, then `:` and the body.
  const headerEnd = returnEnd ?? parametersNode?.endIndex;
  const mayHaveDocstring = headerEnd === undefined || bodyMayOpenWithString(source, headerEnd, true);
  symbol.doc = mayHaveDocstring ? docstringOf(node.childForFieldName('body'), source) : null;
  symbol.docSummary = summaryOf(symbol.doc);
  return symbol;
}

function classSymbol(node: Node, source: string, parent: Scope | undefined): ExtractedSymbol {
  const header = plainHeaderAt(source, node.startIndex);
  const name = header ? (header[1] as string) : fieldText(node, 'name', source, false);
  const symbol = baseSymbol(node, name, parent);
  symbol.kind = 'class';
  const generics = header && header[2] !== '[' ? '' : fieldText(node, 'type_parameters', source, true);
  const superclasses = node.childForFieldName('superclasses');
  symbol.signature = `class ${name}${generics}` + (superclasses ? clip(collapse(source.slice(superclasses.startIndex, superclasses.endIndex)), 300) : '');
  symbol.doc = docstringOf(node.childForFieldName('body'), source);
  symbol.docSummary = summaryOf(symbol.doc);
  return symbol;
}

/** The text of a definition's field, whitespace collapsed or not; '' when it has none. */
function fieldText(node: Node, field: string, source: string, collapsed: boolean): string {
  const child = node.childForFieldName(field);
  if (!child) return '';
  const text = source.slice(child.startIndex, child.endIndex);
  return collapsed ? collapse(text) : text;
}

// `def name`, `async def name` or `class name`, then the first character after the name: `[` (type parameters), `(`
// or `:`. Reading the name from the text saves a Node and two calls into WebAssembly per definition. A name with
// characters outside these classes, or a comment or line continuation in the header, does not match: the tree decides.
const plainHeader = /(?:async[ \t\f]+)?(?:def|class)[ \t\f]+([\p{L}_][\p{L}\p{N}_]*)(?=[ \t\f]*([([:]))/uy;

function plainHeaderAt(source: string, start: number): RegExpExecArray | null {
  plainHeader.lastIndex = start;
  return plainHeader.exec(source);
}

// What may stand between a definition's header and the first token of its body (or, from the body's start, before
// its first statement): blanks, newlines, comments, line continuations.
const headerColon = /(?:[ \t\f]|\\\r?\n)*:/y;
const blanksAndComments = /(?:\s|#[^\r\n]*|\\\r?\n)*/y;
const stringStart = /[rRuUbBfF]*["']/y;

/**
 * False only when the body surely does not open with a string literal, so most definitions, which have no
 * docstring, need no walk into their body. From a header's end the `:` comes first (true, to be safe, if it is not
 * found there).
 */
function bodyMayOpenWithString(source: string, from: number, afterHeader: boolean): boolean {
  let at = from;
  if (afterHeader) {
    headerColon.lastIndex = at;
    if (!headerColon.test(source)) return true;
    at = headerColon.lastIndex;
  }
  blanksAndComments.lastIndex = at;
  blanksAndComments.test(source);
  stringStart.lastIndex = blanksAndComments.lastIndex;
  return stringStart.test(source);
}

/** The docstring: a string literal as the first statement of the body (comments before it do not count). */
function docstringOf(body: Node | null, source: string): string | null {
  if (!body || !bodyMayOpenWithString(source, body.startIndex, false)) return null;
  let statement = body.firstNamedChild;
  let type = statement?.type;
  while (statement && type === 'comment') {
    statement = statement.nextNamedSibling;
    type = statement?.type;
  }
  if (!statement || type !== 'expression_statement') return null;
  const literal = statement.firstNamedChild;
  if (!literal || literal.type !== 'string' || statement.namedChildCount !== 1) return null;
  return cleanPythonDocstring(source.slice(literal.startIndex, literal.endIndex));
}

function pythonParameters(node: Node, source: string): Parameter[] {
  const parameters: Parameter[] = [];
  let keywordOnly = false;
  for (const child of node.namedChildren) {
    if (!child) continue;
    switch (child.type) {
      case 'identifier':
        parameters.push(parameter(plainNameAt(source, child.startIndex) ?? nodeText(child, source), null, null, keywordOnly));
        break;
      case 'tuple_pattern':
        parameters.push(parameter(nodeText(child, source), null, null, keywordOnly));
        break;
      case 'default_parameter': {
        // `name=value` with nothing but blanks around the `=` is read from the text up to the parameter's end.
        plainDefault.lastIndex = child.startIndex;
        const plain = plainDefault.exec(source);
        if (plain) parameters.push(parameter(plain[1] as string, null, collapse(source.slice(plainDefault.lastIndex, child.endIndex)), keywordOnly));
        else parameters.push(parameter(fieldText(child, 'name', source, true), null, fieldTextOrNull(child, 'value', source), keywordOnly));
        break;
      }
      case 'typed_default_parameter':
        parameters.push(
          parameter(fieldText(child, 'name', source, true), fieldTextOrNull(child, 'type', source), fieldTextOrNull(child, 'value', source), keywordOnly),
        );
        break;
      case 'typed_parameter': {
        const pattern = child.firstNamedChild;
        const annotation = fieldTextOrNull(child, 'type', source);
        const patternType = pattern?.type;
        if (pattern && (patternType === 'list_splat_pattern' || patternType === 'dictionary_splat_pattern')) {
          parameters.push(splatParameter(pattern, patternType, annotation, source));
          if (patternType === 'list_splat_pattern') keywordOnly = true;
        } else {
          parameters.push(parameter(pattern ? nodeText(pattern, source) : '', annotation, null, keywordOnly));
        }
        break;
      }
      case 'list_splat_pattern':
        parameters.push(splatParameter(child, 'list_splat_pattern', null, source));
        keywordOnly = true;
        break;
      case 'dictionary_splat_pattern':
        parameters.push(splatParameter(child, 'dictionary_splat_pattern', null, source));
        break;
      case 'keyword_separator':
        keywordOnly = true;
        break;
      case 'positional_separator':
        for (const parameter of parameters) if (parameter.kind === 'positional') parameter.kind = 'positional-only';
        break;
    }
  }
  return parameters;
}

function parameter(name: string, annotation: string | null, value: string | null, keywordOnly: boolean): Parameter {
  return { name, kind: keywordOnly ? 'keyword-only' : 'positional', annotation, default: value, optional: value !== null };
}

function splatParameter(pattern: Node, type: string, annotation: string | null, source: string): Parameter {
  const isKeywords = type === 'dictionary_splat_pattern';
  const name = nodeText(pattern, source).replace(/^\*+\s*/, '');
  return { name, kind: isKeywords ? 'var-keyword' : 'var-positional', annotation, default: null, optional: true };
}

function nodeText(node: Node, source: string): string {
  return collapse(source.slice(node.startIndex, node.endIndex));
}

function fieldTextOrNull(node: Node, field: string, source: string): string | null {
  const child = node.childForFieldName(field);
  return child ? nodeText(child, source) : null;
}

// A name that the text shows to end where the next character cannot continue it (a blank, `,`, `)`, `=` or `:`);
// anything else (a character outside these classes) leaves the name to the tree.
const plainName = /[\p{L}_][\p{L}\p{N}_]*(?=[\s,)=:])/uy;
// A default parameter's `name =` up to the first character of its value (not a comment or line continuation).
const plainDefault = /([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(?![\s#\\])/uy;

function plainNameAt(source: string, start: number): string | null {
  plainName.lastIndex = start;
  return plainName.exec(source)?.[0] ?? null;
}

/** Parameters as Python spells them, with `/` and a bare `*` put back where the kinds say they were. */
export function formatPythonParameters(parameters: readonly Parameter[]): string {
  const parts: string[] = [];
  const hasVarPositional = parameters.some((parameter) => parameter.kind === 'var-positional');
  let starWritten = false;
  parameters.forEach((parameter, index) => {
    if (parameter.kind === 'keyword-only' && !hasVarPositional && !starWritten) {
      parts.push('*');
      starWritten = true;
    }
    const prefix = parameter.kind === 'var-positional' ? '*' : parameter.kind === 'var-keyword' ? '**' : '';
    let part = prefix + parameter.name;
    if (parameter.annotation) part += `: ${clip(parameter.annotation, 120)}`;
    if (parameter.default !== null) part += parameter.annotation ? ` = ${clip(parameter.default, 80)}` : `=${clip(parameter.default, 80)}`;
    parts.push(part);
    if (parameter.kind === 'positional-only' && parameters[index + 1]?.kind !== 'positional-only') parts.push('/');
  });
  return parts.join(', ');
}

function collectImports(node: Node, type: string, source: string, imports: string[]): void {
  if (type === 'future_import_statement') {
    imports.push('__future__');
  } else if (type === 'import_from_statement') {
    const module = node.childForFieldName('module_name');
    if (module) imports.push(nodeText(module, source).replace(/\s+/g, ''));
  } else {
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const target = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
      if (target) imports.push(nodeText(target, source).replace(/\s+/g, ''));
    }
  }
}

/** Whether a match statement ends in a case that takes anything (`case _:`, `case x:`) without a guard. */
function lastCaseIsCatchAll(match: Node): boolean {
  let last = match.childForFieldName('body')?.lastNamedChild ?? null;
  while (last && last.type === 'comment') last = last.previousNamedSibling;
  if (!last || last.type !== 'case_clause' || last.childForFieldName('guard')) return false;
  const patterns = last.namedChildren.filter((child) => child?.type === 'case_pattern');
  return patterns.length === 1 && isIrrefutable(patterns[0] as Node);
}

function isIrrefutable(pattern: Node): boolean {
  const inner = pattern.type === 'case_pattern' ? pattern.firstChild : pattern;
  if (!inner) return false;
  switch (inner.type) {
    case '_':
      return true;
    case 'dotted_name':
      // A bare name captures anything; a dotted one (`Color.RED`) compares against a value.
      return inner.namedChildCount === 1;
    case 'identifier':
      return true;
    case 'union_pattern':
      return inner.namedChildren.some((child) => child !== null && isIrrefutable(child)) || inner.children.some((child) => child?.type === '_');
    case 'as_pattern': {
      const first = inner.firstNamedChild;
      return first !== null && isIrrefutable(first);
    }
    default:
      return false;
  }
}
