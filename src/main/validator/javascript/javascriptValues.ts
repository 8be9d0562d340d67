// Abstract values of JavaScript expressions: modules and globals through require, imports, destructuring and
// aliases, constant strings folded through the usual obfuscation tricks, and the Function constructor via .constructor.
import type { SyntaxNode } from '../syntaxTree';
import { decodeBase64, decodeHex } from '../textCodecs';
import { joinPath } from '../workFolder';
import { declaringScope, type JavascriptModel, type JsBinding, type JsScope } from './javascriptModel';
import { globalObjectNames, moduleQualifiedName, requireFunctions } from './javascriptSinks';
import { decodeJavascriptEscape } from './javascriptStrings';

export type JsValue =
  | { kind: 'qual'; name: string; viaConstructor?: boolean }
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'seq'; items: JsValue[][] }
  | { kind: 'object'; entries: Map<string, JsValue[]> }
  | { kind: 'function'; node: SyntaxNode }
  /** Whatever `x.constructor` is for an ordinary x: a class, whose own `.constructor` is Function. */
  | { kind: 'constructor' }
  | { kind: 'method'; receiver: JsValue; name: string }
  | { kind: 'unknown'; obfuscated: boolean };

// Globals that are functions (so their .constructor is Function).
const globalFunctions: ReadonlySet<string> = new Set([
  'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Error', 'Promise', 'Map',
  'Set', 'WeakMap', 'WeakSet', 'Proxy', 'eval', 'parseInt', 'parseFloat', 'setTimeout', 'setInterval', 'setImmediate', 'require',
  'fetch', 'Buffer', 'URL', 'TextEncoder', 'TextDecoder', 'ArrayBuffer', 'Uint8Array', 'DataView', 'isNaN', 'encodeURIComponent',
  'decodeURIComponent', 'atob', 'btoa', 'queueMicrotask', 'structuredClone',
]);

export const unknownJs: JsValue = { kind: 'unknown', obfuscated: false };
export const obfuscatedJs: JsValue = { kind: 'unknown', obfuscated: true };

const maxValues = 16;
const maxItems = 256;
const maxStringLength = 100_000;
const maxDepth = 300;

export type JavascriptEvaluator = {
  values(node: SyntaxNode, scope: JsScope): JsValue[];
  strings(node: SyntaxNode, scope: JsScope): { known: string[]; unknown: JsValue[] };
};

const str = (value: string): JsValue => (value.length > maxStringLength ? unknownJs : { kind: 'str', value });

function key(value: JsValue): string | null {
  switch (value.kind) {
    case 'qual':
      return `q${value.name}${value.viaConstructor ? 'c' : ''}`;
    case 'str':
      return `s${value.value}`;
    case 'num':
      return `n${value.value}`;
    case 'constructor':
      return 'c';
    case 'unknown':
      return `u${value.obfuscated}`;
    default:
      return null;
  }
}

export function unionJs(...lists: JsValue[][]): JsValue[] {
  const out: JsValue[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const value of list) {
      const id = key(value);
      if (id !== null) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      out.push(value);
      if (out.length > maxValues) return [obfuscatedJs];
    }
  }
  return out;
}

function product(left: JsValue[], right: JsValue[], combine: (a: JsValue, b: JsValue) => JsValue): JsValue[] {
  if (left.length * right.length > maxValues) return [obfuscatedJs];
  const out: JsValue[] = [];
  for (const a of left) for (const b of right) out.push(combine(a, b));
  return unionJs(out);
}

function taint(value: JsValue): JsValue {
  return value.kind === 'str' || (value.kind === 'unknown' && value.obfuscated) ? obfuscatedJs : unknownJs;
}

function textOf(value: JsValue): string | null {
  if (value.kind === 'str') return value.value;
  if (value.kind === 'num') return String(value.value);
  return null;
}

function plus(a: JsValue, b: JsValue): JsValue {
  if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', value: a.value + b.value };
  const left = textOf(a);
  const right = textOf(b);
  if ((a.kind === 'str' || b.kind === 'str') && left !== null && right !== null) return str(left + right);
  return (a.kind === 'unknown' && a.obfuscated) || (b.kind === 'unknown' && b.obfuscated) ? obfuscatedJs : unknownJs;
}

