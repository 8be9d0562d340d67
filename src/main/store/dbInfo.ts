// What `ark db info` and the status bar report about the database: where it is, its schema, how much it holds.
import fs from 'node:fs';
import type { DbInfo } from '../../shared/app';
import { latestSchemaVersion, schemaVersion, type Db } from './db';

export function readDbInfo(db: Db, file: string): DbInfo {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    // Table names come from sqlite_schema itself, quoted, so this is not an injection point.
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  let sizeBytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      sizeBytes += fs.statSync(file + suffix).size;
    } catch {
      // A missing -wal file (or an in-memory database) simply adds nothing.
    }
  }
  return {
    path: file,
    schemaVersion: schemaVersion(db),
    appSchemaVersion: latestSchemaVersion,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    sizeBytes,
    counts,
  };
}
