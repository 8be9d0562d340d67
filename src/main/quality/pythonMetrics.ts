// Python metrics from the tree-sitter syntax tree: per-function cyclomatic (Ruff's C901 count) and cognitive
// complexity, Halstead counts, logical lines, line marks, docstring and annotation coverage.
import type { Node, Tree } from 'web-tree-sitter';
import type { FunctionMetrics } from '../../shared/quality';
import { cognitiveComplexity, continuingBranch, everyChild, flowBreak, nestingOnly, nestingStructure, onlyField, startsOperatorRun, type CognitiveIncrement } from './cognitive';
import { createLineMarks, markRows } from './lineCounts';
import { createHalsteadCounts, type HalsteadCounts } from './maintainability';
import type { CodeMetrics } from './metrics';

// ---------------------------------------------------------------------------------------------------------------
// Cyclomatic complexity, statement by statement exactly as Ruff's mccabe port counts it
// (crates/ruff_linter/src/rules/mccabe/rules/function_is_too_complex.rs, `get_complexity_number`): +1 for `if`,
// each `elif`, `for`, `while`, each `case` (less one when the last case is irrefutable and unguarded), each `except`,
// a `try`'s `else`, and each nested `def` (plus its own body); `with` and `class` bodies count what they contain.
// Boolean operators, comprehensions, conditional expressions and lambdas count nothing, as in Ruff.

function blockComplexity(block: Node | null): number {
  if (!block) return 0;
  let total = 0;
  for (const statement of block.namedChildren) total += statementComplexity(statement);
  return total;
}

function clauseBlock(clause: Node): Node | null {
  return clause.childForFieldName('body') ?? clause.childForFieldName('consequence') ?? clause.namedChildren.find((child) => child.type === 'block') ?? null;
}

function statementComplexity(statement: Node): number {
  switch (statement.type) {
    case 'if_statement': {
      let total = 1 + blockComplexity(statement.childForFieldName('consequence'));
      for (const clause of statement.childrenForFieldName('alternative')) {
        if (clause.type === 'elif_clause') total += 1;
        total += blockComplexity(clauseBlock(clause));
      }
      return total;
    }
    case 'for_statement':
    case 'while_statement': {
      const orElse = statement.childForFieldName('alternative');
      return 1 + blockComplexity(statement.childForFieldName('body')) + (orElse ? blockComplexity(clauseBlock(orElse)) : 0);
    }
    case 'with_statement':
      return blockComplexity(statement.childForFieldName('body'));
    case 'match_statement':
      return matchComplexity(statement);
    case 'try_statement': {
      let total = blockComplexity(statement.childForFieldName('body'));
      for (const clause of statement.namedChildren) {
        if (clause.type === 'except_clause' || clause.type === 'except_group_clause') total += 1 + blockComplexity(clauseBlock(clause));
        else if (clause.type === 'else_clause') total += 1 + blockComplexity(clauseBlock(clause));
        else if (clause.type === 'finally_clause') total += blockComplexity(clauseBlock(clause));
      }
      return total;
    }
    case 'function_definition':
      return 1 + blockComplexity(statement.childForFieldName('body'));
    case 'class_definition':
      return blockComplexity(statement.childForFieldName('body'));
    case 'decorated_definition': {
      const definition = statement.childForFieldName('definition');
      return definition ? statementComplexity(definition) : 0;
    }
    default:
      return 0;
  }
}

function matchComplexity(statement: Node): number {
  const cases = (statement.childForFieldName('body')?.namedChildren ?? []).filter((child) => child.type === 'case_clause');
  let total = 0;
  for (const clause of cases) total += 1 + blockComplexity(clause.childForFieldName('consequence'));
  // Ruff: an irrefutable last case is like an `else`, so it adds no path of its own.
  const last = cases.at(-1);
  if (last && !last.childForFieldName('guard')) {
    // `case y,:` is a one-element sequence pattern, not a capture.
    const patterns = last.namedChildren.filter((child) => child.type === 'case_pattern');
    const isSequence = last.children.some((child) => child.type === ',');
    if (patterns.length === 1 && !isSequence && isIrrefutable(patterns[0]!)) total -= 1;
  }
  return total;
}

