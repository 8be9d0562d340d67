// JavaScript, TypeScript and TSX symbols, imports, complexity and calls from one tree-sitter query pass.
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Parameter } from '../../../shared/indexing';
import type { GrammarName } from '../../parsing/treeSitter';
import { callNameOf, cleanJsDoc, clip, collapse, countLines, summaryOf, syntaxIssues } from './text';
import type { ExtractedSymbol, FileExtraction } from './types';

// Complexity follows ESLint's `complexity` rule: 1 + if, for, for-in/of, while, do, each non-default case, catch,
// ternary, &&, ||, ?? and their assignment forms. As in ESLint, each function is measured on its own: branches in
// a callback belong to the callback (which is not a symbol), not to the function that passes it.
const shared = `
(function_declaration) @function
(generator_function_declaration) @function
(class_declaration) @class
(method_definition) @method
(variable_declarator name: (identifier) value: [(arrow_function) (function_expression) (generator_function)]) @binding
(variable_declarator name: (identifier) value: (class)) @classBinding
[(arrow_function) (function_expression) (generator_function)] @lambda
(decorator) @decorator
(comment) @comment
(call_expression function: (_) @call)
(new_expression constructor: (_) @call)
[(if_statement) (for_statement) (for_in_statement) (while_statement) (do_statement) (switch_case) (catch_clause) (ternary_expression)] @branch
(binary_expression operator: ["&&" "||" "??"]) @branch
(augmented_assignment_expression operator: ["&&=" "||=" "??="]) @branch
(import_statement source: (string) @import)
(export_statement source: (string) @import)
(call_expression function: (import) arguments: (arguments . (string) @import))
(call_expression function: (identifier) @require arguments: (arguments . (string) @import) (#eq? @require "require"))
`;

const typescriptOnly = `
(abstract_class_declaration) @class
(abstract_method_signature) @method
(interface_declaration) @interface
(type_alias_declaration) @type
(enum_declaration) @enum
(public_field_definition name: (_) value: [(arrow_function) (function_expression) (generator_function)]) @field
(import_require_clause source: (string) @import)
`;

const javascriptOnly = `
(field_definition property: (_) value: [(arrow_function) (function_expression) (generator_function)]) @field
`;

const queries = new WeakMap<Language, Query>();

type Scope = {
  end: number;
  /** null for an anonymous function (a callback), which scopes complexity but is not a symbol. */
  symbol: ExtractedSymbol | null;
  isClass: boolean;
  /** The start of the function value a binding or field owns, so that value's @lambda capture does not open a scope. */
  ownedValue: number;
  calls: Set<string>;
};

// What may stand between a doc comment or decorator and the declaration it belongs to.
const declarationGap = /^(?:\s|export|default|declare|const|let|var|async|public|private|protected|static|readonly|abstract|override|accessor)*$/;

