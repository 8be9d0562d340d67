// String transformations obfuscated code uses to hide names, done at validation time so the names are seen.

/** Base64 (standard or URL-safe) to a latin-1 string; null when the text is not base64. */
export function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** Hex digits to a latin-1 string; null when the text is not hex. */
export function decodeHex(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  return Buffer.from(compact, 'hex').toString('latin1');
}

export function rot13(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) out += String.fromCharCode(((code - 65 + 13) % 26) + 65);
    else if (code >= 97 && code <= 122) out += String.fromCharCode(((code - 97 + 13) % 26) + 97);
    else out += char;
  }
  return out;
}

/** Python's slice semantics (`s[start:stop:step]`) on an array of items; null for a zero step. */
export function sliceItems<T>(items: readonly T[], start: number | null, stop: number | null, step: number | null): T[] | null {
  const length = items.length;
  const by = step ?? 1;
  if (by === 0 || !Number.isInteger(by)) return null;
  const clamp = (value: number | null, fallback: number, low: number, high: number): number => {
    if (value === null) return fallback;
    const index = value < 0 ? value + length : value;
    return Math.min(Math.max(index, low), high);
  };
  const out: T[] = [];
  if (by > 0) {
    const from = clamp(start, 0, 0, length);
    const to = clamp(stop, length, 0, length);
    for (let index = from; index < to; index += by) out.push(items[index] as T);
  } else {
    const from = clamp(start, length - 1, -1, length - 1);
    const to = clamp(stop, -1, -1, length - 1);
    for (let index = from; index > to; index += by) out.push(items[index] as T);
  }
  return out;
}
