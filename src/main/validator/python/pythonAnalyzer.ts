// The Python rules: one walk builds the model, then each collected node is checked by its type against the sink tables.
import type { SyntaxNode } from '../syntaxTree';
import type { TierPolicy } from '../../../shared/validation';
import type { FindingCollector } from '../findings';
import { importVerdict, isListed, isPythonStandardModule } from '../policies';
import { describeSyntaxProblem, findSyntaxProblems } from '../syntaxErrors';
import { isInsideWorkFolder } from '../workFolder';
import { buildPythonModel, type ImportSite, type PythonModel, type Site } from './pythonModel';
import {
  attributeFunctions,
  canonicalPythonName,
  codeStringFunctions,
  escapeDunders,
  fileFunctions,
  frameAttributes,
  importFunctions,
  isDangerousPythonModule,
  pathMethods,
  pythonSinkFor,
  reflectiveNames,
  safeYamlLoaders,
  unknownReceiverMethods,
  yamlLoadFunctions,
  type FileSink,
} from './pythonSinks';
import { parseFormatTemplate } from './pythonStrings';
import { argumentNode, callArguments, createPythonEvaluator, type Place, type PythonEvaluator, type Value } from './pythonValues';

export type PythonAnalysisOptions = {
  policy: TierPolicy;
  findings: FindingCollector;
  /** Parses embedded Python (doctest examples) so it gets the same checks; absent inside an embedded analysis. */
  parseEmbedded?: (code: string) => SyntaxNode | null;
};

type Context = PythonAnalysisOptions & { model: PythonModel; evaluator: PythonEvaluator; importedModules: Set<string> };

type Tagged = { site: Site; check: (context: Context, site: Site) => void; order: number };

/** Runs every Python rule over a parsed module. */
export function analyzePython(root: SyntaxNode, options: PythonAnalysisOptions): void {
  for (const problem of findSyntaxProblems(root)) {
    options.findings.report(problem.kind === 'missing' ? 'py.syntax.missing' : 'py.syntax.error', problem.node, describeSyntaxProblem(problem));
  }
  const model = buildPythonModel(root);
  const evaluator = createPythonEvaluator(model);
  const importedModules = new Set(model.imports.flatMap((site) => (site.module ? [canonicalPythonName(site.module).split('.')[0] ?? site.module] : [])));
  const context: Context = { ...options, model, evaluator, importedModules };

  for (const site of model.imports) checkImport(context, site);
  // Inner nodes end first, so checking by end position fills the evaluator's cache bottom-up and keeps recursion shallow.
  // One number orders by end, then by start descending (start < span): a cheaper comparison for thousands of sites.
  const span = root.endIndex + 1;
  const tag = (site: Site, check: Tagged['check']): Tagged => ({ site, check, order: site.node.endIndex * span - site.node.startIndex });
  const tagged: Tagged[] = [
    ...model.loads.map((site) => tag(site, checkName)),
    ...model.attributes.map((site) => tag(site, checkAttribute)),
    ...model.subscripts.map((site) => tag(site, checkSubscript)),
    ...model.calls.map((site) => tag(site, checkCall)),
    ...model.operators.map((site) => tag(site, checkOperator)),
  ];
  tagged.sort((a, b) => a.order - b.order);
  for (const { site, check } of tagged) check(context, site);
  for (const site of model.strings) {
    const found = evaluator.values(site.node, place(site));
    checkEscapeNames(context, site.node, found);
    checkEscapeTemplate(context, site.node, found);
  }
  for (const site of model.loops) checkLoop(context, site);
  for (const site of model.execStatements) options.findings.report('py.exec.exec', site.node, 'exec');
  for (const site of model.printStatements) options.findings.report('py.syntax.error', site.node, site.node.text.split('\n')[0] ?? 'print', 'Python 2 print statement');
  if (options.parseEmbedded && importedModules.has('doctest')) checkDoctests(context);
  if (options.parseEmbedded) checkStringAnnotations(context);
}

const place = (site: Site): Place => ({ scope: site.scope, top: site.top });

function display(name: string): string {
  return name.startsWith('builtins.') ? name.slice('builtins.'.length) : name;
}

// A plain loop: it runs for every name, attribute and call, and flatMap's array per element made it a top cost.
function qualifiedNames(found: Value[]): string[] {
  const names: string[] = [];
  for (const value of found) if (value.kind === 'qual') names.push(value.name);
  return names;
}