export function extractEcmascript(tree: Tree, source: string, grammar: GrammarName): FileExtraction {
  const language = tree.language;
  let query = queries.get(language);
  if (!query) {
    query = new Query(language, shared + (grammar === 'javascript' ? javascriptOnly : typescriptOnly));
    queries.set(language, query);
  }
  const symbols: ExtractedSymbol[] = [];
  const imports: string[] = [];
  const comments: number[] = [];
  const stack: Scope[] = [];
  let doc: { text: string; end: number } | null = null;
  let decorators: { text: string; start: number; end: number }[] = [];
  // TypeScript puts a class's or field's own decorators inside its node, so they arrive after the symbol's capture.
  let lastSymbol: { symbol: ExtractedSymbol; start: number; nameStart: number } | null = null;

  const close = (scope: Scope) => {
    if (scope.symbol) scope.symbol.calls = [...scope.calls];
  };
  const innermostSymbol = (): Scope | undefined => {
    for (let index = stack.length - 1; index >= 0; index--) if ((stack[index] as Scope).symbol) return stack[index];
    return undefined;
  };

  /** The doc comment and decorators written right before a declaration starting at `start`, consumed once. */
  const takeLeading = (start: number): { doc: string | null; decorators: string[] } => {
    let cursor = start;
    const attached: string[] = [];
    for (let index = decorators.length - 1; index >= 0; index--) {
      const decorator = decorators[index] as { text: string; start: number; end: number };
      if (!declarationGap.test(source.slice(decorator.end, cursor))) break;
      attached.unshift(decorator.text);
      cursor = decorator.start;
    }
    const docText = doc && doc.end <= cursor && declarationGap.test(source.slice(doc.end, cursor)) ? cleanJsDoc(doc.text) : null;
    doc = null;
    decorators = [];
    return { doc: docText, decorators: attached };
  };

  const open = (node: Node, symbol: ExtractedSymbol | null, isClass: boolean, ownedValue = -1) => {
    stack.push({ end: node.endIndex, symbol, isClass, ownedValue, calls: new Set() });
  };

  for (const capture of query.captures(tree.rootNode)) {
    const node = capture.node;
    const start = node.startIndex;
    while (stack.length > 0 && (stack[stack.length - 1] as Scope).end <= start) close(stack.pop() as Scope);
    switch (capture.name) {
      case 'comment': {
        const end = node.endIndex;
        comments.push(start, end);
        if (source.startsWith('/**', start)) doc = { text: source.slice(start, end), end };
        break;
      }
      case 'call': {
        const scope = innermostSymbol();
        if (scope) {
          const name = callNameOf(source, start, node.endIndex);
          if (name) scope.calls.add(name);
        }
        break;
      }
      case 'branch': {
        // The innermost function decides; a branch in a class field initialiser or at the top level counts nowhere.
        const scope = stack[stack.length - 1];
        if (scope && !scope.isClass && scope.symbol) scope.symbol.complexity++;
        break;
      }
      case 'decorator': {
        const text = collapse(source.slice(start + 1, node.endIndex));
        if (lastSymbol && start >= lastSymbol.start && start < lastSymbol.nameStart) lastSymbol.symbol.decorators.push(text);
        else decorators.push({ text, start, end: node.endIndex });
        break;
      }
      case 'import': {
        const end = node.endIndex;
        if (end - start >= 2) imports.push(source.slice(start + 1, end - 1));
        break;
      }
      case 'lambda': {
        const top = stack[stack.length - 1];
        if (top && top.ownedValue === start) break;
        open(node, null, false);
        break;
      }
      case 'function':
      case 'method':
      case 'binding':
      case 'field': {
        const parent = innermostSymbol();
        const leading = takeLeading(start);
        const built = functionLike(capture.name, node, source, parent);
        if (!built) {
          // An object literal's method is not indexed, but its body is still a function of its own.
          if (capture.name === 'method') open(node, null, false);
          break;
        }
        const { symbol, ownedValue, nameStart } = built;
        symbol.decorators = leading.decorators;
        symbol.doc = leading.doc;
        symbol.docSummary = summaryOf(leading.doc);
        symbols.push(symbol);
        lastSymbol = { symbol, start, nameStart };
        open(node, symbol, false, ownedValue);
        break;
      }
      case 'class':
      case 'classBinding':
      case 'interface':
      case 'type':
      case 'enum': {
        const parent = innermostSymbol();
        const leading = takeLeading(start);
        const built = typeLike(capture.name, node, source, parent);
        if (!built) break;
        const { symbol, nameStart } = built;
        symbol.decorators = leading.decorators;
        symbol.doc = leading.doc;
        symbol.docSummary = summaryOf(leading.doc);
        symbols.push(symbol);
        lastSymbol = { symbol, start, nameStart };
        if (capture.name === 'class' || capture.name === 'classBinding') open(node, symbol, true);
        break;
      }
    }
  }
  while (stack.length > 0) close(stack.pop() as Scope);
  return { symbols, imports, lines: countLines(source, comments), errors: syntaxIssues(tree, source) };
}

