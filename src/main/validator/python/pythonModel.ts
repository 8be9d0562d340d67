// One pass over a Python syntax tree: scopes, name bindings, imports, and the nodes the rules look at, by type.
import type { SyntaxNode } from '../syntaxTree';

export type ScopeKind = 'module' | 'function' | 'lambda' | 'class' | 'comprehension';

export type Scope = {
  kind: ScopeKind;
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  declaredGlobal: Set<string>;
  declaredNonlocal: Set<string>;
  /** Names removed with `del` at this level: a deleted name may fall back to the built-in. */
  deleted: Set<string>;
  /** Modules star-imported here (`from os import *` may bind any name). */
  starImports: string[];
};

type BindingCommon = {
  /** Where the binding takes effect: the end of the statement that makes it. */
  at: number;
  /** Made by a statement directly in the scope's body (not under if, try, for, while, with or match). */
  definite: boolean;
  /** Index of the module-level statement that contains it. */
  top: number;
};

export type Binding = BindingCommon &
  (
    | { kind: 'import'; qualifiedName: string }
    | { kind: 'value'; value: SyntaxNode; scope: Scope; enter: boolean }
    | { kind: 'element'; iterable: SyntaxNode; scope: Scope }
    | { kind: 'definition'; node: SyntaxNode; what: 'function' | 'class' }
    | { kind: 'parameter'; fallback: SyntaxNode | null; scope: Scope; name: string; owner: SyntaxNode }
    | { kind: 'unknown'; augmented: SyntaxNode | null; scope: Scope }
  );

/** A node the rules look at, with the scope its names resolve in and its module-level statement. */
export type Site = { node: SyntaxNode; scope: Scope; top: number };

export type ImportSite = Site & {
  /** Module as written (absolute); null for relative imports, which name the project's own files. */
  module: string | null;
  /** The node naming the module. */
  moduleNode: SyntaxNode;
  /** For `from m import a, b`: the imported names and their nodes. */
  members: { name: string; node: SyntaxNode }[];
  star: boolean;
  /** Under `if TYPE_CHECKING:` (never runs) — decided later, once names resolve; here the guard node, if any. */
  guard: SyntaxNode | null;
};

export type PythonModel = {
  module: Scope;
  loads: Site[];
  attributes: Site[];
  calls: Site[];
  subscripts: Site[];
  operators: Site[];
  loops: Site[];
  imports: ImportSite[];
  execStatements: Site[];
  printStatements: Site[];
  /** Every string literal, for doctest examples when the file uses doctest. */
  strings: Site[];
  /** Module-level statements: where each ends and whether running it may call user code. */
  topLevel: { start: number; end: number; active: boolean }[];
  /** All names read anywhere (to tell whether a function is ever referenced). */
  namesRead: Set<string>;
};

/** `annotation`: inside a type annotation, where a name only describes a type (calls there still run). */
type Task = { node: SyntaxNode; scope: Scope; conditional: boolean; top: number; guard: SyntaxNode | null; annotation: boolean };

function newScope(kind: ScopeKind, parent: Scope | null): Scope {
  return { kind, parent, bindings: new Map(), declaredGlobal: new Set(), declaredNonlocal: new Set(), deleted: new Set(), starImports: [] };
}

const comprehensionTypes = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const conditionalTypes = new Set(['if_statement', 'try_statement', 'for_statement', 'while_statement', 'with_statement', 'match_statement']);
const targetContainers = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression']);
const valueContainers = new Set(['tuple', 'list', 'expression_list', 'pattern_list']);