// --- imports -----------------------------------------------------------------------------------------------------

function checkImport(context: Context, site: ImportSite): void {
  if (site.module === null) return;
  if (site.guard && isTypeCheckingGuard(context, site)) return;
  const module = site.module;
  const allow = context.policy.imports.python.allow;
  // `from os import path` is an import of os.path, which a tier may allow while refusing the rest of os.
  const viaMembers = site.members.length > 0 && site.members.every((member) => isListed(canonicalPythonName(`${module}.${member.name}`), allow));
  const moduleRule = viaMembers ? reportModuleSink(context, module, site.moduleNode) : checkModule(context, module, site.moduleNode);
  for (const member of site.members) {
    const qualified = canonicalPythonName(`${module}.${member.name}`);
    const rule = pythonSinkFor(qualified);
    if (rule && rule !== moduleRule) context.findings.report(rule, member.node, display(qualified));
  }
}

function isTypeCheckingGuard(context: Context, site: ImportSite): boolean {
  if (!site.guard) return false;
  const found = context.evaluator.values(site.guard, place(site));
  return found.length > 0 && found.every((value) => value.kind === 'qual' && (value.name === 'typing.TYPE_CHECKING' || value.name === 'typing_extensions.TYPE_CHECKING'));
}

function reportModuleSink(context: Context, module: string, node: SyntaxNode): string | undefined {
  const canonical = canonicalPythonName(module);
  const rule = isDangerousPythonModule(canonical) ? pythonSinkFor(canonical) : undefined;
  if (rule) context.findings.report(rule, node, module);
  return rule;
}

/** Reports an import of `module`: its own rule when the module is dangerous, otherwise the tier's import policy. */
function checkModule(context: Context, module: string, node: SyntaxNode): string | undefined {
  const rule = reportModuleSink(context, module, node);
  if (rule) return rule;
  const canonical = canonicalPythonName(module);
  const verdict = importVerdict(context.policy.imports.python, canonical, isPythonStandardModule(canonical));
  if (verdict === 'not-allowed') context.findings.report('py.import.not-allowed', node, module);
  else if (verdict === 'unknown') context.findings.report('py.import.unknown', node, module);
  return undefined;
}

// --- names and attributes ----------------------------------------------------------------------------------------

function checkName(context: Context, site: Site): void {
  const found = context.evaluator.values(site.node, place(site));
  checkValues(context, site.node, found);
}

function checkValues(context: Context, node: SyntaxNode, found: Value[]): void {
  for (const name of qualifiedNames(found)) {
    const rule = pythonSinkFor(name);
    if (rule) context.findings.report(rule, node, display(name));
  }
  checkPassedAround(context, node, found);
}

// Reflective built-ins and file functions are checked at their calls; stored in a container or handed to another
// function, they may be called with anything, so such a use is itself a finding. A plain `alias = getattr` is fine:
// the alias is followed to its calls.
function checkPassedAround(context: Context, node: SyntaxNode, found: Value[]): void {
  const names = qualifiedNames(found).filter((name) => reflectiveNames.has(name) || fileFunctions.has(name));
  if (names.length === 0 || isCalledOrAliased(node)) return;
  for (const name of names) {
    const sink = fileFunctions.get(name);
    if (sink) context.findings.report(sink.effect === 'write' ? 'py.fs.write' : 'py.fs.delete', node, display(name), 'passed around as a value, so its path cannot be checked');
    else context.findings.report('py.introspection.reflective-value', node, display(name));
  }
}

function isCalledOrAliased(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'call') return parent.childForFieldName('function')?.id === node.id;
  if (parent.type === 'attribute') return parent.childForFieldName('object')?.id === node.id;
  if (parent.type === 'assignment') return parent.childForFieldName('right')?.id === node.id && parent.childForFieldName('left')?.type === 'identifier';
  return false;
}

