// The built-in library service: finds implementations for a spec by intent (words) and by signature, adapts one to the
// spec's parameter names, and keeps code people approved. It never decides that code is right; the pipeline runs
// every candidate against the spec's examples and uses one only if it passes all of them.
import type { LibraryEntryInfo } from '../../shared/generation';
import { parseType, type Spec, type SpecLanguage, type TypeNode } from '../../shared/spec';
import type { LibraryRepo } from '../store/libraryRepo';
import { tsType } from '../templates/filters';
import { BUILTIN_ENTRIES, type LibraryEntry } from './entries';
import { TYPESCRIPT_ENTRIES } from './typescriptEntries';

export type { LibraryEntry } from './entries';

export type Candidate = { entry: LibraryEntry; score: number; nameMatch: boolean };

export type Library = {
  entries(language?: SpecLanguage): LibraryEntry[];
  list(language?: SpecLanguage): LibraryEntryInfo[];
  /** Entries whose signature fits the spec and that share meaningful words with it (or its name), best first. */
  candidates(spec: Spec, limit?: number): Candidate[];
  /**
   * For a spec without examples: the one entry whose name (or alias) and signature both match closely and whose task
   * has a single reasonable reading, or undefined.
   */
  closeMatch(spec: Spec): LibraryEntry | undefined;
  /** The entry's body, made to fit the spec's parameter names. */
  bodyFor(entry: LibraryEntry, spec: Spec): string;
  /** Adds code a person approved (the review calls this); it is found like the built-in entries from then on. */
  addApproved(input: { spec: Spec; body: string; artifactId: number | null }): LibraryEntry;
};

// Words that say nothing about which task is meant: verbs of asking and the most generic nouns.
const STOPWORDS = new Set(
  ('a an the of to in on for and or with from by is are be that this it its as at if into than then otherwise ' +
    'return returns create write make function func def compute calculate find get give check whether determine ' +
    'given number numbers value values list lists item items string strings str text int integer float true false ' +
    'two one each every all new using use which what when should given input output result').split(' '),
);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Meaningful, stemmed words of a text or an identifier (snake_case and camelCase split). */
export function intentWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
}

// Leading verbs a name may carry without changing what it names: find_max and max, get_age and age.
const NAME_VERBS = /^(find|get|compute|calculate|return|determine|convert|make|create)_/;

/** A function name without a leading verb, in lower case; what close name matches compare. */
export function normalizeName(name: string): string {
  const lower = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return lower.replace(NAME_VERBS, '');
}

type Shape = 'number' | 'bool' | 'str' | 'none' | 'any' | `list<${string}>` | `set<${string}>` | `dict<${string}>` | `tuple<${string}>` | 'other';

function shape(node: TypeNode): Shape {
  switch (node.kind) {
    case 'scalar':
      return node.name === 'int' || node.name === 'float' ? 'number' : node.name === 'Any' ? 'any' : node.name === 'None' ? 'none' : node.name;
    case 'list':
      return `list<${shape(node.of)}>`;
    case 'set':
      return `set<${shape(node.of)}>`;
    case 'dict':
      return `dict<${shape(node.key)},${shape(node.value)}>`;
    case 'tuple':
      return `tuple<${node.items.map(shape).join(',')}${node.variadic ? ',...' : ''}>`;
    default:
      return 'other';
  }
}

/** Whether a spec type and an entry type describe the same kind of value (int and float both count as numbers; Any matches anything inside). */
export function typesFit(specType: string, entryType: string): boolean {
  let spec: string;
  let entry: string;
  try {
    spec = shape(parseType(specType));
    entry = shape(parseType(entryType));
  } catch {
    return false;
  }
  if (spec === 'other' || entry === 'other') return false;
  const pattern = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&').replace(/any/g, '.+')}$`);
  return spec === entry || pattern(spec).test(entry) || pattern(entry).test(spec);
}

function signatureFits(spec: Spec, entry: LibraryEntry): boolean {
  if (spec.language !== entry.language) return false;
  if (spec.parameters.some((parameter) => (parameter.kind ?? 'positional') !== 'positional')) return false;
  if (spec.parameters.length !== entry.parameters.length) return false;
  if (!spec.parameters.every((parameter, index) => typesFit(parameter.type, entry.parameters[index]!.type))) return false;
  return typesFit(spec.returns.type, entry.returns) || spec.returns.type === 'Any';
}

// A close match without examples needs the same number kinds too: a spec returning int must not get an entry that
// returns float (an average), while a float spec may get an entry written for int (Python widens the result itself).
function closeTypes(spec: Spec, entry: LibraryEntry): boolean {
  const canonical = (text: string): string => {
    try {
      return JSON.stringify(parseType(text.replace(/\bint\b/g, 'float')));
    } catch {
      return text;
    }
  };
  if (/\bint\b/.test(spec.returns.type) && /\bfloat\b/.test(entry.returns)) return false;
  // A spec that leaves the element type open (merge two sorted lists: list[Any]) takes an entry that names it; the
  // signature already fits (signatureFits), and the entry's own examples become the tests.
  if (/\bAny\b/.test(spec.returns.type)) return true;
  return canonical(spec.returns.type) === canonical(entry.returns) || spec.returns.type === entry.returns;
}

