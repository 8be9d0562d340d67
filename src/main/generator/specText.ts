// Reads and writes specs as data: validation into ArkErrors a person can act on, and the JSON text specs are stored as.
import { ArkError } from '../../shared/errors';
import { Spec } from '../../shared/spec';

const MAX_SPEC_TEXT = 2 * 1024 * 1024;

function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || 'spec';
}

/** Validates anything (parsed JSON, a form's state) as a Spec; throws ArkError('invalid-input') listing every issue. */
export function parseSpec(input: unknown): Spec {
  const parsed = Spec.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: describePath(issue.path), message: issue.message }));
  const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ArkError('invalid-input', `The spec is not valid: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}.`, { issues });
}

/** Parses spec JSON text; a syntax error reports its line and column. */
export function parseSpecJson(text: string): Spec {
  if (text.length > MAX_SPEC_TEXT) throw new ArkError('invalid-input', 'The spec file is larger than 2 MiB.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    if (Number.isFinite(offset)) {
      const before = text.slice(0, offset).split('\n');
      const line = before.length;
      const column = (before[before.length - 1] ?? '').length + 1;
      throw new ArkError('invalid-input', `The spec is not valid JSON (line ${line}, column ${column}): ${message}`, { line, column });
    }
    throw new ArkError('invalid-input', `The spec is not valid JSON: ${message}`);
  }
  assertExactIntegers(text);
  return parseSpec(data);
}

// JSON.parse rounds integers past 2^53 without a word (9007199254740993 becomes ...992), so tests would check a
// different number than the spec states. Every number token outside strings is checked on the text itself.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function assertExactIntegers(text: string): void {
  for (const match of text.matchAll(JSON_TOKEN)) {
    const token = match[0];
    if (token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token))) continue;
    const before = text.slice(0, match.index).split('\n');
    const line = before.length;
    const column = (before[before.length - 1] ?? '').length + 1;
    throw new ArkError(
      'invalid-input',
      `The spec's integer ${token} (line ${line}, column ${column}) is beyond 2^53 and would lose digits: write it as {"$int": "${token}"}.`,
      { line, column },
    );
  }
}

/** The stored form of a spec: JSON, two-space indented, fields in schema order. */
export function formatSpecJson(spec: Spec): string {
  return `${JSON.stringify(parseSpec(spec), null, 2)}\n`;
}
