// The first schema: every aggregate the workbench stores, so later features add columns and indexes, not tables.
// A shipped migration is never edited; add the next numbered one.
import type { Migration } from './types';

const now = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  root TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  last_opened_at TEXT NOT NULL DEFAULT ${now},
  last_indexed_at TEXT,
  settings_json TEXT NOT NULL DEFAULT '{}'
);

-- Ordered glob rules that give each file of a project its trust tier (first match wins).
CREATE TABLE tier_rules (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  glob TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN ('sandbox', 'testing', 'trusted', 'core')),
  UNIQUE (project_id, position)
);

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  language TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN ('sandbox', 'testing', 'trusted', 'core')),
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  lines_total INTEGER NOT NULL DEFAULT 0,
  lines_code INTEGER NOT NULL DEFAULT 0,
  lines_comment INTEGER NOT NULL DEFAULT 0,
  lines_blank INTEGER NOT NULL DEFAULT 0,
  imports_json TEXT NOT NULL DEFAULT '[]',
  errors_json TEXT NOT NULL DEFAULT '[]',
  indexed_at TEXT NOT NULL DEFAULT ${now},
  UNIQUE (project_id, path)
);

-- Paths the walk passed over, with the reason, so a person can see what the index does not hold.
CREATE TABLE skipped_paths (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  UNIQUE (project_id, path)
);

CREATE TABLE symbols (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  qualified_name TEXT NOT NULL,
  signature TEXT NOT NULL DEFAULT '',
  parameters_json TEXT NOT NULL DEFAULT '[]',
  return_type TEXT,
  decorators_json TEXT NOT NULL DEFAULT '[]',
  doc_summary TEXT,
  doc TEXT,
  start_line INTEGER NOT NULL,
  start_column INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_column INTEGER NOT NULL,
  complexity INTEGER NOT NULL DEFAULT 1,
  calls_json TEXT NOT NULL DEFAULT '[]',
  -- Name split at camelCase and snake_case boundaries ("getUserName" -> "get user name"), for word search.
  name_words TEXT NOT NULL DEFAULT ''
);
CREATE INDEX symbols_file ON symbols(file_id);
CREATE INDEX symbols_project_name ON symbols(project_id, name);

CREATE VIRTUAL TABLE symbols_fts USING fts5(
  name, qualified_name, name_words, signature, doc,
  content = 'symbols', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
  prefix = '2 3'
);
CREATE TRIGGER symbols_fts_insert AFTER INSERT ON symbols BEGIN
  INSERT INTO symbols_fts(rowid, name, qualified_name, name_words, signature, doc)
  VALUES (new.id, new.name, new.qualified_name, new.name_words, new.signature, coalesce(new.doc, ''));
END;
CREATE TRIGGER symbols_fts_delete AFTER DELETE ON symbols BEGIN
  INSERT INTO symbols_fts(symbols_fts, rowid, name, qualified_name, name_words, signature, doc)
  VALUES ('delete', old.id, old.name, old.qualified_name, old.name_words, old.signature, coalesce(old.doc, ''));
END;
CREATE TRIGGER symbols_fts_update AFTER UPDATE ON symbols BEGIN
  INSERT INTO symbols_fts(symbols_fts, rowid, name, qualified_name, name_words, signature, doc)
  VALUES ('delete', old.id, old.name, old.qualified_name, old.name_words, old.signature, coalesce(old.doc, ''));
  INSERT INTO symbols_fts(rowid, name, qualified_name, name_words, signature, doc)
  VALUES (new.id, new.name, new.qualified_name, new.name_words, new.signature, coalesce(new.doc, ''));
END;

CREATE TABLE specs (
  id INTEGER PRIMARY KEY,
  project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE spec_versions (
  id INTEGER PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
  source TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  UNIQUE (spec_id, version)
);

-- A generated code version: one spec version rendered through one template version, with its tests.
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY,
  spec_version_id INTEGER REFERENCES spec_versions(id) ON DELETE SET NULL,
  language TEXT NOT NULL,
  template TEXT,
  template_hash TEXT,
  body_source TEXT NOT NULL CHECK (body_source IN ('reuse', 'library', 'model', 'manual', 'none')),
  code TEXT NOT NULL,
  tests TEXT NOT NULL DEFAULT '',
  code_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE pipeline_stages (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL DEFAULT ${now},
  duration_ms REAL,
  result_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE validations (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
  code_hash TEXT NOT NULL,
  language TEXT NOT NULL,
  tier TEXT NOT NULL,
  ok INTEGER NOT NULL,
  blocked INTEGER NOT NULL,
  findings_json TEXT NOT NULL DEFAULT '[]',
  duration_ms REAL NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE executions (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
  validation_id INTEGER REFERENCES validations(id) ON DELETE SET NULL,
  language TEXT NOT NULL,
  tier TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('batch', 'console')),
  code TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  limits_json TEXT NOT NULL DEFAULT '{}',
  isolation TEXT NOT NULL,
  status TEXT NOT NULL,
  override_confirmed INTEGER NOT NULL DEFAULT 0,
  exit_code INTEGER,
  signal TEXT,
  wall_ms REAL,
  cpu_user_ms REAL,
  cpu_system_ms REAL,
  max_rss_kb INTEGER,
  output_bytes INTEGER NOT NULL DEFAULT 0,
  output_truncated INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL DEFAULT ${now},
  finished_at TEXT
);
CREATE INDEX executions_started ON executions(started_at);

-- Output stored in chunks as it arrives, so a console that reconnects mid-run can replay what it missed.
CREATE TABLE execution_output (
  execution_id INTEGER NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr', 'pty', 'stdin')),
  data BLOB NOT NULL,
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;

CREATE TABLE test_runs (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE CASCADE,
  execution_id INTEGER REFERENCES executions(id) ON DELETE SET NULL,
  framework TEXT NOT NULL,
  passed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  results_json TEXT NOT NULL DEFAULT '[]',
  duration_ms REAL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE quality_reports (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE CASCADE,
  path TEXT,
  score REAL NOT NULL,
  breakdown_json TEXT NOT NULL DEFAULT '{}',
  findings_json TEXT NOT NULL DEFAULT '[]',
  tool_versions_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'changes-requested', 'rejected')),
  comment TEXT,
  hunks_json TEXT NOT NULL DEFAULT '[]',
  reviewer TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE deployments (
  id INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  branch TEXT NOT NULL,
  target_path TEXT NOT NULL,
  mode TEXT NOT NULL,
  status TEXT NOT NULL,
  commit_sha TEXT,
  revert_sha TEXT,
  files_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT ${now}
);

-- The audit trail: append-only by construction.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT ${now},
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  subject_type TEXT,
  subject_id INTEGER,
  data_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_at ON events(at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
  SELECT RAISE(ABORT, 'the events table is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
  SELECT RAISE(ABORT, 'the events table is append-only');
END;
`,
};