function checkAttribute(context: Context, site: Site): void {
  const node = site.node;
  const name = node.childForFieldName('attribute')?.text ?? '';
  const object = node.childForFieldName('object');
  if (escapeDunders.has(name)) context.findings.report('py.introspection.dunder', node, node.text);
  else if (frameAttributes.has(name)) context.findings.report('py.introspection.frame', node, node.text);
  else if (name === '__dict__' && object && isModuleLike(context.evaluator.values(object, place(site)))) context.findings.report('py.introspection.dunder', node, node.text);
  checkValues(context, node, context.evaluator.values(node, place(site)));
  const method = unknownReceiverMethods.get(name);
  if (method && object && method.providers.some((provider) => context.importedModules.has(provider))) {
    const receivers = context.evaluator.values(object, place(site));
    if (receivers.every((value) => value.kind === 'unknown')) context.findings.report(method.rule, node, node.text, 'on an object that may come from ' + method.providers.join(' or '));
  }
}

function isModuleLike(found: Value[]): boolean {
  return found.some((value) => value.kind === 'qual' || value.kind === 'namespace');
}

// A computed attribute name is worth a finding when it hides something: it was obfuscated, it starts with an
// underscore (so it may spell a dunder), or it is looked up on a module, built-in, literal or function.
function isSuspiciousName(value: Value): boolean {
  return value.kind === 'unknown' ? value.obfuscated || value.prefix === '' || value.prefix.startsWith('_') : value.kind !== 'str';
}

// A known prefix hides a dangerous name only if one could still follow: `"__" + x` may spell __globals__ and `"f_" + x`
// f_back, but `"_handle_" + kind` or `"do_" + command` (dispatch on one's own methods) cannot reach either.
function mayStartEscapeName(prefix: string): boolean {
  if (prefix === '') return false;
  if (prefix.startsWith('__') || prefix === '_') return true;
  for (const name of escapeDunders) if (name.startsWith(prefix)) return true;
  for (const name of frameAttributes) if (name.startsWith(prefix)) return true;
  return false;
}

function isHiddenName(value: Value): boolean {
  return value.kind === 'unknown' ? value.obfuscated || mayStartEscapeName(value.prefix) : value.kind !== 'str';
}

const literalKinds = new Set<Value['kind']>(['str', 'num', 'bool', 'none', 'seq', 'dict']);

// A receiver is worth suspicion when it may be a module, namespace, function or code (the ways to globals and
// builtins), something obfuscated, or when it can only be a literal (a way to its class). A variable that is None
// by default and an object otherwise (`namespace=None`) is an ordinary object.
function isSuspiciousReceiver(found: Value[]): boolean {
  const leads = found.some((value) => (value.kind === 'unknown' ? value.obfuscated : !literalKinds.has(value.kind) && value.kind !== 'class' && value.kind !== 'path'));
  return leads || (found.length > 0 && found.every((value) => literalKinds.has(value.kind)));
}

function checkAttributeName(context: Context, node: SyntaxNode, name: string, receivers: Value[]): void {
  for (const part of name.split('.')) {
    if (escapeDunders.has(part)) context.findings.report('py.introspection.dunder', node, node.text, `attribute "${part}"`);
    else if (frameAttributes.has(part)) context.findings.report('py.introspection.frame', node, node.text, `attribute "${part}"`);
    else if (part === '__dict__' && isModuleLike(receivers)) context.findings.report('py.introspection.dunder', node, node.text, `attribute "${part}"`);
  }
}

const dottedName = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/**
 * A string whose value names an escape attribute (`"__globals__"`, `"f_back"`, `"a.__code__"`), wherever it is built
 * or passed. Checking getattr's own argument is not enough: a wrapper `def g(o, n): return getattr(o, n)` hides the
 * name behind a parameter, so the name itself is the finding, at the place it is written, folded or handed over.
 */
function checkEscapeNames(context: Context, node: SyntaxNode, found: Value[]): void {
  for (const value of found) {
    if (value.kind !== 'str' || value.value.length > 200 || !dottedName.test(value.value)) continue;
    const part = value.value.split('.').find((name) => escapeDunders.has(name) || frameAttributes.has(name));
    if (part) context.findings.report(escapeDunders.has(part) ? 'py.introspection.dunder' : 'py.introspection.frame', node, node.text, `names "${part}"`);
  }
}

/**
 * A template whose field walks into an escape attribute ("{0.__init__.__globals__}"), whatever formats it: str.format
 * is checked at its call, but logging.Formatter(style="{") and helpers of the code's own format too.
 * Only the escape names count here; a plain "{0.__class__.__name__}" is left to the format-call check.
 */