export function createJavascriptEvaluator(model: JavascriptModel): JavascriptEvaluator {
  const memo = new Map<number, JsValue[]>();
  // Node ids are unique within one tree only, so this cache lives with the evaluator of that tree.
  let constructedInProgram: Set<string> | null = null;
  const constructedNames = (program: SyntaxNode): Set<string> => (constructedInProgram ??= namesUsedWithNew(program));
  const active = new Set<number>();
  let depth = 0;
  let truncations = 0;

  const values = (node: SyntaxNode, scope: JsScope): JsValue[] => {
    const cached = memo.get(node.id);
    if (cached) return cached;
    if (active.has(node.id)) return [obfuscatedJs];
    if (depth >= maxDepth) {
      truncations += 1;
      return [obfuscatedJs];
    }
    const before = truncations;
    depth += 1;
    active.add(node.id);
    let result: JsValue[];
    try {
      result = evaluate(node, scope);
    } finally {
      depth -= 1;
      active.delete(node.id);
    }
    if (truncations === before) memo.set(node.id, result);
    return result;
  };

  function evaluate(node: SyntaxNode, scope: JsScope): JsValue[] {
    const field = (name: string): SyntaxNode | null => node.childForFieldName(name);
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        return lookup(node.text, scope);
      case 'this':
        // In a sloppy-mode script a plain function called plainly gets the global object as `this`:
        // (function () { return this; })().eval(…) is the classic way to globalThis without naming it.
        return thisMayBeGlobal(node, constructedNames) ? [unknownJs, { kind: 'qual', name: 'globalThis' }] : [unknownJs];
      case 'member_expression': {
        const object = field('object');
        const property = field('property');
        if (!object || !property) return [unknownJs];
        return unionJs(...values(object, scope).map((value) => propertyOf(value, property.text)));
      }
      case 'subscript_expression': {
        const object = field('object');
        const index = field('index');
        if (!object || !index) return [unknownJs];
        return product(values(object, scope), values(index, scope), itemOf);
      }
      case 'call_expression':
        return callValues(node, scope);
      case 'string':
        return [stringValue(node)];
      case 'template_string':
        return templateValues(node, scope);
      case 'number': {
        const parsed = Number(node.text.replace(/_/g, ''));
        return [Number.isNaN(parsed) ? unknownJs : { kind: 'num', value: parsed }];
      }
      case 'parenthesized_expression':
      case 'non_null_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'type_assertion': {
        const inner = node.namedChildren.find((part) => part !== null && part.type !== 'comment' && !part.type.endsWith('type') && part.type !== 'type_arguments' && part.type !== 'type_identifier');
        return inner ? values(inner, scope) : [unknownJs];
      }
      case 'sequence_expression': {
        const last = node.namedChildren[node.namedChildren.length - 1];
        return last ? values(last, scope) : [unknownJs];
      }
      case 'ternary_expression': {
        const consequence = field('consequence');
        const alternative = field('alternative');
        return unionJs(consequence ? values(consequence, scope) : [unknownJs], alternative ? values(alternative, scope) : [unknownJs]);
      }
      case 'binary_expression':
        return binaryValues(node, scope);
      case 'assignment_expression': {
        const right = field('right');
        return right ? values(right, scope) : [unknownJs];
      }
      case 'array':
        return [arrayValue(node, scope)];
      case 'object':
        return [objectValue(node, scope)];
      case 'function_expression':
      case 'function':
      case 'arrow_function':
      case 'generator_function':
      case 'class':
        return [{ kind: 'function', node }];
      case 'await_expression': {
        const inner = node.namedChildren[0];
        return inner ? values(inner, scope) : [unknownJs];
      }
      default:
        return [unknownJs];
    }
  }

  function stringValue(node: SyntaxNode): JsValue {
    let out = '';
    for (const part of node.namedChildren) {
      if (!part) continue;
      if (part.type === 'string_fragment') out += part.text;
      else if (part.type === 'escape_sequence') {
        const decoded = decodeJavascriptEscape(part.text);
        if (decoded === null) return obfuscatedJs;
        out += decoded;
      }
    }
    return str(out);
  }

  function templateValues(node: SyntaxNode, scope: JsScope): JsValue[] {
    let results: JsValue[] = [str('')];
    for (const part of node.namedChildren) {
      if (!part) continue;
      if (part.type === 'string_fragment') results = product(results, [str(part.text)], plus);
      else if (part.type === 'escape_sequence') results = product(results, [str(decodeJavascriptEscape(part.text) ?? '')], plus);
      else if (part.type === 'template_substitution') {
        const inner = part.namedChildren[0];
        results = product(results, inner ? values(inner, scope) : [unknownJs], (a, b) => (textOf(b) === null ? (b.kind === 'unknown' && b.obfuscated ? obfuscatedJs : unknownJs) : plus(a, b)));
      }
    }
    return results;
  }

  function binaryValues(node: SyntaxNode, scope: JsScope): JsValue[] {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.type;
    if (!left || !right) return [unknownJs];
    if (operator === '||' || operator === '??' || operator === '&&') return unionJs(values(left, scope), values(right, scope));
    if (operator !== '+') return [unknownJs];
    return product(values(left, scope), values(right, scope), plus);
  }

  function arrayValue(node: SyntaxNode, scope: JsScope): JsValue {
    const items: JsValue[][] = [];
    for (const item of node.namedChildren) {
      if (!item || item.type === 'comment') continue;
      if (item.type === 'spread_element' || items.length >= maxItems) return { kind: 'seq', items: [[obfuscatedJs]] };
      items.push(values(item, scope));
    }
    return { kind: 'seq', items };
  }

  function objectValue(node: SyntaxNode, scope: JsScope): JsValue {
    const entries = new Map<string, JsValue[]>();
    for (const part of node.namedChildren) {
      if (!part) continue;
      if (part.type === 'pair') {
        const keyNode = part.childForFieldName('key');
        const valueNode = part.childForFieldName('value');
        if (!keyNode || !valueNode) continue;
        const name = keyNode.type === 'property_identifier' ? keyNode.text : keyNode.type === 'string' ? textOf(stringValue(keyNode)) : null;
        if (name !== null) entries.set(name, values(valueNode, scope));
      } else if (part.type === 'shorthand_property_identifier') {
        entries.set(part.text, values(part, scope));
      }
    }
    return { kind: 'object', entries };
  }

  function propertyOf(value: JsValue, name: string): JsValue[] {
    if (name === 'constructor') return [constructorOf(value)];
    switch (value.kind) {
      case 'qual':
        return [qualifiedMember(value.name, name)];
      case 'object':
        return value.entries.get(name) ?? [unknownJs];
      case 'str':
      case 'seq':
        return [{ kind: 'method', receiver: value, name }];
      case 'unknown':
        return [value.obfuscated ? value : unknownJs];
      default:
        return [unknownJs];
    }
  }

  // x.constructor is x's class; the constructor of a function (a class, a method, a built-in function such as Object
  // or Math.max) is Function, which compiles text. A member of a global or module (Math.max, fs.readFileSync) is
  // taken to be a function; a bare unknown global is taken to be an object, whose constructor is merely its class.
  function constructorOf(value: JsValue): JsValue {
    // CommonJS's `module.constructor` is the Module class, whose _load and createRequire load any module by name.
    if (value.kind === 'qual' && value.name === 'module') return { kind: 'qual', name: 'node:module.Module' };
    if (value.kind === 'function' || value.kind === 'constructor' || value.kind === 'method') return { kind: 'qual', name: 'Function', viaConstructor: true };
    if (value.kind === 'qual' && (globalFunctions.has(value.name) || (value.name.includes('.') && !value.name.startsWith('node:') && value.name !== 'process.env'))) {
      return { kind: 'qual', name: 'Function', viaConstructor: true };
    }
    if (value.kind === 'qual' && value.name.startsWith('node:') && value.name.slice(5).includes('.')) return { kind: 'qual', name: 'Function', viaConstructor: true };
    return { kind: 'constructor' };
  }

  function itemOf(container: JsValue, index: JsValue): JsValue {
    const name = textOf(index);
    if (name !== null && container.kind !== 'seq' && container.kind !== 'str') {
      const found = propertyOf(container, name);
      return found.length === 1 && found[0] ? found[0] : obfuscatedJs;
    }
    if (container.kind === 'seq') {
      if (index.kind === 'num') return container.items[index.value]?.length === 1 ? (container.items[index.value]?.[0] ?? unknownJs) : unknownJs;
      return name !== null ? { kind: 'method', receiver: container, name } : obfuscatedJs;
    }
    if (container.kind === 'str') {
      if (index.kind === 'num') return str(container.value.charAt(index.value));
      return name !== null ? { kind: 'method', receiver: container, name } : obfuscatedJs;
    }
    return unknownJs;
  }

  function callValues(node: SyntaxNode, scope: JsScope): JsValue[] {
    const callee = node.childForFieldName('function');
    const argumentList = node.childForFieldName('arguments');
    if (!callee) return [unknownJs];
    const args = (argumentList?.namedChildren ?? []).filter((part): part is SyntaxNode => part !== null && part.type !== 'comment');
    if (callee.type === 'import') return moduleValues(args[0], scope);
    const out: JsValue[][] = [];
    for (const target of values(callee, scope)) {
      if (target.kind === 'qual') out.push(qualifiedCall(target.name, args, scope));
      else if (target.kind === 'method') out.push(methodCall(target, args, scope));
      else {
        out.push([args.some((argument) => values(argument, scope).some((value) => value.kind === 'str')) ? obfuscatedJs : unknownJs]);
        // An own function gives what it returns: (function () { return this; })() is the global object.
        if (target.kind === 'function') out.push(returnedValues(target.node));
      }
    }
    return unionJs(...out);
  }

  // Functions whose returns are being read, so a recursive one stops instead of looping.
  const returning = new Set<number>();

  function returnedValues(fn: SyntaxNode): JsValue[] {
    if (returning.has(fn.id) || returning.size >= 16) return [unknownJs];
    returning.add(fn.id);
    try {
      const found: JsValue[][] = (model.returns.get(fn.id) ?? []).map((site) => values(site.node, site.scope));
      const body = fn.childForFieldName('body');
      const own = model.functionScopes.get(fn.id);
      if (fn.type === 'arrow_function' && body && body.type !== 'statement_block' && own) found.push(values(body, own));
      return found.length > 0 ? unionJs(...found) : [unknownJs];
    } finally {
      returning.delete(fn.id);
    }
  }

  function moduleValues(argument: SyntaxNode | undefined, scope: JsScope): JsValue[] {
    if (!argument) return [unknownJs];
    return values(argument, scope).map((value) => {
      if (value.kind !== 'str') return unknownJs;
      const name = moduleQualifiedName(value.value);
      return name ? { kind: 'qual', name } : unknownJs;
    });
  }

  function qualifiedCall(name: string, args: SyntaxNode[], scope: JsScope): JsValue[] {
    if (requireFunctions.has(name)) return moduleValues(name === 'require.call' ? args[1] : args[0], scope);
    const first = args[0] ? values(args[0], scope) : null;
    switch (name) {
      case 'node:module.createRequire':
        return [{ kind: 'qual', name: 'require' }];
      case 'String.fromCharCode':
      case 'String.fromCodePoint': {
        let results: JsValue[] = [str('')];
        for (const argument of args) {
          results = product(results, values(argument, scope), (a, b) =>
            b.kind === 'num' && Number.isInteger(b.value) && b.value >= 0 && b.value <= 0x10ffff ? plus(a, str(String.fromCodePoint(b.value))) : obfuscatedJs,
          );
        }
        return results;
      }
      case 'atob':
        return first ? first.map((value) => decodeWith(value, decodeBase64)) : [unknownJs];
      case 'Buffer.from':
        return bufferFrom(args, scope);
      case 'String':
        return first ? first.map((value) => (textOf(value) === null ? taint(value) : str(textOf(value) as string))) : [str('')];
      case 'Object.getPrototypeOf':
      case 'Reflect.getPrototypeOf':
        return first ? first.map((value) => (value.kind === 'function' ? { kind: 'qual', name: 'Function.prototype' } : unknownJs)) : [unknownJs];
      case 'Reflect.get':
        return args[0] && args[1] ? product(values(args[0], scope), values(args[1], scope), itemOf) : [unknownJs];
      case 'node:path.join':
      case 'node:path.posix.join':
        return joinValues(args, scope);
      default:
        return [args.some((argument) => values(argument, scope).some((value) => value.kind === 'str')) ? obfuscatedJs : unknownJs];
    }
  }

  function joinValues(args: SyntaxNode[], scope: JsScope): JsValue[] {
    let results: JsValue[] = [str('')];
    for (const argument of args) {
      results = product(results, values(argument, scope), (a, b) => (a.kind === 'str' && b.kind === 'str' ? str(joinPath([a.value, b.value])) : unknownJs));
    }
    return results;
  }

  function bufferFrom(args: SyntaxNode[], scope: JsScope): JsValue[] {
    const data = args[0] ? values(args[0], scope) : [unknownJs];
    const encoding = args[1] ? values(args[1], scope) : [str('utf8')];
    return product(data, encoding, (value, code) => {
      if (code.kind !== 'str') return taint(value);
      if (code.value === 'base64') return decodeWith(value, decodeBase64);
      if (code.value === 'hex') return decodeWith(value, decodeHex);
      return value.kind === 'str' ? value : taint(value);
    });
  }

  function methodCall(method: JsValue & { kind: 'method' }, args: SyntaxNode[], scope: JsScope): JsValue[] {
    const receiver = method.receiver;
    const argumentValues = args.map((argument) => values(argument, scope));
    const firstText = argumentValues[0]?.length === 1 ? textOf(argumentValues[0][0] as JsValue) : null;
    if (receiver.kind === 'str') {
      const text = receiver.value;
      switch (method.name) {
        case 'toLowerCase':
          return [str(text.toLowerCase())];
        case 'toUpperCase':
          return [str(text.toUpperCase())];
        case 'trim':
          return [str(text.trim())];
        case 'toString':
        case 'valueOf':
          return [receiver];
        case 'split':
          if (firstText === null) return [obfuscatedJs];
          return [{ kind: 'seq', items: text.split(firstText).slice(0, maxItems).map((part) => [str(part)]) }];
        case 'concat':
          return argumentValues.reduce<JsValue[]>((acc, list) => product(acc, list, plus), [receiver]);
        case 'replace':
        case 'replaceAll': {
          const to = argumentValues[1]?.length === 1 ? textOf(argumentValues[1][0] as JsValue) : null;
          if (firstText === null || to === null || args[0]?.type === 'regex') return [obfuscatedJs];
          return [str(method.name === 'replace' ? text.replace(firstText, () => to) : text.split(firstText).join(to))];
        }
        case 'slice':
        case 'substring':
        case 'substr': {
          const start = argumentValues[0]?.[0]?.kind === 'num' ? (argumentValues[0][0] as { value: number }).value : 0;
          const end = argumentValues[1]?.[0]?.kind === 'num' ? (argumentValues[1][0] as { value: number }).value : undefined;
          if (method.name === 'substr') return [str(text.substr(start, end))];
          return [str(method.name === 'slice' ? text.slice(start, end) : text.substring(start, end))];
        }
        case 'repeat': {
          const count = argumentValues[0]?.[0];
          return [count?.kind === 'num' && count.value >= 0 && text.length * count.value <= maxStringLength ? str(text.repeat(count.value)) : obfuscatedJs];
        }
        case 'charAt':
          return [argumentValues[0]?.[0]?.kind === 'num' ? str(text.charAt((argumentValues[0][0] as { value: number }).value)) : obfuscatedJs];
        default:
          return [obfuscatedJs];
      }
    }
    if (receiver.kind === 'seq') {
      switch (method.name) {
        case 'join':
          return joinItems(receiver.items, firstText ?? (args.length === 0 ? ',' : null));
        case 'reverse':
          return [{ kind: 'seq', items: [...receiver.items].reverse() }];
        case 'concat':
          return [{ kind: 'seq', items: [...receiver.items, ...argumentValues.flatMap((list) => (list.length === 1 && list[0]?.kind === 'seq' ? list[0].items : [list]))] }];
        case 'map':
          return mapItems(receiver.items, argumentValues[0]);
        default:
          return [obfuscatedJs];
      }
    }
    return [unknownJs];
  }

  function joinItems(items: JsValue[][], separator: string | null): JsValue[] {
    if (separator === null) return [obfuscatedJs];
    let results: JsValue[] = [str('')];
    items.forEach((item, index) => {
      results = product(results, item, (a, b) => (index === 0 ? plus(a, b) : plus(plus(a, str(separator)), b)));
    });
    return results.map((value) => (value.kind === 'str' ? value : obfuscatedJs));
  }

  // `[101, 118].map(String.fromCharCode)` and `.map(c => String.fromCharCode(c))` spell names from numbers.
  function mapItems(items: JsValue[][], fn: JsValue[] | undefined): JsValue[] {
    const callee = fn?.length === 1 ? fn[0] : undefined;
    const isFromCharCode = callee?.kind === 'qual' && (callee.name === 'String.fromCharCode' || callee.name === 'String.fromCodePoint');
    const isArrowFromCharCode = callee?.kind === 'function' && callsFromCharCode(callee.node);
    if (!isFromCharCode && !isArrowFromCharCode) return [obfuscatedJs];
    return [{ kind: 'seq', items: items.map((item) => item.map((value) => (value.kind === 'num' && Number.isInteger(value.value) && value.value >= 0 && value.value <= 0x10ffff ? str(String.fromCodePoint(value.value)) : obfuscatedJs))) }];
  }

  function lookup(name: string, scope: JsScope): JsValue[] {
    const declared = declaringScope(scope, name);
    if (declared) return bindingValues(declared.bindings.get(name) ?? []);
    const implicit = model.implicitGlobals.get(name);
    const global = globalName(name);
    return implicit ? unionJs([global], bindingValues(implicit)) : [global];
  }

  function bindingValues(bindings: JsBinding[]): JsValue[] {
    return unionJs(...bindings.map(bindingValue));
  }

  function bindingValue(binding: JsBinding): JsValue[] {
    switch (binding.kind) {
      case 'import': {
        const module = moduleQualifiedName(binding.module);
        if (!module) return [unknownJs];
        // A default import of a CommonJS built-in is the module itself.
        if (binding.member === null || binding.member === 'default') return [{ kind: 'qual', name: module }];
        return [{ kind: 'qual', name: `${module}.${binding.member}` }];
      }
      case 'definition':
        return [{ kind: 'function', node: binding.node }];
      case 'unknown':
        return [unknownJs];
      case 'value': {
        let current = binding.value ? values(binding.value, binding.scope) : [unknownJs];
        for (const part of binding.path) current = unionJs(...current.map((value) => (value.kind === 'seq' && /^\d+$/.test(part) ? (value.items[Number(part)] ?? [unknownJs]) : propertyOf(value, part))));
        if (binding.fallback) current = unionJs(current, values(binding.fallback, binding.scope));
        if (!binding.value) current = unionJs(current, [unknownJs]);
        return current;
      }
    }
  }

  return {
    values,
    strings(node, scope) {
      const found = values(node, scope);
      return { known: found.flatMap((value) => (value.kind === 'str' ? [value.value] : [])), unknown: found.filter((value) => value.kind !== 'str') };
    },
  };
}