/**
 * Without examples, nothing shows which argument is which when two parameters have the same kind of type
 * (days_in_month(year, month), percentage(part, whole)): then the spec must use the entry's own parameter names.
 */
function orderIsClear(spec: Spec, entry: LibraryEntry): boolean {
  if (entry.symmetric) return true;
  const shapes = entry.parameters.map((parameter) => {
    try {
      return shape(parseType(parameter.type));
    } catch {
      return parameter.type;
    }
  });
  if (new Set(shapes).size === shapes.length) return true;
  return entry.parameters.every((parameter, index) => parameter.name === spec.parameters[index]?.name);
}

function entryNames(entry: LibraryEntry): Set<string> {
  return new Set([entry.name, ...entry.aliases].map(normalizeName));
}

function toInfo(entry: LibraryEntry): LibraryEntryInfo {
  return {
    id: entry.id,
    name: entry.name,
    language: entry.language,
    summary: entry.summary,
    signature: `${entry.name}(${entry.parameters.map((parameter) => `${parameter.name}: ${parameter.type}`).join(', ')}) -> ${entry.returns}`,
    origin: entry.origin,
    exampleCount: entry.examples.length,
  };
}

export function createLibrary(deps: { repo?: LibraryRepo; builtin?: LibraryEntry[] } = {}): Library {
  const builtin = deps.builtin ?? [...BUILTIN_ENTRIES, ...TYPESCRIPT_ENTRIES];
  const all = (): LibraryEntry[] => [...builtin, ...(deps.repo?.list() ?? [])];

  const documentWords = (entry: LibraryEntry): { strong: Set<string>; weak: Set<string> } => ({
    strong: new Set([entry.name, ...entry.aliases, ...entry.synonyms].flatMap(intentWords)),
    weak: new Set(intentWords(entry.summary)),
  });

  return {
    entries: (language) => all().filter((entry) => language === undefined || entry.language === language),
    list: (language) => all().filter((entry) => language === undefined || entry.language === language).map(toInfo),

    candidates(spec, limit = 6) {
      const entries = all();
      const documents = entries.map(documentWords);
      // Inverse document frequency: a word most entries share (e.g. "list") says little about which one is meant.
      const frequency = new Map<string, number>();
      for (const document of documents) for (const word of new Set([...document.strong, ...document.weak])) frequency.set(word, (frequency.get(word) ?? 0) + 1);
      const idf = (word: string): number => Math.log(1 + entries.length / (frequency.get(word) ?? entries.length));
      const query = new Set([...intentWords(spec.name), ...intentWords(spec.description), ...intentWords(spec.returns.description ?? '')]);
      const specName = normalizeName(spec.name);
      const found: Candidate[] = [];
      entries.forEach((entry, index) => {
        if (!signatureFits(spec, entry)) return;
        const document = documents[index]!;
        let score = 0;
        for (const word of query) {
          if (document.strong.has(word)) score += 2 * idf(word);
          else if (document.weak.has(word)) score += idf(word);
        }
        const nameMatch = entryNames(entry).has(specName);
        if (nameMatch) score += 10;
        if (score > 0) found.push({ entry, score, nameMatch });
      });
      return found.sort((a, b) => b.score - a.score).slice(0, limit);
    },

    closeMatch(spec) {
      const specName = normalizeName(spec.name);
      const matches = all().filter(
        (entry) => !entry.ambiguous && entryNames(entry).has(specName) && signatureFits(spec, entry) && closeTypes(spec, entry) && orderIsClear(spec, entry),
      );
      // Two different entries claiming one name means the name alone does not decide: leave it to examples.
      return matches.length === 1 ? matches[0] : undefined;
    },

    bodyFor(entry, spec) {
      const from = entry.parameters.map((parameter) => parameter.name);
      const to = spec.parameters.map((parameter) => parameter.name);
      if (from.every((name, index) => name === to[index])) return entry.body;
      if (entry.language === 'typescript') {
        // A body cannot redeclare a parameter's name in TypeScript, so the entry runs as an inner function under its
        // own names, called with the spec's arguments (swapped names stay right, as with Python's assignment).
        const parameters = entry.parameters.map((parameter) => `${parameter.name}: ${tsType(parameter.type)}`).join(', ');
        const body = entry.body.replace(/^(?=.)/gm, '  ');
        return `return ((${parameters}): ${tsType(entry.returns)} => {\n${body}\n})(${to.join(', ')});`;
      }
      // One simultaneous assignment renames every parameter at once, so swapped names (a, b ← b, a) stay right.
      return `${from.join(', ')} = ${to.join(', ')}\n${entry.body}`;
    },

    addApproved({ spec, body, artifactId }) {
      if (!deps.repo) throw new Error('The library has no store for approved code.');
      return deps.repo.add({ spec, body, artifactId });
    },
  };
}
