// Python string semantics the evaluator needs: escape sequences, %-formatting and str.format templates.

const simpleEscapes: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Decodes the escapes of a (non-raw) literal body; null for `\N{...}`, whose names we do not carry. */
export function decodePythonEscapes(body: string, isBytes: boolean): string | null {
  let out = '';
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] as string;
    if (char !== '\\' || index + 1 >= body.length) {
      out += char;
      continue;
    }
    const next = body[index + 1] as string;
    if (Object.hasOwn(simpleEscapes, next)) {
      out += simpleEscapes[next];
      index += 1;
    } else if (next === '\n') {
      index += 1;
    } else if (next === 'x') {
      const hex = body.slice(index + 2, index + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      index += 3;
    } else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && /[0-7]/.test(body[index + 1 + digits.length] ?? '')) digits += body[index + 1 + digits.length];
      out += String.fromCharCode(parseInt(digits, 8));
      index += digits.length;
    } else if (!isBytes && (next === 'u' || next === 'U')) {
      const width = next === 'u' ? 4 : 8;
      const hex = body.slice(index + 2, index + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      index += 1 + width;
    } else if (!isBytes && next === 'N') {
      return null;
    } else {
      out += char;
    }
  }
  return out;
}

/** A piece of a formatted result: literal text, or the value of a conversion (positional index or mapping key). */
export type FormatPiece = { text: string } | { index: number; conversion: 'str' | 'repr' | 'char' | 'int' | 'hex' } | { key: string; conversion: 'str' | 'repr' | 'char' | 'int' | 'hex' };

const printfConversions: Record<string, 'str' | 'repr' | 'char' | 'int' | 'hex'> = { s: 'str', r: 'repr', a: 'repr', c: 'char', d: 'int', i: 'int', u: 'int', x: 'hex' };

/** Splits a %-format template into pieces; null when it uses widths, precisions or conversions we do not model. */
export function parsePrintf(template: string): FormatPiece[] | null {
  const pieces: FormatPiece[] = [];
  let text = '';
  let position = 0;
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index] as string;
    if (char !== '%') {
      text += char;
      continue;
    }
    let next = template[index + 1];
    if (next === '%') {
      text += '%';
      index += 1;
      continue;
    }
    let key: string | null = null;
    let cursor = index + 1;
    if (next === '(') {
      const close = template.indexOf(')', cursor);
      if (close < 0) return null;
      key = template.slice(cursor + 1, close);
      cursor = close + 1;
      next = template[cursor];
    }
    const conversion = next === undefined ? undefined : printfConversions[next];
    if (!conversion || !Object.hasOwn(printfConversions, next as string)) return null;
    if (text) pieces.push({ text });
    text = '';
    pieces.push(key === null ? { index: position, conversion } : { key, conversion });
    if (key === null) position += 1;
    index = cursor;
  }
  if (text) pieces.push({ text });
  return pieces;
}

/** One replacement field of a str.format template, split into its name parts. */
export type FormatField = { name: string; path: string[]; conversion: string; spec: string };

/** Splits a str.format template into literal text and fields; null when the braces do not match. */
export function parseFormatTemplate(template: string): Array<string | FormatField> | null {
  const out: Array<string | FormatField> = [];
  let text = '';
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index] as string;
    if (char === '{' && template[index + 1] === '{') {
      text += '{';
      index += 1;
    } else if (char === '}' && template[index + 1] === '}') {
      text += '}';
      index += 1;
    } else if (char === '{') {
      const close = matchingBrace(template, index);
      if (close < 0) return null;
      if (text) out.push(text);
      text = '';
      out.push(parseField(template.slice(index + 1, close)));
      index = close;
    } else if (char === '}') {
      return null;
    } else {
      text += char;
    }
  }
  if (text) out.push(text);
  return out;
}

function matchingBrace(template: string, open: number): number {
  let depth = 0;
  for (let index = open; index < template.length; index += 1) {
    if (template[index] === '{') depth += 1;
    else if (template[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function parseField(inner: string): FormatField {
  let end = inner.length;
  let conversion = '';
  let spec = '';
  const colon = indexOutsideBrackets(inner, ':');
  if (colon >= 0) {
    spec = inner.slice(colon + 1);
    end = colon;
  }
  const bang = indexOutsideBrackets(inner.slice(0, end), '!');
  if (bang >= 0) {
    conversion = inner.slice(bang + 1, end);
    end = bang;
  }
  const reference = inner.slice(0, end);
  const path: string[] = [];
  let name = '';
  let index = 0;
  while (index < reference.length && reference[index] !== '.' && reference[index] !== '[') name += reference[index++];
  while (index < reference.length) {
    if (reference[index] === '.') {
      let part = '';
      index += 1;
      while (index < reference.length && reference[index] !== '.' && reference[index] !== '[') part += reference[index++];
      path.push(part);
    } else {
      const close = reference.indexOf(']', index);
      const stop = close < 0 ? reference.length : close;
      path.push(reference.slice(index + 1, stop));
      index = stop + 1;
    }
  }
  return { name, path, conversion, spec };
}

function indexOutsideBrackets(text: string, wanted: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === wanted && depth === 0) return index;
  }
  return -1;
}

/** Python's repr of a str, close enough for folding (`'x'`, or `"x"` when the text has a single quote). */
export function pythonRepr(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
