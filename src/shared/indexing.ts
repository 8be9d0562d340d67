// The project index as the UI sees it: summaries, progress events, symbols, search and tier rules (schemas only).
import { z } from 'zod';
import { Language, Tier } from './domain';

/** What a symbol is. `arrow-function` covers `const f = () => …` and function expressions bound to a name. */
export const SymbolKind = z.enum([
  'function',
  'async-function',
  'method',
  'async-method',
  'class',
  'arrow-function',
  'interface',
  'type',
  'enum',
]);
export type SymbolKind = z.infer<typeof SymbolKind>;

/** Why the walk left a path out of the index (gitignored and default-ignored paths are not listed). */
/** `not-a-file`: a named pipe, socket or device with a source file's name (or a link to one); never opened. */
export const SkipReason = z.enum(['too-large', 'binary', 'unreadable', 'symlink-loop', 'vanished', 'not-utf8', 'outside-root', 'not-a-file']);
export type SkipReason = z.infer<typeof SkipReason>;

/**
 * A path the index does not hold as-is, with a sentence for a person. `not-utf8` is the one notice whose file IS
 * indexed: it was decoded with U+FFFD in place of the invalid bytes, so names and docs near them may be garbled.
 */
export const SkippedPath = z.object({ path: z.string(), reason: SkipReason, detail: z.string() });
export type SkippedPath = z.infer<typeof SkippedPath>;

/** A syntax error tree-sitter recovered from. `line` is 1-based; `column` is 0-based (UTF-16 units, as in Python's ast). */
export const SyntaxIssue = z.object({
  path: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(0),
  message: z.string(),
});
export type SyntaxIssue = z.infer<typeof SyntaxIssue>;

export const LineCounts = z.object({
  total: z.number().int().min(0),
  code: z.number().int().min(0),
  comment: z.number().int().min(0),
  blank: z.number().int().min(0),
});
export type LineCounts = z.infer<typeof LineCounts>;

const Tally = z.object({ files: z.number().int().min(0), lines: z.number().int().min(0), symbols: z.number().int().min(0) });
export type Tally = z.infer<typeof Tally>;

/** A project's index at a glance; `ark index DIR --json` prints this. Lists are capped at 1,000 entries each. */
export const IndexSummary = z.object({
  projectId: z.number().int().positive(),
  root: z.string(),
  files: z.number().int().min(0),
  lines: z.number().int().min(0),
  symbols: z.number().int().min(0),
  byLanguage: z.partialRecord(Language, Tally),
  byTier: z.partialRecord(Tier, Tally),
  skipped: z.array(SkippedPath),
  errors: z.array(SyntaxIssue),
  durationMs: z.number().min(0),
  lineCounts: LineCounts,
  symbolsByKind: z.partialRecord(SymbolKind, z.number().int().min(0)),
  /** What the last run did: files parsed, files found unchanged (by size+mtime or hash), files dropped. */
  changes: z.object({ parsed: z.number().int().min(0), unchanged: z.number().int().min(0), removed: z.number().int().min(0) }),
  indexedAt: z.string().nullable(),
});
export type IndexSummary = z.infer<typeof IndexSummary>;

export const IndexPhase = z.enum(['walking', 'parsing', 'writing', 'done', 'cancelled']);
export type IndexPhase = z.infer<typeof IndexPhase>;

/** The `index.progress` event, sent about ten times a second while a project is indexed. */
export const IndexProgress = z.object({
  projectId: z.number().int().positive(),
  phase: IndexPhase,
  filesDone: z.number().int().min(0),
  /** Grows while the walk is still finding files. */
  filesTotal: z.number().int().min(0),
  currentFile: z.string().nullable(),
  etaMs: z.number().min(0).nullable(),
});
export type IndexProgress = z.infer<typeof IndexProgress>;

