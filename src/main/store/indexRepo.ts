// The project index aggregate: projects, tier rules, files, their symbols (with FTS5 search) and skipped paths.
import type Database from 'better-sqlite3';
import type { Language, Tier } from '../../shared/domain';
import {
  splitNameWords,
  type FileEntry,
  type IndexSummary,
  type RecentProject,
  type LineCounts,
  type Parameter,
  type SearchHit,
  type SearchMatch,
  type SearchQuery,
  type SkippedPath,
  type SymbolDetail,
  type SymbolKind,
  type SyntaxIssue,
  type TierRule,
} from '../../shared/indexing';

export type ProjectRecord = { id: number; root: string; name: string; lastIndexedAt: string | null };

/** What the index keeps about a file's content, to tell whether it changed without reading it. */
export type FileState = { id: number; size: number; mtimeMs: number; contentHash: string };

/**
 * A symbol as the store writes it. The JSON columns and the name's words come ready-made from the parse worker
 * (`toStoredSymbol` in indexer/protocol.ts): serialising them there keeps that work off the main thread, and flat rows of strings and
 * numbers cost a third of what the nested objects cost to send between threads.
 */
export type StoredSymbol = {
  kind: SymbolKind;
  name: string;
  qualifiedName: string;
  signature: string;
  parametersJson: string;
  returnType: string | null;
  decoratorsJson: string;
  docSummary: string | null;
  doc: string | null;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  complexity: number;
  callsJson: string;
  nameWords: string;
};

export type StoredFile = {
  path: string;
  language: Language;
  tier: Tier;
  size: number;
  mtimeMs: number;
  contentHash: string;
  lines: LineCounts;
  imports: string[];
  errors: { line: number; column: number; message: string }[];
  symbols: StoredSymbol[];
};

/** The part of a project summary the store knows; the indexer adds how long the run took and what it changed. */
export type StoredSummary = Omit<IndexSummary, 'durationMs' | 'changes'>;

/**
 * A run's changes. Files the index already holds are staged in connection-private temp tables until `commit` moves
 * them in, in one transaction, so a search sees each of them either as it was or as it is now. Files the index does
 * not hold yet (all of them on a project's first run) go in while the run goes on, a few thousand symbols or about a
 * second's worth at a time (`newFilesMoveSymbols`), each set with its symbols in one transaction: they are searchable
 * while the run goes on, the SQLite and FTS5 work overlaps the parse instead of following it, and a
 * cancelled run takes them out again (`discard`), so it leaves the previous index as it was.
 */
export type IndexStaging = {
  addFiles(files: readonly StoredFile[]): void;
  /** Files whose content is unchanged but whose size or mtime moved (so the next run skips them by stat). */
  touch(entries: readonly { path: string; size: number; mtimeMs: number }[]): void;
  remove(paths: readonly string[]): void;
  /**
   * Applies everything staged to the project. `skipped` replaces the project's whole skip list (a full run) or, with
   * `forPaths`, only the entries of those paths (a re-index of some files).
   */
  commit(skipped: { entries: readonly SkippedPath[]; forPaths?: readonly string[] }): void;
  /** Drops what was staged and takes out the files this run added, a few hundred per transaction between turns of the event loop. */
  discard(): Promise<void>;
};

export type IndexRepo = {
  /** Finds or creates the project of a root; a new project gets `defaultRules` as its tier rules. */
  upsertProject(root: string, defaultRules: readonly TierRule[]): ProjectRecord;
  project(id: number): ProjectRecord | undefined;
  /** Projects by when they were last opened, newest first, with their file and symbol counts. */
  recentProjects(limit: number): RecentProject[];
  projectByRoot(root: string): ProjectRecord | undefined;
  fileStates(projectId: number): Map<string, FileState>;
  fileState(projectId: number, path: string): FileState | undefined;
  /** Project-relative paths of indexed files at or under `folder` ('' for all). */
  pathsUnder(projectId: number, folder: string): string[];
  beginStaging(projectId: number): IndexStaging;
  tierRules(projectId: number): TierRule[];
  setTierRules(projectId: number, rules: readonly TierRule[]): void;
  /** Gives every file of the project the tier `classify` says, without touching symbols; returns how many changed. */
  retier(projectId: number, classify: (path: string) => Tier): number;
  summary(projectId: number): StoredSummary | undefined;
  listFiles(projectId: number): FileEntry[];
  symbol(id: number): SymbolDetail | undefined;
  search(query: SearchQuery): SearchHit[];
};

const listCap = 1000;
const ftsCandidates = 1500;
const defaultSearchLimit = 50;
// Files a cancelled run takes out of the index per transaction (a stdlib module has ~20 symbols).
const discardSliceFiles = 200;
/**
 * New files wait in the staging tables until this many symbols or files are staged, or this long has passed since
 * the last move, so they become searchable within about a second. Each move is a transaction that rewrites the
 * b-tree pages of the name and path indexes it touches and flushes an FTS5 segment: moving the stdlib's 19,210 files
 * in the run's 420 batches cost 24 s of CPU, in 53 moves of ~6,600 symbols 17 s
 * (the run's files replayed through this staging; docs/performance.md).
 */