/** A pattern that matches anything: `_`, a bare capture name, `p as x` or `(p)` of one, or an `|` holding one. */
export function isIrrefutable(pattern: Node): boolean {
  switch (pattern.type) {
    case '_':
      return true;
    case 'case_pattern':
      return pattern.childCount === 1 && isIrrefutable(pattern.child(0)!);
    case 'dotted_name':
      return pattern.namedChildCount === 1;
    case 'as_pattern': {
      const inner = pattern.child(0);
      return inner !== null && isIrrefutable(inner);
    }
    case 'union_pattern':
      return pattern.children.some((alternative) => alternative.type !== '|' && isIrrefutable(alternative));
    case 'tuple_pattern': {
      // `(p)` is a group, `(p,)` a one-element sequence.
      const inner = pattern.namedChildren;
      return inner.length === 1 && !pattern.children.some((child) => child.type === ',') && isIrrefutable(inner[0]!);
    }
    default:
      return false;
  }
}

/** The cyclomatic complexity of one `def`, as Ruff's C901 reports it. */
export function pythonCyclomatic(definition: Node): number {
  return 1 + blockComplexity(definition.childForFieldName('body'));
}

// ---------------------------------------------------------------------------------------------------------------
// Cognitive complexity (cognitive.ts): +1 for each break in the linear flow (if, elif, else, loops and their else,
// except, match, conditional expressions, each run of like boolean operators, direct recursion), plus the nesting
// level for those that nest (if, loops, except, match, conditional expressions). Nested functions, lambdas and classes
// raise the nesting level without adding.

function functionName(definition: Node): string {
  return definition.childForFieldName('name')?.text ?? '<anonymous>';
}

export function pythonCognitive(definition: Node): number {
  const name = functionName(definition);
  const body = definition.childForFieldName('body');
  return cognitiveComplexity(body ? [body] : [], (node, parent) => pythonIncrement(node, parent, name));
}

function pythonIncrement(node: Node, parent: Node | null, name: string): CognitiveIncrement | undefined {
  switch (node.type) {
    case 'if_statement':
      return nestingStructure(onlyField(node, 'consequence'));
    case 'for_statement':
    case 'while_statement':
    case 'match_statement':
      return nestingStructure(onlyField(node, 'body'));
    case 'except_clause':
    case 'except_group_clause':
      return nestingStructure((child) => child.type === 'block');
    case 'conditional_expression':
      return nestingStructure(everyChild);
    case 'elif_clause':
      return continuingBranch(onlyField(node, 'consequence'));
    case 'else_clause':
      // The else of an `if` or a loop is a branch; a `try`'s else only continues the `try` body, with no decision of
      // its own.
      return parent?.type === 'try_statement' ? undefined : continuingBranch(everyChild);
    case 'boolean_operator':
      return startsOperatorRun(node, parent) ? flowBreak : undefined;
    case 'call':
      return isRecursiveCall(node, name) ? flowBreak : undefined;
    case 'function_definition':
    case 'class_definition':
    case 'lambda':
      return nestingOnly;
    default:
      return undefined;
  }
}

