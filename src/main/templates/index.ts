// The template engine service: built-in and user Liquid templates, strict rendering, and the hash of what rendered.
import fs from 'node:fs';
import path from 'node:path';
import { Liquid, type FS } from 'liquidjs';
import { sha256 } from '../hash';
import { ArkError } from '../../shared/errors';
import { registerFilters } from './filters';

export * from './context';
export * from './filters';

/** Where a template comes from: shipped with the app, or the user's folder (which overrides by relative name). */
export type TemplateSource = 'builtin' | 'user';

/** A template as listed: its relative name (python/function/typed_function.liquid) and content hash. */
export type TemplateEntry = { name: string; source: TemplateSource; hash: string; overridesBuiltin: boolean };

export type TemplateFile = TemplateEntry & { content: string };

/** The output of a render and exactly which template text produced it. */
export type RenderResult = {
  output: string;
  /** sha256 of the template; when partials were rendered, of the template and every partial's name and hash. */
  hash: string;
  name: string | null;
  source: TemplateSource | 'inline';
  partials: { name: string; source: TemplateSource; hash: string }[];
};

/** Where a template error is, for the editor to underline. */
export type TemplateErrorDetails = { line: number; column: number; message: string; template: string };

export type TemplateEngine = {
  list(): TemplateEntry[];
  read(name: string): TemplateFile;
  /** Writes into the user folder only, after checking that the template parses. */
  save(name: string, content: string): TemplateEntry;
  /** Deletes a user template (restoring the built-in one of the same name, if any). */
  remove(name: string): void;
  render(name: string, context: Record<string, unknown>): RenderResult;
  /** Renders unsaved text, for the live preview; partials resolve as for saved templates. */
  renderSource(source: string, context: Record<string, unknown>): RenderResult;
};

export type TemplateLimits = { parseLimit: number; renderLimit: number; memoryLimit: number };

export type TemplateEngineOptions = { builtinDir: string; userDir?: string; limits?: Partial<TemplateLimits> };

const NAME_PATTERN = /^[a-z0-9_/-]+\.liquid$/;
const MAX_TEMPLATE_BYTES = 256 * 1024;
// Limits from LiquidOptions: parseLimit counts template characters (partials included), renderLimit is milliseconds of
// render time, memoryLimit is (roughly) characters allocated by string-building filters and tags. A template that
// needs more than this is a runaway loop, not a code template.
export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = { parseLimit: 1_000_000, renderLimit: 2_000, memoryLimit: 64 * 1024 * 1024 };

export function hashText(text: string): string {
  return sha256(text);
}

/** Checks a relative template name; folders are allowed, `..`, absolute paths and empty segments are not. */
export function isTemplateName(name: string): boolean {
  return NAME_PATTERN.test(name) && !name.startsWith('/') && !name.includes('//') && name.length <= 200;
}

function assertName(name: string): void {
  if (!isTemplateName(name)) {
    throw new ArkError('invalid-input', `"${name}" is not a template name: use lower-case folders and a name ending in .liquid, e.g. python/function/my_function.liquid.`);
  }
}

function insideFolder(root: string, name: string): string {
  const target = path.resolve(root, ...name.split('/'));
  const relative = path.relative(path.resolve(root), target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ArkError('invalid-input', `Template "${name}" would be outside the templates folder.`);
  }
  return target;
}

function walk(root: string): string[] {
  const names: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new ArkError('unavailable', `Cannot read the templates folder ${dir}: ${(error as Error).message}.`);
    }
    for (const entry of entries) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Symlinks are skipped: a link could point a user "template" anywhere on disk.
      if (entry.isDirectory()) visit(path.join(dir, entry.name), name);
      else if (entry.isFile() && isTemplateName(name)) names.push(name);
    }
  };
  visit(root, '');
  return names.sort();
}

function describeLiquidError(error: unknown, template: string): TemplateErrorDetails {
  type LiquidLike = { message?: string; token?: { file?: string; getPosition?: () => [number, number] }; originalError?: unknown };
  // A failing partial arrives wrapped in the error of the tag that rendered it; the innermost one says where to look.
  let deepest = error as LiquidLike;
  for (let current = deepest; current?.originalError && typeof current.originalError === 'object'; ) {
    current = current.originalError as LiquidLike;
    if (current.token?.getPosition) deepest = current;
  }
  const position = deepest.token?.getPosition?.() ?? [1, 1];
  const root = deepest.originalError instanceof Error ? deepest.originalError.message : deepest.message;
  const raw = (root ?? String(error)).replace(/, line:\d+, col:\d+$/, '');
  // A partial that renders itself (directly or through another) recurses until the stack runs out; say so.
  const message = /Maximum call stack size exceeded/.test(raw) ? 'partials nest too deeply: does a template render or include itself?' : raw;
  return { line: position[0], column: position[1], message, template: deepest.token?.file || template };
}