/** Walks the tree once (iteratively: hostile nesting must not overflow the stack) and returns the model. */
export function buildPythonModel(root: SyntaxNode): PythonModel {
  const module = newScope('module', null);
  const model: PythonModel = {
    module,
    loads: [],
    attributes: [],
    calls: [],
    subscripts: [],
    operators: [],
    loops: [],
    imports: [],
    execStatements: [],
    printStatements: [],
    strings: [],
    topLevel: [],
    namesRead: new Set(),
  };
  const stack: Task[] = [];
  const statements = root.namedChildren;
  for (let index = statements.length - 1; index >= 0; index -= 1) {
    const statement = statements[index];
    if (statement) stack.push({ node: statement, scope: module, conditional: false, top: index, guard: null, annotation: false });
  }
  model.topLevel = statements.map((statement) => ({ start: statement?.startIndex ?? 0, end: statement?.endIndex ?? 0, active: statement ? !isInert(statement) : false }));

  const push = (node: SyntaxNode | null, scope: Scope, from: Task, conditional = from.conditional, annotation = from.annotation): void => {
    if (node) stack.push({ node, scope, conditional, top: from.top, guard: from.guard, annotation });
  };
  const pushChildren = (node: SyntaxNode, scope: Scope, from: Task, conditional = from.conditional): void => {
    const children = node.namedChildren;
    for (let index = children.length - 1; index >= 0; index -= 1) push(children[index] ?? null, scope, from, conditional);
  };
  const bind = (scope: Scope, name: string, binding: Binding): void => {
    // `global x` in a function makes its assignments module bindings, made conditionally (only when it runs).
    let target = scope;
    let definite = binding.definite;
    if (scope.kind !== 'module' && scope.declaredGlobal.has(name)) {
      target = module;
      definite = false;
    }
    const list = target.bindings.get(name);
    const entry = { ...binding, definite };
    if (list) list.push(entry);
    else target.bindings.set(name, [entry]);
  };
  const common = (task: Task, statement: SyntaxNode): BindingCommon => ({ at: statement.endIndex, definite: !task.conditional, top: task.top });

  // Binds the names of an assignment target; `value` pairs element-wise with a literal tuple of the same length.
  const bindTarget = (target: SyntaxNode, value: SyntaxNode | null, task: Task, statement: SyntaxNode, kind: 'value' | 'element' | 'enter'): void => {
    const type = target.type;
    if (type === 'identifier') {
      const base = common(task, statement);
      if (!value) bind(task.scope, target.text, { ...base, kind: 'unknown', augmented: null, scope: task.scope });
      else if (kind === 'element') bind(task.scope, target.text, { ...base, kind: 'element', iterable: value, scope: task.scope });
      else bind(task.scope, target.text, { ...base, kind: 'value', value, scope: task.scope, enter: kind === 'enter' });
      return;
    }
    if (targetContainers.has(type)) {
      const parts = target.namedChildren.filter((child): child is SyntaxNode => child !== null);
      const values = value && kind === 'value' && valueContainers.has(value.type) ? value.namedChildren : null;
      const pairs = values !== null && values.length === parts.length && values.every((item) => item && item.type !== 'list_splat');
      parts.forEach((part, index) => bindTarget(part, pairs ? (values?.[index] ?? null) : null, task, statement, kind === 'element' ? 'element' : 'value'));
      return;
    }
    if (type === 'as_pattern_target') {
      for (const child of target.namedChildren) if (child) bindTarget(child, value, task, statement, kind);
      return;
    }
    if (type === 'list_splat_pattern' || type === 'list_splat') {
      for (const child of target.namedChildren) if (child) bindTarget(child, null, task, statement, 'value');
      return;
    }
    // attribute and subscript targets bind no name; their object and index are read.
    push(target, task.scope, task);
  };

  const bindParameters = (parameters: SyntaxNode | null, inner: Scope, task: Task, owner: SyntaxNode): void => {
    if (!parameters) return;
    for (const parameter of parameters.namedChildren) {
      if (!parameter) continue;
      const nameNode = parameterName(parameter);
      const fallback = parameter.childForFieldName('value');
      // Defaults and annotations are evaluated where the function is defined, not inside it.
      if (fallback) push(fallback, task.scope, task);
      const annotation = parameter.childForFieldName('type');
      if (annotation) push(annotation, task.scope, task, task.conditional, true);
      if (nameNode) {
        bind(inner, nameNode.text, { at: 0, definite: true, top: task.top, kind: 'parameter', fallback, scope: task.scope, name: nameNode.text, owner });
      }
    }
  };

  const visitFunction = (node: SyntaxNode, task: Task, kind: 'function' | 'lambda'): void => {
    const inner = newScope(kind, task.scope);
    const name = node.childForFieldName('name');
    if (name) bind(task.scope, name.text, { ...common(task, node), kind: 'definition', node, what: 'function' });
    bindParameters(node.childForFieldName('parameters'), inner, task, node);
    const returns = node.childForFieldName('return_type');
    if (returns) push(returns, task.scope, task, task.conditional, true);
    const body = node.childForFieldName('body');
    if (body) stack.push({ node: body, scope: inner, conditional: false, top: task.top, guard: null, annotation: false });
  };

  const visitComprehension = (node: SyntaxNode, task: Task): void => {
    const inner = newScope('comprehension', task.scope);
    let first = true;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'for_in_clause') {
        const left = child.childForFieldName('left');
        const right = child.childForFieldName('right');
        // The first iterable is evaluated in the enclosing scope; everything else inside the comprehension.
        if (right) push(right, first ? task.scope : inner, task);
        const innerTask = { ...task, scope: inner, conditional: true };
        if (left) bindTarget(left, right, innerTask, node, 'element');
        first = false;
      } else {
        push(child, inner, task);
      }
    }
  };

  const visitImport = (node: SyntaxNode, task: Task): void => {
    const type = node.type;
    if (type === 'import_statement') {
      for (const item of node.namedChildren) {
        if (!item) continue;
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
        if (!dotted) continue;
        const moduleName = dottedText(dotted);
        model.imports.push({ node, scope: task.scope, top: task.top, module: moduleName, moduleNode: dotted, members: [], star: false, guard: task.guard });
        // `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
        const bound = alias ? alias.text : (moduleName.split('.')[0] ?? moduleName);
        bind(task.scope, bound, { ...common(task, node), kind: 'import', qualifiedName: alias ? moduleName : bound });
      }
      return;
    }
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) return;
    const relative = moduleNode.type === 'relative_import';
    const moduleName = relative ? null : dottedText(moduleNode);
    const site: ImportSite = { node, scope: task.scope, top: task.top, module: moduleName, moduleNode, members: [], star: false, guard: task.guard };
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
      if (!dotted) continue;
      const name = dottedText(dotted);
      site.members.push({ name, node: dotted });
      const bound = alias ? alias.text : name;
      if (moduleName) bind(task.scope, bound, { ...common(task, node), kind: 'import', qualifiedName: `${moduleName}.${name}` });
      else bind(task.scope, bound, { ...common(task, node), kind: 'unknown', augmented: null, scope: task.scope });
    }
    if (node.namedChildren.some((child) => child?.type === 'wildcard_import')) {
      site.star = true;
      if (moduleName) task.scope.starImports.push(moduleName);
    }
    model.imports.push(site);
  };

  while (stack.length > 0) {
    const task = stack.pop() as Task;
    const node = task.node;
    const type = node.type;
    switch (type) {
      // A name in an annotation is a type, not a value the code uses; an annotation reaches code only through
      // __annotations__ (an escape dunder) or a call, and calls in annotations are checked like any other.
      case 'identifier':
        if (!task.annotation) model.loads.push({ node, scope: task.scope, top: task.top });
        model.namesRead.add(node.text);
        break;
      case 'attribute':
        if (!task.annotation) model.attributes.push({ node, scope: task.scope, top: task.top });
        push(node.childForFieldName('object'), task.scope, task);
        break;
      case 'call':
        model.calls.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, { ...task, annotation: false });
        break;
      case 'subscript':
        model.subscripts.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, task);
        break;
      case 'keyword_argument':
        push(node.childForFieldName('value'), task.scope, task);
        break;
      case 'binary_operator':
        model.operators.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, task);
        break;
      case 'string':
        model.strings.push({ node, scope: task.scope, top: task.top });
        for (const child of node.namedChildren) if (child?.type === 'interpolation') pushChildren(child, task.scope, task);
        break;
      case 'format_specifier':
      case 'format_expression':
        pushChildren(node, task.scope, task);
        break;
      case 'function_definition':
        visitFunction(node, task, 'function');
        break;
      case 'lambda':
        visitFunction(node, task, 'lambda');
        break;
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) bind(task.scope, name.text, { ...common(task, node), kind: 'definition', node, what: 'class' });
        push(node.childForFieldName('superclasses'), task.scope, task);
        const body = node.childForFieldName('body');
        if (body) stack.push({ node: body, scope: newScope('class', task.scope), conditional: false, top: task.top, guard: null, annotation: false });
        break;
      }
      case 'import_statement':
      case 'import_from_statement':
        visitImport(node, task);
        break;
      case 'future_import_statement':
        break;
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const annotation = node.childForFieldName('type');
        if (annotation) push(annotation, task.scope, task, task.conditional, true);
        if (right) push(right, task.scope, task);
        if (left && right) bindTarget(left, right, task, node, 'value');
        else if (left && left.type !== 'identifier') push(left, task.scope, task);
        break;
      }
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (right) push(right, task.scope, task);
        if (left?.type === 'identifier') bind(task.scope, left.text, { ...common(task, node), kind: 'unknown', augmented: right, scope: task.scope });
        else if (left) push(left, task.scope, task);
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (value) push(value, task.scope, task);
        let scope = task.scope;
        while (scope.kind === 'comprehension' && scope.parent) scope = scope.parent;
        if (name && value) bind(scope, name.text, { at: node.endIndex, definite: false, top: task.top, kind: 'value', value, scope: task.scope, enter: false });
        break;
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (right) push(right, task.scope, task);
        if (left) bindTarget(left, right, { ...task, conditional: true }, node, 'element');
        push(node.childForFieldName('body'), task.scope, task, true);
        push(node.childForFieldName('alternative'), task.scope, task, true);
        break;
      }
      case 'with_item': {
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          const expression = value.namedChildren.find((child) => child && child.type !== 'as_pattern_target') ?? null;
          const alias = value.childForFieldName('alias');
          if (expression) push(expression, task.scope, task);
          if (alias && expression) bindTarget(alias, expression, { ...task, conditional: true }, node, 'enter');
        } else {
          push(value, task.scope, task);
        }
        break;
      }
      case 'except_clause': {
        const alias = node.childForFieldName('alias');
        if (alias) bindTarget(alias, null, { ...task, conditional: true }, node, 'value');
        for (const child of node.namedChildren) {
          if (!child || child.id === alias?.id) continue;
          if (child.type === 'as_pattern') {
            const target = child.childForFieldName('alias');
            for (const part of child.namedChildren) if (part && part.id !== target?.id && part.type !== 'as_pattern_target') push(part, task.scope, task, true);
            if (target) bindTarget(target, null, { ...task, conditional: true }, node, 'value');
          } else {
            push(child, task.scope, task, true);
          }
        }
        break;
      }
      case 'if_statement': {
        const condition = node.childForFieldName('condition');
        push(condition, task.scope, task);
        const guarded = condition !== null && isTypeCheckingTest(condition);
        const consequence = node.childForFieldName('consequence');
        if (consequence) stack.push({ node: consequence, scope: task.scope, conditional: true, top: task.top, guard: guarded ? condition : task.guard, annotation: false });
        for (const branch of node.childrenForFieldName('alternative')) push(branch, task.scope, task, true);
        break;
      }
      case 'global_statement':
        for (const child of node.namedChildren) if (child) task.scope.declaredGlobal.add(child.text);
        break;
      case 'nonlocal_statement':
        for (const child of node.namedChildren) if (child) task.scope.declaredNonlocal.add(child.text);
        break;
      case 'delete_statement':
        for (const target of flattenTargets(node)) {
          if (target.type === 'identifier') task.scope.deleted.add(target.text);
          else push(target, task.scope, task);
        }
        break;
      case 'while_statement':
        model.loops.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, task, true);
        break;
      case 'exec_statement':
        model.execStatements.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, task);
        break;
      case 'print_statement':
        model.printStatements.push({ node, scope: task.scope, top: task.top });
        pushChildren(node, task.scope, task);
        break;
      case 'case_pattern':
      case 'dotted_name':
      case 'comment':
      case 'type_conversion':
        break;
      default:
        if (comprehensionTypes.has(type)) visitComprehension(node, task);
        else pushChildren(node, task.scope, task, task.conditional || conditionalTypes.has(type));
    }
  }
  return model;
}

