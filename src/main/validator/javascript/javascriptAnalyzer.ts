// The JavaScript/TypeScript rules: one walk builds the model, then each collected node is checked by its type.
import type { SyntaxNode } from '../syntaxTree';
import type { TierPolicy } from '../../../shared/validation';
import type { FindingCollector } from '../findings';
import { importVerdict, isNodeBuiltinModule } from '../policies';
import { describeSyntaxProblem, findSyntaxProblems } from '../syntaxErrors';
import { isInsideWorkFolder } from '../workFolder';
import { buildJavascriptModel, type JsImportSite, type JsSite } from './javascriptModel';
import {
  isDangerousJavascriptModule,
  javascriptFileSinkFor,
  javascriptSinkFor,
  moduleQualifiedName,
  policyModuleName,
  requireFunctions,
  stringTimers,
  type JavascriptFileSink,
} from './javascriptSinks';
import { createJavascriptEvaluator, qualifiedMember, type JavascriptEvaluator, type JsValue } from './javascriptValues';

export type JavascriptAnalysisOptions = { policy: TierPolicy; findings: FindingCollector };

type Context = JavascriptAnalysisOptions & { evaluator: JavascriptEvaluator };

/** Runs every JavaScript/TypeScript rule over a parsed program. */
export function analyzeJavascript(root: SyntaxNode, options: JavascriptAnalysisOptions): void {
  for (const problem of findSyntaxProblems(root)) {
    options.findings.report(problem.kind === 'missing' ? 'js.syntax.missing' : 'js.syntax.error', problem.node, describeSyntaxProblem(problem));
  }
  const model = buildJavascriptModel(root);
  const context: Context = { ...options, evaluator: createJavascriptEvaluator(model) };
  for (const site of model.imports) checkImport(context, site);
  // Inner nodes end first: checking by end position fills the evaluator's cache bottom-up and keeps recursion shallow.
  type Check = (context: Context, site: JsSite) => void;
  const tag = (site: JsSite, check: Check) => ({ site, check, end: site.node.endIndex, start: site.node.startIndex });
  const tagged = [
    ...model.loads.map((site) => tag(site, checkReference)),
    ...model.members.map((site) => tag(site, checkReference)),
    ...model.subscripts.map((site) => tag(site, checkSubscript)),
    ...model.calls.map((site) => tag(site, checkCall)),
    ...model.spreads.map((site) => tag(site, checkSpread)),
  ];
  tagged.sort((a, b) => a.end - b.end || b.start - a.start);
  for (const { site, check } of tagged) check(context, site);
}

function qualifiedNames(found: JsValue[]): Array<JsValue & { kind: 'qual' }> {
  return found.filter((value): value is JsValue & { kind: 'qual' } => value.kind === 'qual');
}

function display(name: string): string {
  return name.startsWith('npm:') ? name.slice(4) : name;
}

// --- modules -------------------------------------------------------------------------------------------------------

function checkImport(context: Context, site: JsImportSite): void {
  if (site.typeOnly) return;
  const rule = checkModule(context, site.specifier, site.sourceNode);
  const module = moduleQualifiedName(site.specifier);
  if (!module) return;
  for (const member of site.members) {
    const memberRule = javascriptSinkFor(`${module}.${member.name}`);
    if (memberRule && memberRule !== rule) context.findings.report(memberRule, member.node, `${display(module)}.${member.name}`);
  }
}

const urlSchemes = ['data:', 'http:', 'https:', 'file:', 'blob:'];