function newSymbol(node: Node, name: string, parent: Scope | undefined, startNode: Node = node): ExtractedSymbol {
  const end = node.endPosition;
  return {
    kind: 'function',
    name,
    qualifiedName: parent?.symbol ? `${parent.symbol.qualifiedName}.${name}` : name,
    signature: '',
    parameters: [],
    returnType: null,
    decorators: [],
    docSummary: null,
    doc: null,
    startLine: startNode.startPosition.row + 1,
    startColumn: startNode.startPosition.column,
    endLine: end.row + 1,
    endColumn: end.column,
    complexity: 1,
    calls: [],
  };
}

function slice(source: string, node: Node | null): string {
  return node ? source.slice(node.startIndex, node.endIndex) : '';
}

/** Functions, methods, and functions bound to a name (`const f = () => …`, `handle = () => …` in a class). */
function functionLike(
  captureName: string,
  node: Node,
  source: string,
  parent: Scope | undefined,
): { symbol: ExtractedSymbol; ownedValue: number; nameStart: number } | null {
  const isField = captureName === 'field';
  const nameNode = node.childForFieldName(isField && !node.childForFieldName('name') ? 'property' : 'name');
  const name = slice(source, nameNode);
  if (!name || !nameNode) return null;
  if (captureName === 'method' && node.parent?.type !== 'class_body') return null;
  const isBinding = captureName === 'binding' || isField;
  const fn = isBinding ? node.childForFieldName('value') : node;
  if (!fn) return null;
  const symbol = newSymbol(node, name, parent, isField ? headerOf(node) : node);
  const head = source.slice(isBinding ? fn.startIndex : node.startIndex, isBinding ? fn.startIndex + 12 : nameNode.startIndex);
  const isAsync = /^(?:[\w\s]*\s)?async\b/.test(head);
  const parametersNode = fn.childForFieldName('parameters');
  const single = parametersNode ? null : fn.childForFieldName('parameter');
  symbol.parameters = parametersNode ? ecmascriptParameters(parametersNode, source) : single ? [plainParameter(slice(source, single))] : [];
  const returnNode = fn.childForFieldName('return_type');
  symbol.returnType = returnNode ? collapse(slice(source, returnNode)).replace(/^:\s*/, '') : null;
  const generics = collapse(slice(source, fn.childForFieldName('type_parameters')));
  const parameters = `(${formatEcmascriptParameters(symbol.parameters)})${symbol.returnType ? `: ${clip(symbol.returnType, 120)}` : ''}`;
  if (captureName === 'function') {
    symbol.kind = isAsync ? 'async-function' : 'function';
    symbol.signature = `${collapse(source.slice(node.startIndex, nameNode.startIndex))} ${name}${generics}${parameters}`.trimStart();
  } else if (captureName === 'method') {
    symbol.kind = isAsync ? 'async-method' : 'method';
    const modifiers = collapse(source.slice(node.startIndex, nameNode.startIndex));
    symbol.signature = `${modifiers ? `${modifiers} ` : ''}${name}${generics}${parameters}`;
  } else {
    symbol.kind = 'arrow-function';
    const isArrow = fn.type === 'arrow_function';
    const keyword = captureName === 'binding' ? declarationKeyword(node, source) : '';
    const value = isArrow ? `${isAsync ? 'async ' : ''}${generics}${parameters} =>` : `${isAsync ? 'async ' : ''}function${fn.type === 'generator_function' ? '*' : ''}${generics}${parameters}`;
    symbol.signature = `${keyword ? `${keyword} ` : ''}${name} = ${value}`;
  }
  return { symbol, ownedValue: isBinding ? fn.startIndex : -1, nameStart: nameNode.startIndex };
}

function declarationKeyword(declarator: Node, source: string): string {
  const declaration = declarator.parent;
  if (!declaration) return '';
  return /^(const|let|var|using)\b/.exec(source.slice(declaration.startIndex, declaration.startIndex + 6))?.[1] ?? '';
}