/** The `index.changed` event: the watcher (or a re-index of some files) changed these paths of an open project. */
export const IndexChanged = z.object({
  projectId: z.number().int().positive(),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
export type IndexChanged = z.infer<typeof IndexChanged>;

/**
 * The `index.watchProblem` event: keeping an open project current failed (the watcher broke, or re-indexing saved files
 * failed), so the index may miss changes until the project is opened again.
 */
export const IndexWatchProblem = z.object({
  projectId: z.number().int().positive(),
  message: z.string(),
});
export type IndexWatchProblem = z.infer<typeof IndexWatchProblem>;

/** Events the indexer emits, for the contract's event map. */
export const indexEvents = { 'index.progress': IndexProgress, 'index.changed': IndexChanged, 'index.watchProblem': IndexWatchProblem } as const;

export const ParameterKind = z.enum(['positional-only', 'positional', 'var-positional', 'keyword-only', 'var-keyword']);
export type ParameterKind = z.infer<typeof ParameterKind>;

/** One parameter. A TypeScript `...rest` is `var-positional`; `optional` covers defaults, `?` and variadics. */
export const Parameter = z.object({
  name: z.string(),
  kind: ParameterKind,
  annotation: z.string().nullable(),
  default: z.string().nullable(),
  optional: z.boolean(),
});
export type Parameter = z.infer<typeof Parameter>;

export const SymbolSummary = z.object({
  id: z.number().int().positive(),
  projectId: z.number().int().positive(),
  path: z.string(),
  language: Language,
  tier: Tier,
  kind: SymbolKind,
  name: z.string(),
  qualifiedName: z.string(),
  signature: z.string(),
  docSummary: z.string().nullable(),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
});
export type SymbolSummary = z.infer<typeof SymbolSummary>;

/** Everything stored about a symbol. Lines are 1-based, columns 0-based. */
export const SymbolDetail = SymbolSummary.extend({
  fileId: z.number().int().positive(),
  startColumn: z.number().int().min(0),
  endColumn: z.number().int().min(0),
  parameters: z.array(Parameter),
  returnType: z.string().nullable(),
  decorators: z.array(z.string()),
  doc: z.string().nullable(),
  /** McCabe complexity: Ruff's C901 rules for Python, ESLint's `complexity` rules for JavaScript and TypeScript. */
  complexity: z.number().int().min(1),
  calls: z.array(z.string()),
});
export type SymbolDetail = z.infer<typeof SymbolDetail>;

export const SearchQuery = z.object({
  text: z.string().max(500),
  projectId: z.number().int().positive().optional(),
  kinds: z.array(SymbolKind).max(20).optional(),
  languages: z.array(Language).max(10).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** How a hit matched, best first: the exact name, a name prefix, the name's words, then any indexed text. */
export const SearchMatch = z.enum(['exact', 'prefix', 'words', 'text']);
export type SearchMatch = z.infer<typeof SearchMatch>;

export const SearchHit = SymbolSummary.extend({ match: SearchMatch, score: z.number() });
export type SearchHit = z.infer<typeof SearchHit>;

/** One ordered rule: files whose project-relative path matches `glob` (picomatch, first match wins) get `tier`. */
export const TierRule = z.object({ glob: z.string().min(1).max(500), tier: Tier });
export type TierRule = z.infer<typeof TierRule>;

export const TierRules = z.array(TierRule).max(200);

/** One indexed file, for the project tree. */
export const FileEntry = z.object({
  id: z.number().int().positive(),
  path: z.string(),
  language: Language,
  tier: Tier,
  size: z.number().int().min(0),
  lines: LineCounts,
  symbols: z.number().int().min(0),
  errors: z.number().int().min(0),
  imports: z.array(z.string()),
});
export type FileEntry = z.infer<typeof FileEntry>;

/** A file's text for the viewer: read-only, capped; `truncated` says the cap cut it. */
export const FileContent = z.object({
  path: z.string(),
  language: Language.nullable(),
  content: z.string(),
  size: z.number().int().min(0),
  truncated: z.boolean(),
});
export type FileContent = z.infer<typeof FileContent>;

/**
 * Splits an identifier into lowercase words at snake_case, camelCase and digit boundaries
 * ("parseHTTPResponse_v2" -> "parse http response v 2"); the index stores this for word search.
 */
export function splitNameWords(name: string): string {
  const words = name.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|\p{L}+/gu);
  return words ? words.join(' ').toLowerCase() : '';
}

const ProjectId = z.number().int().positive();
// Paths a person types or drops: long enough for any real folder, short enough that a hostile value costs nothing.
const FolderPath = z.string().trim().min(1, 'Choose a folder to index.').max(4096);

/** A project the workbench has opened before, most recent first in `project.list`. */
export const RecentProject = z.object({
  id: ProjectId,
  root: z.string(),
  name: z.string(),
  lastOpenedAt: z.string(),
  lastIndexedAt: z.string().nullable(),
  files: z.number().int().min(0),
  symbols: z.number().int().min(0),
});
export type RecentProject = z.infer<typeof RecentProject>;

/** Requests of the project index, for the contract's request map. */
export const indexingRequests = {
  /** Indexes a folder (incrementally when it was indexed before); `watch` keeps it current afterwards. */
  'project.open': {
    input: z.object({ root: FolderPath, watch: z.boolean().optional() }).strict(),
    output: IndexSummary,
  },
  /** Cancels the index run in progress, if any; the previous index stays as it was. */
  'project.cancel': { input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) },
  'project.list': { input: z.object({ limit: z.number().int().min(1).max(100) }).strict(), output: z.array(RecentProject) },
  'project.summary': { input: z.object({ projectId: ProjectId }).strict(), output: IndexSummary },
  'project.files': { input: z.object({ projectId: ProjectId }).strict(), output: z.array(FileEntry) },
  /** A file of the project as text, read-only. */
  'project.file': {
    input: z.object({ projectId: ProjectId, path: z.string().min(1).max(4096) }).strict(),
    output: FileContent,
  },
  'project.getTierRules': { input: z.object({ projectId: ProjectId }).strict(), output: TierRules },
  /** Replaces the ordered tier rules and re-tiers the files (no re-parse). */
  'project.setTierRules': {
    input: z.object({ projectId: ProjectId, rules: TierRules }).strict(),
    output: z.object({ rules: TierRules, retiered: z.number().int().min(0) }),
  },
  'symbol.get': { input: z.object({ id: z.number().int().positive() }).strict(), output: SymbolDetail },
  'search.symbols': { input: SearchQuery.strict(), output: z.array(SearchHit) },
} as const;