function checkEscapeTemplate(context: Context, node: SyntaxNode, found: Value[]): void {
  for (const value of found) {
    if (value.kind !== 'str' || !value.value.includes('{') || value.value.length > 10_000) continue;
    for (const field of parseFormatTemplate(value.value) ?? []) {
      if (typeof field === 'string') continue;
      const hidden = field.path.find((part) => escapeDunders.has(part) || frameAttributes.has(part));
      if (hidden) context.findings.report('py.introspection.format-string', node, node.text, `field reads "${hidden}"`);
    }
  }
}

function checkComputedName(context: Context, node: SyntaxNode, names: Value[], receivers: Value[]): void {
  for (const value of names) {
    if (value.kind === 'str') checkAttributeName(context, node, value.value, receivers);
  }
  const unknown = names.filter((value) => value.kind !== 'str');
  if (unknown.length === 0) return;
  if (unknown.some(isHiddenName) || (isSuspiciousReceiver(receivers) && unknown.some(isSuspiciousName))) {
    context.findings.report('py.introspection.computed-attribute', node, node.text);
  }
}

function checkSubscript(context: Context, site: Site): void {
  const node = site.node;
  const container = node.childForFieldName('value');
  const indexes = node.childrenForFieldName('subscript');
  const index = indexes.length === 1 ? indexes[0] : null;
  if (container && index) {
    const containers = context.evaluator.values(container, place(site));
    if (containers.some((value) => value.kind === 'namespace')) checkNamespaceKey(context, node, index, site);
  }
  checkValues(context, node, context.evaluator.values(node, place(site)));
}

function checkNamespaceKey(context: Context, node: SyntaxNode, index: SyntaxNode, site: Site): void {
  const keys = context.evaluator.values(index, place(site));
  for (const key of keys) {
    if (key.kind === 'str') checkAttributeName(context, node, key.value, []);
    else context.findings.report('py.exec.namespace', node, node.text, 'computed name');
  }
}

// --- calls -------------------------------------------------------------------------------------------------------

function checkCall(context: Context, site: Site): void {
  const node = site.node;
  const callee = node.childForFieldName('function');
  if (!callee) return;
  const args = callArguments(node);
  const targets = context.evaluator.values(callee, place(site));
  for (const target of targets) {
    if (target.kind === 'qual') checkQualifiedCall(context, site, target.name, args, callee);
    else if (target.kind === 'method') checkMethodCall(context, site, target, args, callee);
    else if (target.kind === 'attrgetter') checkAttributeName(context, node, target.names.join('.'), []);
  }
  if (callee.type === 'attribute') checkBoundMethodCall(context, site, callee, targets, args);
  checkNamespaceArguments(context, site, targets);
  const result = context.evaluator.values(node, place(site));
  checkValues(context, node, result);
  checkEscapeNames(context, node, result);
  for (const argument of [...args.positional, ...args.keywords.values()]) checkEscapeNames(context, argument, context.evaluator.values(argument, place(site)));
  if (result.some((value) => value.kind === 'huge') && !args.positional.some((argument) => context.evaluator.values(argument, place(site)).some((value) => value.kind === 'huge'))) {
    context.findings.report('py.resource.huge-constant', node, node.text);
  }
}

/** A namespace passed to a function (its own, or one that iterates it) takes every value of it along, unchecked. */
function checkNamespaceArguments(context: Context, site: Site, targets: Value[]): void {
  const list = site.node.childForFieldName('arguments');
  if (!list || list.type === 'generator_expression') return;
  if (targets.length > 0 && targets.every((target) => target.kind === 'qual' && namespaceSafeConsumers.has(target.name))) return;
  for (const argument of list.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    const expression = argument.type === 'keyword_argument' ? argument.childForFieldName('value') : argument.type === 'list_splat' || argument.type === 'dictionary_splat' ? argument.namedChildren[0] : argument;
    if (expression && context.evaluator.values(expression, place(site)).some((value) => value.kind === 'namespace')) {
      context.findings.report('py.exec.namespace', argument, argument.text, 'passes a namespace on');
    }
  }
}

type Arguments = ReturnType<typeof callArguments>;

/**
 * logging.config imports and calls whatever a configuration names: a `()` or `class` entry is a dotted path to any
 * callable, and an `ext://` value to any object (`{"()": "os.system", "command": "id"}` runs a process). A constant
 * dict is checked name by name like an import; a configuration the validator cannot read, or a file, is refused.
 */
