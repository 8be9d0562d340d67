// Python symbols, imports, complexity and calls from one walk over the tree with a cursor, creating no Node objects.
import type { Language, Tree } from 'web-tree-sitter';
import type { Parameter } from '../../../shared/indexing';
import { LineIndex } from '../../parsing/lineIndex';
import { openTreeCursor, type WasmTreeCursor } from '../../parsing/treeCursorWasm';
import { callNameOf, cleanPythonDocstring, clip, collapse, countLines, summaryOf, syntaxIssues } from './text';
import type { ExtractedSymbol, FileExtraction } from './types';

// One walk with parsing/treeCursorWasm's cursor reads node type ids (a move or a read is one call into WebAssembly,
// with nothing marshalled) and, for the few nodes that matter, their ranges and children. It replaces one
// `descendantsOfType` call, which walked every node inside WebAssembly (at about the same cost as this walk over every
// node) but made a Node object for each of the ~90,000 it returned per 174,000 stdlib lines, after which each
// definition took a dozen more calls and Nodes for its fields. This walk also does not go into expressions and simple
// statements whose text shows they hold no call and no comment, which leaves out about half of the moves: extraction
// takes ~0.65 of the CPU it did (docs/performance.md, "Extraction"; out/exp/extract2/compare.mts checks the output
// against the Node-based extractor's on every stdlib module).
// Complexity follows Ruff's C901 (a port of mccabe): statements only — if, elif, for, while, each except, a try's
// else, each match case (less one for an irrefutable last case) and each nested def count; boolean operators,
// ternaries and comprehensions do not. A nested def's branches count for every function around it, as in Ruff.
const Kind = {
  Other: 0,
  Function: 1,
  Class: 2,
  Decorator: 3,
  Comment: 4,
  Call: 5,
  Branch: 6,
  Else: 7,
  Match: 8,
  Import: 9,
  ImportFrom: 10,
  FutureImport: 11,
} as const;

const kindByType = new Map<string, number>([
  ['function_definition', Kind.Function],
  ['class_definition', Kind.Class],
  ['decorator', Kind.Decorator],
  ['comment', Kind.Comment],
  ['call', Kind.Call],
  ['if_statement', Kind.Branch],
  ['elif_clause', Kind.Branch],
  ['for_statement', Kind.Branch],
  ['while_statement', Kind.Branch],
  ['except_clause', Kind.Branch],
  ['case_clause', Kind.Branch],
  ['else_clause', Kind.Else],
  ['match_statement', Kind.Match],
  ['import_statement', Kind.Import],
  ['import_from_statement', Kind.ImportFrom],
  ['future_import_statement', Kind.FutureImport],
]);

// Expressions, simple statements and their parts: nodes that may hold calls and comments but no statement (a
// statement on the same line as its `if` or `def` is a child of that compound statement, not of these), so no
// definition, decorator, branch or import. Those with few nodes inside are not worth the look (identifiers, numbers).
const leavable = new Set([
  'expression_statement',
  'return_statement',
  'assignment',
  'augmented_assignment',
  'raise_statement',
  'assert_statement',
  'delete_statement',
  'global_statement',
  'nonlocal_statement',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'decorator',
  'attribute',
  'subscript',
  'slice',
  'binary_operator',
  'comparison_operator',
  'boolean_operator',
  'not_operator',
  'unary_operator',
  'conditional_expression',
  'keyword_argument',
  'pair',
  'dictionary',
  'list',
  'tuple',
  'set',
  'parenthesized_expression',
  'expression_list',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'string',
  'concatenated_string',
  'dotted_name',
  'aliased_import',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'type',
  'list_splat',
  'dictionary_splat',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'await',
  'lambda',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
  'argument_list',
  'parameters',
  'pass_statement',
  'break_statement',
  'continue_statement',
  'print_statement',
  'exec_statement',
  'type_alias_statement',
  'with_clause',
  'with_item',
  'as_pattern',
  'as_pattern_target',
  'for_in_clause',
  'if_clause',
  'named_expression',
  'yield',
  'case_pattern',
]);

// tree-sitter's id for ERROR nodes, above every grammar's own ids; they are named.
const errorTypeId = 65535;