/** Creates the engine over a built-in folder (from the caller: dev and packaged layouts differ) and a user folder. */
export function createTemplateEngine(options: TemplateEngineOptions): TemplateEngine {
  const builtinDir = path.resolve(options.builtinDir);
  const userDir = options.userDir === undefined ? undefined : path.resolve(options.userDir);

  const locate = (name: string): { file: string; source: TemplateSource } | undefined => {
    if (!isTemplateName(name)) return undefined;
    if (userDir) {
      const file = insideFolder(userDir, name);
      if (isPlainFile(file) && realInside(userDir, file)) return { file, source: 'user' };
    }
    const file = insideFolder(builtinDir, name);
    return isPlainFile(file) ? { file, source: 'builtin' } : undefined;
  };

  const load = (name: string): TemplateFile => {
    const found = locate(name);
    if (!found) throw new ArkError('not-found', `There is no template "${name}".`);
    const content = fs.readFileSync(found.file, 'utf8');
    const hash = hashText(content);
    return { name, source: found.source, hash, content, overridesBuiltin: found.source === 'user' && isPlainFile(insideFolder(builtinDir, name)) };
  };

  // Partials go through this file system, so `{% render 'x' %}` can only reach templates by name, user first; reads
  // are recorded so the result's hash covers every file that shaped the output. Rendering is synchronous, so the
  // record belongs to exactly one render.
  let reads: TemplateFile[] = [];
  const partialName = (file: string): string => (file.endsWith('.liquid') ? file : `${file}.liquid`);
  const virtualFs: FS = {
    resolve: (_dir, file) => partialName(file),
    existsSync: (file) => locate(file) !== undefined,
    exists: async (file) => locate(file) !== undefined,
    readFileSync: (file) => {
      const loaded = load(file);
      reads.push(loaded);
      return loaded.content;
    },
    readFile: async () => {
      throw new Error('Templates render synchronously.');
    },
    containsSync: () => true,
    contains: async () => true,
    dirname: () => '',
    sep: '/',
  };

  const liquid = new Liquid({
    fs: virtualFs,
    root: [''],
    relativeReference: false,
    extname: '.liquid',
    strictVariables: true,
    strictFilters: true,
    lenientIf: true,
    ownPropertyOnly: true,
    cache: false,
    ...DEFAULT_TEMPLATE_LIMITS,
    ...options.limits,
  });
  registerFilters(liquid);

  const renderText = (content: string, context: Record<string, unknown>, label: string): { output: string; partials: TemplateFile[] } => {
    reads = [];
    try {
      const parsed = liquid.parse(content, label);
      const output = liquid.renderSync(parsed, context) as string;
      return { output, partials: reads };
    } catch (error) {
      const details = describeLiquidError(error, label);
      throw new ArkError('invalid-input', `Template ${label}, line ${details.line}, column ${details.column}: ${details.message}`, details);
    } finally {
      reads = [];
    }
  };

  const result = (output: string, hash: string, name: string | null, source: RenderResult['source'], partials: TemplateFile[]): RenderResult => {
    const unique = [...new Map(partials.map((partial) => [partial.name, partial])).values()];
    const combined = unique.length === 0 ? hash : hashText([hash, ...unique.map((partial) => `${partial.name}:${partial.hash}`).sort()].join('\n'));
    return { output, hash: combined, name, source, partials: unique.map(({ name: n, source: s, hash: h }) => ({ name: n, source: s, hash: h })) };
  };

  return {
    list() {
      const builtin = new Set(walk(builtinDir));
      const user = new Set(userDir ? walk(userDir) : []);
      return [...new Set([...builtin, ...user])].sort().map((name) => {
        const { content: _content, ...entry } = load(name);
        return entry;
      });
    },

    read(name) {
      assertName(name);
      return load(name);
    },

    save(name, content) {
      assertName(name);
      if (!userDir) throw new ArkError('unavailable', 'No user templates folder is configured, so templates cannot be saved.');
      if (Buffer.byteLength(content, 'utf8') > MAX_TEMPLATE_BYTES) throw new ArkError('invalid-input', `Template "${name}" is larger than 256 KiB.`);
      try {
        liquid.parse(content, name);
      } catch (error) {
        const details = describeLiquidError(error, name);
        throw new ArkError('invalid-input', `Template ${name}, line ${details.line}, column ${details.column}: ${details.message}`, details);
      }
      const file = insideFolder(userDir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // realpath after mkdir: a symlinked folder inside userDir must not carry the write elsewhere.
      const parent = path.relative(fs.realpathSync(userDir), fs.realpathSync(path.dirname(file)));
      if (parent.startsWith('..') || path.isAbsolute(parent)) throw new ArkError('invalid-input', `Template "${name}" would be outside the templates folder.`);
      if (fs.existsSync(file) && !fs.lstatSync(file).isFile()) throw new ArkError('conflict', `"${name}" exists and is not a plain file.`);
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, content, 'utf8');
      fs.renameSync(temporary, file);
      const { content: _content, ...entry } = load(name);
      return entry;
    },

    remove(name) {
      assertName(name);
      if (!userDir) throw new ArkError('unavailable', 'No user templates folder is configured.');
      const file = insideFolder(userDir, name);
      if (!isPlainFile(file)) throw new ArkError('not-found', `There is no user template "${name}".`);
      fs.unlinkSync(file);
    },

    render(name, context) {
      assertName(name);
      const template = load(name);
      const rendered = renderText(template.content, context, name);
      return result(rendered.output, template.hash, name, template.source, rendered.partials);
    },

    renderSource(source, context) {
      if (source.length > MAX_TEMPLATE_BYTES) throw new ArkError('invalid-input', 'The template is larger than 256 KiB.');
      const rendered = renderText(source, context, '(unsaved template)');
      return result(rendered.output, hashText(source), null, 'inline', rendered.partials);
    },
  };
}

/** Whether a file's real path (symlinked folders resolved) is still inside the root's real path. */
function realInside(root: string, file: string): boolean {
  try {
    const relative = path.relative(fs.realpathSync(root), fs.realpathSync(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

function isPlainFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
