// Code people approved joins the built-in library: one row per entry, found by intent and signature like the built-ins.
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'library',
  sql: `
CREATE TABLE library_entries (
  id INTEGER PRIMARY KEY,
  language TEXT NOT NULL,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  parameters_json TEXT NOT NULL,
  returns TEXT NOT NULL,
  body TEXT NOT NULL,
  examples_json TEXT NOT NULL DEFAULT '[]',
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX library_entries_name ON library_entries(language, name);
`,
};