/** A grammar's type and field ids as the walk reads them, looked up once per grammar. */
type Grammar = {
  /** Kind by type id; ids past the grammar's own (ERROR) read as undefined, i.e. Other. */
  kinds: Uint8Array;
  typeNames: readonly (string | undefined)[];
  isNamed: Uint8Array;
  fieldNames: readonly (string | null)[];
  tryStatement: number;
  /** 1 for the types that cannot hold a statement, decorator or definition (see leavable). */
  canLeaveOut: Uint8Array;
};

const grammars = new WeakMap<Language, Grammar>();

function grammarOf(language: Language): Grammar {
  let grammar = grammars.get(language);
  if (grammar) return grammar;
  const typeNames = language.types;
  const kinds = new Uint8Array(typeNames.length);
  const isNamed = new Uint8Array(typeNames.length);
  const canLeaveOut = new Uint8Array(typeNames.length);
  let tryStatement = -1;
  for (let id = 0; id < typeNames.length; id++) {
    const name = typeNames[id];
    if (!language.nodeTypeIsNamed(id) || name === undefined) continue;
    isNamed[id] = 1;
    kinds[id] = kindByType.get(name) ?? Kind.Other;
    if (leavable.has(name)) canLeaveOut[id] = 1;
    if (name === 'try_statement') tryStatement = id;
  }
  grammar = { kinds, typeNames, isNamed, fieldNames: language.fields, tryStatement, canLeaveOut };
  grammars.set(language, grammar);
  return grammar;
}

/** What the extractor keeps of a node it looks inside: web-tree-sitter's Node, read through the cursor once. */
type Shape = { type: string; field: string | null; isNamed: boolean; start: number; end: number; children: Shape[] };
// Of an anonymous node (`(`, `def`, `_`) only the type is read: the extractor needs no more of them, and skipping the
// rest saves three calls into WebAssembly each. Its field is null and its range -1.

type Scope = { end: number; symbol: ExtractedSymbol; isClass: boolean; calls: Set<string> };

/** The file's state during the walk. */
type Walk = {
  source: string;
  cursor: WasmTreeCursor;
  grammar: Grammar;
  symbols: ExtractedSymbol[];
  imports: string[];
  stack: Scope[];
  lines: LineIndex;
};