// `c => String.fromCharCode(c)`: an arrow whose body is that one call.
function callsFromCharCode(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  const callee = body?.type === 'call_expression' ? body.childForFieldName('function') : null;
  if (callee?.type !== 'member_expression') return false;
  const property = callee.childForFieldName('property')?.text;
  return callee.childForFieldName('object')?.text === 'String' && (property === 'fromCharCode' || property === 'fromCodePoint');
}

function decodeWith(value: JsValue, decode: (text: string) => string | null): JsValue {
  if (value.kind !== 'str') return taint(value);
  const decoded = decode(value.value);
  return decoded === null ? obfuscatedJs : str(decoded);
}

const plainFunctionTypes = new Set(['function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function']);

/** Whether a directive prologue ("use strict") opens this statement list. */
function startsStrict(body: SyntaxNode | null): boolean {
  for (const statement of body?.namedChildren ?? []) {
    if (!statement || statement.type === 'comment') continue;
    if (statement.type !== 'expression_statement' || statement.namedChildren[0]?.type !== 'string') return false;
    if (/^["']use strict["']$/.test(statement.namedChildren[0].text)) return true;
  }
  return false;
}

/**
 * The names in a program used with `new` (a constructor) or assigned to a member (`X.prototype.make = make`: a
 * method) and never called plainly (`make()`): functions by those names get their `this` from an object. A name that
 * is also called plainly is not in the set, so `new grab` written beside `grab()` does not hide grab's `this`.
 */
function namesUsedWithNew(program: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const calledPlainly = new Set<string>();
  const pending: SyntaxNode[] = [program];
  while (pending.length > 0) {
    const node = pending.pop() as SyntaxNode;
    if (node.type === 'new_expression') {
      const constructor = node.childForFieldName('constructor');
      if (constructor?.type === 'identifier') names.add(constructor.text);
    } else if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if ((left?.type === 'member_expression' || left?.type === 'subscript_expression') && right?.type === 'identifier') names.add(right.text);
    } else if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function');
      if (callee?.type === 'identifier') calledPlainly.add(callee.text);
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  for (const name of calledPlainly) names.delete(name);
  return names;
}

/** The name a function goes by: its own, or the variable it is assigned to. */
function functionName(fn: SyntaxNode): string | null {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const holder = fn.parent;
  if (holder?.type === 'variable_declarator') return holder.childForFieldName('name')?.text ?? null;
  return null;
}

/**
 * Whether `this` here may be the global object: inside a plain function of a sloppy-mode script (no "use strict",
 * no import/export) that is neither a method (of a class, an object literal, or assigned to a member such as
 * X.prototype.m) nor a constructor (used with `new` in the file); arrows take `this` from around them.
 */
function thisMayBeGlobal(node: SyntaxNode, constructed: (program: SyntaxNode) => Set<string>): boolean {
  let inFunction = false;
  let fnName: string | null = null;
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'class_body' || at.type === 'method_definition') return false;
    if (!inFunction && plainFunctionTypes.has(at.type)) {
      const holder = at.parent;
      // An object literal's method, or a callback: whoever calls it chooses its `this` (map's thisArg, an emitter).
      if (holder?.type === 'pair' || holder?.type === 'arguments') return false;
      const assignedTo = holder?.type === 'assignment_expression' ? holder.childForFieldName('left')?.type : undefined;
      if (assignedTo === 'member_expression' || assignedTo === 'subscript_expression') return false;
      if (startsStrict(at.childForFieldName('body'))) return false;
      fnName = functionName(at);
      inFunction = true;
    } else if (inFunction && plainFunctionTypes.has(at.type) && startsStrict(at.childForFieldName('body'))) {
      return false;
    }
    if (at.type === 'program') {
      if (!inFunction || startsStrict(at)) return false;
      if (at.namedChildren.some((statement) => statement?.type === 'import_statement' || statement?.type === 'export_statement')) return false;
      return fnName === null || !constructed(at).has(fnName);
    }
  }
  return false;
}

/** `target.name` for a qualified value: a member of the global object is that global. */
export function qualifiedMember(target: string, name: string): JsValue {
  if (target === 'globalThis') return globalName(name);
  if (target === 'require' && name === 'call') return { kind: 'qual', name: 'require.call' };
  return { kind: 'qual', name: `${target}.${name}` };
}

/** What a global name refers to: the global object under any of its names, else the global itself. */
function globalName(name: string): JsValue {
  return { kind: 'qual', name: globalObjectNames.has(name) ? 'globalThis' : name };
}