/** Reports loading `specifier`: code from a URL, a dangerous module's own rule, or the tier's import policy. */
function checkModule(context: Context, specifier: string, node: SyntaxNode): string | undefined {
  if (urlSchemes.some((scheme) => specifier.toLowerCase().startsWith(scheme))) {
    context.findings.report('js.exec.dynamic-require', node, specifier, 'code loaded from a URL');
    return 'js.exec.dynamic-require';
  }
  const module = moduleQualifiedName(specifier);
  if (module === null) {
    if (specifier.startsWith('/')) context.findings.report('js.import.unknown', node, specifier, 'absolute path outside the project');
    return undefined;
  }
  if (isDangerousJavascriptModule(module)) {
    const rule = javascriptSinkFor(module);
    if (rule) context.findings.report(rule, node, display(module));
    return rule;
  }
  const name = policyModuleName(specifier);
  const verdict = importVerdict(context.policy.imports.javascript, name, isNodeBuiltinModule(name));
  if (verdict === 'not-allowed') context.findings.report('js.import.not-allowed', node, name);
  else if (verdict === 'unknown') context.findings.report('js.import.unknown', node, name);
  return undefined;
}

// --- references ----------------------------------------------------------------------------------------------------

function checkReference(context: Context, site: JsSite): void {
  const found = context.evaluator.values(site.node, site.scope);
  checkValues(context, site.node, found);
}

function checkValues(context: Context, node: SyntaxNode, found: JsValue[]): void {
  if (isTypeofOperand(node)) return;
  for (const value of qualifiedNames(found)) {
    if (value.name === 'require' && !isCalledOrAliased(node) && !isMemberObject(node)) {
      context.findings.report('js.exec.dynamic-require', node, node.text, 'require passed around as a value');
      continue;
    }
    const fileSink = javascriptFileSinkFor(value.name);
    if (fileSink && !isCalledOrAliased(node)) {
      context.findings.report(fileSink.effect === 'write' ? 'js.fs.write' : 'js.fs.delete', node, display(value.name), 'passed around as a value, so its path cannot be checked');
      continue;
    }
    const rule = javascriptSinkFor(value.name);
    if (!rule) continue;
    if (rule === 'js.exec.function' && !value.viaConstructor && isHarmlessFunctionUse(node)) continue;
    context.findings.report(value.viaConstructor ? 'js.exec.constructor-chain' : rule, node, value.viaConstructor ? node.text : display(value.name));
  }
}

// `typeof eval` and `typeof require === 'function'` (UMD wrappers) only ask whether something exists.
function isTypeofOperand(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'unary_expression' && parent.childForFieldName('operator')?.type === 'typeof';
}

function isMemberObject(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'member_expression' && parent.childForFieldName('object')?.id === node.id;
}

function isCalledOrAliased(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'call_expression') return parent.childForFieldName('function')?.id === node.id;
  if (parent.type === 'variable_declarator') return parent.childForFieldName('value')?.id === node.id && parent.childForFieldName('name')?.type === 'identifier';
  return isMemberObject(node);
}

const comparisons = new Set(['instanceof', '===', '!==', '==', '!=']);

// `x instanceof Function`, `f.constructor === Function` and `Function.prototype.call` only name the constructor.
function isHarmlessFunctionUse(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'binary_expression') return comparisons.has(parent.childForFieldName('operator')?.type ?? '');
  if (parent.type === 'member_expression' && parent.childForFieldName('object')?.id === node.id) return parent.childForFieldName('property')?.text === 'prototype';
  return false;
}

// What may not be handed on whole: the global object and the objects that reach require and native code. (A Node
// module or a member of one, promisify(fs.stat), is checked where it is used by name.)
const escapeHatches = (value: JsValue): boolean =>
  value.kind === 'qual' && (value.name === 'globalThis' || value.name === 'process' || value.name === 'module' || value.name === 'require');

// What may not be indexed by a computed name: those, and Node modules.
const computedTargets = (value: JsValue): boolean => escapeHatches(value) || (value.kind === 'qual' && value.name.startsWith('node:'));

function checkSubscript(context: Context, site: JsSite): void {
  const node = site.node;
  const object = node.childForFieldName('object');
  const index = node.childForFieldName('index');
  if (object && index && context.evaluator.values(object, site.scope).some(computedTargets)) {
    if (context.evaluator.strings(index, site.scope).unknown.length > 0) context.findings.report('js.exec.global-computed', node, node.text);
  }
  checkReference(context, site);
}

