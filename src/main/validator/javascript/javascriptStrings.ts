// JavaScript string literal semantics: escape sequences, so `'child\x5fprocess'` is read as `child_process`.
import type { SyntaxNode } from '../syntaxTree';

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** One escape sequence (`\x41`, `\u0041`, `\u{41}`, `\n` …) as the character it stands for; null if malformed. */
export function decodeJavascriptEscape(escape: string): string | null {
  const body = escape.slice(1);
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  if (Object.hasOwn(simpleEscapes, body)) return simpleEscapes[body] as string;
  if (body.startsWith('x')) return hexCode(body.slice(1), 2);
  if (body.startsWith('u{') && body.endsWith('}')) return hexCode(body.slice(2, -1), -1);
  if (body.startsWith('u')) return hexCode(body.slice(1), 4);
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return body;
}

function hexCode(hex: string, width: number): string | null {
  if ((width > 0 && hex.length !== width) || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const code = parseInt(hex, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The value of a plain string literal node, or null when an escape is malformed. */
export function decodeJavascriptString(node: SyntaxNode): string | null {
  let out = '';
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'string_fragment') out += part.text;
    else if (part.type === 'escape_sequence') {
      const decoded = decodeJavascriptEscape(part.text);
      if (decoded === null) return null;
      out += decoded;
    }
  }
  return out;
}
