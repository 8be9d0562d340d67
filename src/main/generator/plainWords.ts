// Plain words → spec: a small deterministic grammar (verb + object + prepositional phrases) over the vocabulary tables.
import { ArkError } from '../../shared/errors';
import { isIdentifier, Spec, specGaps, type SpecExample, type SpecLanguage, type SpecValue } from '../../shared/spec';
import { camelCase } from '../templates/filters';
import { readInlineExamples } from './signatureImport';
import {
  AGENT_NOUNS,
  ARTICLES,
  CONCEPT_INPUTS,
  CONNECTORS,
  CONSTANT_NOUNS,
  CONVERT_VERBS,
  COUNT_WORDS,
  CREATE_VERBS,
  FUNCTION_ADJECTIVES,
  FUNCTION_NOUNS,
  INTEGER_HINTS,
  LIST_RESULTS,
  NOMINAL_PREDICATES,
  NOUNS,
  POLITE,
  PREDICATE_SUBJECTS,
  PREDICATE_VERBS,
  PREPOSITIONS,
  PYTHON_BUILTINS,
  REAL_HINTS,
  RESULT_TYPES,
  RESULT_VERBS,
  SELECTORS,
  SHAPES,
  SILENT_RESULT_VERBS,
  SKIPPABLE_CREATE_VERBS,
  TRANSFORM_VERBS,
  UNITS,
  singular,
  verbBase,
  type NounInfo,
} from './vocabulary';

/** One thing the parser decided, and why, so the UI can show it and let the user correct it. */
export type Inference = { field: string; value: string; reason: string };

export type ParsedRequest = {
  spec: Spec;
  inferred: Inference[];
  /** 0..1: how much of the request the grammar understood. Below 0.5 the spec is a guess to be checked. */
  confidence: number;
  warnings: string[];
};

const MAX_REQUEST = 2000;

type Param = { name: string; type: string; description: string; reason: string; guessed: boolean; explicit: boolean };

type Draft = {
  strategy: 'predicate' | 'result' | 'transform' | 'convert' | 'fallback';
  nameWords: string[];
  nameReason: string;
  params: Param[];
  returnType: string;
  returnReason: string;
  returnGuessed: boolean;
  returnDescription: string;
  /** A description written by the strategy, when the request's own words would read badly. */
  description?: string;
};

/** intHint/realHint: a word in the request that says whole or real numbers ("prime", "average"). */
type Context = { intHint: string | undefined; realHint: string | undefined; penalties: number };

/* ---------------------------------------------------------------------------------------------------------------
 * Entry point.
 * ------------------------------------------------------------------------------------------------------------- */

/** Turns a request such as "check if a number is prime" into a spec, saying what it inferred and how sure it is. */
export function parseRequest(text: string, language: SpecLanguage = 'python'): ParsedRequest {
  const request = validateRequest(text);
  const warnings: string[] = [];
  const inferred: Inference[] = [];

  const inline = readInlineExamples(request);
  const withoutExamples = inline.remaining;
  const { main, rest } = splitSentences(withoutExamples);
  const explicitName = /\b(?:called|named)\s+[`'"]?([A-Za-z_][A-Za-z0-9_]*)/.exec(main)?.[1];
  // Manner phrases become constraints and leave the grammar's way: "ignoring case", "while keeping the order".
  const tokens = tokenize(main.replace(/\b(?:called|named)\s+[`'"]?[A-Za-z_][A-Za-z0-9_]*[`'"]?/, ' ').replace(MANNER, ' '));
  const context: Context = {
    intHint: tokens.find((token) => INTEGER_HINTS.has(token)),
    realHint: tokens.find((token) => REAL_HINTS.has(token)),
    penalties: 0,
  };
  const constraints = [...extractConstraints(tokens, main), ...rest.filter(isConstraint).map(sentenceCase)];
  const details = rest.filter((sentence) => !isConstraint(sentence)).map(sentenceCase);
  const core = stripPreamble(stripTrailing(tokens));

  let draft = dispatch(core, context);
  const understood = draft.strategy !== 'fallback';
  const known = tokens.filter((token) => isKnownWord(token)).length;
  const unknownRatio = tokens.length === 0 ? 1 : 1 - known / tokens.length;

  // Examples written inline ("is_prime(7) -> True") name the function and fix the argument count.
  const examples: SpecExample[] = [];
  let name = draft.nameWords.join('_');
  let nameReason = draft.nameReason;
  const callees = [...new Set(inline.examples.map((example) => example.callee))];
  if (explicitName) {
    name = explicitName;
    nameReason = `named explicitly (${explicitName})`;
  } else if (callees.length === 1 && callees[0] && inline.examples.length > 0) {
    name = callees[0];
    nameReason = `the examples call ${callees[0]}(...)`;
  }
  for (const problem of inline.problems) warnings.push(problem);
  if (inline.examples.length > 0) {
    const counts = new Set(inline.examples.map((example) => example.args.length));
    const [count] = [...counts];
    if (counts.size === 1 && count !== undefined && count !== draft.params.length) {
      draft = { ...draft, params: fitParameters(draft.params, count, inline.examples.map((example) => example.args)) };
      inferred.push({ field: 'parameters', value: `${count}`, reason: `the examples pass ${count} argument${count === 1 ? '' : 's'}` });
    }
    for (const example of inline.examples) {
      if (example.args.length !== draft.params.length) {
        warnings.push(`The example ${example.text} passes ${example.args.length} arguments; the spec has ${draft.params.length}. Left out.`);
        continue;
      }
      examples.push(example.kwargs ? { args: example.args, kwargs: example.kwargs, expected: example.expected } : { args: example.args, expected: example.expected });
    }
    refineFromExamples(draft, examples);
  }

  name = finalName(name, draft, language);
  const params = uniqueNames(draft.params).map((param) => ({ ...param, name: finalIdentifier(param.name, language, 'value') }));

  inferred.push({ field: 'name', value: name, reason: nameReason });
  params.forEach((param, index) => {
    inferred.push({ field: `parameters[${index}]`, value: `${param.name}: ${param.type}`, reason: param.reason });
  });
  inferred.push({ field: 'returns.type', value: draft.returnType, reason: draft.returnReason });

  let confidence = understood ? 0.95 : inline.examples.length > 0 ? 0.7 : 0.25;
  confidence -= context.penalties;
  confidence -= unknownRatio * 0.3;
  for (const param of params) if (param.guessed) confidence -= param.type === 'Any' ? 0.15 : 0.05;
  if (draft.returnGuessed) confidence -= draft.returnType === 'Any' ? 0.2 : 0.05;
  if (params.length === 0) confidence -= 0.2;
  if (inline.examples.length > 0) confidence += 0.05;
  confidence = Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100;

  if (!understood && inline.examples.length === 0) warnings.push('The request was not understood as a known kind of function; the name, parameters and types are guesses.');
  else if (!understood) warnings.push('The function is described only by its examples; check the parameter names and add a description.');
  else if (confidence < 0.5) warnings.push('Parts of the request were not understood; check the name, parameters and types.');
  // What the spec still lacks, worded once in shared/spec.ts: the Specs view recomputes it as the spec is edited.
  warnings.push(...specGaps({ parameters: params, returns: { type: draft.returnType }, examples }));

  // TypeScript's booleans are lower-case; a description that names them follows the language.
  if (language === 'typescript') draft.returnDescription = draft.returnDescription.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
  const description = [describe(core, draft, main), ...details].filter(Boolean).join('\n\n');
  const candidate = {
    name,
    language,
    description,
    parameters: params.map((param) => ({ name: param.name, type: param.type, description: param.description })),
    returns: { type: draft.returnType, description: draft.returnDescription },
    examples,
    constraints: constraints.slice(0, 100),
    tier: 'sandbox' as const,
  };
  const parsed = Spec.safeParse(candidate);
  if (parsed.success) return { spec: parsed.data, inferred, confidence, warnings };
  // The grammar should always produce a valid spec; if a corner case slips through, degrade instead of failing.
  const issue = parsed.error.issues[0];
  warnings.push(`The inferred spec was not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}); a minimal one is shown instead.`);
  const fallback = Spec.parse({
    name: language === 'python' ? 'my_function' : 'myFunction',
    language,
    description: sentenceCase(main).slice(0, 20_000),
    parameters: [{ name: 'value', type: 'Any' }],
    returns: { type: 'Any' },
    examples: [],
    constraints: [],
    tier: 'sandbox',
  });
  return { spec: fallback, inferred, confidence: 0.05, warnings };
}

function isBinaryCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x09 || code === 0x0b || (code > 0x0d && code < 0x20) || code === 0x7f || code === 0xfffd;
}

function validateRequest(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ArkError('invalid-input', 'Describe the function in a few words, for example "check if a number is prime".');
  }
  if (text.length > MAX_REQUEST) {
    throw new ArkError('invalid-input', `The request is ${text.length.toLocaleString('en')} characters; describe the function in under 2,000 (import code through "Import from signature" instead).`);
  }
  // NUL and other C0 controls (tab and line breaks aside) or U+FFFD mean binary data or a mis-decoded file, not words.
  if ([...text].some(isBinaryCharacter)) {
    throw new ArkError('invalid-input', 'The request contains control characters or undecodable bytes; type or paste plain text.');
  }
  return text.trim();
}

