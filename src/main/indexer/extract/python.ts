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

  const close = (scope: Scope) => {
    scope.symbol.calls = [...scope.calls];
  };
  const addComplexity = (delta: number) => {
    for (const scope of stack) if (!scope.isClass) scope.symbol.complexity += delta;
  };

  for (const node of tree.rootNode.descendantsOfType(nodeTypes)) {
    const start = node.startIndex;
    while (stack.length > 0 && (stack[stack.length - 1] as Scope).end <= start) close(stack.pop() as Scope);
    const type = node.type;
    switch (type) {
      case 'comment':
        comments.push(start, node.endIndex);
        break;
      case 'call': {
        const scope = stack[stack.length - 1];
        // The callee is the call's first child (its `function` field); the arguments follow it.
        const callee = scope ? node.firstChild : null;
        if (scope && callee) {
          const name = callNameOf(source, start, callee.endIndex);
          if (name) scope.calls.add(name);
        }
        break;
      }
      case 'else_clause':
        // An `else` counts only on a try statement; on if, for and while it is not a branch of its own.
        if (node.parent?.type === 'try_statement') addComplexity(1);
        break;
      case 'if_statement':
      case 'elif_clause':
      case 'for_statement':
      case 'while_statement':
      case 'except_clause':
      case 'case_clause':
        addComplexity(1);
        break;
      case 'match_statement':
        if (lastCaseIsCatchAll(node)) addComplexity(-1);
        break;
      case 'decorator':
        decorators.push(collapse(source.slice(start + 1, node.endIndex)));
        break;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        collectImports(node, source, imports);
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
        if (!isClass) addComplexity(1);
        symbols.push(symbol);
        stack.push({ end: node.endIndex, symbol, isClass, calls: new Set() });
        break;
      }
    }
  }
  while (stack.length > 0) close(stack.pop() as Scope);
  return { symbols, imports, lines: countLines(source, comments), errors: syntaxIssues(tree, source) };
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
  const nameNode = node.childForFieldName('name');
  const name = nameNode ? source.slice(nameNode.startIndex, nameNode.endIndex) : '';
  const symbol = baseSymbol(node, name, parent);
  const isAsync = source.startsWith('async', node.startIndex);
  const isMethod = parent?.isClass === true;
  symbol.kind = isMethod ? (isAsync ? 'async-method' : 'method') : isAsync ? 'async-function' : 'function';
  const parametersNode = node.childForFieldName('parameters');
  symbol.parameters = parametersNode ? pythonParameters(parametersNode, source) : [];
  const returnNode = node.childForFieldName('return_type');
  symbol.returnType = returnNode ? collapse(source.slice(returnNode.startIndex, returnNode.endIndex)) : null;
  const typeParameters = node.childForFieldName('type_parameters');
  const generics = typeParameters ? collapse(source.slice(typeParameters.startIndex, typeParameters.endIndex)) : '';
  symbol.signature =
    `${isAsync ? 'async ' : ''}def ${name}${generics}(${formatPythonParameters(symbol.parameters)})` +
    (symbol.returnType ? ` -> ${symbol.returnType}` : '');
  symbol.doc = docstringOf(node.childForFieldName('body'), source);
  symbol.docSummary = summaryOf(symbol.doc);
  return symbol;
}

function classSymbol(node: Node, source: string, parent: Scope | undefined): ExtractedSymbol {
  const nameNode = node.childForFieldName('name');
  const name = nameNode ? source.slice(nameNode.startIndex, nameNode.endIndex) : '';
  const symbol = baseSymbol(node, name, parent);
  symbol.kind = 'class';
  const typeParameters = node.childForFieldName('type_parameters');
  const superclasses = node.childForFieldName('superclasses');
  symbol.signature =
    `class ${name}` +
    (typeParameters ? collapse(source.slice(typeParameters.startIndex, typeParameters.endIndex)) : '') +
    (superclasses ? clip(collapse(source.slice(superclasses.startIndex, superclasses.endIndex)), 300) : '');
  symbol.doc = docstringOf(node.childForFieldName('body'), source);
  symbol.docSummary = summaryOf(symbol.doc);
  return symbol;
}

/** The docstring: a string literal as the first statement of the body (comments before it do not count). */
function docstringOf(body: Node | null, source: string): string | null {
  let statement = body?.firstNamedChild ?? null;
  while (statement && statement.type === 'comment') statement = statement.nextNamedSibling;
  if (!statement || statement.type !== 'expression_statement') return null;
  const literal = statement.firstNamedChild;
  if (!literal || literal.type !== 'string' || statement.namedChildCount !== 1) return null;
  return cleanPythonDocstring(source.slice(literal.startIndex, literal.endIndex));
}

function pythonParameters(node: Node, source: string): Parameter[] {
  const parameters: Parameter[] = [];
  let keywordOnly = false;
  const text = (child: Node | null) => (child ? collapse(source.slice(child.startIndex, child.endIndex)) : null);
  const add = (name: string, annotation: string | null, value: string | null) =>
    parameters.push({ name, kind: keywordOnly ? 'keyword-only' : 'positional', annotation, default: value, optional: value !== null });
  const addSplat = (pattern: Node, annotation: string | null) => {
    const isKeywords = pattern.type === 'dictionary_splat_pattern';
    const name = (text(pattern) ?? '').replace(/^\*+\s*/, '');
    parameters.push({ name, kind: isKeywords ? 'var-keyword' : 'var-positional', annotation, default: null, optional: true });
    if (!isKeywords) keywordOnly = true;
  };
  for (const child of node.namedChildren) {
    if (!child) continue;
    switch (child.type) {
      case 'identifier':
      case 'tuple_pattern':
        add(text(child) ?? '', null, null);
        break;
      case 'default_parameter':
        add(text(child.childForFieldName('name')) ?? '', null, text(child.childForFieldName('value')));
        break;
      case 'typed_default_parameter':
        add(text(child.childForFieldName('name')) ?? '', text(child.childForFieldName('type')), text(child.childForFieldName('value')));
        break;
      case 'typed_parameter': {
        const pattern = child.firstNamedChild;
        const annotation = text(child.childForFieldName('type'));
        if (pattern && (pattern.type === 'list_splat_pattern' || pattern.type === 'dictionary_splat_pattern')) addSplat(pattern, annotation);
        else add(text(pattern) ?? '', annotation, null);
        break;
      }
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern':
        addSplat(child, null);
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

function collectImports(node: Node, source: string, imports: string[]): void {
  const text = (child: Node) => collapse(source.slice(child.startIndex, child.endIndex));
  const type = node.type;
  if (type === 'future_import_statement') {
    imports.push('__future__');
  } else if (type === 'import_from_statement') {
    const module = node.childForFieldName('module_name');
    if (module) imports.push(text(module).replace(/\s+/g, ''));
  } else {
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const target = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
      if (target) imports.push(text(target).replace(/\s+/g, ''));
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