export function extractPython(tree: Tree, source: string): FileExtraction {
  const grammar = grammarOf(tree.language);
  const comments: number[] = [];
  let decorators: string[] = [];
  // Asked before the cursor opens: it lives in web-tree-sitter's transfer buffer, and no other web-tree-sitter call
  // may come until it is deleted.
  const isClean = !tree.rootNode.hasError;
  const cursor = openTreeCursor(tree);
  const walk: Walk = { source, cursor, grammar, symbols: [], imports: [], stack: [], lines: new LineIndex(source) };
  const { kinds, tryStatement, canLeaveOut } = grammar;
  const stack = walk.stack;
  try {
    // The type ids of the nodes above the cursor, for an else clause's parent.
    const parents: number[] = [];
    // A call's callee is its first child, so the step after a call lands on it, and its end is read there.
    let callScope: Scope | null = null;
    let callStart = 0;
    const nextHash = charFinder(source, '#');
    const nextParenthesis = charFinder(source, '(');
    for (;;) {
      if (callScope) {
        const name = callNameOf(source, callStart, cursor.endIndex());
        if (name) callScope.calls.add(name);
        callScope = null;
      }
      const typeId = cursor.typeId();
      const kind = kinds[typeId] ?? Kind.Other;
      let start = -1;
      let isLeftOut = false;
      if (kind !== Kind.Other) {
        start = cursor.startIndex();
        while (stack.length > 0 && (stack[stack.length - 1] as Scope).end <= start) closeScope(stack.pop() as Scope);
        switch (kind) {
          case Kind.Comment: {
            // A comment runs to the end of its line. Only line counting reads these ranges, and for it a `\r` before
            // the newline is a blank either way.
            const end = source.indexOf('\n', start);
            comments.push(start, end === -1 ? source.length : end);
            break;
          }
          case Kind.Call: {
            const scope = stack[stack.length - 1];
            // A plain callee, then arguments without a call or comment: the text says it all (as the tree would,
            // since no other call starts here), and the walk need not go in.
            const calleeEnd = isClean ? plainCalleeEnd(source, start) : null;
            if (calleeEnd !== null) {
              const end = cursor.endIndex();
              const argumentsStart = source.indexOf('(', calleeEnd);
              if (end <= nextHash(start) && end <= nextParenthesis(argumentsStart + 1)) {
                const name = scope ? callNameOf(source, start, calleeEnd) : null;
                if (scope && name) scope.calls.add(name);
                isLeftOut = true;
                break;
              }
            }
            if (scope) {
              callScope = scope;
              callStart = start;
            }
            break;
          }
          case Kind.Else:
            // An `else` counts only on a try statement; on if, for and while it is not a branch of its own.
            if (parents[parents.length - 1] === tryStatement) addComplexity(stack, 1);
            break;
          case Kind.Branch:
            addComplexity(stack, 1);
            break;
          case Kind.Match:
            if (lastCaseIsCatchAll(readShape(walk, 'match_statement', start, Infinity))) addComplexity(stack, -1);
            break;
          case Kind.Decorator:
            decorators.push(collapse(source.slice(start + 1, cursor.endIndex())));
            break;
          case Kind.Import:
            collectImports(readShape(walk, 'import_statement', start, 2), walk);
            break;
          case Kind.ImportFrom:
            collectImports(readShape(walk, 'import_from_statement', start, 1), walk);
            break;
          case Kind.FutureImport:
            walk.imports.push('__future__');
            break;
          case Kind.Function:
          case Kind.Class: {
            const isClass = kind === Kind.Class;
            const symbol = definitionSymbol(walk, start, isClass);
            // Decorators always sit right before their definition, so whatever is pending belongs to this one.
            symbol.decorators = decorators;
            decorators = [];
            if (!symbol.name) break;
            if (!isClass) addComplexity(stack, 1);
            walk.symbols.push(symbol);
            stack.push({ end: cursor.endIndex(), symbol, isClass, calls: new Set() });
            break;
          }
        }
      }
      // A node that cannot hold a statement holds nothing that matters but calls, which have a `(` after their
      // callee, and comments, which begin with `#`: when its text has neither, the walk need not go in.
      // (From after the node's first character for `(`: a call inside has a callee before it.)
      if (!isLeftOut && isClean && canLeaveOut[typeId] === 1) {
        if (start === -1) start = cursor.startIndex();
        const end = cursor.endIndex();
        isLeftOut = end <= nextHash(start) && end <= nextParenthesis(start + 1);
      }
      if (!isLeftOut && cursor.gotoFirstChild()) {
        parents.push(typeId);
        continue;
      }
      // A call always has children; this only guards the invariant the callee read above relies on.
      callScope = null;
      let isDone = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          isDone = true;
          break;
        }
        parents.pop();
      }
      if (isDone) break;
    }
  } finally {
    cursor.delete();
  }
  while (stack.length > 0) closeScope(stack.pop() as Scope);
  return { symbols: walk.symbols, imports: walk.imports, lines: countLines(source, comments), errors: syntaxIssues(tree, source) };
}

/**
 * Where `char` next occurs in `source` at or after an index (the source's length if nowhere). The walk asks at
 * indices that mostly grow, so one search answers many questions.
 */
function charFinder(source: string, char: string): (from: number) => number {
  let searchedFrom = -1;
  let found = -1;
  return (from) => {
    if (from < searchedFrom || from > found) {
      searchedFrom = from;
      found = source.indexOf(char, from);
      if (found === -1) found = source.length;
    }
    return found;
  };
}