/* ---------------------------------------------------------------------------------------------------------------
 * Text handling.
 * ------------------------------------------------------------------------------------------------------------- */

function splitSentences(text: string): { main: string; rest: string[] } {
  // Abbreviation dots become a private-use character while splitting, so "e.g. x" does not end a sentence.
  const protectedText = text.replace(/\b(e\.g|i\.e|etc|vs)\./gi, (match) => match.replace(/\./g, '\ue000'));
  const sentences = protectedText
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((sentence) => sentence.replace(/\ue000/g, '.').trim())
    .filter((sentence) => /[A-Za-z]/.test(sentence));
  const [main = text, ...rest] = sentences;
  return { main: main.replace(/[.!?;]+$/, ''), rest };
}

function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/\b(\w+)'s\b/g, '$1')
      .replace(/\bn-th\b/g, 'nth')
      .replace(/\bk-th\b/g, 'kth')
      .replace(/\b2-d\b|\b2d\b/g, 'matrix')
      .replace(/\bwhether or not\b/g, 'whether')
      .replace(/\bor not\b/g, '')
      .replace(/\bup to\b/g, 'upto')
      .replace(/\bless than\b|\bsmaller than\b|\blower than\b/g, 'below')
      .replace(/\bgreater than\b|\bbigger than\b|\blarger than\b|\bmore than\b/g, 'above')
      .replace(/\broman numerals?\b/g, 'roman')
      .replace(/\bupper ?case\b|\bcapital letters\b/g, 'uppercase')
      .replace(/\blower ?case\b|\bsmall letters\b/g, 'lowercase')
      .replace(/\btitle ?case\b/g, 'titlecase')
      .replace(/\bcamel ?case\b/g, 'camelcase')
      .replace(/\bsnake ?case\b/g, 'snakecase')
      .replace(/\bwhite ?space\b/g, 'whitespace')
      .replace(/\bmorse code\b/g, 'morse')
      .replace(/\bgreatest common (?:divisor|factor)\b/g, 'gcd')
      .replace(/\bleast common multiple\b|\blowest common multiple\b/g, 'lcm')
      .replace(/\bsquare root\b/g, 'sqrt')
      .replace(/\bstandard deviation\b/g, 'deviation')
      .replace(/\bfizz ?buzz\b/g, 'fizzbuzz')
      .replace(/\bemail address\b/g, 'email')
      .replace(/\bfile ?name\b/g, 'filename')
      .match(/[a-z0-9_]+(?:-[a-z0-9]+)*|,/g) ?? []
  );
}

function isKnownWord(token: string): boolean {
  const base = singular(token);
  return (
    token === ',' ||
    ARTICLES.has(token) ||
    CONNECTORS.has(token) ||
    POLITE.has(token) ||
    PREPOSITIONS.has(token) ||
    FUNCTION_NOUNS.has(token) ||
    FUNCTION_ADJECTIVES.has(token) ||
    token in COUNT_WORDS ||
    base in NOUNS ||
    base in UNITS ||
    base in RESULT_TYPES ||
    base in LIST_RESULTS ||
    base in PREDICATE_SUBJECTS ||
    base in CONCEPT_INPUTS ||
    base in AGENT_NOUNS ||
    SELECTORS.has(token) ||
    CONSTANT_NOUNS.has(token) ||
    verbBase(token) !== undefined ||
    /^(is|are|has|have|if|whether|not|only|of|i|we|you|me|want|need|like|would|its|each|other|another|upto|below|above|true|false|order|ascending|descending|times|sorted|valid|n|k|m|x|y|a|b|nth|kth)$/.test(token) ||
    /^\d+$/.test(token)
  );
}

function stripTrailing(tokens: string[]): string[] {
  const out = [...tokens];
  for (;;) {
    const last = out[out.length - 1];
    const previous = out[out.length - 2];
    if (last === undefined) return out;
    if (POLITE.has(last) || last === ',' || last === 'recursively' || last === 'efficiently') out.pop();
    else if (previous && /^(in|using|with)$/.test(previous) && /^(python|python3|typescript|javascript|ts|js|recursion)$/.test(last)) out.splice(-2, 2);
    else if (previous === 'for' && last === 'me') out.splice(-2, 2);
    else return out;
  }
}