function isRecursiveCall(call: Node, name: string): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (callee.type === 'identifier') return callee.text === name;
  if (callee.type === 'attribute') {
    const object = callee.childForFieldName('object')?.text;
    return (object === 'self' || object === 'cls') && callee.childForFieldName('attribute')?.text === name;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Documentation and annotations.

function docstringOf(body: Node | null): Node | null {
  const first = body?.namedChildren.find((child) => child.type !== 'comment');
  if (first?.type !== 'expression_statement' || first.namedChildCount !== 1) return null;
  const value = first.namedChild(0)!;
  return value.type === 'string' || value.type === 'concatenated_string' ? first : null;
}

/** The `def`'s enclosing class body, when it is a method (possibly decorated). */
function isMethod(definition: Node): boolean {
  const holder = definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
  return holder.parent?.type === 'block' && holder.parent.parent?.type === 'class_definition';
}

function decoratorNames(definition: Node): string[] {
  const holder = definition.parent;
  if (holder?.type !== 'decorated_definition') return [];
  return holder.namedChildren.filter((child) => child.type === 'decorator').map((decorator) => decorator.text.slice(1).trim());
}

/** Parameters and return type that carry annotations, out of those that could (a method's self/cls is exempt). */
function annotationSlots(definition: Node): { annotated: number; annotatable: number } {
  let annotated = 0;
  let annotatable = 0;
  const parameters = (definition.childForFieldName('parameters')?.namedChildren ?? []).filter(
    (parameter) => parameter.type !== 'positional_separator' && parameter.type !== 'keyword_separator' && parameter.type !== 'comment',
  );
  const skipFirst = isMethod(definition) && !decoratorNames(definition).includes('staticmethod');
  parameters.forEach((parameter, index) => {
    if (skipFirst && index === 0) return;
    annotatable += 1;
    if (parameter.type === 'typed_parameter' || parameter.type === 'typed_default_parameter') annotated += 1;
  });
  if (functionName(definition) !== '__init__') {
    annotatable += 1;
    if (definition.childForFieldName('return_type')) annotated += 1;
  }
  return { annotated, annotatable };
}

// ---------------------------------------------------------------------------------------------------------------
// Halstead counts, as Radon's HalsteadVisitor takes them: binary, unary, boolean (one operator per run of like
// operators), augmented assignment and comparison operators; operands are named by text within their function.

function addOperand(counts: HalsteadCounts, scope: string, value: Node | null): void {
  if (!value) return;
  counts.operands += 1;
  const key = value.type === 'attribute' ? (value.childForFieldName('attribute')?.text ?? value.text) : value.text;
  counts.distinctOperands.add(`${scope}\u0000${key}`);
}

function addOperator(counts: HalsteadCounts, name: string): void {
  counts.operators += 1;
  counts.distinctOperators.add(name);
}

const halsteadTypes = new Set(['binary_operator', 'unary_operator', 'not_operator', 'augmented_assignment', 'boolean_operator', 'comparison_operator']);

function countHalstead(node: Node, type: string, scope: string, counts: HalsteadCounts): void {
  if (!halsteadTypes.has(type)) return;
  const operand = (value: Node | null) => addOperand(counts, scope, value);
  const operator = (name: string) => addOperator(counts, name);
  switch (type) {
    case 'binary_operator':
      operator(node.childForFieldName('operator')?.type ?? '?');
      operand(node.childForFieldName('left'));
      operand(node.childForFieldName('right'));
      break;
    case 'unary_operator':
      operator(`unary${node.childForFieldName('operator')?.type ?? '?'}`);
      operand(node.childForFieldName('argument'));
      break;
    case 'not_operator':
      operator('not');
      operand(node.childForFieldName('argument'));
      break;
    case 'augmented_assignment':
      // `x += 1` is Radon's AugAssign(Add): the same operator as `+`.
      operator((node.childForFieldName('operator')?.type ?? '?').replace(/=$/, ''));
      operand(node.childForFieldName('left'));
      operand(node.childForFieldName('right'));
      break;
    case 'boolean_operator': {
      const kind = node.childForFieldName('operator')?.type ?? '?';
      const parent = node.parent;
      if (parent?.type === 'boolean_operator' && parent.childForFieldName('operator')?.type === kind) break;
      operator(kind);
      const values: Node[] = [];
      const flatten = (value: Node | null) => {
        if (!value) return;
        if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.type === kind) {
          flatten(value.childForFieldName('left'));
          flatten(value.childForFieldName('right'));
        } else values.push(value);
      };
      flatten(node);
      // The operator was counted once for the run; Radon counts one BoolOp with n values.
      for (const value of values) operand(value);
      break;
    }
    case 'comparison_operator': {
      const operands = node.namedChildren.filter((child) => child.type !== 'comment');
      const operators = node.children.filter((child) => !child.isNamed).map((child) => child.type);
      // `not in` and `is not` arrive as two tokens each; Radon counts them as one operator.
      const joined = operators.join(' ').replace(/\bnot in\b/g, 'notin').replace(/\bis not\b/g, 'isnot').split(' ');
      for (const name of joined) operator(name);
      for (const value of operands) operand(value);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

const logicalClauses = new Set(['elif_clause', 'else_clause', 'except_clause', 'except_group_clause', 'finally_clause', 'case_clause']);

function isLogicalLine(type: string): boolean {
  return type.endsWith('_statement') || type === 'function_definition' || type === 'class_definition' || logicalClauses.has(type);
}

export function pythonMetrics(tree: Tree): CodeMetrics {
  const root = tree.rootNode;
  const marks = createLineMarks();
  const halstead = createHalsteadCounts();
  const functions: FunctionMetrics[] = [];
  const docstringNodes = new Set<number>();
  let documented = 0;
  let documentable = 0;
  let annotated = 0;
  let annotatable = 0;
  let lloc = 0;

  const moduleDoc = docstringOf(root);
  if (moduleDoc) docstringNodes.add(moduleDoc.id);

  // One pass with a TreeCursor: moving a cursor costs far less than building a Node object for every child, and
  // Node objects are made only where a node is looked into (operators, functions, classes).
  const cursor = tree.walk();
  const visit = (scope: string[], scopeName: string): void => {
    const type = cursor.nodeType;
    if (type === 'comment') {
      markRows(marks.comment, cursor.startPosition.row, cursor.endPosition.row);
      return;
    }
    if (type === 'expression_statement' && docstringNodes.has(cursor.nodeId)) {
      markRows(marks.doc, cursor.startPosition.row, cursor.endPosition.row);
      lloc += 1;
      return;
    }
    const isString = type === 'string' || type === 'concatenated_string';
    const isDefinition = type === 'function_definition' || type === 'class_definition';
    const node = isDefinition || halsteadTypes.has(type) ? cursor.currentNode : null;
    if (isString) markRows(marks.code, cursor.startPosition.row, cursor.endPosition.row);
    if (!cursor.gotoFirstChild()) {
      // A token is code; an empty module (blank lines only) is not.
      if (type !== 'module') markRows(marks.code, cursor.startPosition.row, cursor.endPosition.row);
      return;
    }
    if (isLogicalLine(type)) lloc += 1;
    if (node) countHalstead(node, type, scopeName, halstead);
    let inner = scope;
    if (node && isDefinition) {
      const name = node.childForFieldName('name')?.text ?? '<anonymous>';
      inner = [...scope, name];
      const doc = docstringOf(node.childForFieldName('body'));
      if (doc) docstringNodes.add(doc.id);
      documentable += 1;
      if (doc) documented += 1;
      if (type === 'function_definition') {
        const slots = annotationSlots(node);
        annotated += slots.annotated;
        annotatable += slots.annotatable;
        functions.push({
          name,
          qualifiedName: inner.join('.'),
          line: node.startPosition.row + 1,
          endLine: node.endPosition.row + 1,
          cyclomatic: pythonCyclomatic(node),
          cognitive: pythonCognitive(node),
          hasDocstring: doc !== null,
          annotated: slots.annotated,
          annotatable: slots.annotatable,
        });
      }
    }
    const innerName = inner === scope ? scopeName : inner.join('.');
    do visit(inner, innerName);
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  };
  try {
    visit([], '');
  } finally {
    cursor.delete();
  }

  return {
    functions,
    // Every function counted once (1 + its decisions) plus the decisions at module and class level.
    totalComplexity: blockComplexity(root),
    halstead,
    lloc,
    marks,
    docstrings: { covered: documented, total: documentable },
    annotations: { covered: annotated, total: annotatable },
    syntaxErrors: root.hasError,
  };
}