// A dotted name followed by `(`, as in `os.path.join (`; whitespace between the parts is allowed inside brackets.
const plainCallee = /[\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*(?=\s*\()/uy;

/**
 * Where the callee of a call starting at `start` ends when it is a plain dotted name (`name.name (`); null for any
 * other callee (a subscript, a string, a parenthesised expression, a comment or line continuation inside it).
 */
function plainCalleeEnd(source: string, start: number): number | null {
  plainCallee.lastIndex = start;
  return plainCallee.exec(source) ? plainCallee.lastIndex : null;
}

function closeScope(scope: Scope): void {
  scope.symbol.calls = [...scope.calls];
}

function addComplexity(stack: readonly Scope[], delta: number): void {
  for (const scope of stack) if (!scope.isClass) scope.symbol.complexity += delta;
}

/** The cursor's node as a Shape, with its children `depth` levels down; the cursor ends where it started. */
function readShape(walk: Walk, type: string, start: number, depth: number): Shape {
  return { type, field: null, isNamed: true, start, end: walk.cursor.endIndex(), children: depth > 0 ? readChildren(walk, depth) : [] };
}

/**
 * The cursor node's children, and theirs `depth - 1` levels further down (below the children only into those
 * `isNeeded` accepts); the cursor ends where it started.
 */
function readChildren(walk: Walk, depth: number, isNeeded: (child: Shape) => boolean = () => true): Shape[] {
  const { cursor } = walk;
  const children: Shape[] = [];
  if (!cursor.gotoFirstChild()) return children;
  do {
    const shape = currentShape(walk);
    if (depth > 1 && isNeeded(shape)) shape.children = readChildren(walk, depth - 1);
    children.push(shape);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return children;
}

function currentShape(walk: Walk): Shape {
  const { cursor, grammar } = walk;
  const typeId = cursor.typeId();
  // As web-tree-sitter's Node.type and isNamed read them.
  const type = grammar.typeNames[typeId] || 'ERROR';
  if (typeId !== errorTypeId && grammar.isNamed[typeId] !== 1) return { type, field: null, isNamed: false, start: -1, end: -1, children: [] };
  return { type, field: grammar.fieldNames[cursor.fieldId()] ?? null, isNamed: true, start: cursor.startIndex(), end: cursor.endIndex(), children: [] };
}

function childForField(shape: Shape, field: string): Shape | null {
  for (const child of shape.children) if (child.field === field) return child;
  return null;
}

function namedChildren(shape: Shape): Shape[] {
  return shape.children.filter((child) => child.isNamed);
}

/**
 * A function or class symbol for the definition at the cursor, read from its header's children (and, if the body may
 * open with a string, its first statement); the cursor ends where it started. Its decorators are the caller's.
 */
function definitionSymbol(walk: Walk, start: number, isClass: boolean): ExtractedSymbol {
  const { source, cursor } = walk;
  const end = cursor.endIndex();
  const header = plainHeaderAt(source, start);
  const definition: Shape = { type: isClass ? 'class_definition' : 'function_definition', field: null, isNamed: true, start, end, children: [] };
  let firstStatement: Shape | null | undefined;
  if (cursor.gotoFirstChild()) {
    do {
      // Only fields are read of a definition's children (its keywords, `:` and any comments have none).
      if (cursor.fieldId() === 0) continue;
      const child = currentShape(walk);
      if (child.field === 'parameters') child.children = readChildren(walk, 2, (parameter) => parameterNeedsChildren(parameter, source));
      else if (child.field === 'body' && firstStatement === undefined) firstStatement = readFirstStatement(walk, child.start);
      definition.children.push(child);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  const name = header ? (header[1] as string) : fieldText(definition, 'name', source, false);
  const parent = walk.stack[walk.stack.length - 1];
  const symbol = baseSymbol(walk, start, end, name, parent);
  const generics = header && header[2] !== '[' ? '' : fieldText(definition, 'type_parameters', source, true);
  const doc = firstStatement ? docstringOf(firstStatement, source) : null;
  if (isClass) {
    symbol.kind = 'class';
    const superclasses = childForField(definition, 'superclasses');
    symbol.signature = `class ${name}${generics}` + (superclasses ? clip(collapse(source.slice(superclasses.start, superclasses.end)), 300) : '');
    symbol.doc = doc;
    symbol.docSummary = summaryOf(symbol.doc);
    return symbol;
  }
  const isAsync = source.startsWith('async', start);
  const isMethod = parent?.isClass === true;
  symbol.kind = isMethod ? (isAsync ? 'async-method' : 'method') : isAsync ? 'async-function' : 'function';
  const parametersShape = childForField(definition, 'parameters');
  symbol.parameters = parametersShape ? pythonParameters(parametersShape, source) : [];
  const returnShape = childForField(definition, 'return_type');
  symbol.returnType = returnShape ? collapse(source.slice(returnShape.start, returnShape.end)) : null;
  symbol.signature =
    `${isAsync ? 'async ' : ''}def ${name}${generics}(${formatPythonParameters(symbol.parameters)})` +
    (symbol.returnType ? ` -> ${symbol.returnType}` : '');
  // The header ends with the parameters or the return annotation, then `:` and the body.
  const headerEnd = returnShape?.end ?? parametersShape?.end;
  const mayHaveDocstring = headerEnd === undefined || bodyMayOpenWithString(source, headerEnd, true);
  symbol.doc = mayHaveDocstring ? doc : null;
  symbol.docSummary = summaryOf(symbol.doc);
  return symbol;
}

function baseSymbol(walk: Walk, startIndex: number, endIndex: number, name: string, parent: Scope | undefined): ExtractedSymbol {
  const start = walk.lines.point(startIndex);
  const end = walk.lines.point(endIndex);
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
    startLine: start.row + 1,
    startColumn: start.column,
    endLine: end.row + 1,
    endColumn: end.column,
    complexity: 1,
    calls: [],
  };
}

/**
 * The first statement of the body at the cursor (comments before it do not count), with its children, when the body
 * may open with a string: only that can be a docstring. Null otherwise; the cursor ends where it started.
 */
function readFirstStatement(walk: Walk, bodyStart: number): Shape | null {
  const { cursor } = walk;
  if (!bodyMayOpenWithString(walk.source, bodyStart, false) || !cursor.gotoFirstChild()) return null;
  let statement: Shape | null = null;
  do {
    const child = currentShape(walk);
    if (!child.isNamed || child.type === 'comment') continue;
    if (child.type === 'expression_statement') child.children = readChildren(walk, 1);
    statement = child;
    break;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return statement;
}

/** The text of a definition's field, whitespace collapsed or not; '' when it has none. */
function fieldText(shape: Shape, field: string, source: string, collapsed: boolean): string {
  const child = childForField(shape, field);
  if (!child) return '';
  const text = source.slice(child.start, child.end);
  return collapsed ? collapse(text) : text;
}

// `def name`, `async def name` or `class name`, then the first character after the name: `[` (type parameters), `(`
// or `:`. A name with characters outside these classes, or a comment or line continuation in the header, does not
// match: the tree decides.
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
 * docstring, need no look into their body. From a header's end the `:` comes first (true, to be safe, if it is not
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

/** The docstring: a string literal as the first statement of the body. */
function docstringOf(statement: Shape, source: string): string | null {
  if (statement.type !== 'expression_statement') return null;
  const named = namedChildren(statement);
  const literal = named[0];
  if (!literal || literal.type !== 'string' || named.length !== 1) return null;
  return cleanPythonDocstring(source.slice(literal.start, literal.end));
}

function pythonParameters(shape: Shape, source: string): Parameter[] {
  const parameters: Parameter[] = [];
  let keywordOnly = false;
  for (const child of namedChildren(shape)) {
    switch (child.type) {
      case 'identifier':
        parameters.push(parameter(plainNameAt(source, child.start) ?? shapeText(child, source), null, null, keywordOnly));
        break;
      case 'tuple_pattern':
        parameters.push(parameter(shapeText(child, source), null, null, keywordOnly));
        break;
      case 'default_parameter': {
        // `name=value` with nothing but blanks around the `=` is read from the text up to the parameter's end.
        plainDefault.lastIndex = child.start;
        const plain = plainDefault.exec(source);
        if (plain) parameters.push(parameter(plain[1] as string, null, collapse(source.slice(plainDefault.lastIndex, child.end)), keywordOnly));
        else parameters.push(parameter(fieldText(child, 'name', source, true), null, fieldTextOrNull(child, 'value', source), keywordOnly));
        break;
      }
      case 'typed_default_parameter':
        parameters.push(
          parameter(fieldText(child, 'name', source, true), fieldTextOrNull(child, 'type', source), fieldTextOrNull(child, 'value', source), keywordOnly),
        );
        break;
      case 'typed_parameter': {
        const pattern = namedChildren(child)[0];
        const annotation = fieldTextOrNull(child, 'type', source);
        const patternType = pattern?.type;
        if (pattern && (patternType === 'list_splat_pattern' || patternType === 'dictionary_splat_pattern')) {
          parameters.push(splatParameter(pattern, annotation, source));
          if (patternType === 'list_splat_pattern') keywordOnly = true;
        } else {
          parameters.push(parameter(pattern ? shapeText(pattern, source) : '', annotation, null, keywordOnly));
        }
        break;
      }
      case 'list_splat_pattern':
        parameters.push(splatParameter(child, null, source));
        keywordOnly = true;
        break;
      case 'dictionary_splat_pattern':
        parameters.push(splatParameter(child, null, source));
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

/** Whether pythonParameters reads this parameter's children, or only its text. */
function parameterNeedsChildren(shape: Shape, source: string): boolean {
  switch (shape.type) {
    case 'typed_parameter':
    case 'typed_default_parameter':
      return true;
    case 'default_parameter':
      plainDefault.lastIndex = shape.start;
      return !plainDefault.test(source);
    default:
      return false;
  }
}

function parameter(name: string, annotation: string | null, value: string | null, keywordOnly: boolean): Parameter {
  return { name, kind: keywordOnly ? 'keyword-only' : 'positional', annotation, default: value, optional: value !== null };
}

function splatParameter(pattern: Shape, annotation: string | null, source: string): Parameter {
  const isKeywords = pattern.type === 'dictionary_splat_pattern';
  const name = shapeText(pattern, source).replace(/^\*+\s*/, '');
  return { name, kind: isKeywords ? 'var-keyword' : 'var-positional', annotation, default: null, optional: true };
}

function shapeText(shape: Shape, source: string): string {
  return collapse(source.slice(shape.start, shape.end));
}

function fieldTextOrNull(shape: Shape, field: string, source: string): string | null {
  const child = childForField(shape, field);
  return child ? shapeText(child, source) : null;
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

function collectImports(statement: Shape, walk: Walk): void {
  const { source, imports } = walk;
  if (statement.type === 'import_from_statement') {
    const module = childForField(statement, 'module_name');
    if (module) imports.push(shapeText(module, source).replace(/\s+/g, ''));
    return;
  }
  for (const name of statement.children) {
    if (name.field !== 'name') continue;
    const target = name.type === 'aliased_import' ? childForField(name, 'name') : name;
    if (target) imports.push(shapeText(target, source).replace(/\s+/g, ''));
  }
}

/** Whether a match statement ends in a case that takes anything (`case _:`, `case x:`) without a guard. */
function lastCaseIsCatchAll(match: Shape): boolean {
  const body = childForField(match, 'body');
  const cases = body ? namedChildren(body) : [];
  let index = cases.length - 1;
  while (index >= 0 && (cases[index] as Shape).type === 'comment') index--;
  const last = cases[index];
  if (!last || last.type !== 'case_clause' || childForField(last, 'guard')) return false;
  const patterns = namedChildren(last).filter((child) => child.type === 'case_pattern');
  return patterns.length === 1 && isIrrefutable(patterns[0] as Shape);
}

function isIrrefutable(pattern: Shape): boolean {
  const inner = pattern.type === 'case_pattern' ? pattern.children[0] : pattern;
  if (!inner) return false;
  switch (inner.type) {
    case '_':
      return true;
    case 'dotted_name':
      // A bare name captures anything; a dotted one (`Color.RED`) compares against a value.
      return namedChildren(inner).length === 1;
    case 'identifier':
      return true;
    case 'union_pattern':
      return namedChildren(inner).some((child) => isIrrefutable(child)) || inner.children.some((child) => child.type === '_');
    case 'as_pattern': {
      const first = namedChildren(inner)[0];
      return first !== undefined && isIrrefutable(first);
    }
    default:
      return false;
  }
}