function checkLoggingConfig(context: Context, node: SyntaxNode, name: string, configNode: SyntaxNode | null, at: Place): void {
  const configs = configNode && name.endsWith('dictConfig') ? context.evaluator.values(configNode, at) : [];
  if (configs.length === 0 || configs.some((value) => value.kind !== 'dict')) {
    context.findings.report('py.exec.dynamic-import', node, node.text, 'logging configuration names callables to import');
    return;
  }
  const pending: Value[] = [...configs];
  while (pending.length > 0) {
    const value = pending.pop() as Value;
    if (value.kind === 'seq') for (const item of value.items) pending.push(...item);
    if (value.kind !== 'dict') continue;
    for (const [key, entries] of value.entries) {
      for (const entry of entries) {
        const path = entry.kind === 'str' ? (entry.value.startsWith('ext://') ? entry.value.slice(6) : key === '()' || key === 'class' ? entry.value : null) : null;
        if (path !== null) checkConfiguredName(context, node, path);
        else if ((key === '()' || key === 'class') && entry.kind !== 'function' && entry.kind !== 'class' && entry.kind !== 'qual') {
          context.findings.report('py.exec.dynamic-import', node, node.text, `"${key}" names a callable not known until run time`);
        } else pending.push(entry);
      }
    }
  }
}

function checkConfiguredName(context: Context, node: SyntaxNode, path: string): void {
  const canonical = canonicalPythonName(path);
  const rule = pythonSinkFor(canonical);
  if (rule) {
    context.findings.report(rule, node, display(canonical), 'named in a logging configuration');
    return;
  }
  const dot = canonical.lastIndexOf('.');
  if (dot > 0) checkModule(context, canonical.slice(0, dot), node);
}

const attributeAccessors = new Set(['__getattribute__', '__getattr__', '__setattr__', '__delattr__']);
const formatterMethods = new Set(['format', 'vformat', 'format_map']);

// Calls by method name on any receiver, whatever the evaluator knows about it, because what they do does not depend on
// the receiver: `x.__getattribute__(name)` reads an attribute by name like getattr(x, name), and a Formatter (or
// anything with a format method) walks the dunder paths of a template the same way str.format does.
function checkBoundMethodCall(context: Context, site: Site, callee: SyntaxNode, targets: Value[], args: Arguments): void {
  const at = place(site);
  const name = callee.childForFieldName('attribute')?.text ?? '';
  const object = callee.childForFieldName('object');
  const first = args.positional[0];
  if (!object || !first) return;
  if (attributeAccessors.has(name)) {
    // object.__getattribute__(obj, name) is getattr with the object first; checkQualifiedCall has seen it.
    if (targets.some((target) => target.kind === 'qual' && attributeFunctions.has(target.name))) return;
    checkComputedName(context, site.node, context.evaluator.values(first, at), context.evaluator.values(object, at));
    return;
  }
  const receivers = context.evaluator.values(object, at);
  if (receivers.some((value) => value.kind === 'str')) return;
  if (formatterMethods.has(name)) {
    for (const text of context.evaluator.strings(first, at).known) checkFormatTemplate(context, site.node, text);
  } else if (name === 'get_field') {
    for (const text of context.evaluator.strings(first, at).known) checkFormatTemplate(context, site.node, `{${text}}`);
  }
}