// --- calls ---------------------------------------------------------------------------------------------------------

function checkCall(context: Context, site: JsSite): void {
  const node = site.node;
  const callee = node.childForFieldName('function');
  if (!callee) return;
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((part): part is SyntaxNode => part !== null && part.type !== 'comment');
  if (callee.type === 'import') {
    checkModuleArgument(context, site, args[0]);
    return;
  }
  for (const target of qualifiedNames(context.evaluator.values(callee, site.scope))) {
    if (requireFunctions.has(target.name)) checkModuleArgument(context, site, target.name === 'require.call' ? args[1] : args[0]);
    else if (stringTimers.has(target.name)) checkTimer(context, site, args[0], callee);
    else if (target.name === 'Reflect.get' && args[0] && context.evaluator.values(args[0], site.scope).some(computedTargets)) {
      if (!args[1] || context.evaluator.strings(args[1], site.scope).unknown.length > 0) context.findings.report('js.exec.global-computed', node, node.text);
    } else {
      const sink = javascriptFileSinkFor(target.name);
      if (sink) checkFileSink(context, site, sink, args, callee.text);
    }
  }
  checkGlobalArguments(context, site, callee, args);
  checkValues(context, node, context.evaluator.values(node, site.scope));
}

// Functions that take the global object (or process, module, require) and only read its names or print it. Any other
// call given one may hand out its values (Object.values(globalThis) holds eval and Function), to be picked by anything
// but a name: an own function that indexes its parameter, Object.entries, Object.getOwnPropertyDescriptor, assign.
const globalSafeConsumers = new Set([
  'console.log', 'console.info', 'console.warn', 'console.error', 'console.debug', 'console.dir', 'String', 'Boolean',
  'Object.keys', 'Object.getOwnPropertyNames', 'Reflect.ownKeys', 'Object.hasOwn', 'Reflect.has', 'Reflect.get', 'Object.is', 'JSON.stringify',
]);

function checkGlobalArguments(context: Context, site: JsSite, callee: SyntaxNode, args: SyntaxNode[]): void {
  const targets = context.evaluator.values(callee, site.scope);
  if (targets.length > 0 && targets.every((target) => target.kind === 'qual' && globalSafeConsumers.has(target.name))) return;
  // f.apply(this, …), f.call(process), process.exit.bind(process): the first argument only becomes f's `this`, and
  // whatever f does with it is checked where f is written.
  const forwardsThis = callee.type === 'member_expression' && /^(apply|call|bind)$/.test(callee.childForFieldName('property')?.text ?? '');
  args.forEach((argument, index) => {
    // A spread argument is checked as a spread.
    if (argument.type === 'spread_element' || (forwardsThis && index === 0)) return;
    const passed = context.evaluator.values(argument, site.scope).filter(escapeHatches);
    if (passed.length === 0) return;
    // The usual global lookup, (function (root) { root.lib = … })(globalThis): an own function that only reads fixed
    // names of the parameter it gets the global object in is globalThis.lib written another way, and each such
    // `root.name` is checked as that global (root.eval is eval).
    const uses = targets.length > 0 && targets.every((target) => target.kind === 'function') ? targets.map((target) => (target.kind === 'function' ? namedUsesOfParameter(target.node, index) : null)) : [null];
    if (uses.some((found) => found === null)) {
      context.findings.report('js.exec.global-computed', argument, argument.text, 'passes the global object on');
      return;
    }
    for (const found of uses) {
      for (const use of found ?? []) {
        const members = passed.flatMap((value) => (value.kind === 'qual' ? [qualifiedMember(value.name, use.name)] : []));
        if (members.some(computedTargets)) context.findings.report('js.exec.global-computed', use.node, use.node.text, 'the global object under another name');
        else checkValues(context, use.node, members);
      }
    }
  });
}

