// Approved library entries: code a person approved, kept with the spec's signature and examples so it can be found
// and verified again like the built-in entries.
import { SpecExample, SpecLanguage, type Spec } from '../../shared/spec';
import type { LibraryEntry } from '../library/entries';
import type { Db } from './db';

export type LibraryRepo = {
  add(input: { spec: Spec; body: string; artifactId: number | null }): LibraryEntry;
  list(): LibraryEntry[];
};

type Row = { id: number; language: string; name: string; summary: string; parameters_json: string; returns: string; body: string; examples_json: string };

function toEntry(row: Row): LibraryEntry {
  const examples = SpecExample.array().safeParse(JSON.parse(row.examples_json));
  return {
    id: `approved.${row.id}`,
    language: SpecLanguage.parse(row.language),
    name: row.name,
    aliases: [],
    summary: row.summary,
    synonyms: [],
    parameters: JSON.parse(row.parameters_json) as LibraryEntry['parameters'],
    returns: row.returns,
    body: row.body,
    examples: examples.success ? examples.data : [],
    origin: 'approved',
  };
}

export function createLibraryRepo(db: Db): LibraryRepo {
  const insert = db.prepare<[string, string, string, string, string, string, string, number | null], { id: number }>(
    `INSERT INTO library_entries (language, name, summary, parameters_json, returns, body, examples_json, artifact_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const select = db.prepare<[number], Row>('SELECT * FROM library_entries WHERE id = ?');
  // Rows of a language this version does not know are left alone, not failed on.
  const all = db.prepare<[], Row>("SELECT * FROM library_entries WHERE language IN ('python', 'typescript') ORDER BY id");
  return {
    add({ spec, body, artifactId }) {
      const summary = spec.description.split(/\n\s*\n/)[0]?.trim() || spec.name;
      const parameters = spec.parameters.map((parameter) => ({ name: parameter.name, type: parameter.type }));
      const id = insert.get(spec.language, spec.name, summary, JSON.stringify(parameters), spec.returns.type, body, JSON.stringify(spec.examples), artifactId)!.id;
      return toEntry(select.get(id)!);
    },
    list: () => all.all().map(toEntry),
  };
}