function checkQualifiedCall(context: Context, site: Site, name: string, args: Arguments, callee: SyntaxNode): void {
  const node = site.node;
  const at = place(site);
  const importSpec = importFunctions.get(name);
  if (importSpec) {
    const moduleNode = argumentNode(args, importSpec);
    const modules = moduleNode ? context.evaluator.strings(moduleNode, at) : { known: [], unknown: [] };
    for (const module of modules.known) checkModule(context, module, node);
    if (!moduleNode || modules.unknown.length > 0) context.findings.report('py.exec.dynamic-import', node, node.text);
    return;
  }
  if (name === 'logging.config.dictConfig' || name === 'logging.config.fileConfig') {
    checkLoggingConfig(context, node, name, args.positional[0] ?? args.keywords.get(name.endsWith('dictConfig') ? 'config' : 'fname') ?? null, at);
    return;
  }
  const attribute = attributeFunctions.get(name);
  if (attribute) {
    const objectNode = argumentNode(args, attribute.object);
    const nameNode = argumentNode(args, attribute.name);
    const receivers = objectNode ? context.evaluator.values(objectNode, at) : [];
    checkComputedName(context, node, nameNode ? context.evaluator.values(nameNode, at) : [{ kind: 'unknown', obfuscated: true, prefix: '' }], receivers);
    return;
  }
  if (name === 'operator.attrgetter' || name === 'operator.methodcaller') {
    const nameNodes = name === 'operator.attrgetter' ? args.positional : args.positional.slice(0, 1);
    for (const nameNode of nameNodes) checkComputedName(context, node, context.evaluator.values(nameNode, at), []);
    return;
  }
  if (name === 'builtins.str.format' || name === 'builtins.str.format_map') {
    const template = args.positional[0];
    if (template) for (const text of context.evaluator.strings(template, at).known) checkFormatTemplate(context, node, text);
    return;
  }
  const sink = fileFunctions.get(name);
  if (sink) {
    checkFileSink(context, site, sink, args, null, callee.text);
    return;
  }
  const loader = yamlLoadFunctions.get(name);
  if (loader) {
    const loaderNode = argumentNode(args, loader);
    const loaders = loaderNode ? qualifiedNames(context.evaluator.values(loaderNode, at)) : [];
    if (!loaderNode || loaders.length === 0 || !loaders.every((entry) => safeYamlLoaders.has(entry))) context.findings.report('py.deser.yaml', node, callee.text);
    return;
  }
  const codeArguments = codeStringFunctions.get(name);
  if (codeArguments) {
    for (const spec of codeArguments) {
      const argument = argumentNode(args, spec);
      if (!argument) continue;
      const found = context.evaluator.values(argument, at);
      if (found.some((value) => value.kind !== 'function' && value.kind !== 'qual' && value.kind !== 'method')) context.findings.report('py.exec.interpreter', node, callee.text, 'code given as text');
    }
  }
}

const namespaceWrites = new Set(['update', 'setdefault', '__setitem__', '__delitem__', 'clear', 'pop']);
// What may be asked of a namespace without reaching its values: its names, their number, a copy (itself a namespace).
const namespaceNameMethods = new Set(['keys', '__contains__', '__len__', '__iter__', 'copy', '__repr__', '__str__']);
// Built-ins that take a namespace without handing its values on: they see its names, or print it.
const namespaceSafeConsumers = new Set(['builtins.len', 'builtins.print', 'builtins.repr', 'builtins.str', 'builtins.sorted', 'builtins.list', 'builtins.set', 'builtins.frozenset', 'builtins.tuple', 'builtins.iter', 'builtins.bool', 'builtins.isinstance', 'builtins.id', 'builtins.type', 'builtins.dict', 'collections.ChainMap', 'types.MappingProxyType']);

function checkMethodCall(context: Context, site: Site, method: Value & { kind: 'method' }, args: Arguments, callee: SyntaxNode): void {
  const node = site.node;
  const receiver = method.receiver;
  if (receiver.kind === 'path') {
    const sink = pathMethods.get(method.name);
    if (sink) checkFileSink(context, site, sink, args, [receiver], callee.text);
  } else if (receiver.kind === 'str' && (method.name === 'format' || method.name === 'format_map')) {
    checkFormatTemplate(context, node, receiver.value);
  } else if (receiver.kind === 'namespace') {
    if (namespaceWrites.has(method.name)) context.findings.report('py.exec.namespace', node, callee.text, 'changes a namespace');
    else if ((method.name === 'get' || method.name === '__getitem__') && args.positional[0]) checkNamespaceKey(context, node, args.positional[0], site);
    // items(), values() and the like hand out every function and module the namespace holds (__builtins__ included),
    // to be picked by anything but a name.
    else if (!namespaceNameMethods.has(method.name)) context.findings.report('py.exec.namespace', node, callee.text, 'hands out every value of a namespace');
  }
}

function checkFormatTemplate(context: Context, node: SyntaxNode, template: string): void {
  const fields = parseFormatTemplate(template) ?? [];
  for (const field of fields) {
    if (typeof field === 'string') continue;
    const hidden = field.path.find((part) => escapeDunders.has(part) || frameAttributes.has(part) || (part.startsWith('__') && part.endsWith('__') && part !== '__name__' && part !== '__doc__'));
    if (hidden) context.findings.report('py.introspection.format-string', node, node.text, `field reads "${hidden}"`);
  }
}

// --- files ---------------------------------------------------------------------------------------------------------

