// One pass over a JavaScript/TypeScript syntax tree: block and function scopes, bindings, and the nodes rules check.
import type { SyntaxNode } from '../syntaxTree';
import { decodeJavascriptString } from './javascriptStrings';

export type JsScope = { kind: 'program' | 'function' | 'block'; parent: JsScope | null; bindings: Map<string, JsBinding[]> };

/** How a name got its value: `path` walks into the value for destructuring (`const { a: { b } } = x` → ['a', 'b']). */
export type JsBinding =
  | { kind: 'value'; value: SyntaxNode | null; path: string[]; fallback: SyntaxNode | null; scope: JsScope }
  | { kind: 'import'; module: string; member: string | null }
  | { kind: 'definition'; node: SyntaxNode }
  | { kind: 'unknown' };

export type JsSite = { node: SyntaxNode; scope: JsScope };

export type JsImportSite = JsSite & { specifier: string; sourceNode: SyntaxNode; members: { name: string; node: SyntaxNode }[]; typeOnly: boolean };

export type JavascriptModel = {
  program: JsScope;
  /** Assignments to names no declaration binds: they create globals, which may shadow eval or require. */
  implicitGlobals: Map<string, JsBinding[]>;
  loads: JsSite[];
  members: JsSite[];
  subscripts: JsSite[];
  calls: JsSite[];
  /** `...x` in an object literal, an array or a call's arguments. */
  spreads: JsSite[];
  /** The returned expressions of each function (by the function node's id), for what a call of it gives. */
  returns: Map<number, JsSite[]>;
  /** Each function's own scope (by the function node's id): an arrow's expression body is read in it. */
  functionScopes: Map<number, JsScope>;
  imports: JsImportSite[];
};

type Task = { node: SyntaxNode; scope: JsScope; functionScope: JsScope };

// TypeScript-only syntax: erased before the code runs, so nothing in it can execute.
const typeOnly = new Set([
  'type_annotation', 'type_alias_declaration', 'interface_declaration', 'type_arguments', 'type_parameters', 'ambient_declaration',
  'abstract_method_signature', 'index_signature', 'method_signature', 'property_signature', 'function_signature', 'predefined_type',
  'type_identifier', 'type_query', 'implements_clause', 'opting_type_annotation', 'omitting_type_annotation', 'asserts_annotation', 'type_predicate_annotation',
]);
const functionTypes = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition']);
const declarationFunctions = new Set(['function_declaration', 'generator_function_declaration']);
const blockScopes = new Set(['statement_block', 'for_statement', 'for_in_statement', 'catch_clause', 'switch_body', 'class_body']);

function newScope(kind: JsScope['kind'], parent: JsScope | null): JsScope {
  return { kind, parent, bindings: new Map() };
}

function addBinding(scope: JsScope, name: string, binding: JsBinding): void {
  const list = scope.bindings.get(name);
  if (list) list.push(binding);
  else scope.bindings.set(name, [binding]);
}