function stripPreamble(tokens: string[]): string[] {
  let index = 0;
  const at = (offset = 0): string => tokens[index + offset] ?? '';
  for (let guard = 0; guard < 20 && index < tokens.length; guard += 1) {
    const start = index;
    if (POLITE.has(at()) || at() === ',') index += 1;
    else if (/^(can|could|would|will)$/.test(at()) && at(1) === 'you') index += 2;
    else if (/^(i|we)$/.test(at()) && /^(want|need|would|wanna|am|'d)$/.test(at(1))) {
      index += 2;
      while (/^(like|love|looking|for|you|to)$/.test(at())) index += 1;
    } else if (/^(help|let)$/.test(at()) && /^(me|us)$/.test(at(1))) index += 2;
    else if (at() === 'lets' || at() === "let's") index += 1;
    else if (CREATE_VERBS.has(at())) {
      let look = index + 1;
      while (/^(me|us)$/.test(tokens[look] ?? '') || ARTICLES.has(tokens[look] ?? '') || FUNCTION_ADJECTIVES.has(tokens[look] ?? '')) look += 1;
      if (FUNCTION_NOUNS.has(tokens[look] ?? '')) index = look + 1;
      else if (findFunctionNoun(tokens, look) !== undefined) {
        // "write a fibonacci function": the words before "function" are the request.
        const end = findFunctionNoun(tokens, look) ?? look;
        return [...tokens.slice(look, end), ...stripConnectors(tokens.slice(end + 1))];
      } else if (SKIPPABLE_CREATE_VERBS.has(at()) || at() === 'need' || ((at() === 'give' || at() === 'show' || at() === 'get') && at(1) === 'me')) {
        index = look;
      }
    } else if (FUNCTION_NOUNS.has(at()) || FUNCTION_ADJECTIVES.has(at()) || (ARTICLES.has(at()) && at() !== 'given')) index += 1;
    else if (CONNECTORS.has(at()) && index > 0) index += 1;
    else if (/^(in)$/.test(at()) && /^(python|typescript|javascript)$/.test(at(1))) index += 2;
    if (index === start) break;
  }
  return tokens.slice(index);
}

function findFunctionNoun(tokens: string[], from: number): number | undefined {
  for (let index = from; index < Math.min(tokens.length, from + 5); index += 1) {
    const token = tokens[index] ?? '';
    if (FUNCTION_NOUNS.has(token) && index > from) return index;
    if (CONNECTORS.has(token) || verbBase(token) !== undefined) return undefined;
  }
  return undefined;
}

function stripConnectors(tokens: string[]): string[] {
  let index = 0;
  while (index < tokens.length && (CONNECTORS.has(tokens[index] ?? '') || tokens[index] === ',')) index += 1;
  return tokens.slice(index);
}

const MANNER =
  /,?\s*\b(?:(?:while|and)\s+)?(?:ignoring|ignore)\s+(?:the\s+)?(?:letter\s+)?case\b|\bcase[- ]insensitive(?:ly)?\b|,?\s*\b(?:(?:while|and)\s+)?(?:keeping|preserving|maintaining)\s+(?:the\s+)?(?:original\s+)?order\b/gi;

const CONSTRAINT_WORDS = /\b(should|must|shouldn't|mustn't|don't|do not|never|without|only|ignore|ignoring|assume|handle|raise|throw|in o\(|case[- ]insensitive|case[- ]sensitive|recursion|recursive|no built-?ins?)\b/i;

function isConstraint(sentence: string): boolean {
  return CONSTRAINT_WORDS.test(sentence);
}

function extractConstraints(tokens: string[], main: string): string[] {
  const constraints: string[] = [];
  if (tokens.includes('recursive') || tokens.includes('recursively') || main.toLowerCase().includes('using recursion')) constraints.push('Use recursion.');
  if (tokens.includes('iterative') || tokens.includes('iteratively')) constraints.push('Do not use recursion.');
  const without = /\bwithout\s+([^,.;]+)/i.exec(main);
  if (without?.[1]) constraints.push(sentenceCase(`Without ${without[1].trim()}`));
  if (/\bcase[- ]insensitive(ly)?\b|\bignor(e|ing) (the )?(letter )?case\b/i.test(main)) constraints.push('Ignore letter case.');
  if (/\b(keeping|preserving|maintaining) (the )?(original )?order\b/i.test(main)) constraints.push('Keep the original order.');
  return constraints;
}

function sentenceCase(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Grammar: dispatch on the first word, then read the object and its prepositional phrases.
 * ------------------------------------------------------------------------------------------------------------- */

function dispatch(tokens: string[], context: Context): Draft {
  const clean = tokens.filter((token) => token !== ',' || tokens.length > 1);
  if (clean.length === 0) return fallback(tokens, context);

  // "takes a list of numbers and returns their sum": inputs first, then a verb phrase.
  const takes = takesClause(clean, context);
  if (takes) return takes;

  const first = clean[0] ?? '';
  const verb = verbBase(first);
  const rest = clean.slice(1);
  if (first === 'return' || first === 'returns') {
    if (/^(true|whether|if)$/.test(rest[0] ?? '') || (rest[0] === 'a' && rest[1] === 'boolean')) {
      const clause = dropUntil(rest, ['if', 'whether', 'when', 'iff', 'that']);
      return predicate(clause, context, 'check');
    }
  }
  if (/^(is|are|has|have|contains)$/.test(first)) return predicate(clean, context, 'check');
  if (verb && PREDICATE_VERBS.has(verb) && /^(if|whether|that|wether)$/.test(rest[0] ?? '')) return predicate(rest.slice(1), context, verb);
  if (verb === 'find' && rest[0] === 'out' && /^(if|whether)$/.test(rest[1] ?? '')) return predicate(rest.slice(2), context, 'check');
  if (verb && (verb === 'validate' || verb === 'verify' || verb === 'detect' || verb === 'check' || verb === 'test')) return predicate(rest, context, verb);
  if (verb && CONVERT_VERBS.has(verb) && rest.some((token) => token === 'to' || token === 'into')) return conversion(rest, context);
  if (verb && TRANSFORM_VERBS.has(verb)) return transform(verb, rest, context);
  if (verb && RESULT_VERBS.has(verb)) return result(verb, rest, context);
  if (verb && CONVERT_VERBS.has(verb)) return transform(verb, rest, context);
  return nominal(clean, context);
}

function dropUntil(tokens: string[], markers: string[]): string[] {
  const index = tokens.findIndex((token) => markers.includes(token));
  return index === -1 ? tokens : tokens.slice(index + 1);
}

function takesClause(tokens: string[], context: Context): Draft | undefined {
  const first = tokens[0] ?? '';
  const given = first === 'given';
  if (!given && !/^(takes?|accepts?|receives?|gets)$/.test(first)) return undefined;
  const start = tokens[1] === 'in' ? 2 : 1;
  for (let index = start + 1; index < tokens.length; index += 1) {
    const word = tokens[index] ?? '';
    const verb = verbBase(word);
    if (!verb || !/^(and|then|,|it|them|input|inputs)$/.test(tokens[index - 1] ?? '')) continue;
    if (!(RESULT_VERBS.has(verb) || TRANSFORM_VERBS.has(verb) || PREDICATE_VERBS.has(verb) || CONVERT_VERBS.has(verb))) continue;
    let end = index;
    while (end > start && /^(and|then|,|it|as|input)$/.test(tokens[end - 1] ?? '')) end -= 1;
    const inputs = argumentList(tokens.slice(start, end), context);
    if (inputs.length === 0) return undefined;
    let remainder = tokens.slice(index);
    // "and returns their sum" / "returns the sum of them": the pronoun points back at the inputs.
    remainder = remainder.filter((token) => !/^(their|them|its|it)$/.test(token));
    const inner = dispatch(remainder, context);
    const keep = inner.params.filter((param) => param.explicit || !inputs.some((input) => input.type === param.type));
    return {
      ...inner,
      params: [...inputs, ...keep.filter((param) => param.explicit)],
      nameReason: `${inner.nameReason}; inputs from "${tokens.slice(start, end).join(' ')}"`,
      description: sentenceCase(tokens.filter((token) => token !== ',').join(' ')),
    };
  }
  return undefined;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Noun phrases and arguments.
 * ------------------------------------------------------------------------------------------------------------- */

type Phrase = {
  words: string[];
  params: Param[];
  /** The noun the phrase is about (singular), if it is in the noun table. */
  head?: string;
  headInfo?: NounInfo;
  indefinite: boolean;
  selector: boolean;
  constant: boolean;
  count: number;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function isIdentifierToken(token: string, position: number): boolean {
  if (!IDENTIFIER.test(token)) return false;
  if (token === 'a' && position === 0) return false;
  if (token.length === 1) return true;
  return token.includes('_') && !isKnownWord(token);
}

function numberType(context: Context, plural: boolean): { type: string; reason: string } {
  if (context.intHint && !context.realHint) return { type: 'int', reason: `"${context.intHint}" is about whole numbers` };
  if (context.realHint && !context.intHint) return { type: 'float', reason: `"${context.realHint}" is about real numbers` };
  return plural ? { type: 'float', reason: '"numbers" without more detail: assumed real numbers' } : { type: 'int', reason: '"a number": assumed a whole number' };
}

function typeOfNoun(word: string, info: NounInfo, context: Context, plural: boolean): { type: string; guessed: boolean; reason: string } {
  if ((word === 'number' || word === 'num') && info.type === 'int') {
    const picked = numberType(context, plural);
    return { type: picked.type, guessed: !(context.intHint || context.realHint), reason: `"${word}" → ${picked.type}: ${picked.reason}` };
  }
  return { type: info.type, guessed: info.type === 'Any', reason: `"${word}" → ${info.type}` };
}

/** Reads a noun phrase: determiners, count, adjectives, a head noun (maybe a container "of" elements), explicit names. */
function nounPhrase(tokens: string[], context: Context, asElements = false): Phrase {
  const phrase: Phrase = { words: [], params: [], indefinite: false, selector: false, constant: false, count: 1 };
  const explicit: string[] = [];
  let type: { type: string; guessed: boolean; reason: string } | undefined;
  let paramName: string | undefined;
  let description = '';
  // "n characters", "k times": a letter that counts the plural noun after it is a whole number of its own.
  const counts: Param[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const base = singular(token);
    const counted = tokens[index + 1];
    if (/^[nkm]$/.test(token) && counted !== undefined && (counted === 'times' || (NOUNS[singular(counted)] !== undefined && singular(counted) !== counted))) {
      counts.push({ name: token, type: 'int', description: counted === 'times' ? 'How many times.' : `The number of ${counted}.`, reason: `"${token} ${counted}" counts ${counted}`, guessed: false, explicit: true });
      index += 1;
      continue;
    }
    if (token in COUNT_WORDS && !phrase.head) {
      phrase.count = COUNT_WORDS[token] ?? 1;
      phrase.indefinite = true;
      continue;
    }
    if (ARTICLES.has(token) && !phrase.head) {
      if (/^(a|an|given|some|any|input|provided|another|arbitrary|certain|specified)$/.test(token)) phrase.indefinite = true;
      if (/^(each|every|all)$/.test(token)) phrase.selector = phrase.selector || token !== 'all';
      continue;
    }
    if (/^(another|other|second)$/.test(token) && !phrase.head) {
      phrase.indefinite = true;
      continue;
    }
    if (CONSTANT_NOUNS.has(token) && !phrase.head) {
      phrase.constant = true;
      phrase.words.push(token);
      continue;
    }
    const info = NOUNS[base];
    const next = tokens[index + 1];
    // "decimal number", "binary string": the last noun is the head, earlier ones describe it.
    if (info && !phrase.head && next !== undefined && next !== 'of' && NOUNS[singular(next)] && !info.container) {
      phrase.words.push(token);
      continue;
    }
    if (info && !phrase.head) {
      phrase.head = base;
      phrase.headInfo = info;
      phrase.words.push(token);
      const plural = base !== token;
      if (info.container && tokens[index + 1] === 'of') {
        const element = nounPhrase(tokens.slice(index + 2), context, true);
        const elementParam = element.params[0];
        const elementType = element.headInfo ? (elementParam?.type ?? 'Any') : 'Any';
        type = { type: containerType(info, elementType), guessed: elementType === 'Any' || (elementParam?.guessed ?? true), reason: `"${tokens.slice(index).join(' ')}" → ${containerType(info, elementType)}${elementParam && element.headInfo ? ` (${elementParam.reason})` : ''}` };
        paramName = element.head && !element.headInfo?.generic ? pluralName(element.params[0]?.name ?? element.head, element.head) : element.head ? pluralName(element.head, element.head) : info.name;
        if (element.head === 'number' || element.head === 'integer' || element.head === 'int' || element.head === 'float' || element.head === 'decimal') paramName = 'numbers';
        if (element.head === 'string' || element.head === 'str') paramName = 'strings';
        explicit.push(...element.params.filter((param) => param.explicit).map((param) => param.name));
        phrase.words.push('of', ...element.words);
        description = `The ${tokens.slice(index).join(' ')}.`;
        break;
      }
      type = info.container ? { type: containerType(info, 'Any'), guessed: true, reason: `"${token}" with no element type → ${containerType(info, 'Any')}` } : typeOfNoun(base, info, context, asElements && plural);
      if (info === NOUNS.number || info === NOUNS.num) {
        const modifiers = phrase.words.slice(0, -1);
        if (modifiers.some((word) => /^(decimal|real|floating|float|fractional)$/.test(word))) type = { type: 'float', guessed: false, reason: `"${modifiers.join(' ')} ${token}" → float` };
        if (modifiers.some((word) => /^(whole|natural|integer|positive|non-negative|prime|even|odd)$/.test(word))) type = { type: 'int', guessed: false, reason: `"${modifiers.join(' ')} ${token}" → int` };
      }
      paramName = info.name;
      description = `The ${tokens.slice(Math.max(0, index - 1), index + 1).filter((word) => !ARTICLES.has(word)).join(' ')}.`;
      continue;
    }
    if (phrase.head && isIdentifierToken(token, index)) {
      explicit.push(token);
      continue;
    }
    if (!phrase.head) {
      if (SELECTORS.has(token)) phrase.selector = true;
      if (isIdentifierToken(token, index) && token.length === 1) {
        explicit.push(token);
        continue;
      }
      phrase.words.push(token);
    }
  }
  if (!type && explicit.length > 0) {
    // Bare names ("of n", "x and y"): single letters that usually count things are ints.
    const first = explicit[0] ?? 'x';
    const isCount = /^[nkmij]$/.test(first);
    const picked = isCount ? { type: 'int', reason: `"${first}" usually names a whole number` } : numberType(context, false);
    type = { type: picked.type, guessed: !isCount, reason: isCount ? picked.reason : `"${first}": a bare name, assumed a number` };
  }
  if (!type) {
    phrase.params.push(...counts);
    return phrase;
  }
  const names = explicit.length > 0 ? explicit : phrase.count > 1 ? defaultNames(paramName ?? 'value', phrase.count, phrase.headInfo?.generic ?? true) : [paramName ?? 'value'];
  const total = Math.max(phrase.count, names.length);
  for (let position = 0; position < total; position += 1) {
    const name = names[position] ?? `${names[0] ?? 'value'}${position + 1}`;
    phrase.params.push({ name, type: type.type, description: description || `The ${name}.`, reason: type.reason, guessed: type.guessed, explicit: explicit.includes(name) });
  }
  phrase.params.push(...counts);
  return phrase;
}

function containerType(info: NounInfo, element: string): string {
  switch (info.container) {
    case 'set':
      return `set[${element}]`;
    case 'dict':
      return `dict[str, ${element}]`;
    case 'matrix':
      return `list[list[${element === 'Any' ? 'int' : element}]]`;
    case 'tuple':
      return `tuple[${element}, ...]`;
    default:
      return `list[${element}]`;
  }
}

function pluralName(name: string, head: string): string {
  if (name.length <= 2) return `${head}s`.replace(/ss$/, 's');
  return name.endsWith('s') ? name : name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
}

function defaultNames(base: string, count: number, generic = true): string[] {
  if (generic) return ['a', 'b', 'c', 'd'].slice(0, count);
  return Array.from({ length: count }, (_, index) => (index === 0 ? `first_${base}` : index === 1 ? `second_${base}` : `${base}_${index + 1}`));
}

/** Splits "a list of numbers and a target" into phrases (on "and" and commas) and reads each as parameters. */
function argumentList(tokens: string[], context: Context): Param[] {
  const groups: string[][] = [[]];
  for (const token of tokens) {
    if (token === 'and' || token === ',') groups.push([]);
    else groups[groups.length - 1]?.push(token);
  }
  const params: Param[] = [];
  const nonEmpty = groups.filter((item) => item.length > 0);
  // "a and b", "x, y and z": bare names (even "a", otherwise an article) when every group is one letter.
  if (nonEmpty.length > 1 && nonEmpty.every((group) => group.length === 1 && /^[a-z]$/.test(group[0] ?? ''))) {
    const names = nonEmpty.map((group) => group[0] ?? 'x');
    const picked = names.every((name) => /^[nkmij]$/.test(name)) ? { type: 'int', reason: 'single letters like n and k usually count things' } : numberType(context, false);
    return names.map((name) => ({ name, type: picked.type, description: `The ${name}.`, reason: `"${name}": a bare name; ${picked.reason}`, guessed: true, explicit: true }));
  }
  for (const group of nonEmpty) {
    const phrase = nounPhrase(group, context);
    const allNames = group.every((token, index) => isIdentifierToken(token, index));
    const previous = params[params.length - 1];
    if (allNames && previous) {
      for (const name of group) params.push({ ...previous, name, explicit: true, description: `The ${name}.` });
      continue;
    }
    params.push(...phrase.params);
  }
  return params;
}

type Segment = { prep: string | null; tokens: string[] };

/** Splits a phrase at prepositions, keeping "list of numbers" and "number of X" together. */
function segments(tokens: string[]): Segment[] {
  const out: Segment[] = [{ prep: null, tokens: [] }];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const current = out[out.length - 1] as Segment;
    const previous = current.tokens[current.tokens.length - 1];
    // "list of numbers" stays one phrase; so does "a given length" (given after an article is an adjective).
    const keepOf =
      (token === 'of' && previous !== undefined && (NOUNS[singular(previous)]?.container !== undefined || previous === 'pair')) ||
      (token === 'given' && previous !== undefined && /^(a|an|the|any|some)$/.test(previous));
    if (PREPOSITIONS.has(token) && !keepOf && current.tokens.length > 0) out.push({ prep: token, tokens: [] });
    else if (PREPOSITIONS.has(token) && !keepOf && current.tokens.length === 0 && out.length > 1) current.prep = `${current.prep ?? ''} ${token}`.trim();
    else if (PREPOSITIONS.has(token) && !keepOf && out.length === 1 && current.tokens.length === 0) current.prep = token;
    else current.tokens.push(token);
  }
  return out.filter((segment) => segment.tokens.length > 0);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Strategies.
 * ------------------------------------------------------------------------------------------------------------- */

const COPULAS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  is: 'is',
  are: 'are',
  has: 'has',
  have: 'has',
  contains: 'contains',
  contain: 'contains',
  includes: 'contains',
  include: 'contains',
  starts: 'starts',
  start: 'starts',
  begins: 'starts',
  ends: 'ends',
  end: 'ends',
  equals: 'equals',
  equal: 'equals',
  matches: 'matches',
  match: 'matches',
  consists: 'consists',
  exceeds: 'exceeds',
  appears: 'appears',
  occurs: 'appears',
  exists: 'exists',
  sums: 'sums',
  can: 'can',
});

// Copulas whose object can be a second input, and the nouns that, as that object, always are one.
const OBJECT_COPULAS = new Set(['contains', 'starts_with', 'ends_with', 'equals', 'matches']);
const INPUT_OBJECTS = new Set(['prefix', 'suffix', 'substring', 'pattern', 'value', 'item', 'element', 'target', 'key', 'word', 'sequence']);

const GENERIC_TAIL = new Set(['number', 'numbers', 'integer', 'integers', 'string', 'strings', 'value', 'values', 'one']);

function predicate(tokens: string[], context: Context, verb: string): Draft {
  const copulaAt = tokens.findIndex((token) => token in COPULAS);
  const subject = copulaAt === -1 ? [] : tokens.slice(0, copulaAt);
  let predicateTokens = copulaAt === -1 ? tokens : tokens.slice(copulaAt + 1);
  let copula = copulaAt === -1 ? (verb === 'validate' || verb === 'verify' ? 'is' : verb === 'detect' ? 'has' : 'is') : COPULAS[tokens[copulaAt] ?? 'is'] ?? 'is';
  if (copula === 'can' && predicateTokens[0] === 'be') predicateTokens = predicateTokens.slice(1);
  if ((copula === 'starts' || copula === 'ends' || copula === 'consists') && /^(with|of)$/.test(predicateTokens[0] ?? '')) {
    copula = `${copula}_${predicateTokens[0]}`;
    predicateTokens = predicateTokens.slice(1);
  }
  const params: Param[] = [];
  const subjectParams = subjectParameters(subject, context);
  params.push(...subjectParams);

  // In the predicate, indefinite noun phrases after a preposition are further inputs ("is a substring of another string").
  const nameWords: string[] = [];
  if (copulaAt === -1 && (verb === 'validate' || verb === 'verify')) nameWords.push('valid');
  if (predicateTokens.includes('not')) nameWords.push('not');
  const pieces = segments(predicateTokens.filter((token) => token !== 'not'));
  pieces.forEach((piece, index) => {
    const phrase = nounPhrase(piece.tokens, context);
    // The object of "starts with", "ends with", "contains", "equals", "matches" is an input when it is given ("a given
    // prefix", "another string", a name) or is a thing one passes in (a prefix, a substring, a value); "starts with a
    // vowel" names a kind of character instead.
    if (index === 0 && !piece.prep && OBJECT_COPULAS.has(copula) && phrase.params.length > 0 && !phrase.constant) {
      const given = piece.tokens.some((token) => /^(given|another|other|specified|provided|certain|target)$/.test(token)) || phrase.params.some((param) => param.explicit);
      if (given || (phrase.head !== undefined && INPUT_OBJECTS.has(phrase.head))) {
        params.push(...phrase.params);
        const words = contentWords(piece.tokens).filter((word) => !/^(given|specified|provided|certain|another|other)$/.test(word));
        const specific = words.filter((word) => !GENERIC_TAIL.has(word));
        // "contains a value", "equals another string": with nothing more specific, the noun itself names it.
        nameWords.push(...(specific.length > 0 ? specific : words.slice(-1).map(singular)));
        return;
      }
    }
    if (piece.prep && !/^(of|by|to|with)$/.test(piece.prep) && index > 0 && phrase.params.length > 0 && !phrase.constant) {
      params.push(...phrase.params);
      nameWords.push(...contentWords(piece.tokens));
      return;
    }
    if (piece.prep && index > 0 && phrase.params.length > 0 && phrase.indefinite && !phrase.constant) {
      params.push(...phrase.params);
      if (piece.prep) nameWords.push(piece.prep);
      nameWords.push(...contentWords(piece.tokens).filter((word) => !GENERIC_TAIL.has(word)));
      return;
    }
    if (piece.prep && index > 0) nameWords.push(piece.prep);
    nameWords.push(...contentWords(piece.tokens));
  });
  while (nameWords.length > 1 && GENERIC_TAIL.has(nameWords[nameWords.length - 1] ?? '')) nameWords.pop();
  const trimmed = nameWords.filter((word) => !/^(each|other|all|one)$/.test(word)).slice(0, 5);

  if (subjectParams.length === 0 || subjectParams.every((param) => param.type === 'Any')) {
    const concept = trimmed.map((word) => singular(word)).find((word) => word in PREDICATE_SUBJECTS);
    const info = concept ? PREDICATE_SUBJECTS[concept] : undefined;
    if (info) {
      const typed = typeOfNoun(info === NOUNS.number ? 'number' : info.name, info, context, false);
      const name = subjectParams[0]?.name ?? info.name;
      const replacement: Param = { name, type: info.container ? 'list[Any]' : typed.type, description: `The ${name === 's' ? 'string' : name === 'n' ? 'number' : name} to check.`, reason: `"${concept}" is a property of a ${info === NOUNS.number ? 'number' : info.container ? 'list' : 'string'}`, guessed: info.container !== undefined, explicit: false };
      if (subjectParams.length === 0) params.unshift(replacement);
      else params.splice(0, subjectParams.length, ...subjectParams.map((param) => ({ ...param, type: replacement.type, reason: replacement.reason, guessed: replacement.guessed })));
    }
  }
  if (trimmed.length === 0) {
    context.penalties += 0.3;
    trimmed.push('valid');
  }
  const copulaWords = copula.split('_');
  const plural = subjectParams.length > 1 || subject.some((token) => token !== singular(token) && NOUNS[singular(token)]);
  if (copulaWords[0] === 'is' && plural) copulaWords[0] = 'are';
  const subjectText = subject.length > 0 ? subject.filter((token) => token !== ',').join(' ') : `the given ${nounWord(params[0])}`;
  const predicateText = copulaAt !== -1 ? tokens.slice(copulaAt).join(' ') : `${copulaWords.join(' ')} ${withArticle(trimmed)}`;
  return {
    strategy: 'predicate',
    nameWords: [...copulaWords, ...trimmed],
    nameReason: `a yes/no question: "${copula.replace('_', ' ')} ${trimmed.join(' ')}"`,
    params,
    returnType: 'bool',
    returnReason: `"${verb}" asks a yes/no question`,
    returnGuessed: false,
    returnDescription: `True if ${subjectText} ${predicateText}, otherwise False.`,
  };
}

function nounWord(param: Param | undefined): string {
  if (!param) return 'value';
  if (param.type === 'str') return param.name.length <= 2 ? 'string' : param.name;
  if (param.type === 'int' || param.type === 'float') return param.name.length <= 2 ? 'number' : param.name;
  if (param.type.startsWith('list[')) return 'list';
  return param.name;
}

const COUNTABLE = new Set([...Object.keys(NOUNS), 'palindrome', 'anagram', 'pangram', 'isogram', 'square', 'power', 'year', 'vowel', 'consonant']);

function withArticle(words: string[]): string {
  const text = words.join(' ');
  const last = singular(words[words.length - 1] ?? '');
  if (!COUNTABLE.has(last) || words[words.length - 1] !== last) return text;
  return `${/^[aeiou]/.test(text) ? 'an' : 'a'} ${text}`;
}

function subjectParameters(subject: string[], context: Context): Param[] {
  if (subject.length === 0 || subject.every((token) => /^(it|this|that|input|value|something|the|given|a|an)$/.test(token))) return [];
  const parts = segments(subject);
  const main = parts[0];
  const mainPhrase = main ? nounPhrase(main.tokens, context) : undefined;
  // "all elements in a list are unique": the list is the input, the elements are what is tested.
  for (const part of parts.slice(1)) {
    const phrase = nounPhrase(part.tokens, context);
    if (phrase.params.length > 0 && (mainPhrase?.headInfo?.generic || mainPhrase?.selector || !mainPhrase?.params.length)) {
      const element = mainPhrase?.params[0];
      return phrase.params.map((param) => (element && param.type === 'list[Any]' && element.type !== 'Any' ? { ...param, type: `list[${element.type}]` } : param));
    }
  }
  return argumentList(subject.filter((token) => !PREPOSITIONS.has(token)), context);
}

function contentWords(tokens: string[]): string[] {
  return tokens.filter((token) => token !== ',' && !ARTICLES.has(token) && !CONNECTORS.has(token) && !/^(its|their|each|other)$/.test(token) && !(token in COUNT_WORDS && token !== 'two'));
}

function conversion(tokens: string[], context: Context): Draft {
  const toAt = tokens.findIndex((token) => token === 'to' || token === 'into');
  let source = tokens.slice(0, toAt);
  const target = tokens.slice(toAt + 1);
  const fromAt = source.indexOf('from');
  const measured = fromAt > 0 ? source.slice(0, fromAt) : [];
  if (fromAt !== -1) source = source.slice(fromAt + 1);

  const sourceUnit = source.map(singular).find((word) => word in UNITS);
  const targetUnit = target.map(singular).find((word) => word in UNITS);
  const sourcePhrase = nounPhrase(source, context);
  const targetPhrase = nounPhrase(target, context);
  const params: Param[] = [];
  if (sourcePhrase.params.length > 0 && !(sourceUnit && sourcePhrase.headInfo?.generic)) params.push(...sourcePhrase.params);
  else if (sourceUnit) {
    const unit = UNITS[sourceUnit] as { type: string; name: string };
    params.push({ name: unit.name, type: unit.type, description: `The value in ${sourceUnit}${measured.length ? ` (${contentWords(measured).join(' ')})` : ''}.`, reason: `"${sourceUnit}" → ${unit.type}`, guessed: false, explicit: false });
  } else {
    const words = contentWords(source);
    params.push({ name: words.join('_') || 'value', type: 'Any', description: `The ${words.join(' ') || 'value'} to convert.`, reason: `"${source.join(' ')}" is not a known kind of value`, guessed: true, explicit: false });
  }
  const sourceType = params[0]?.type ?? 'Any';
  let returnType = 'Any';
  let returnReason = `"${target.join(' ')}" is not a known kind of value`;
  if (targetUnit && !(targetPhrase.headInfo && !targetPhrase.headInfo.generic)) {
    returnType = (UNITS[targetUnit] as { type: string }).type;
    returnReason = `"${targetUnit}" → ${returnType}`;
  } else if (targetPhrase.params[0]) {
    returnType = targetPhrase.params[0].type;
    returnReason = targetPhrase.params[0].reason;
  }
  const targetPlural = target.some((token) => singular(token) !== token && (NOUNS[singular(token)] || UNITS[singular(token)])) && !targetUnit?.match(/^(words)$/);
  if (sourceType.startsWith('list[') && targetPlural && !returnType.startsWith('list[')) {
    returnType = `list[${returnType}]`;
    returnReason = `a list converted element by element (${returnReason})`;
  }
  const core = (words: string[], unit: string | undefined, phrase: Phrase): string[] => {
    if (unit && !(phrase.headInfo && !phrase.headInfo.generic)) {
      const info = UNITS[unit] as { name: string };
      return [/^(s|n|code|hex_string|json_text|csv_text)$/.test(info.name) ? unit : info.name];
    }
    if (phrase.head) return objectNameWords(phrase).filter((word) => !/^(number|integer|value)$/.test(word) || objectNameWords(phrase).length === 1);
    return contentWords(words).slice(0, 3);
  };
  const from = core(source, sourceUnit, sourcePhrase);
  const to = core(target, targetUnit, targetPhrase);
  const understood = (sourceUnit !== undefined || sourcePhrase.params.length > 0) && (targetUnit !== undefined || targetPhrase.params.length > 0);
  if (!understood) context.penalties += 0.2;
  return {
    strategy: 'convert',
    nameWords: [...(from.length ? from : ['value']), 'to', ...(to.length ? to : ['value'])],
    nameReason: `"convert X to Y" names the function x_to_y`,
    description: `Convert ${contentWords(source).join(' ') || 'the value'} to ${contentWords(target).join(' ') || 'the target'}.`,
    params,
    returnType,
    returnReason,
    returnGuessed: returnType === 'Any',
    returnDescription: `The value as ${contentWords(target).join(' ') || 'the target'}.`,
  };
}

const SAME_TYPE_VERBS = new Set(
  'reverse sort order filter remove delete drop strip trim shuffle rotate replace dedupe deduplicate normalize normalise clean capitalize capitalise uppercase lowercase escape unescape mask censor pad truncate rearrange square double increment decrement invert transpose shift merge combine concatenate append insert prepend extend update round scale negate halve cube abbreviate pluralize encrypt decrypt compress decompress encode decode format'.split(' '),
);

// Verbs that take something out of an input: "remove a value from a list" returns the list, not the value.
const REMOVING_VERBS = new Set('remove delete drop strip trim filter extract exclude discard erase'.split(' '));

function transform(verb: string, tokens: string[], context: Context): Draft {
  // "reverse the order of the words": the words are what is reversed.
  const orderOf = tokens[0] === 'the' && tokens[1] === 'order' && tokens[2] === 'of' ? 3 : tokens[0] === 'order' && tokens[1] === 'of' ? 2 : 0;
  if (orderOf > 0) tokens = tokens.slice(orderOf);
  const parts = segments(tokens.filter((token) => token !== 'out' || tokens[0] !== 'out'));
  const main = parts[0] && parts[0].prep === null ? parts[0] : undefined;
  const mainPhrase = main ? nounPhrase(main.tokens, context) : undefined;
  const params: Param[] = [];
  const modifiers: string[] = [];
  let into: string[] | undefined;
  let intoPrep = 'into';
  // What "remove … from a list" takes things out of: the result is one of those.
  let sourceName: string | undefined;
  for (const part of main ? parts.slice(1) : parts) {
    const phrase = nounPhrase(part.tokens, context);
    if (part.prep === 'into' || (part.prep === 'to' && verb !== 'pad' && verb !== 'truncate')) {
      // "merge two lists into one (sorted) list" says what the result is, not what the function is about: it is
      // named after its inputs (merge_sorted_lists). "split a string into words" is named after its result.
      if (part.prep === 'into' && (part.tokens[0] === 'one' || part.tokens[0] === 'single' || (part.tokens[0] === 'a' && part.tokens[1] === 'single'))) continue;
      into = contentWords(part.tokens);
      intoPrep = part.prep;
      // "into chunks of size n": the size is still an input.
      params.push(...phrase.params.filter((param) => param.explicit));
      continue;
    }
    if (phrase.params.length > 0 && !phrase.constant && !phrase.selector && (phrase.indefinite || phrase.params.some((param) => param.explicit) || /^(from|in|of|within|inside|given|using)$/.test(part.prep ?? ''))) {
      if (part.prep === 'from') sourceName ??= phrase.params[0]?.name;
      params.push(...phrase.params);
      continue;
    }
    // "between min and max": two bare names are bounds of the same kind as the input.
    const bounds = /^(\w+) and (\w+)$/.exec(part.tokens.join(' '));
    if (part.prep === 'between' && bounds?.[1] && bounds[2] && mainPhrase?.params[0]) {
      const like = mainPhrase.params[0];
      for (const name of [bounds[1], bounds[2]]) params.push({ ...like, name, description: `The ${name} bound.`, reason: `a bound of ${like.name}, so the same type (${like.type})`, explicit: true });
      continue;
    }
    modifiers.push(...(part.prep && /^(by|with)$/.test(part.prep) ? [part.prep] : []), ...contentWords(part.tokens).filter((word) => word !== 'order'));
  }
  const mainIsInput = mainPhrase !== undefined && mainPhrase.params.length > 0 && (params.length === 0 || mainPhrase.indefinite) && !mainPhrase.selector;
  const selectorWords = main && !mainIsInput ? contentWords(main.tokens) : [];
  if (mainIsInput && mainPhrase) params.unshift(...mainPhrase.params);
  // A selector such as "even numbers" tells the element type of the list it is taken from.
  if (!mainIsInput && mainPhrase?.params[0] && params[0]?.type === 'list[Any]') {
    params[0] = { ...params[0], type: `list[${mainPhrase.params[0].type}]`, reason: `a list of ${contentWords(main?.tokens ?? []).join(' ')}` };
  }
  if (params.length === 0) {
    const concept = CONCEPT_INPUTS[verb] ?? CONCEPT_INPUTS[selectorWords.map(singular).find((word) => word in CONCEPT_INPUTS) ?? ''];
    if (concept) params.push(...conceptParams(concept, context, verb));
  }
  // Looked up by name: the element-type refinement above replaces parameter objects.
  const source = REMOVING_VERBS.has(verb) ? params.find((param) => param.name === sourceName) : undefined;
  // "round a number": rounding is of real numbers, whatever "a number" defaults to.
  if (verb === 'round' && params[0]?.type === 'int' && !params[0].explicit) params[0] = { ...params[0], type: 'float', reason: '"round" works on real numbers', guessed: false };
  const input = source ?? params[0];
  let returnType = input?.type ?? 'Any';
  let returnReason = input ? `"${verb}" returns the same kind of value it is given${source ? ` (what it ${verb}s from)` : ''}` : `nothing says what "${verb}" works on`;
  const element = input && /^list\[(.*)\]$/.exec(input.type)?.[1];
  if (verb === 'split' || verb === 'tokenize' || verb === 'tokenise' || verb === 'chunk' || verb === 'partition') {
    returnType = input?.type === 'str' ? 'list[str]' : `list[${input?.type ?? 'Any'}]`;
    returnReason = `"${verb}" breaks its input into a list`;
  } else if (verb === 'join') {
    returnType = 'str';
    returnReason = '"join" builds one string';
  } else if (verb === 'flatten') {
    returnType = element && /^list\[(.*)\]$/.test(element) ? element : 'list[Any]';
    returnReason = '"flatten" returns a flat list';
  } else if (verb === 'group') {
    returnType = `dict[str, ${input?.type ?? 'list[Any]'}]`;
    returnReason = '"group" returns groups by key';
  } else if (verb === 'swap' && params.length === 2) {
    returnType = `tuple[${params[0]?.type ?? 'Any'}, ${params[1]?.type ?? 'Any'}]`;
    returnReason = '"swap" returns both values, swapped';
  } else if (verb === 'zip' || verb === 'interleave') {
    returnType = 'list[Any]';
    returnReason = `"${verb}" combines lists`;
  } else if (verb === 'round' && into?.some((word) => /^(integer|int|whole)$/.test(word))) {
    returnType = 'int';
    returnReason = '"round to the nearest integer" gives a whole number';
  } else if (verb === 'parse') {
    returnType = 'Any';
    returnReason = '"parse" can produce anything';
  } else if (!SAME_TYPE_VERBS.has(verb)) {
    returnType = input?.type ?? 'Any';
    returnReason = `"${verb}" is assumed to return the kind of value it is given`;
    context.penalties += 0.1;
  }
  let objectWords = mainIsInput && mainPhrase ? objectNameWords(mainPhrase) : selectorWords;
  // "every word" / "each number": the name speaks of all of them.
  if (main && main.tokens.some((token) => token === 'every' || token === 'each') && objectWords.length > 0) {
    const last = objectWords[objectWords.length - 1] ?? '';
    // But "reverse each word" is not "reverse the words" (their order): it keeps "each" (reverse_each_word).
    if (verb === 'reverse') objectWords = ['each', ...objectWords.slice(0, -1), singular(last)];
    else objectWords = [...objectWords.slice(0, -1), singular(last) === last ? pluralName(last, last) : last];
  }
  const nameWords = (into ? [verb, intoPrep, ...into, ...modifiers] : [verb, ...objectWords, ...modifiers]).slice(0, 5);
  return {
    strategy: 'transform',
    nameWords,
    nameReason: `verb "${verb}" + ${objectWords.length ? `object "${objectWords.join(' ')}"` : 'no object'}`,
    params,
    returnType,
    returnReason,
    returnGuessed: returnType === 'Any' || !SAME_TYPE_VERBS.has(verb),
    returnDescription: `The ${verb === 'split' ? 'parts' : 'result'}.`,
  };
}

function objectNameWords(phrase: Phrase): string[] {
  // "a list of numbers" → numbers; "a string" → string; "two sorted lists" → sorted lists.
  const of = phrase.words.indexOf('of');
  const words = (of === -1 ? phrase.words : phrase.words.slice(of + 1)).filter((word) => !ARTICLES.has(word) && !(word in COUNT_WORDS));
  return words.slice(-3);
}

function conceptParams(concept: NounInfo[], context: Context, about: string): Param[] {
  return concept.map((info) => {
    const typed = info === NOUNS.number ? typeOfNoun('number', info, context, false) : { type: info.type, guessed: false, reason: '' };
    return { name: info.name, type: typed.type, description: `The ${info.name === 'n' ? 'number' : info.name === 's' ? 'string' : info.name}.`, reason: `"${about}" usually takes ${info.name}: ${typed.type}`, guessed: typed.guessed, explicit: false };
  });
}

/** A phrase that may join several with "and" ("of a and b", "a list and a target"), read as one. */
function readPhrase(tokens: string[], context: Context): Phrase {
  if (!tokens.includes('and') && !tokens.includes(',')) return nounPhrase(tokens, context);
  const first = nounPhrase(tokens.slice(0, tokens.findIndex((token) => token === 'and' || token === ',')), context);
  const params = argumentList(tokens, context);
  return { ...first, params, indefinite: first.indefinite || params.some((param) => param.explicit) };
}

const FREQUENCY_WORDS = /^(frequency|frequencies|occurrence|occurrences|histogram)$/;

function result(verb: string | undefined, tokens: string[], context: Context): Draft {
  let words = tokens.filter((token) => token !== ',');
  let counting = verb === 'count';
  // "the number of vowels", "how many times", "count of": all ask for a count.
  const countLead = /^(?:(?:the|a)\s+)?(?:number|count|amount)\s+of\s+|^how\s+many\s+(?:times\s+)?/.exec(words.join(' '));
  if (countLead) {
    counting = true;
    words = words.join(' ').slice(countLead[0].length).split(' ').filter(Boolean);
  }
  const perItem = words.includes('each') || words.includes('every');
  const parts = segments(words);
  const main = parts[0] && parts[0].prep === null ? parts[0] : { prep: null, tokens: [] as string[] };
  const mainPhrase = nounPhrase(main.tokens, context);
  const params: Param[] = [];
  const resultWords = contentWords(main.tokens).filter((word) => !/^(times|does|do|appear|appears|occur|occurs|are|is|there)$/.test(word));
  let shape: string | undefined;
  let sawParam = false;
  for (const part of parts.slice(main.tokens.length > 0 ? 1 : 0)) {
    const phrase = readPhrase(part.tokens, context);
    const bound = /^(upto|below|above|under|over|until|between|to|from)$/.test(part.prep ?? '');
    const given = /^(given|with|using|by)$/.test(part.prep ?? '');
    const partWords = contentWords(part.tokens);
    if (phrase.params.length > 0 && !phrase.constant && !(phrase.selector && !given)) {
      // "the length of the name of a file": a definite "of" phrase followed by more phrases still describes the result.
      const describesResult = part.prep === 'of' && !phrase.indefinite && !phrase.headInfo?.container && phrase.headInfo !== undefined && !phrase.params.some((param) => param.explicit) && !sawParam && parts.length > 2;
      if (!describesResult) {
        params.push(...phrase.params);
        sawParam = true;
        continue;
      }
    }
    shape ??= partWords.map(singular).find((word) => SHAPES.has(word));
    if (!sawParam && part.prep === 'of') resultWords.push('of', ...partWords);
    else if (!sawParam && part.prep && !bound) resultWords.push(...partWords);
  }
  // The main phrase is an input when it is indefinite: "add two numbers", "how many times a character appears in …".
  if (mainPhrase.params.length > 0 && mainPhrase.indefinite && !mainPhrase.selector) {
    if (params.length === 0) {
      params.push(...mainPhrase.params);
      resultWords.length = 0;
    } else if (counting) params.push(...mainPhrase.params);
  }
  // Names like n or k inside the result ("the first n primes", "the nth fibonacci number") are inputs too.
  for (const word of resultWords) {
    const letter = /^(?:(nth|kth)|([nkm]))$/.exec(word);
    const name = letter?.[1] ? letter[1].charAt(0) : letter?.[2];
    if (name && !params.some((param) => param.name === name)) params.push({ name, type: 'int', description: `The ${name === 'n' ? 'position or count' : name}.`, reason: `"${word}" names a whole number`, guessed: false, explicit: true });
  }
  let cleanedResult = resultWords.filter((word) => !/^(nth|kth|n|k|m)$/.test(word) || resultWords.length === 1);
  // "a list of prime numbers" names its elements: generate_prime_numbers.
  if (cleanedResult.length > 2 && NOUNS[singular(cleanedResult[0] ?? '')]?.container && cleanedResult[1] === 'of') cleanedResult = cleanedResult.slice(2);
  if (params.length === 0) {
    const concept = cleanedResult.map(singular).find((word) => word in CONCEPT_INPUTS && !SHAPES.has(word)) ?? shape ?? (verb && verb in CONCEPT_INPUTS ? verb : undefined);
    if (concept) params.push(...conceptParams(CONCEPT_INPUTS[concept] as NounInfo[], context, concept));
  }
  // "sum the even numbers in a list": a sum is of numbers, whole ones when they are even or odd.
  const summing = !counting && (verb === 'sum' || verb === 'total');
  for (const param of params) {
    if (summing && param.type === 'list[Any]') {
      const whole = cleanedResult.some((word) => word === 'even' || word === 'odd');
      const picked = whole ? { type: 'int', reason: 'even and odd numbers are whole' } : numberType(context, true);
      param.type = `list[${picked.type}]`;
      param.reason = `"${verb}" adds up numbers: ${picked.reason}`;
      param.guessed = !whole;
      continue;
    }
    if (param.type === 'list[Any]' && cleanedResult.some((word) => RESULT_TYPES[singular(word)] === 'elem' || RESULT_TYPES[word] === 'float')) {
      const picked = numberType(context, true);
      param.type = `list[${picked.type}]`;
      param.reason = `a numeric result from a list: ${picked.reason}`;
      param.guessed = true;
    }
  }

  const { type: returnType, reason: returnReason, guessed } = resultType(counting, perItem, cleanedResult, params, context, verb);
  let nameWords = [...(verb && !SILENT_RESULT_VERBS.has(verb) && !(verb === 'count' && counting && cleanedResult.length === 0) ? [verb] : []), ...(counting && verb !== 'count' ? ['count'] : []), ...cleanedResult];
  nameWords = nameWords.filter((word, index) => word !== 'of' || (index > 0 && index < nameWords.length - 1));
  const lastWord = nameWords[nameWords.length - 1] ?? '';
  if (nameWords.length > 1 && /^(number|integer|value|string)$/.test(lastWord) && !SELECTORS.has(nameWords[nameWords.length - 2] ?? '')) nameWords.pop();
  if (nameWords.length === 0) nameWords = verb ? [verb] : ['result'];
  const frequency = cleanedResult.findIndex((word) => FREQUENCY_WORDS.test(word));
  if (frequency !== -1 && perItem) {
    const subject = cleanedResult.slice(frequency + 1).filter((word) => word !== 'of').map(singular);
    nameWords = [...(subject.length ? subject : ['item']), 'frequencies'];
  }
  nameWords = nameWords.slice(0, 5);
  if (nameWords.length === 1 && PYTHON_BUILTINS.has(nameWords[0] ?? '')) nameWords.push(params[0] ? (params[0].name.length > 2 ? params[0].name : objectWordFor(params[0], params.length)) : 'value');
  if (resultWords.length === 0 && !counting && params.length === 0) context.penalties += 0.2;
  return {
    strategy: 'result',
    nameWords,
    nameReason: `${verb ? `verb "${verb}"` : 'a noun phrase'} asking for "${[...(counting ? ['count of'] : []), ...cleanedResult].join(' ') || verb}"`,
    params,
    returnType,
    returnReason,
    returnGuessed: guessed,
    returnDescription: `The ${[...(counting ? ['number of'] : summing && cleanedResult.length > 0 ? ['sum of the'] : []), ...cleanedResult].join(' ') || 'result'}.`,
  };
}

function objectWordFor(param: Param, count: number): string {
  if (param.type.startsWith('list[')) return 'list';
  if (param.type === 'str') return count > 1 ? 'strings' : 'string';
  if (param.type === 'int' || param.type === 'float') return count > 1 ? 'numbers' : 'number';
  return param.name;
}

function resultType(counting: boolean, perItem: boolean, words: string[], params: Param[], context: Context, verb: string | undefined): { type: string; reason: string; guessed: boolean } {
  const listParam = params.find((param) => param.type.startsWith('list['));
  const elementOf = (): string => {
    if (listParam) return /^list\[(.*)\]$/.exec(listParam.type)?.[1] ?? 'Any';
    const numeric = params.find((param) => param.type === 'int' || param.type === 'float');
    return numeric?.type ?? numberType(context, false).type;
  };
  const resolve = (type: string): string => type.replace(/\belem\b/g, elementOf());
  // The head of "the sum of the digits" is "sum"; of "a list of primes" it is "primes".
  const ofAt = words.indexOf('of');
  const headChunk = ofAt === -1 ? words : words.slice(0, ofAt);
  let head = headChunk[headChunk.length - 1];
  if (head && NOUNS[singular(head)]?.container && ofAt !== -1) head = words[words.length - 1];
  if (headChunk.some((word) => FREQUENCY_WORDS.test(word)) && (perItem || !counting)) {
    const keyType = listParam && elementOf() !== 'Any' ? elementOf() : 'str';
    return { type: `dict[${keyType}, int]`, reason: 'frequencies are counts by item', guessed: false };
  }
  if (counting) return { type: 'int', reason: 'a count is a whole number', guessed: false };
  // "the cumulative product", "a running total": one value per position, so a list of them.
  if (words.some((word) => word === 'cumulative' || word === 'running')) {
    return { type: `list[${elementOf()}]`, reason: 'a cumulative result has one value per position', guessed: elementOf() === 'Any' };
  }
  // "sum the even numbers": the verb, not the plural noun, says what comes back.
  if (verb === 'sum' || verb === 'total') return { type: elementOf(), reason: `"${verb}" returns a number like its inputs`, guessed: false };
  if (head && singular(head) !== head && LIST_RESULTS[singular(head)]) {
    const element = resolve(LIST_RESULTS[singular(head)] as string);
    return { type: `list[${element}]`, reason: `"${head}" is a list of ${element}`, guessed: element === 'Any' };
  }
  for (const word of [...headChunk, ...words.slice(headChunk.length)]) {
    const base = singular(word);
    const type = RESULT_TYPES[word] ?? RESULT_TYPES[base];
    if (type === 'same' && params[0]) return { type: params[0].type, reason: `"${word}" has the input's type`, guessed: false };
    if (type && type !== 'same') {
      const resolved = resolve(type);
      return { type: resolved, reason: type.includes('elem') ? `"${word}" has the type of the input's elements (${resolved})` : `"${word}" → ${resolved}`, guessed: resolved === 'Any' };
    }
  }
  if (verb === 'sum' || verb === 'add' || verb === 'multiply' || verb === 'subtract' || verb === 'total') {
    const type = elementOf();
    return { type, reason: `"${verb}" returns a number like its inputs`, guessed: false };
  }
  if (verb === 'divide' || verb === 'average') return { type: 'float', reason: `"${verb}" gives a real number`, guessed: false };
  if (verb === 'search' || verb === 'locate') return { type: 'int', reason: `"${verb}" returns a position (-1 when absent)`, guessed: true };
  const last = words[words.length - 1];
  if (last && NOUNS[singular(last)]) {
    const info = NOUNS[singular(last)] as NounInfo;
    const type = info.generic && (info.type === 'int' || info.type === 'Any') ? elementOf() : info.container ? (listParam?.type ?? `list[Any]`) : info.type;
    return { type, reason: `"${last}" → ${type}`, guessed: type === 'Any' || info.generic === true };
  }
  return { type: 'Any', reason: `nothing in "${words.join(' ')}" says what it returns`, guessed: true };
}

function nominal(tokens: string[], context: Context): Draft {
  const words = tokens.filter((token) => token !== ',');
  const last = words[words.length - 1] ?? '';
  if (FUNCTION_NOUNS.has(last) && words.length > 1) return dispatch(words.slice(0, -1), context);
  const toAt = words.findIndex((token) => token === 'to' || token === 'into');
  if (toAt > 0 && toAt < words.length - 1) {
    const before = words.slice(0, toAt).map(singular);
    if (before.some((word) => word in UNITS || NOUNS[word])) return conversion(words, context);
  }
  const agent = AGENT_NOUNS[last];
  if (agent && words.length > 1) {
    const object = words.slice(0, -1);
    if (agent === 'check' || agent === 'validate' || agent === 'detect') return predicate(object, context, agent);
    if (agent === 'convert') return object.some((word) => word === 'to') ? conversion(object, context) : transform('convert', object, context);
    if (agent === 'count') {
      const counted = object.map((word, index) => (index === object.length - 1 && singular(word) === word && !NOUNS[word] ? pluralName(word, word) : word));
      return { ...result('count', counted, context), description: sentenceCase(`Count the ${counted.join(' ')} in the input`) };
    }
    if (agent === 'calculate' || agent === 'find' || agent === 'generate') return result(agent === 'calculate' ? undefined : agent, object, context);
    return transform(agent, object, context);
  }
  // "bubble sort", "binary search": an algorithm named by its verb.
  const verbAt = words.findIndex((word) => verbBase(word) !== undefined && (TRANSFORM_VERBS.has(verbBase(word) ?? '') || verbBase(word) === 'search'));
  if (verbAt > 0 && verbAt === words.length - 1) {
    const verb = verbBase(words[verbAt] ?? '') ?? '';
    const draft = verb === 'search' ? result('search', [], context) : transform(verb, [], context);
    return { ...draft, nameWords: [...words.slice(0, verbAt), verb], nameReason: `the algorithm "${words.join(' ')}"`, description: `Implement ${words.join(' ')}.` };
  }
  const content = contentWords(words).map(singular);
  const property = content.find((word) => NOMINAL_PREDICATES.has(word));
  if (property && content.length <= 3 && !words.some((word) => singular(word) !== word && LIST_RESULTS[singular(word)])) {
    return predicate(words, context, 'check');
  }
  if (content.some((word) => word in RESULT_TYPES || word in LIST_RESULTS || word in CONCEPT_INPUTS || NOUNS[word])) return result(undefined, words, context);
  const verb = verbBase(words[0] ?? '');
  if (verb) return result(verb, words.slice(1), context);
  return fallback(words, context);
}

function fallback(tokens: string[], context: Context): Draft {
  const words = contentWords(tokens).filter((word) => /^[a-z][a-z0-9]*$/.test(word)).slice(0, 3);
  // An unknown first word followed by a noun phrase is most likely a verb we do not know ("tokenise a sentence").
  const params = argumentList(tokens.slice(1).filter((token) => !PREPOSITIONS.has(token)), context).slice(0, 3);
  context.penalties += 0.1;
  return {
    strategy: 'fallback',
    nameWords: words.length > 0 ? words : ['solve'],
    nameReason: words.length > 0 ? `the first words of the request ("${words.join(' ')}")` : 'no usable words; a placeholder',
    params: params.length > 0 ? params : [{ name: 'value', type: 'Any', description: 'The input.', reason: 'no inputs could be read from the request', guessed: true, explicit: false }],
    returnType: 'Any',
    returnReason: 'the request does not say what it returns',
    returnGuessed: true,
    returnDescription: 'The result.',
  };
}

/* ---------------------------------------------------------------------------------------------------------------
 * Finishing: names, examples, description.
 * ------------------------------------------------------------------------------------------------------------- */

function finalIdentifier(raw: string, language: SpecLanguage, fallbackName: string): string {
  let name = raw.replace(/-/g, '_').replace(/[^A-Za-z0-9_]/g, '').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) name = fallbackName;
  if (/^\d/.test(name)) name = `n${name}`;
  if (language === 'typescript') name = name.includes('_') ? camelCase(name) : name;
  if (!isIdentifier(name, language)) name = language === 'python' ? `${name}_` : `${name}Value`;
  return isIdentifier(name, language) ? name : fallbackName;
}

function finalName(name: string, draft: Draft, language: SpecLanguage): string {
  const base = finalIdentifier(name.slice(0, 60), language, language === 'python' ? 'my_function' : 'myFunction');
  const clash = draft.params.some((param) => param.name === base);
  return clash ? finalIdentifier(`${base}_of`, language, 'my_function') : base;
}

function uniqueNames(params: Param[]): Param[] {
  const seen = new Map<string, number>();
  return params.map((param) => {
    const count = seen.get(param.name) ?? 0;
    seen.set(param.name, count + 1);
    return count === 0 ? param : { ...param, name: `${param.name}${count + 1}` };
  });
}

function valueType(value: SpecValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) {
    const types = [...new Set(value.map(valueType))];
    return `list[${types.length === 1 ? types[0] : types.length === 2 && types.includes('int') && types.includes('float') ? 'float' : 'Any'}]`;
  }
  if ('$tuple' in value) return 'tuple[Any, ...]';
  if ('$set' in value) return 'set[Any]';
  if ('$float' in value) return 'float';
  if ('$int' in value) return 'int';
  return 'dict[str, Any]';
}

function fitParameters(params: Param[], count: number, argLists: SpecValue[][]): Param[] {
  const fitted = params.slice(0, count);
  for (let index = fitted.length; index < count; index += 1) {
    const type = valueType(argLists[0]?.[index] ?? null);
    fitted.push({ name: ['a', 'b', 'c', 'd', 'e', 'f'][index] ?? `arg${index}`, type, description: `Argument ${index + 1}.`, reason: `from the examples' argument ${index + 1}`, guessed: false, explicit: false });
  }
  return fitted;
}

function refineFromExamples(draft: Draft, examples: SpecExample[]): void {
  const first = examples[0];
  if (!first) return;
  draft.params.forEach((param, index) => {
    const value = first.args[index];
    if (value === undefined) return;
    const seen = valueType(value);
    if (param.type === 'Any' || param.type === 'list[Any]' || (param.guessed && seen !== 'None' && seen.split('[')[0] === param.type.split('[')[0])) {
      if (seen !== param.type && seen !== 'None') {
        param.type = seen;
        param.reason = `the example passes ${JSON.stringify(value)}`;
        param.guessed = false;
      }
    }
  });
  const expected = first.expected;
  if (expected !== undefined && expected !== null && (draft.returnType === 'Any' || draft.returnGuessed)) {
    draft.returnType = valueType(expected);
    draft.returnReason = `the example returns ${JSON.stringify(expected)}`;
    draft.returnGuessed = false;
  }
}

function describe(core: string[], draft: Draft, main: string): string {
  if (draft.strategy === 'predicate') return `Return ${draft.returnDescription}`;
  if (draft.description) return draft.description;
  const text = core.filter((token) => token !== ',').join(' ').replace(/\bupto\b/g, 'up to').trim();
  if (!text) return sentenceCase(main || 'A function described by its examples');
  const verb = verbBase(core[0] ?? '');
  // "sum of a list" is a noun phrase even though "sum" can be a verb.
  if (verb && core[1] !== 'of') return sentenceCase(`${verb} ${core.slice(1).join(' ')}`.replace(/ ,/g, ',').replace(/\bupto\b/g, 'up to'));
  return sentenceCase(`Return the ${text}`);
}