function checkFileSink(context: Context, site: Site, sink: FileSink, args: Arguments, receiver: Value[] | null, subject: string): void {
  const at = place(site);
  if (sink.mode && !writesFile(context, sink.mode, args, at)) return;
  const pathValues: Value[][] = [];
  for (const source of sink.paths) {
    if (source === 'receiver') {
      pathValues.push(receiver ?? [{ kind: 'unknown', obfuscated: false, prefix: '' }]);
      continue;
    }
    const argument = argumentNode(args, source);
    if (argument) pathValues.push(context.evaluator.values(argument, at));
    else if (!sink.optionalPath) pathValues.push([{ kind: 'unknown', obfuscated: false, prefix: '' }]);
  }
  if (pathValues.length === 0) return;
  const inside = pathValues.every((found) => found.every((value) => isInside(value, sink.memoryPath)));
  const shown = describePaths(pathValues);
  if (sink.effect === 'write') context.findings.report(inside ? 'py.fs.write-work-folder' : 'py.fs.write', site.node, subject, shown);
  else context.findings.report(inside ? 'py.fs.delete-work-folder' : 'py.fs.delete', site.node, subject, shown);
}

function writesFile(context: Context, mode: NonNullable<FileSink['mode']>, args: Arguments, at: Place): boolean {
  const node = argumentNode(args, mode.arg);
  if (!node) return args.splat || mode.osFlags === true || [...mode.writeLetters].some((letter) => mode.fallback.includes(letter));
  const found = context.evaluator.values(node, at);
  if (mode.osFlags) return !found.every((value) => value.kind === 'qual' && value.name === 'os.O_RDONLY');
  return found.some((value) => value.kind !== 'str' || [...mode.writeLetters].some((letter) => value.value.includes(letter)));
}

function isInside(value: Value, memoryPath: string | undefined): boolean {
  if (value.kind === 'str') return value.value === memoryPath || (value.value !== '' && isInsideWorkFolder(value.value));
  if (value.kind === 'path') return value.path !== null && isInsideWorkFolder(value.path);
  // File descriptors 0–2 are the run's own stdin, stdout and stderr.
  return value.kind === 'num' && (value.value === 0 || value.value === 1 || value.value === 2);
}

function describePaths(pathValues: Value[][]): string {
  const texts = pathValues.flat().map((value) => (value.kind === 'str' ? `"${value.value}"` : value.kind === 'path' && value.path !== null ? `"${value.path}"${value.temp ? ' in a temporary folder' : ''}` : null));
  if (texts.some((text) => text === null)) return 'path not known until run time';
  return `path ${texts.join(', ')}`;
}

// --- resources -----------------------------------------------------------------------------------------------------

const repeatingOperators = new Set(['**', '*', '<<']);

function checkOperator(context: Context, site: Site): void {
  const node = site.node;
  checkEscapeNames(context, node, context.evaluator.values(node, place(site)));
  const operator = node.childForFieldName('operator')?.type ?? '';
  if (!repeatingOperators.has(operator)) return;
  const at = place(site);
  if (!context.evaluator.values(node, at).some((value) => value.kind === 'huge')) return;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operandHuge = [left, right].some((operand) => operand !== null && context.evaluator.values(operand, at).some((value) => value.kind === 'huge'));
  if (!operandHuge) context.findings.report('py.resource.huge-constant', node, node.text);
}

function isTruthy(value: Value): boolean {
  switch (value.kind) {
    case 'bool':
      return value.value;
    case 'num':
      return value.value !== 0;
    case 'str':
      return value.value !== '';
    case 'seq':
      return value.items.length > 0;
    default:
      return false;
  }
}

const exitFunctions = new Set(['sys.exit', 'builtins.exit', 'builtins.quit', 'os._exit', 'os.abort']);

function checkLoop(context: Context, site: Site): void {
  if (site.scope.kind !== 'module') return;
  const condition = site.node.childForFieldName('condition');
  const body = site.node.childForFieldName('body');
  if (!condition || !body) return;
  const found = context.evaluator.values(condition, place(site));
  if (found.length === 0 || !found.every(isTruthy)) return;
  if (!hasExit(context, body, site)) context.findings.report('py.resource.infinite-loop', site.node, `while ${condition.text}`);
}