/** `a.b.c` from a dotted_name, read part by part so comments or line breaks inside it do not matter. */
function dottedText(node: SyntaxNode): string {
  if (node.type !== 'dotted_name') return node.text;
  return node.namedChildren.filter((child) => child?.type === 'identifier').map((child) => child?.text ?? '').join('.');
}

function parameterName(parameter: SyntaxNode): SyntaxNode | null {
  switch (parameter.type) {
    case 'identifier':
      return parameter;
    case 'default_parameter':
    case 'typed_default_parameter':
      return parameter.childForFieldName('name');
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const inner = parameter.namedChildren.find((child) => child && child.type !== 'type') ?? null;
      return inner && inner.type !== 'identifier' ? parameterName(inner) : inner;
    }
    default:
      return null;
  }
}

function flattenTargets(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'expression_list' || child.type === 'tuple' || child.type === 'list') out.push(...flattenTargets(child));
    else out.push(child);
  }
  return out;
}

// `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:`; whether the name really is typing's flag is checked when names
// resolve, so `TYPE_CHECKING = True` does not hide an import.
function isTypeCheckingTest(condition: SyntaxNode): boolean {
  return (condition.type === 'identifier' && condition.text === 'TYPE_CHECKING') || (condition.type === 'attribute' && condition.childForFieldName('attribute')?.text === 'TYPE_CHECKING');
}