/** Walks the tree once, iteratively (hostile nesting must not overflow the stack). */
export function buildJavascriptModel(root: SyntaxNode): JavascriptModel {
  const program = newScope('program', null);
  const model: JavascriptModel = { program, implicitGlobals: new Map(), loads: [], members: [], subscripts: [], calls: [], spreads: [], returns: new Map(), functionScopes: new Map(), imports: [] };
  const assignments: Array<{ name: string; binding: JsBinding; scope: JsScope }> = [];
  const stack: Task[] = [{ node: root, scope: program, functionScope: program }];

  const push = (node: SyntaxNode | null, task: Task, scope = task.scope, functionScope = task.functionScope): void => {
    if (node) stack.push({ node, scope, functionScope });
  };
  const pushChildren = (node: SyntaxNode, task: Task, scope = task.scope, functionScope = task.functionScope): void => {
    const children = node.namedChildren;
    for (let index = children.length - 1; index >= 0; index -= 1) push(children[index] ?? null, task, scope, functionScope);
  };

  // Binds every name in a declaration pattern; defaults and computed keys are read in the surrounding scope.
  const bindPattern = (pattern: SyntaxNode, value: SyntaxNode | null, path: string[], target: JsScope, task: Task, fallback: SyntaxNode | null = null): void => {
    switch (pattern.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        addBinding(target, pattern.text, { kind: 'value', value, path, fallback, scope: task.scope });
        return;
      case 'object_pattern':
        for (const part of pattern.namedChildren) {
          if (!part) continue;
          if (part.type === 'shorthand_property_identifier_pattern') bindPattern(part, value, [...path, part.text], target, task);
          else if (part.type === 'pair_pattern') {
            const key = part.childForFieldName('key');
            const inner = part.childForFieldName('value');
            const name = key && (key.type === 'property_identifier' || key.type === 'string') ? stripQuotes(key) : null;
            if (key?.type === 'computed_property_name') push(key, task);
            if (inner) bindPattern(inner, name === null ? null : value, name === null ? [] : [...path, name], target, task);
          } else if (part.type === 'object_assignment_pattern') {
            const left = part.childForFieldName('left');
            const right = part.childForFieldName('right');
            if (right) push(right, task);
            if (left) bindPattern(left, value, [...path, left.text], target, task, right);
          } else {
            bindPattern(part, null, [], target, task);
          }
        }
        return;
      case 'array_pattern':
        pattern.namedChildren.forEach((part, index) => {
          if (part) bindPattern(part, part.type === 'rest_pattern' ? null : value, [...path, String(index)], target, task);
        });
        return;
      case 'assignment_pattern': {
        const left = pattern.childForFieldName('left');
        const right = pattern.childForFieldName('right');
        if (right) push(right, task);
        if (left) bindPattern(left, value, path, target, task, right);
        return;
      }
      case 'rest_pattern':
        for (const part of pattern.namedChildren) if (part) bindPattern(part, null, [], target, task);
        return;
      default:
        // A member expression as an assignment target (`obj.x = ...` in a for-of head) binds nothing; it is read.
        push(pattern, task);
    }
  };

  const visitFunction = (node: SyntaxNode, task: Task): void => {
    const inner = newScope('function', task.scope);
    model.functionScopes.set(node.id, inner);
    const name = node.childForFieldName('name');
    if (name && name.type === 'identifier') {
      // A declaration binds its name where it stands (block-scoped, as in strict code); a named function
      // expression binds it only inside itself.
      const target = declarationFunctions.has(node.type) ? task.scope : inner;
      addBinding(target, name.text, { kind: 'definition', node });
    }
    const parameters = node.childForFieldName('parameters') ?? node.childForFieldName('parameter');
    if (parameters) {
      const list = parameters.type === 'formal_parameters' ? parameters.namedChildren : [parameters];
      for (const parameter of list) {
        if (!parameter) continue;
        const pattern = parameter.type === 'required_parameter' || parameter.type === 'optional_parameter' ? parameter.childForFieldName('pattern') : parameter;
        const fallback = parameter.type === 'required_parameter' || parameter.type === 'optional_parameter' ? parameter.childForFieldName('value') : null;
        if (fallback) push(fallback, task);
        if (pattern) bindPattern(pattern, null, [], inner, task, fallback);
      }
    }
    for (const decorator of node.namedChildren) if (decorator?.type === 'decorator') push(decorator, task);
    const body = node.childForFieldName('body');
    if (!body) return;
    const innerTask: Task = { node: body, scope: inner, functionScope: inner };
    if (body.type === 'statement_block') pushChildren(body, innerTask, inner, inner);
    else push(body, innerTask, inner, inner);
  };

  const visitDeclaration = (node: SyntaxNode, task: Task): void => {
    const isVar = node.type === 'variable_declaration';
    const target = isVar ? task.functionScope : task.scope;
    for (const declarator of node.namedChildren) {
      if (declarator?.type !== 'variable_declarator') continue;
      const name = declarator.childForFieldName('name');
      const value = declarator.childForFieldName('value');
      if (value) push(value, task);
      if (name) bindPattern(name, value, [], target, task);
    }
  };

  const visitImport = (node: SyntaxNode, task: Task): void => {
    const source = node.childForFieldName('source');
    const typeOnlyImport = node.children.some((part) => part?.type === 'type');
    const clause = node.namedChildren.find((part) => part?.type === 'import_clause' || part?.type === 'import_require_clause') ?? null;
    if (clause?.type === 'import_require_clause') {
      const requireSource = clause.childForFieldName('source');
      const name = clause.namedChildren.find((part) => part?.type === 'identifier');
      if (requireSource) {
        const specifier = stripQuotes(requireSource);
        model.imports.push({ node, scope: task.scope, specifier, sourceNode: requireSource, members: [], typeOnly: typeOnlyImport });
        if (name) addBinding(program, name.text, { kind: 'import', module: specifier, member: null });
      }
      return;
    }
    if (!source) return;
    const specifier = stripQuotes(source);
    const site: JsImportSite = { node, scope: task.scope, specifier, sourceNode: source, members: [], typeOnly: typeOnlyImport };
    for (const part of clause?.namedChildren ?? []) {
      if (!part) continue;
      if (part.type === 'identifier') addBinding(program, part.text, { kind: 'import', module: specifier, member: 'default' });
      else if (part.type === 'namespace_import') {
        const name = part.namedChildren.find((inner) => inner?.type === 'identifier');
        if (name) addBinding(program, name.text, { kind: 'import', module: specifier, member: null });
      } else if (part.type === 'named_imports') {
        for (const specifierNode of part.namedChildren) {
          if (specifierNode?.type !== 'import_specifier') continue;
          const imported = specifierNode.childForFieldName('name');
          const alias = specifierNode.childForFieldName('alias');
          if (!imported) continue;
          const importedName = imported.type === 'string' ? stripQuotes(imported) : imported.text;
          const isTypeOnly = specifierNode.children.some((inner) => inner?.type === 'type');
          if (!isTypeOnly) site.members.push({ name: importedName, node: imported });
          addBinding(program, (alias ?? imported).text, { kind: 'import', module: specifier, member: importedName });
        }
      }
    }
    model.imports.push(site);
  };

  const visitAssignment = (node: SyntaxNode, task: Task, augmented: boolean): void => {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (right) push(right, task);
    if (!left) return;
    if (left.type === 'identifier') {
      assignments.push({ name: left.text, binding: augmented ? { kind: 'unknown' } : { kind: 'value', value: right, path: [], fallback: null, scope: task.scope }, scope: task.scope });
      if (augmented) push(left, task);
    } else if (left.type === 'object_pattern' || left.type === 'array_pattern') {
      const scratch = newScope('block', null);
      bindPattern(left, right, [], scratch, task);
      for (const [name, bindings] of scratch.bindings) for (const binding of bindings) assignments.push({ name, binding, scope: task.scope });
    } else {
      push(left, task);
    }
  };

  while (stack.length > 0) {
    const task = stack.pop() as Task;
    const node = task.node;
    const type = node.type;
    if (typeOnly.has(type)) continue;
    if (functionTypes.has(type)) {
      visitFunction(node, task);
      continue;
    }
    switch (type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        model.loads.push({ node, scope: task.scope });
        break;
      case 'member_expression':
        model.members.push({ node, scope: task.scope });
        push(node.childForFieldName('object'), task);
        break;
      case 'subscript_expression':
        model.subscripts.push({ node, scope: task.scope });
        pushChildren(node, task);
        break;
      case 'call_expression':
        model.calls.push({ node, scope: task.scope });
        pushChildren(node, task);
        break;
      case 'spread_element':
        model.spreads.push({ node, scope: task.scope });
        pushChildren(node, task);
        break;
      case 'return_statement': {
        const returned = node.namedChildren.find((part) => part !== null && part.type !== 'comment');
        let owner = node.parent;
        while (owner && !functionTypes.has(owner.type)) owner = owner.parent;
        if (returned && owner) {
          const list = model.returns.get(owner.id);
          if (list) list.push({ node: returned, scope: task.scope });
          else model.returns.set(owner.id, [{ node: returned, scope: task.scope }]);
        }
        pushChildren(node, task);
        break;
      }
      case 'new_expression':
        pushChildren(node, task);
        break;
      case 'import_statement':
        visitImport(node, task);
        break;
      case 'export_statement': {
        const source = node.childForFieldName('source');
        if (source) {
          const isType = node.children.some((part) => part?.type === 'type');
          model.imports.push({ node, scope: task.scope, specifier: stripQuotes(source), sourceNode: source, members: [], typeOnly: isType });
        }
        for (const part of node.namedChildren) if (part && part.type !== 'export_clause' && part.type !== 'string') push(part, task);
        break;
      }
      case 'variable_declaration':
      case 'lexical_declaration':
        visitDeclaration(node, task);
        break;
      case 'class_declaration':
      case 'abstract_class_declaration': {
        const name = node.childForFieldName('name');
        if (name) addBinding(task.scope, name.text, { kind: 'definition', node });
        pushChildren(node, task);
        break;
      }
      case 'for_in_statement': {
        const scope = newScope('block', task.scope);
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const declares = node.children.some((part) => part?.type === 'const' || part?.type === 'let' || part?.type === 'var');
        if (right) push(right, task);
        if (left && declares) bindPattern(left, null, [], node.children.some((part) => part?.type === 'var') ? task.functionScope : scope, { ...task, scope });
        else if (left?.type === 'identifier') assignments.push({ name: left.text, binding: { kind: 'unknown' }, scope: task.scope });
        else if (left) push(left, task);
        push(node.childForFieldName('body'), task, scope);
        break;
      }
      case 'catch_clause': {
        const scope = newScope('block', task.scope);
        const parameter = node.childForFieldName('parameter');
        if (parameter) bindPattern(parameter, null, [], scope, { ...task, scope });
        const body = node.childForFieldName('body');
        if (body) pushChildren(body, task, scope);
        break;
      }
      case 'assignment_expression':
        visitAssignment(node, task, false);
        break;
      case 'augmented_assignment_expression':
        visitAssignment(node, task, true);
        break;
      case 'template_string':
        for (const part of node.namedChildren) if (part?.type === 'template_substitution') pushChildren(part, task);
        break;
      case 'string':
      case 'comment':
      case 'regex':
      case 'property_identifier':
      case 'private_property_identifier':
      case 'statement_identifier':
        break;
      default:
        if (blockScopes.has(type)) pushChildren(node, task, newScope('block', task.scope));
        else pushChildren(node, task);
    }
  }

  for (const { name, binding, scope } of assignments) {
    const declared = declaringScope(scope, name);
    if (declared) addBinding(declared, name, binding);
    else {
      const list = model.implicitGlobals.get(name);
      if (list) list.push(binding);
      else model.implicitGlobals.set(name, [binding]);
    }
  }
  return model;
}

/** The scope whose declaration a name refers to, or null for a global. */
export function declaringScope(scope: JsScope, name: string): JsScope | null {
  for (let current: JsScope | null = scope; current; current = current.parent) if (current.bindings.has(name)) return current;
  return null;
}

/** The value of a string literal node (escapes decoded); other nodes give their text. */
export function stripQuotes(node: SyntaxNode): string {
  return node.type === 'string' ? (decodeJavascriptString(node) ?? node.text.slice(1, -1)) : node.text;
}
