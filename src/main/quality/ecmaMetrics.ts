// TypeScript and JavaScript metrics from the tree-sitter syntax tree: per-function cyclomatic complexity (the
// decisions ESLint's `complexity` rule counts) and cognitive complexity, Halstead counts, logical lines, line marks,
// doc-comment and annotation coverage.
import type { Node, Tree } from 'web-tree-sitter';
import type { FunctionMetrics } from '../../shared/quality';
import { cognitiveComplexity, continuingBranch, everyChild, flowBreak, nestingOnly, nestingStructure, onlyField, startsOperatorRun, type CognitiveIncrement } from './cognitive';
import { createLineMarks, markRows } from './lineCounts';
import { createHalsteadCounts, type HalsteadCounts } from './maintainability';
import type { CodeMetrics } from './metrics';

const functionTypes = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition',
]);
const classTypes = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
const logicalOperators = new Set(['&&', '||', '??']);
const logicalAssignments = new Set(['&&=', '||=', '??=']);

function isFunction(node: Node): boolean {
  return functionTypes.has(node.type);
}

function operatorOf(node: Node): string | undefined {
  return node.childForFieldName('operator')?.type;
}

// ---------------------------------------------------------------------------------------------------------------
// Cyclomatic complexity per function, as ESLint's `complexity` rule counts it (classic variant): 1, plus each `if`,
// `?:`, `for`/`for…in`/`for…of`, `while`, `do…while`, `catch`, `case` with a test, `&&`, `||`, `??` and `&&=`,
// `||=`, `??=`. Nested functions are measured on their own and add nothing to the function that holds them.

/** A decision, except logical assignments: the file's total counts those inside functions only (isLogicalAssignment). */
function isDecision(node: Node): boolean {
  switch (node.type) {
    case 'if_statement':
    case 'ternary_expression':
    case 'for_statement':
    case 'for_in_statement':
    case 'while_statement':
    case 'do_statement':
    case 'catch_clause':
    case 'switch_case':
      return true;
    case 'binary_expression':
      return logicalOperators.has(operatorOf(node) ?? '');
    default:
      return false;
  }
}

function isLogicalAssignment(node: Node): boolean {
  return node.type === 'augmented_assignment_expression' && logicalAssignments.has(operatorOf(node) ?? '');
}