function hasExit(context: Context, body: SyntaxNode, site: Site): boolean {
  const stack: Array<{ node: SyntaxNode; nested: boolean }> = [{ node: body, nested: false }];
  while (stack.length > 0) {
    const { node, nested } = stack.pop() as { node: SyntaxNode; nested: boolean };
    switch (node.type) {
      case 'break_statement':
        if (!nested) return true;
        continue;
      case 'return_statement':
      case 'raise_statement':
        return true;
      case 'function_definition':
      case 'class_definition':
      case 'lambda':
        continue;
      case 'call': {
        const callee = node.childForFieldName('function');
        if (callee && qualifiedNames(context.evaluator.values(callee, place(site))).some((name) => exitFunctions.has(name))) return true;
        break;
      }
      default:
        break;
    }
    const inner = nested || node.type === 'while_statement' || node.type === 'for_statement';
    for (const child of node.namedChildren) if (child) stack.push({ node: child, nested: inner });
  }
  return false;
}

// --- doctest -------------------------------------------------------------------------------------------------------

// doctest runs the `>>>` examples in docstrings as code, so when a file uses doctest its examples are checked too.
function checkDoctests(context: Context): void {
  const parse = context.parseEmbedded;
  if (!parse) return;
  for (const site of context.model.strings) {
    if (!site.node.text.includes('>>>')) continue;
    for (const text of context.evaluator.strings(site.node, place(site)).known) {
      const code = doctestSource(text);
      if (code === null) continue;
      const root = parse(code);
      if (!root) continue;
      const row = site.node.startPosition.row;
      analyzePython(root, { policy: context.policy, findings: shiftRows(context.findings, row, 'in a doctest example') });
    }
  }
}

// A string annotation is code: typing.get_type_hints (and dataclasses, pydantic, inspect.get_annotations) evaluates
// it with eval, so `def f(x: "__import__('os').system('id')")` runs a process once anything asks for the hints.
// Each one is checked as the expression it is. Literal["eval", "exec"] holds plain values, not code.
function checkStringAnnotations(context: Context): void {
  const parse = context.parseEmbedded;
  if (!parse) return;
  for (const site of context.model.strings) {
    if (!isInAnnotation(site.node)) continue;
    for (const text of context.evaluator.strings(site.node, place(site)).known) {
      if (text.trim() === '' || text.length > 10_000) continue;
      const root = parse(text);
      if (!root) continue;
      analyzePython(root, { policy: context.policy, findings: shiftRows(context.findings, site.node.startPosition.row, 'in a string annotation, which get_type_hints evaluates') });
    }
  }
}

function isInAnnotation(node: SyntaxNode): boolean {
  let inType = false;
  for (let current = node.parent; current; current = current.parent) {
    // `Literal[...]` parses as a subscript, or inside an annotation as generic_type(identifier, type_parameter).
    if (current.type === 'subscript' && /(^|\.)Literal$/.test(current.childForFieldName('value')?.text ?? '')) return false;
    if (current.type === 'generic_type' && /(^|\.)Literal$/.test(current.namedChildren[0]?.text ?? '')) return false;
    if (current.type === 'type') inType = true;
    if (current.type.endsWith('_statement') || current.type.endsWith('_definition') || current.type === 'block' || current.type === 'module' || current.type === 'call') break;
  }
  return inType;
}

function doctestSource(text: string): string | null {
  const lines: string[] = [];
  let found = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('>>>')) {
      found = true;
      lines.push(trimmed.slice(4));
    } else if (trimmed.startsWith('...') && found) {
      lines.push(trimmed.slice(4));
    } else {
      lines.push('');
    }
  }
  return found ? lines.join('\n') : null;
}

function shiftRows(findings: FindingCollector, rows: number, where: string): FindingCollector {
  const shift = <T extends { startPosition: { row: number; column: number }; endPosition: { row: number; column: number } }>(range: T) => ({
    startPosition: { row: range.startPosition.row + rows, column: range.startPosition.column },
    endPosition: { row: range.endPosition.row + rows, column: range.endPosition.column },
  });
  return {
    report: (ruleId, range, subject, detail) => {
      // Syntax problems in examples (or annotations) make them fail; they do not make the file dangerous.
      if (ruleId.startsWith('py.syntax.')) return;
      findings.report(ruleId, shift(range), subject, detail ? `${detail}; ${where}` : where);
    },
    reportMessage: (ruleId, range, message) => findings.reportMessage(ruleId, shift(range), message),
    findings: () => findings.findings(),
  };
}