/**
 * The member reads (`param.name`) of a function's parameter at `index`, when that parameter is a plain name used only
 * that way, in `typeof` or in comparisons; null when it is used any other way (indexed, returned, passed on, spread).
 */
function namedUsesOfParameter(fn: SyntaxNode, index: number): { node: SyntaxNode; name: string }[] | null {
  const single = fn.childForFieldName('parameter');
  const list = fn.childForFieldName('parameters');
  const params = single ? [single] : (list?.namedChildren ?? []).filter((part): part is SyntaxNode => part !== null && part.type !== 'comment');
  const param = params[index];
  if (!param || param.type !== 'identifier') return null;
  const body = fn.childForFieldName('body');
  if (!body) return null;
  const uses: { node: SyntaxNode; name: string }[] = [];
  const pending: SyntaxNode[] = [body];
  while (pending.length > 0) {
    const node = pending.pop() as SyntaxNode;
    if (node.type === 'identifier' && node.text === 'arguments') return null;
    if (node.type === 'identifier' && node.text === param.text) {
      const parent = node.parent;
      const property = parent?.type === 'member_expression' && parent.childForFieldName('object')?.id === node.id ? parent.childForFieldName('property') : null;
      if (parent && property?.type === 'property_identifier') uses.push({ node: parent, name: property.text });
      else if (!(parent?.type === 'unary_expression' || (parent?.type === 'binary_expression' && comparisons.has(parent.childForFieldName('operator')?.type ?? '')))) return null;
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return uses;
}

/** `{ ...globalThis }` copies every value of the global object into a plain object, past the checks on its names. */
function checkSpread(context: Context, site: JsSite): void {
  const inner = site.node.namedChildren.find((part): part is SyntaxNode => part !== null && part.type !== 'comment');
  if (inner && context.evaluator.values(inner, site.scope).some(escapeHatches)) context.findings.report('js.exec.global-computed', site.node, site.node.text, 'copies the global object');
}

function checkModuleArgument(context: Context, site: JsSite, argument: SyntaxNode | undefined): void {
  const names = argument ? context.evaluator.strings(argument, site.scope) : { known: [], unknown: [{ kind: 'unknown' as const, obfuscated: true }] };
  for (const name of names.known) checkModule(context, name, site.node);
  if (names.unknown.length > 0) context.findings.report('js.exec.dynamic-require', site.node, site.node.text);
}

function checkTimer(context: Context, site: JsSite, argument: SyntaxNode | undefined, callee: SyntaxNode): void {
  if (!argument) return;
  const isText = argument.type === 'string' || argument.type === 'template_string' || context.evaluator.values(argument, site.scope).some((value) => value.kind === 'str' || (value.kind === 'unknown' && value.obfuscated));
  if (isText) context.findings.report('js.exec.timer-string', site.node, callee.text);
}

function checkFileSink(context: Context, site: JsSite, sink: JavascriptFileSink, args: SyntaxNode[], subject: string): void {
  if (sink.flags) {
    const flags = args[sink.flags.index];
    const found = flags ? context.evaluator.values(flags, site.scope) : [{ kind: 'str' as const, value: sink.flags.fallback }];
    if (found.every((value) => value.kind === 'str' && !/[wa+]/.test(value.value))) return;
  }
  const paths = sink.paths.map((index) => (args[index] ? context.evaluator.values(args[index] as SyntaxNode, site.scope) : []));
  const inside = paths.every((found) => found.length > 0 && found.every((value) => value.kind === 'str' && value.value !== '' && isInsideWorkFolder(value.value)));
  const known = paths.flat().every((value) => value.kind === 'str');
  const detail = known ? `path ${paths.flat().map((value) => (value.kind === 'str' ? `"${value.value}"` : '')).join(', ')}` : 'path not known until run time';
  const rule = sink.effect === 'write' ? (inside ? 'js.fs.write-work-folder' : 'js.fs.write') : inside ? 'js.fs.delete-work-folder' : 'js.fs.delete';
  context.findings.report(rule, site.node, subject, detail);
}