const literalTypes = new Set(['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none', 'ellipsis']);

function isLiteral(node: SyntaxNode): boolean {
  if (literalTypes.has(node.type)) return node.type !== 'string' || !node.namedChildren.some((child) => child?.type === 'interpolation');
  if (node.type === 'unary_operator') return node.namedChildren.every((child) => child !== null && isLiteral(child));
  if (node.type === 'tuple' || node.type === 'list' || node.type === 'set') return node.namedChildren.every((child) => child !== null && isLiteral(child));
  return false;
}

// A module-level statement that cannot call user code while it runs. Anything else might call a function defined
// earlier before a later `def eval` shadows the built-in, so shadowing only counts across inert statements.
function isInert(statement: SyntaxNode): boolean {
  switch (statement.type) {
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
    case 'pass_statement':
    case 'global_statement':
    case 'comment':
      return true;
    case 'function_definition':
      return (statement.childForFieldName('parameters')?.namedChildren ?? []).every((parameter) => {
        const fallback = parameter?.childForFieldName('value');
        return !fallback || isLiteral(fallback);
      });
    case 'expression_statement':
      return statement.namedChildren.every((child) => {
        if (!child) return true;
        if (child.type === 'assignment') {
          const right = child.childForFieldName('right');
          return child.childForFieldName('left')?.type === 'identifier' && (!right || isLiteral(right));
        }
        return isLiteral(child);
      });
    default:
      return false;
  }
}
