// The symbol search's full-text index keeps a prefix index for three-letter prefixes only. Its two-letter one cost
// ~1.4 s of the main thread's CPU while indexing the stdlib (every token of every docstring went in three times) and
// 24 MB of 278, and bought nothing: a name typed as a prefix is answered from the (project_id, name) index first, and
// over 1,000 queries on 348k symbols the p50/p95/max stayed 3.6–3.7 / 11.7–12.1 / 30–33 ms (docs/performance.md).
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'fts_prefix3',
  sql: `
DROP TABLE symbols_fts;
CREATE VIRTUAL TABLE symbols_fts USING fts5(
  name, qualified_name, name_words, signature, doc,
  content = 'symbols', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
  prefix = '3'
);
INSERT INTO symbols_fts(symbols_fts) VALUES ('rebuild');
`,
};