export function ecmaCyclomatic(fn: Node): number {
  let total = 1;
  const walk = (node: Node): void => {
    if (isDecision(node) || isLogicalAssignment(node)) total += 1;
    for (const child of node.namedChildren) if (!isFunction(child) && !classTypes.has(child.type)) walk(child);
  };
  for (const child of fn.namedChildren) walk(child);
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Cognitive complexity (cognitive.ts): +1 and the nesting level for `if`, `?:`, `switch`, loops and `catch`; +1 for
// `else if` and `else`, each run of like `&&`/`||`/`??`, labelled `break`/`continue` and direct recursion. Nested
// functions and classes raise the nesting level without adding.

function functionName(fn: Node): string {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const parent = fn.parent;
  if (!parent) return '<anonymous>';
  switch (parent.type) {
    case 'variable_declarator':
    case 'public_field_definition':
    case 'field_definition':
      return parent.childForFieldName('name')?.text ?? parent.childForFieldName('property')?.text ?? '<anonymous>';
    case 'pair':
      return parent.childForFieldName('key')?.text ?? '<anonymous>';
    case 'assignment_expression':
      return parent.childForFieldName('left')?.text ?? '<anonymous>';
    default:
      return '<anonymous>';
  }
}

export function ecmaCognitive(fn: Node): number {
  const name = functionName(fn);
  return cognitiveComplexity(fn.namedChildren, (node, parent) => ecmaIncrement(node, parent, name));
}

function ecmaIncrement(node: Node, parent: Node | null, name: string): CognitiveIncrement | undefined {
  switch (node.type) {
    case 'if_statement':
      // `else if` continues the chain it stands in: counted flat, at the `if`.
      return parent?.type === 'else_clause'
        ? continuingBranch(onlyField(node, 'consequence'))
        : nestingStructure(onlyField(node, 'consequence'));
    case 'else_clause':
      return elseBranch(node)?.type === 'if_statement' ? undefined : continuingBranch(everyChild);
    case 'ternary_expression': {
      const conditionId = node.childForFieldName('condition')?.id;
      return nestingStructure((child) => child.id !== conditionId);
    }
    case 'switch_statement':
    case 'for_statement':
    case 'for_in_statement':
    case 'while_statement':
    case 'do_statement':
    case 'catch_clause':
      return nestingStructure(onlyField(node, 'body'));
    case 'binary_expression':
      return logicalOperators.has(operatorOf(node) ?? '') && startsOperatorRun(node, parent) ? flowBreak : undefined;
    case 'break_statement':
    case 'continue_statement':
      return node.childForFieldName('label') ? flowBreak : undefined;
    case 'call_expression':
      return isRecursiveCall(node, name) ? flowBreak : undefined;
    default:
      return isFunction(node) || classTypes.has(node.type) ? nestingOnly : undefined;
  }
}

/** The statement an `else` runs: its one child that is not a comment. */
function elseBranch(elseClause: Node): Node | undefined {
  return elseClause.namedChildren.find((child) => child.type !== 'comment');
}

function isRecursiveCall(call: Node, name: string): boolean {
  const callee = call.childForFieldName('function');
  if (!callee || name === '<anonymous>') return false;
  if (callee.type === 'identifier') return callee.text === name;
  if (callee.type === 'member_expression') return callee.childForFieldName('object')?.type === 'this' && callee.childForFieldName('property')?.text === name;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Documentation and annotations.

/** The node a doc comment would sit above: the declaration, or the export or variable statement that holds it. */
function documentedHolder(node: Node): Node {
  let holder = node;
  if (holder.parent?.type === 'variable_declarator') holder = holder.parent;
  if (holder.type === 'variable_declarator' && holder.parent && /^(lexical|variable)_declaration$/.test(holder.parent.type)) holder = holder.parent;
  if (holder.parent?.type === 'export_statement') holder = holder.parent;
  return holder;
}

function docCommentOf(node: Node): Node | null {
  const holder = documentedHolder(node);
  const previous = holder.previousNamedSibling;
  if (previous?.type !== 'comment' || !previous.text.startsWith('/**')) return null;
  // Directly above, at most one blank line between.
  return holder.startPosition.row - previous.endPosition.row <= 2 ? previous : null;
}

/** Declarations a reader expects documented: named functions, methods, classes, and functions bound to a name. */
function isDocumentable(node: Node): boolean {
  if (node.type === 'function_declaration' || node.type === 'generator_function_declaration' || node.type === 'method_definition') return true;
  if (classTypes.has(node.type) && node.type !== 'class') return true;
  return (node.type === 'arrow_function' || node.type === 'function_expression' || node.type === 'function') && node.parent?.type === 'variable_declarator';
}

function annotationSlots(fn: Node, typed: boolean): { annotated: number; annotatable: number } {
  if (!typed) return { annotated: 0, annotatable: 0 };
  let annotated = 0;
  let annotatable = 0;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? (fn.childForFieldName('parameter') ? [fn.childForFieldName('parameter')!] : []);
  for (const parameter of parameters) {
    if (parameter.type === 'comment') continue;
    // `this: Foo` is a type annotation on the receiver, not a parameter a caller passes.
    if (parameter.childForFieldName('pattern')?.type === 'this') continue;
    annotatable += 1;
    if (parameter.childForFieldName('type')) annotated += 1;
  }
  const isConstructorOrSetter =
    fn.type === 'method_definition' && (functionName(fn) === 'constructor' || fn.children.some((child) => child.type === 'set'));
  if (!isConstructorOrSetter) {
    annotatable += 1;
    if (fn.childForFieldName('return_type')) annotated += 1;
  }
  return { annotated, annotatable };
}

// ---------------------------------------------------------------------------------------------------------------
// Halstead counts, taken as Radon takes them for Python: binary (arithmetic, comparison, logical), unary, update and
// augmented-assignment operators, with their operands named by text within their function.

const halsteadTypes = new Set(['binary_expression', 'unary_expression', 'update_expression', 'augmented_assignment_expression']);

function countHalstead(node: Node, scope: string, counts: HalsteadCounts): void {
  if (!halsteadTypes.has(node.type)) return;
  const operand = (value: Node | null) => {
    if (!value) return;
    counts.operands += 1;
    counts.distinctOperands.add(`${scope}\u0000${value.text.length > 200 ? `#${value.id}` : value.text}`);
  };
  const operator = (name: string) => {
    counts.operators += 1;
    counts.distinctOperators.add(name);
  };
  switch (node.type) {
    case 'binary_expression':
      operator(operatorOf(node) ?? '?');
      operand(node.childForFieldName('left'));
      operand(node.childForFieldName('right'));
      break;
    case 'unary_expression':
      operator(`unary${operatorOf(node) ?? '?'}`);
      operand(node.childForFieldName('argument'));
      break;
    case 'update_expression':
      operator(node.children.find((child) => child.type === '++' || child.type === '--')?.type ?? '?');
      operand(node.childForFieldName('argument'));
      break;
    case 'augmented_assignment_expression':
      operator((operatorOf(node) ?? '?').replace(/=$/, ''));
      operand(node.childForFieldName('left'));
      operand(node.childForFieldName('right'));
      break;
  }
}

// ---------------------------------------------------------------------------------------------------------------

const logicalClauses = new Set(['else_clause', 'catch_clause', 'finally_clause', 'switch_case', 'switch_default']);

function isLogicalLine(node: Node): boolean {
  if (node.type === 'statement_block' || node.type === 'class_body') return false;
  // `export function f` is one logical line, counted at the declaration.
  if (node.type === 'export_statement' && node.childForFieldName('declaration')) return false;
  return (
    node.type.endsWith('_statement') ||
    node.type.endsWith('_declaration') ||
    node.type === 'method_definition' ||
    node.type === 'public_field_definition' ||
    node.type === 'field_definition' ||
    logicalClauses.has(node.type)
  );
}

export function ecmaMetrics(tree: Tree, typed: boolean): CodeMetrics {
  const root = tree.rootNode;
  const marks = createLineMarks();
  const halstead = createHalsteadCounts();
  const functions: FunctionMetrics[] = [];
  let documented = 0;
  let documentable = 0;
  let annotated = 0;
  let annotatable = 0;
  let lloc = 0;
  let moduleDecisions = 0;

  const visit = (node: Node, scope: string[], inFunction: boolean): void => {
    if (node.type === 'comment') {
      // Doc comments count as Radon's docstring lines (multi), other comments as comments.
      markRows(node.text.startsWith('/**') ? marks.doc : marks.comment, node.startPosition.row, node.endPosition.row);
      return;
    }
    if (node.type === 'string' || node.type === 'template_string' || node.childCount === 0) {
      // A token is code; an empty program (blank lines only) is not.
      if (node.type !== 'program') markRows(marks.code, node.startPosition.row, node.endPosition.row);
      if (node.childCount === 0) return;
    }
    if (isLogicalLine(node)) lloc += 1;
    countHalstead(node, scope.join('.'), halstead);
    let inner = scope;
    let innerInFunction = inFunction;
    if (isDocumentable(node)) {
      documentable += 1;
      if (docCommentOf(node)) documented += 1;
    }
    if (classTypes.has(node.type)) inner = [...scope, node.childForFieldName('name')?.text ?? '<class>'];
    if (isFunction(node)) {
      const name = functionName(node);
      inner = [...scope, name];
      innerInFunction = true;
      const slots = annotationSlots(node, typed);
      annotated += slots.annotated;
      annotatable += slots.annotatable;
      functions.push({
        name,
        qualifiedName: inner.join('.'),
        line: node.startPosition.row + 1,
        endLine: node.endPosition.row + 1,
        cyclomatic: ecmaCyclomatic(node),
        cognitive: ecmaCognitive(node),
        hasDocstring: docCommentOf(node) !== null,
        annotated: slots.annotated,
        annotatable: slots.annotatable,
      });
    } else if (!inFunction && isDecision(node)) moduleDecisions += 1;
    for (const child of node.children) visit(child, inner, innerInFunction);
  };
  visit(root, [], false);

  return {
    functions,
    totalComplexity: functions.reduce((sum, fn) => sum + fn.cyclomatic, 0) + moduleDecisions,
    halstead,
    lloc,
    marks,
    docstrings: { covered: documented, total: documentable },
    annotations: { covered: annotated, total: annotatable },
    syntaxErrors: root.hasError,
  };
}