/** Classes, interfaces, type aliases and enums: their signature is their header, up to the body. */
function typeLike(
  captureName: string,
  node: Node,
  source: string,
  parent: Scope | undefined,
): { symbol: ExtractedSymbol; nameStart: number } | null {
  const nameNode = node.childForFieldName('name');
  const name = slice(source, nameNode);
  if (!name || !nameNode) return null;
  const header = captureName === 'class' ? headerOf(node) : node;
  const symbol = newSymbol(node, name, parent, header);
  const built = { symbol, nameStart: nameNode.startIndex };
  if (captureName === 'classBinding') {
    const value = node.childForFieldName('value');
    const body = value?.childForFieldName('body');
    symbol.kind = 'class';
    symbol.signature = clip(collapse(`${name} = ${value && body ? source.slice(value.startIndex, body.startIndex) : 'class'}`), 300);
    return built;
  }
  symbol.kind = captureName === 'class' ? 'class' : (captureName as 'interface' | 'type' | 'enum');
  if (captureName === 'type') {
    symbol.signature = clip(collapse(slice(source, node)).replace(/;$/, ''), 200);
    return built;
  }
  const body = node.childForFieldName('body');
  symbol.signature = clip(collapse(source.slice(header.startIndex, body ? body.startIndex : node.endIndex)), 300);
  return built;
}

/**
 * Where a declaration's own text starts: after the decorators TypeScript keeps inside a class or field node, so
 * the symbol starts at `class` (as Python's starts at `def`) and the signature does not repeat the decorators.
 */
function headerOf(node: Node): Node {
  const first = node.firstChild;
  if (!first || first.type !== 'decorator') return node;
  for (const child of node.children) if (child && child.type !== 'decorator') return child;
  return node;
}

function plainParameter(name: string): Parameter {
  return { name, kind: 'positional', annotation: null, default: null, optional: false };
}

function ecmascriptParameters(node: Node, source: string): Parameter[] {
  const parameters: Parameter[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (type === 'comment' || type === 'decorator') continue;
    if (type === 'required_parameter' || type === 'optional_parameter') {
      const pattern = child.childForFieldName('pattern');
      const annotationNode = child.childForFieldName('type');
      const valueNode = child.childForFieldName('value');
      const isRest = pattern?.type === 'rest_pattern';
      const annotation = annotationNode ? collapse(slice(source, annotationNode)).replace(/^:\s*/, '') : null;
      const value = valueNode ? collapse(slice(source, valueNode)) : null;
      parameters.push({
        name: collapse(slice(source, pattern)).replace(/^\.\.\./, ''),
        kind: isRest ? 'var-positional' : 'positional',
        annotation,
        default: value,
        optional: type === 'optional_parameter' || isRest || value !== null,
      });
    } else if (type === 'assignment_pattern') {
      const value = collapse(slice(source, child.childForFieldName('right')));
      parameters.push({ name: collapse(slice(source, child.childForFieldName('left'))), kind: 'positional', annotation: null, default: value, optional: true });
    } else if (type === 'rest_pattern') {
      parameters.push({ name: collapse(slice(source, child)).replace(/^\.\.\./, ''), kind: 'var-positional', annotation: null, default: null, optional: true });
    } else {
      parameters.push(plainParameter(collapse(slice(source, child))));
    }
  }
  return parameters;
}

export function formatEcmascriptParameters(parameters: readonly Parameter[]): string {
  return parameters
    .map((parameter) => {
      const isRest = parameter.kind === 'var-positional';
      const isQuestionMark = parameter.optional && !isRest && parameter.default === null;
      let part = `${isRest ? '...' : ''}${parameter.name}${isQuestionMark ? '?' : ''}`;
      if (parameter.annotation) part += `: ${clip(parameter.annotation, 120)}`;
      if (parameter.default !== null) part += ` = ${clip(parameter.default, 80)}`;
      return part;
    })
    .join(', ');
}