export const newFilesMoveSymbols = 5000;
const newFilesMoveFiles = 1000;
const newFilesMoveMs = 1000;

type SymbolRow = {
  id: number;
  project_id: number;
  kind: string;
  name: string;
  qualified_name: string;
  signature: string;
  doc_summary: string | null;
  start_line: number;
  end_line: number;
  path: string;
  language: string;
  tier: string;
};

type DetailRow = SymbolRow & {
  file_id: number;
  start_column: number;
  end_column: number;
  parameters_json: string;
  return_type: string | null;
  decorators_json: string;
  doc: string | null;
  complexity: number;
  calls_json: string;
};

type ScoredRow = SymbolRow & { score: number | null };

const summaryColumns = `s.id, s.project_id, s.kind, s.name, s.qualified_name, s.signature, s.doc_summary, s.start_line, s.end_line,
  f.path, f.language, f.tier`;

// Filters shared by both search stages. json_each keeps one prepared statement for any number of kinds/languages.
const searchFilters = `
  AND (:kinds IS NULL OR s.kind IN (SELECT value FROM json_each(:kinds)))
  AND (:languages IS NULL OR f.language IN (SELECT value FROM json_each(:languages)))`;

export function createIndexRepo(db: Database.Database): IndexRepo {
  const selectProjectByRoot = db.prepare<[string], ProjectRow>('SELECT id, root, name, last_indexed_at FROM projects WHERE root = ?');
  const selectProject = db.prepare<[number], ProjectRow>('SELECT id, root, name, last_indexed_at FROM projects WHERE id = ?');
  const insertProject = db.prepare<[string, string]>('INSERT INTO projects (root, name) VALUES (?, ?)');
  const selectRecent = db.prepare<[number], RecentProject>(
    `SELECT p.id, p.root, p.name, p.last_opened_at AS lastOpenedAt, p.last_indexed_at AS lastIndexedAt,
       (SELECT count(*) FROM files f WHERE f.project_id = p.id) AS files,
       (SELECT count(*) FROM symbols s WHERE s.project_id = p.id) AS symbols
     FROM projects p ORDER BY p.last_opened_at DESC, p.id DESC LIMIT ?`,
  );
  const touchProject = db.prepare<[number]>("UPDATE projects SET last_opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  const markIndexed = db.prepare<[number]>("UPDATE projects SET last_indexed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  const selectRules = db.prepare<[number], { glob: string; tier: Tier }>('SELECT glob, tier FROM tier_rules WHERE project_id = ? ORDER BY position');
  const deleteRules = db.prepare<[number]>('DELETE FROM tier_rules WHERE project_id = ?');
  const insertRule = db.prepare<[number, number, string, string]>('INSERT INTO tier_rules (project_id, position, glob, tier) VALUES (?, ?, ?, ?)');
  const selectFileStates = db.prepare<[number], { id: number; path: string; size: number; mtime_ms: number; content_hash: string }>(
    'SELECT id, path, size, mtime_ms, content_hash FROM files WHERE project_id = ?',
  );
  const selectFileState = db.prepare<[number, string], { id: number; size: number; mtime_ms: number; content_hash: string }>(
    'SELECT id, size, mtime_ms, content_hash FROM files WHERE project_id = ? AND path = ?',
  );
  const selectPathsUnder = db.prepare<{ project: number; folder: string }, { path: string }>(
    "SELECT path FROM files WHERE project_id = :project AND (:folder = '' OR path = :folder OR substr(path, 1, length(:folder) + 1) = :folder || '/')",
  );
  const selectTiers = db.prepare<[number], { id: number; path: string; tier: Tier }>('SELECT id, path, tier FROM files WHERE project_id = ?');
  const updateTier = db.prepare<[string, number]>('UPDATE files SET tier = ? WHERE id = ?');
  const selectTallies = db.prepare<
    [number],
    { language: Language; tier: Tier; files: number; lines: number; code: number; comment: number; blank: number }
  >(
    `SELECT language, tier, count(*) AS files, sum(lines_total) AS lines, sum(lines_code) AS code,
       sum(lines_comment) AS comment, sum(lines_blank) AS blank
     FROM files WHERE project_id = ? GROUP BY language, tier`,
  );
  // Symbols per language, tier and kind from the counts each file row keeps (migration 0003): no symbol rows are read.
  const selectSymbolTallies = db.prepare<[number], { language: Language; tier: Tier; kind: SymbolKind; symbols: number }>(
    `SELECT f.language, f.tier, counts.key AS kind, sum(counts.value) AS symbols
     FROM files f, json_each(f.symbol_counts_json) AS counts WHERE f.project_id = ? GROUP BY f.language, f.tier, counts.key`,
  );
  const selectErrors = db.prepare<[number, number], { path: string; errors_json: string }>(
    "SELECT path, errors_json FROM files WHERE project_id = ? AND errors_json <> '[]' ORDER BY path LIMIT ?",
  );
  const selectSkipped = db.prepare<[number, number], SkippedPath>('SELECT path, reason, detail FROM skipped_paths WHERE project_id = ? ORDER BY path LIMIT ?');
  const selectFiles = db.prepare<[number], FileRow>(
    `SELECT f.id, f.path, f.language, f.tier, f.size, f.lines_total, f.lines_code, f.lines_comment, f.lines_blank,
       f.imports_json, f.errors_json, (SELECT count(*) FROM symbols s WHERE s.file_id = f.id) AS symbols
     FROM files f WHERE f.project_id = ? ORDER BY f.path`,
  );
  const selectSymbol = db.prepare<[number], DetailRow>(
    `SELECT ${summaryColumns}, s.file_id, s.start_column, s.end_column, s.parameters_json, s.return_type, s.decorators_json,
       s.doc, s.complexity, s.calls_json
     FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.id = ?`,
  );
  // Stage one of search: the (project_id, name) index answers exact and prefix matches of the name as typed. The
  // candidates are taken in name order and capped ("test" starts 50k names in the stdlib): the exact name sorts first,
  // so it is never cut off.
  const searchNames = db.prepare<Record<string, unknown>, ScoredRow>(
    `SELECT ${summaryColumns}, NULL AS score
     FROM symbols s JOIN files f ON f.id = s.file_id
     WHERE s.id IN (
         SELECT id FROM symbols WHERE project_id IN (SELECT id FROM projects WHERE :project IS NULL OR id = :project)
           AND name >= :low AND name < :high ORDER BY name LIMIT ${ftsCandidates})
       ${searchFilters}
     ORDER BY length(s.name), s.name LIMIT :limit`,
  );
  // FTS stages look at no more than `ftsCandidates` matches: a two-letter prefix can match tens of thousands of
  // symbols, and fetching (or bm25-scoring) every one of them is what made the slowest searches take seconds.
  const ftsStatement = (order: string, cap: boolean) =>
    db.prepare<Record<string, unknown>, ScoredRow>(
      `SELECT ${summaryColumns}, NULL AS score
       FROM symbols s JOIN files f ON f.id = s.file_id
       WHERE s.id IN (SELECT rowid FROM symbols_fts WHERE symbols_fts MATCH :match${cap ? ` LIMIT ${ftsCandidates}` : ''})
         AND (:project IS NULL OR s.project_id = :project) ${searchFilters}
       ORDER BY ${order} LIMIT :limit`,
    );
  // Stages two and three: the names' own tokens (any case) and their camelCase/snake_case words, shortest name first.
  const searchTokens = ftsStatement('length(s.name), s.name', true);
  const searchTokensAll = ftsStatement('length(s.name), s.name', false);
  const countMatches = db.prepare<{ match: string }, { n: number }>(
    `SELECT count(*) AS n FROM (SELECT rowid FROM symbols_fts WHERE symbols_fts MATCH :match LIMIT ${ftsCandidates + 1})`,
  );
  // Stage four: any indexed text (qualified names, signatures, docs), ranked by bm25 when the match set is small enough.
  const searchText = db.prepare<Record<string, unknown>, ScoredRow>(
    `SELECT ${summaryColumns}, bm25(symbols_fts, 10.0, 6.0, 5.0, 1.0, 0.5) AS score
     FROM symbols_fts JOIN symbols s ON s.id = symbols_fts.rowid JOIN files f ON f.id = s.file_id
     WHERE symbols_fts MATCH :match AND (:project IS NULL OR s.project_id = :project) ${searchFilters}
     ORDER BY score LIMIT :limit`,
  );
  const searchStatements: SearchStatements = { searchNames, searchTokens, searchTokensAll, countMatches, searchText };

  let stagingReady = false;
  let stagingStatements: ReturnType<typeof prepareStaging> | undefined;

  /**
   * A pair of connection-private temp tables holding files and their symbols on their way into the index, with the
   * statements that move them in. Moving a set in takes one statement per table: each INSERT into `symbols` opens a
   * statement savepoint, and FTS5 writes its pending terms out at every savepoint, so inserting the symbols one row
   * at a time cost 2.5× the CPU of staging them and copying them in one statement (42 s against 16.5 s for 348k
   * symbols).
   */
  function prepareFileSet(files: string, symbols: string) {
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS ${files} (
        seq INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, language TEXT NOT NULL, tier TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL, content_hash TEXT NOT NULL, lines_total INTEGER NOT NULL, lines_code INTEGER NOT NULL,
        lines_comment INTEGER NOT NULL, lines_blank INTEGER NOT NULL, imports_json TEXT NOT NULL, errors_json TEXT NOT NULL,
        symbol_counts_json TEXT NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS ${symbols} (
        file_seq INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, qualified_name TEXT NOT NULL, signature TEXT NOT NULL,
        parameters_json TEXT NOT NULL, return_type TEXT, decorators_json TEXT NOT NULL, doc_summary TEXT, doc TEXT,
        start_line INTEGER NOT NULL, start_column INTEGER NOT NULL, end_line INTEGER NOT NULL, end_column INTEGER NOT NULL,
        complexity INTEGER NOT NULL, calls_json TEXT NOT NULL, name_words TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS temp.${symbols}_file ON ${symbols} (file_seq);
    `);
    const insertFile = db.prepare(
      `INSERT OR REPLACE INTO ${files} (path, language, tier, size, mtime_ms, content_hash, lines_total, lines_code, lines_comment,
         lines_blank, imports_json, errors_json, symbol_counts_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSymbol = db.prepare(
      `INSERT INTO ${symbols} (file_seq, kind, name, qualified_name, signature, parameters_json, return_type, decorators_json,
         doc_summary, doc, start_line, start_column, end_line, end_column, complexity, calls_json, name_words)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A path added twice (the watcher saw two saves) keeps the newest content.
    const dropFile = db.prepare<[string]>(`DELETE FROM ${symbols} WHERE file_seq = (SELECT seq FROM ${files} WHERE path = ?)`);
    // Staged paths with their symbol counts.
    const paths = new Map<string, number>();
    let symbolCount = 0;
    return {
      paths,
      /** How many symbols the set holds. */
      symbolCount: () => symbolCount,
      add(file: StoredFile): void {
        const replaced = paths.get(file.path);
        if (replaced !== undefined) {
          dropFile.run(file.path);
          symbolCount -= replaced;
        }
        paths.set(file.path, file.symbols.length);
        symbolCount += file.symbols.length;
        const seq = Number(
          insertFile.run(
            file.path,
            file.language,
            file.tier,
            file.size,
            file.mtimeMs,
            file.contentHash,
            file.lines.total,
            file.lines.code,
            file.lines.comment,
            file.lines.blank,
            JSON.stringify(file.imports),
            JSON.stringify(file.errors),
            JSON.stringify(countKinds(file.symbols)),
          ).lastInsertRowid,
        );
        for (const symbol of file.symbols) {
          insertSymbol.run(
            seq,
            symbol.kind,
            symbol.name,
            symbol.qualifiedName,
            symbol.signature,
            symbol.parametersJson,
            symbol.returnType,
            symbol.decoratorsJson,
            symbol.docSummary,
            symbol.doc,
            symbol.startLine,
            symbol.startColumn,
            symbol.endLine,
            symbol.endColumn,
            symbol.complexity,
            symbol.callsJson,
            symbol.nameWords,
          );
        }
      },
      clear(): void {
        db.exec(`DELETE FROM ${files}; DELETE FROM ${symbols};`);
        paths.clear();
        symbolCount = 0;
      },
      /** Inserts the set's files into the index, or updates the rows they already have. */
      upsertFiles: db.prepare<[number]>(
        `INSERT INTO files (project_id, path, language, tier, size, mtime_ms, content_hash, lines_total, lines_code, lines_comment,
           lines_blank, imports_json, errors_json, symbol_counts_json)
         SELECT ?, path, language, tier, size, mtime_ms, content_hash, lines_total, lines_code, lines_comment, lines_blank,
           imports_json, errors_json, symbol_counts_json FROM ${files} WHERE true
         ON CONFLICT (project_id, path) DO UPDATE SET language = excluded.language, tier = excluded.tier, size = excluded.size,
           mtime_ms = excluded.mtime_ms, content_hash = excluded.content_hash, lines_total = excluded.lines_total,
           lines_code = excluded.lines_code, lines_comment = excluded.lines_comment, lines_blank = excluded.lines_blank,
           imports_json = excluded.imports_json, errors_json = excluded.errors_json, symbol_counts_json = excluded.symbol_counts_json,
           indexed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ),
      /** Inserts the set's symbols, for files `upsertFiles` put in the index (their old symbols already deleted). */
      insertSymbols: db.prepare<[number, number]>(
        `INSERT INTO symbols (project_id, file_id, kind, name, qualified_name, signature, parameters_json, return_type, decorators_json,
           doc_summary, doc, start_line, start_column, end_line, end_column, complexity, calls_json, name_words)
         SELECT ?, f.id, s.kind, s.name, s.qualified_name, s.signature, s.parameters_json, s.return_type, s.decorators_json,
           s.doc_summary, s.doc, s.start_line, s.start_column, s.end_line, s.end_column, s.complexity, s.calls_json, s.name_words
         FROM ${symbols} s JOIN ${files} sf ON sf.seq = s.file_seq
           JOIN files f ON f.project_id = ? AND f.path = sf.path
         ORDER BY s.rowid`,
      ),
      /** The index's row ids of the set's files. */
      fileIds: db.prepare<[number], { id: number; path: string }>(`SELECT f.id, f.path FROM ${files} sf JOIN files f ON f.project_id = ? AND f.path = sf.path`),
    };
  }

  function prepareStaging() {
    // Temp tables belong to this connection alone: staged rows never show in the index, and need no cleanup on a crash.
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS ark_stage_touch (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS ark_stage_removed (path TEXT PRIMARY KEY);
    `);
    // Files the index holds, staged until the run commits; and files new to it, moved in after each batch.
    const changed = prepareFileSet('ark_stage_files', 'ark_stage_symbols');
    const added = prepareFileSet('ark_new_files', 'ark_new_symbols');
    return {
      changed,
      added,
      clear: () => {
        changed.clear();
        added.clear();
        db.exec('DELETE FROM ark_stage_touch; DELETE FROM ark_stage_removed;');
      },
      selectFileId: db.prepare<[number, string], { id: number }>('SELECT id FROM files WHERE project_id = ? AND path = ?'),
      // By a JSON array of file ids: one statement per set of files, so FTS5 writes its changes out once, not per file.
      deleteFilesSymbols: db.prepare<[string]>('DELETE FROM symbols WHERE file_id IN (SELECT value FROM json_each(?))'),
      deleteFiles: db.prepare<[string]>('DELETE FROM files WHERE id IN (SELECT value FROM json_each(?))'),
      insertTouch: db.prepare('INSERT OR REPLACE INTO ark_stage_touch (path, size, mtime_ms) VALUES (?, ?, ?)'),
      insertRemoved: db.prepare('INSERT OR IGNORE INTO ark_stage_removed (path) VALUES (?)'),
      // Staged paths drive these lookups through the (project_id, path) index: written the other way round, SQLite
      // scanned every file of the project, which made a one-file re-index of a large project cost tens of ms.
      deleteOldSymbols: db.prepare<{ project: number }>(
        `DELETE FROM symbols WHERE file_id IN (
           SELECT id FROM files WHERE project_id = :project AND path IN (SELECT path FROM ark_stage_files)
           UNION ALL
           SELECT id FROM files WHERE project_id = :project AND path IN (SELECT path FROM ark_stage_removed))`,
      ),
      deleteRemovedFiles: db.prepare<[number]>('DELETE FROM files WHERE project_id = ? AND path IN (SELECT path FROM ark_stage_removed)'),
      applyTouches: db.prepare<[number]>(
        `UPDATE files SET size = (SELECT t.size FROM ark_stage_touch t WHERE t.path = files.path),
           mtime_ms = (SELECT t.mtime_ms FROM ark_stage_touch t WHERE t.path = files.path)
         WHERE project_id = ? AND path IN (SELECT path FROM ark_stage_touch)`,
      ),
      deleteSkipped: db.prepare<[number]>('DELETE FROM skipped_paths WHERE project_id = ?'),
      deleteSkippedPath: db.prepare<[number, string]>('DELETE FROM skipped_paths WHERE project_id = ? AND path = ?'),
      insertSkipped: db.prepare<[number, string, string, string]>(
        `INSERT INTO skipped_paths (project_id, path, reason, detail) VALUES (?, ?, ?, ?)
         ON CONFLICT (project_id, path) DO UPDATE SET reason = excluded.reason, detail = excluded.detail`,
      ),
    };
  }

  function staging() {
    if (!stagingReady) {
      stagingStatements = prepareStaging();
      stagingReady = true;
    }
    return stagingStatements as ReturnType<typeof prepareStaging>;
  }

  const toProject = (row: ProjectRow): ProjectRecord => ({ id: row.id, root: row.root, name: row.name, lastIndexedAt: row.last_indexed_at });

  return {
    upsertProject(root, defaultRules) {
      return db.transaction(() => {
        const existing = selectProjectByRoot.get(root);
        if (existing) {
          touchProject.run(existing.id);
          return toProject(existing);
        }
        const name = root.split(/[\\/]/).filter(Boolean).pop() ?? root;
        const id = Number(insertProject.run(root, name).lastInsertRowid);
        defaultRules.forEach((rule, position) => insertRule.run(id, position, rule.glob, rule.tier));
        return toProject(selectProject.get(id) as ProjectRow);
      })();
    },
    project(id) {
      const row = selectProject.get(id);
      return row ? toProject(row) : undefined;
    },
    recentProjects(limit) {
      return selectRecent.all(limit);
    },
    projectByRoot(root) {
      const row = selectProjectByRoot.get(root);
      return row ? toProject(row) : undefined;
    },
    fileStates(projectId) {
      const states = new Map<string, FileState>();
      for (const row of selectFileStates.iterate(projectId)) {
        states.set(row.path, { id: row.id, size: row.size, mtimeMs: row.mtime_ms, contentHash: row.content_hash });
      }
      return states;
    },
    fileState(projectId, path) {
      const row = selectFileState.get(projectId, path);
      return row ? { id: row.id, size: row.size, mtimeMs: row.mtime_ms, contentHash: row.content_hash } : undefined;
    },
    pathsUnder(projectId, folder) {
      return selectPathsUnder.all({ project: projectId, folder }).map((row) => row.path);
    },
    beginStaging(projectId) {
      const statements = staging();
      const { changed, added } = statements;
      statements.clear();
      let open = true;
      // Files this run moved into the index because it did not hold them, by path, with their row ids.
      const addedFiles = new Map<string, number>();
      const removeAdded = (fileIds: readonly number[]) => {
        const ids = JSON.stringify(fileIds);
        statements.deleteFilesSymbols.run(ids);
        statements.deleteFiles.run(ids);
      };
      let lastMoveAt = Date.now();
      const moveAddedIn = () => {
        if (added.paths.size === 0) return;
        added.upsertFiles.run(projectId);
        added.insertSymbols.run(projectId, projectId);
        for (const row of added.fileIds.iterate(projectId)) addedFiles.set(row.path, row.id);
        added.clear();
        lastMoveAt = Date.now();
      };
      const addFiles = db.transaction((files: readonly StoredFile[]) => {
        for (const file of files) {
          const addedId = addedFiles.get(file.path);
          if (addedId !== undefined) {
            // Added earlier in this run and changed again since: the newest content replaces it.
            removeAdded([addedId]);
            addedFiles.delete(file.path);
            added.add(file);
          } else if (added.paths.has(file.path) || !statements.selectFileId.get(projectId, file.path)) added.add(file);
          else changed.add(file);
        }
        if (added.symbolCount() >= newFilesMoveSymbols || added.paths.size >= newFilesMoveFiles || Date.now() - lastMoveAt >= newFilesMoveMs) {
          moveAddedIn();
        }
      });
      const touch = db.transaction((entries: readonly { path: string; size: number; mtimeMs: number }[]) => {
        for (const entry of entries) statements.insertTouch.run(entry.path, entry.size, entry.mtimeMs);
      });
      const remove = db.transaction((paths: readonly string[]) => {
        for (const path of paths) statements.insertRemoved.run(path);
      });
      const commit = db.transaction((skipped: { entries: readonly SkippedPath[]; forPaths?: readonly string[] }) => {
        moveAddedIn();
        statements.deleteOldSymbols.run({ project: projectId });
        statements.deleteRemovedFiles.run(projectId);
        changed.upsertFiles.run(projectId);
        changed.insertSymbols.run(projectId, projectId);
        statements.applyTouches.run(projectId);
        if (skipped.forPaths) for (const path of skipped.forPaths) statements.deleteSkippedPath.run(projectId, path);
        else statements.deleteSkipped.run(projectId);
        for (const entry of skipped.entries) statements.insertSkipped.run(projectId, entry.path, entry.reason, entry.detail);
        markIndexed.run(projectId);
      });
      // Taking out a cancelled first run of a large project deletes hundreds of thousands of symbols (FTS5 included):
      // in slices, so the process keeps serving requests meanwhile.
      const removeAddedSlice = db.transaction(removeAdded);
      const ensureOpen = () => {
        if (!open) throw new Error('This staging was already committed or discarded.');
      };
      return {
        addFiles(files) {
          ensureOpen();
          addFiles(files);
        },
        touch(entries) {
          ensureOpen();
          touch(entries);
        },
        remove(paths) {
          ensureOpen();
          remove(paths);
        },
        commit(skipped) {
          ensureOpen();
          commit(skipped);
          open = false;
          addedFiles.clear();
          statements.clear();
        },
        async discard() {
          if (!open) return;
          open = false;
          statements.clear();
          const fileIds = [...addedFiles.values()];
          addedFiles.clear();
          for (let index = 0; index < fileIds.length; index += discardSliceFiles) {
            if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
            removeAddedSlice(fileIds.slice(index, index + discardSliceFiles));
          }
        },
      };
    },
    tierRules(projectId) {
      return selectRules.all(projectId).map((row) => ({ glob: row.glob, tier: row.tier }));
    },
    setTierRules(projectId, rules) {
      db.transaction(() => {
        deleteRules.run(projectId);
        rules.forEach((rule, position) => insertRule.run(projectId, position, rule.glob, rule.tier));
      })();
    },
    retier(projectId, classify) {
      return db.transaction(() => {
        let changed = 0;
        for (const row of selectTiers.all(projectId)) {
          const tier = classify(row.path);
          if (tier !== row.tier) {
            updateTier.run(tier, row.id);
            changed++;
          }
        }
        return changed;
      })();
    },
    summary(projectId) {
      const project = selectProject.get(projectId);
      if (!project) return undefined;
      const byLanguage: StoredSummary['byLanguage'] = {};
      const byTier: StoredSummary['byTier'] = {};
      const lineCounts: LineCounts = { total: 0, code: 0, comment: 0, blank: 0 };
      let files = 0;
      for (const row of selectTallies.all(projectId)) {
        files += row.files;
        lineCounts.total += row.lines;
        lineCounts.code += row.code;
        lineCounts.comment += row.comment;
        lineCounts.blank += row.blank;
        addTally(byLanguage, row.language, row.files, row.lines, 0);
        addTally(byTier, row.tier, row.files, row.lines, 0);
      }
      let symbols = 0;
      const symbolsByKind: StoredSummary['symbolsByKind'] = {};
      for (const row of selectSymbolTallies.all(projectId)) {
        symbols += row.symbols;
        addTally(byLanguage, row.language, 0, 0, row.symbols);
        addTally(byTier, row.tier, 0, 0, row.symbols);
        symbolsByKind[row.kind] = (symbolsByKind[row.kind] ?? 0) + row.symbols;
      }
      const errors: SyntaxIssue[] = [];
      for (const row of selectErrors.all(projectId, listCap)) {
        for (const issue of JSON.parse(row.errors_json) as { line: number; column: number; message: string }[]) {
          if (errors.length < listCap) errors.push({ path: row.path, ...issue });
        }
      }
      return {
        projectId,
        root: project.root,
        files,
        lines: lineCounts.total,
        symbols,
        byLanguage,
        byTier,
        skipped: selectSkipped.all(projectId, listCap),
        errors,
        lineCounts,
        symbolsByKind,
        indexedAt: project.last_indexed_at,
      };
    },
    listFiles(projectId) {
      return selectFiles.all(projectId).map((row) => ({
        id: row.id,
        path: row.path,
        language: row.language,
        tier: row.tier,
        size: row.size,
        lines: { total: row.lines_total, code: row.lines_code, comment: row.lines_comment, blank: row.lines_blank },
        symbols: row.symbols,
        errors: (JSON.parse(row.errors_json) as unknown[]).length,
        imports: JSON.parse(row.imports_json) as string[],
      }));
    },
    symbol(id) {
      const row = selectSymbol.get(id);
      if (!row) return undefined;
      return {
        ...toSummary(row),
        fileId: row.file_id,
        startColumn: row.start_column,
        endColumn: row.end_column,
        parameters: JSON.parse(row.parameters_json) as Parameter[],
        returnType: row.return_type,
        decorators: JSON.parse(row.decorators_json) as string[],
        doc: row.doc,
        complexity: row.complexity,
        calls: JSON.parse(row.calls_json) as string[],
      };
    },
    search(query) {
      return search(query, searchStatements);
    },
  };
}

type ProjectRow = { id: number; root: string; name: string; last_indexed_at: string | null };

type FileRow = {
  id: number;
  path: string;
  language: Language;
  tier: Tier;
  size: number;
  lines_total: number;
  lines_code: number;
  lines_comment: number;
  lines_blank: number;
  imports_json: string;
  errors_json: string;
  symbols: number;
};

function countKinds(symbols: readonly StoredSymbol[]): Partial<Record<SymbolKind, number>> {
  const counts: Partial<Record<SymbolKind, number>> = {};
  for (const symbol of symbols) counts[symbol.kind] = (counts[symbol.kind] ?? 0) + 1;
  return counts;
}

function addTally<K extends string>(
  tallies: Partial<Record<K, { files: number; lines: number; symbols: number }>>,
  key: K,
  files: number,
  lines: number,
  symbols: number,
): void {
  const tally = tallies[key] ?? { files: 0, lines: 0, symbols: 0 };
  tally.files += files;
  tally.lines += lines;
  tally.symbols += symbols;
  tallies[key] = tally;
}

function toSummary(row: SymbolRow) {
  return {
    id: row.id,
    projectId: row.project_id,
    path: row.path,
    language: row.language as Language,
    tier: row.tier as Tier,
    kind: row.kind as SymbolKind,
    name: row.name,
    qualifiedName: row.qualified_name,
    signature: row.signature,
    docSummary: row.doc_summary,
    startLine: row.start_line,
    endLine: row.end_line,
  };
}

type SearchStatements = {
  searchNames: Database.Statement<Record<string, unknown>, ScoredRow>;
  searchTokens: Database.Statement<Record<string, unknown>, ScoredRow>;
  searchTokensAll: Database.Statement<Record<string, unknown>, ScoredRow>;
  countMatches: Database.Statement<{ match: string }, { n: number }>;
  searchText: Database.Statement<Record<string, unknown>, ScoredRow>;
};

/** FTS5 queries for what a person typed, one per search stage; null where the text has nothing to search for. */
export type FtsQueries = { namesExact: string; names: string; words: string | null; text: string };

/**
 * Builds safe FTS5 queries from what a person typed. Only letters, digits and `_` survive and each token is quoted,
 * so `"`, `*`, `NEAR(`, `-`, `:` and the keywords AND/OR/NOT are plain text, never FTS syntax. The last token is a
 * prefix (except in `namesExact`: whole tokens are one cheap lookup each, a prefix merges every token that starts
 * with it). `names` looks in the name and qualified name, `words` in the name split at camelCase and snake_case (so
 * "userName" finds `get_user_name`), `text` everywhere, docs and signatures included.
 */
export function ftsQueryFor(text: string): FtsQueries | null {
  const tokens = (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
  if (tokens.length === 0) return null;
  const quote = (token: string, isLast: boolean) => `"${token}"${isLast && token.length >= 2 ? '*' : ''}`;
  const all = tokens.map((token, index) => quote(token, index === tokens.length - 1)).join(' ');
  const words = splitNameWords(text).split(' ').filter(Boolean).slice(0, 16);
  const nameWords = words.map((word, index) => quote(word, index === words.length - 1)).join(' ');
  const exact = tokens.map((token) => `"${token}"`).join(' ');
  return { namesExact: `{name qualified_name} : (${exact})`, names: `{name qualified_name} : (${all})`, words: nameWords ? `name_words : (${nameWords})` : null, text: all };
}

const matchOrder: Record<SearchMatch, number> = { exact: 0, prefix: 1, words: 2, text: 3 };
const tierOrder: Record<Tier, number> = { core: 0, trusted: 1, testing: 2, sandbox: 3 };

/**
 * Searches in stages, best kind of match first, each stage cheap and bounded: the name as typed (an index range),
 * name tokens in any case, camelCase/snake_case words, then any text. A later stage runs only while fewer than
 * `limit` hits were found, so the common case (a name or a prefix) never pays for a scan of every doc comment.
 */
function search(query: SearchQuery, statements: SearchStatements): SearchHit[] {
  const text = query.text.trim();
  if (!text) return [];
  const limit = query.limit ?? defaultSearchLimit;
  const filters = {
    project: query.projectId ?? null,
    kinds: query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null,
    languages: query.languages && query.languages.length > 0 ? JSON.stringify(query.languages) : null,
  };
  const rows = new Map<number, ScoredRow>();
  const add = (found: ScoredRow[]) => {
    for (const row of found) {
      const known = rows.get(row.id);
      if (!known) rows.set(row.id, row);
      else if (row.score !== null) known.score = row.score;
    }
  };
  add(statements.searchNames.all({ ...filters, low: text, high: upperBound(text), limit }));
  const fts = ftsQueryFor(text);
  if (fts) {
    const tokenStage = (match: string) => {
      const found = statements.searchTokens.all({ ...filters, match, limit });
      // Capped candidates can all belong to other projects; then look at every match of this one.
      return found.length < limit && filters.project !== null ? statements.searchTokensAll.all({ ...filters, match, limit }) : found;
    };
    // Whole-token name matches in any case ("Parse" for "parse") are cheap and always looked for; prefixes only while
    // the name index range did not fill the page.
    add(statements.searchTokens.all({ ...filters, match: fts.namesExact, limit }));
    if (rows.size < limit) add(tokenStage(fts.names));
    if (fts.words && rows.size < limit) add(tokenStage(fts.words));
    if (rows.size < limit) {
      const matches = statements.countMatches.get({ match: fts.text })?.n ?? 0;
      add(matches <= ftsCandidates ? statements.searchText.all({ ...filters, match: fts.text, limit }) : statements.searchTokens.all({ ...filters, match: fts.text, limit }));
    }
  }
  const lowered = text.toLowerCase();
  const queryWords = splitNameWords(text).split(' ').filter(Boolean);
  const ranked = [...rows.values()].map((row) => {
    const kind = classify(row, text, lowered, queryWords);
    // Among word matches, a name whose words begin with the typed words ("lowStock" -> low_stock) comes first.
    const leads = kind === 'words' && splitNameWords(row.name).startsWith(queryWords.join(' ')) ? 0 : 1;
    return { row, kind, order: matchOrder[kind], leads };
  });
  ranked.sort(
    (a, b) =>
      a.order - b.order ||
      a.leads - b.leads ||
      (a.order <= 2 ? a.row.name.length - b.row.name.length : 0) ||
      (a.row.score ?? 0) - (b.row.score ?? 0) ||
      tierOrder[a.row.tier as Tier] - tierOrder[b.row.tier as Tier] ||
      a.row.name.length - b.row.name.length ||
      (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : 0) ||
      a.row.start_line - b.row.start_line,
  );
  return ranked.slice(0, limit).map(({ row, kind }) => ({ ...toSummary(row), match: kind, score: row.score === null ? 0 : -row.score }));
}

function classify(row: ScoredRow, text: string, lowered: string, queryWords: readonly string[]): SearchMatch {
  const name = row.name.toLowerCase();
  if (row.name === text || row.qualified_name === text || name === lowered || row.qualified_name.toLowerCase() === lowered) return 'exact';
  if (name.startsWith(lowered)) return 'prefix';
  if (queryWords.length > 0) {
    const nameWords = splitNameWords(row.name).split(' ');
    if (queryWords.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))) return 'words';
  }
  return 'text';
}

/** The smallest string greater than every string that starts with `prefix`, for an index range scan. */
function upperBound(prefix: string): string {
  return prefix + '\u{10FFFF}';
}
