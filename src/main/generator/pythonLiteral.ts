// Reads Python literals and simple calls (ast.literal_eval's subset plus f(args, k=v)) and turns them into SpecValues.
import type { SpecValue } from '../../shared/spec';

/** A Python expression in the literal subset: constants, containers, unary minus, and calls whose arguments are such. */
export type PyExpr =
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'list' | 'tuple' | 'set'; items: PyExpr[] }
  | { t: 'dict'; entries: [PyExpr, PyExpr][] }
  | { t: 'name'; name: string }
  | { t: 'call'; callee: string; args: PyExpr[]; kwargs: [string, PyExpr][] };

/** A syntax error or an expression outside the literal subset, with the offset where reading stopped. */
export class PythonLiteralError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'PythonLiteralError';
    this.offset = offset;
  }
}

const MAX_DEPTH = 100;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

class Reader {
  private depth = 0;
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new PythonLiteralError(message, at);
  }

  /** Skips blanks; inside brackets newlines, comments and backslash continuations are blanks too, as in Python. */
  skip(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\f') this.pos += 1;
      else if (this.depth > 0 && (ch === '\n' || ch === '\r')) this.pos += 1;
      else if (ch === '\\' && (this.text[this.pos + 1] === '\n' || this.text[this.pos + 1] === '\r')) this.pos += 2;
      else if (this.depth > 0 && ch === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos += 1;
      } else return;
    }
  }

  peek(): string | undefined {
    this.skip();
    return this.text[this.pos];
  }

  eat(token: string): boolean {
    this.skip();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`Expected "${token}" at ${this.describeHere()}.`);
  }

  describeHere(): string {
    const rest = this.text.slice(this.pos, this.pos + 12);
    return rest.length === 0 ? 'the end' : `"${rest}${this.text.length > this.pos + 12 ? '…' : ''}"`;
  }

  expression(): PyExpr {
    const ch = this.peek();
    if (ch === undefined) this.fail('Expected a value, found the end.');
    if (ch === '-' || ch === '+') {
      const at = this.pos;
      this.pos += 1;
      const operand = this.nested(() => this.expression());
      if (operand.t === 'int') return ch === '-' ? { t: 'int', v: -operand.v } : operand;
      if (operand.t === 'float') return ch === '-' ? { t: 'float', v: -operand.v } : operand;
      if (operand.t === 'call' || operand.t === 'name') return ch === '-' ? { t: 'call', callee: '-', args: [operand], kwargs: [] } : operand;
      this.fail(`Unary "${ch}" applies to numbers only.`, at);
    }
    if (ch === '[') return this.sequence('[', ']', 'list');
    if (ch === '(') return this.parenthesised();
    if (ch === '{') return this.braces();
    if (/[0-9.]/.test(ch)) return this.number();
    const string = this.stringLiteral();
    if (string) return string;
    if (/[A-Za-z_]/.test(ch)) return this.nameOrCall();
    this.fail(`Unexpected ${this.describeHere()}.`);
  }

  private nested<T>(read: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) this.fail('Value nests too deeply.');
    try {
      return read();
    } finally {
      this.depth -= 1;
    }
  }

  private sequence(open: string, close: string, t: 'list' | 'set'): PyExpr {
    this.expect(open);
    return this.nested(() => {
      const items: PyExpr[] = [];
      while (!this.eat(close)) {
        items.push(this.expression());
        if (!this.eat(',')) {
          this.expect(close);
          break;
        }
      }
      return { t, items };
    });
  }

  private parenthesised(): PyExpr {
    this.expect('(');
    return this.nested(() => {
      if (this.eat(')')) return { t: 'tuple', items: [] };
      const first = this.expression();
      if (this.eat(')')) return first;
      this.expect(',');
      const items = [first];
      while (!this.eat(')')) {
        items.push(this.expression());
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      return { t: 'tuple', items };
    });
  }

  private braces(): PyExpr {
    this.expect('{');
    return this.nested(() => {
      if (this.eat('}')) return { t: 'dict', entries: [] };
      const first = this.expression();
      if (!this.eat(':')) {
        const items = [first];
        while (this.eat(',')) {
          if (this.peek() === '}') break;
          items.push(this.expression());
        }
        this.expect('}');
        return { t: 'set', items };
      }
      const entries: [PyExpr, PyExpr][] = [[first, this.expression()]];
      while (this.eat(',')) {
        if (this.peek() === '}') break;
        const key = this.expression();
        this.expect(':');
        entries.push([key, this.expression()]);
      }
      this.expect('}');
      return { t: 'dict', entries };
    });
  }

  private number(): PyExpr {
    const start = this.pos;
    const radix = /0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+/y;
    radix.lastIndex = start;
    const decimal = /(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?/y;
    decimal.lastIndex = start;
    const radixMatch = radix.exec(this.text);
    const match = radixMatch ?? decimal.exec(this.text);
    if (!match) this.fail(`Unexpected ${this.describeHere()}.`);
    const raw = match[0];
    this.pos = start + raw.length;
    const next = this.text[this.pos];
    if (next === 'j' || next === 'J') this.fail('Complex numbers are not supported.', start);
    if (next !== undefined && /[A-Za-z0-9_]/.test(next)) this.fail(`"${raw}${next}" is not a number.`, start);
    const digits = raw.replace(/_/g, '');
    if (radixMatch) return { t: 'int', v: BigInt(digits) };
    if (/[.eE]/.test(digits)) return { t: 'float', v: Number(digits) };
    if (/^0\d/.test(digits) && /[1-9]/.test(digits)) this.fail(`"${raw}": leading zeros are not allowed in Python 3 integers.`, start);
    return { t: 'int', v: BigInt(digits) };
  }

  /** Reads one or more adjacent string literals (Python concatenates them); undefined when no string starts here. */
  private stringLiteral(): PyExpr | undefined {
    let value: string | undefined;
    for (;;) {
      this.skip();
      const piece = this.onePiece();
      if (piece === undefined) break;
      value = (value ?? '') + piece;
    }
    return value === undefined ? undefined : { t: 'str', v: value };
  }

  private onePiece(): string | undefined {
    const start = this.pos;
    const prefixMatch = /^([rRbBuUfF]{0,2})(['"])/.exec(this.text.slice(start, start + 3));
    if (!prefixMatch) return undefined;
    const prefix = (prefixMatch[1] ?? '').toLowerCase();
    if (!/^(?:|r|u|b|f|br|rb|fr|rf)$/.test(prefix)) return undefined;
    if (prefix.includes('f')) this.fail('f-strings are not literals.', start);
    if (prefix.includes('b')) this.fail('Bytes literals are not supported.', start);
    const raw = prefix.includes('r');
    const quote = prefixMatch[2] ?? '"';
    let pos = start + prefix.length;
    const triple = this.text.startsWith(quote.repeat(3), pos);
    const delimiter = triple ? quote.repeat(3) : quote;
    pos += delimiter.length;
    let out = '';
    for (;;) {
      if (pos >= this.text.length) this.fail('This string is never closed.', start);
      if (this.text.startsWith(delimiter, pos)) {
        pos += delimiter.length;
        break;
      }
      const ch = this.text[pos] ?? '';
      if (!triple && (ch === '\n' || ch === '\r')) this.fail('This string is never closed on its line.', start);
      if (ch !== '\\') {
        out += ch;
        pos += 1;
        continue;
      }
      const next = this.text[pos + 1];
      if (next === undefined) this.fail('This string is never closed.', start);
      if (raw) {
        out += ch + next;
        pos += 2;
        continue;
      }
      const escaped = this.escape(pos);
      out += escaped.text;
      pos = escaped.end;
    }
    this.pos = pos;
    return out;
  }

  private escape(at: number): { text: string; end: number } {
    const next = this.text[at + 1] ?? '';
    if (next === '\n') return { text: '', end: at + 2 };
    if (next === '\r') return { text: '', end: this.text[at + 2] === '\n' ? at + 3 : at + 2 };
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) return { text: simple, end: at + 2 };
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(at + 1, at + 4));
    if (octal) return { text: String.fromCharCode(parseInt(octal[0], 8)), end: at + 1 + octal[0].length };
    const widths: Record<string, number> = { x: 2, u: 4, U: 8 };
    const width = widths[next];
    if (width !== undefined) {
      const hex = this.text.slice(at + 2, at + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) this.fail(`Bad \\${next} escape.`, at);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) this.fail(`\\${next}${hex} is outside Unicode.`, at);
      return { text: String.fromCodePoint(code), end: at + 2 + width };
    }
    if (next === 'N') this.fail('\\N{...} escapes are not supported; write the character itself.', at);
    return { text: '\\' + next, end: at + 2 };
  }

  private nameOrCall(): PyExpr {
    const match = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found) this.fail(`Unexpected ${this.describeHere()}.`);
    const name = found[0];
    this.pos += name.length;
    if (name === 'None') return { t: 'none' };
    if (name === 'True' || name === 'False') return { t: 'bool', v: name === 'True' };
    if (this.text[this.pos] !== '(' && this.peekCallParen() === false) return { t: 'name', name };
    return this.callArguments(name);
  }

  /** Python allows `f (x)`; only treat a parenthesis after blanks as a call when it is on the same line. */
  private peekCallParen(): boolean {
    const save = this.pos;
    this.skip();
    const isParen = this.text[this.pos] === '(';
    if (!isParen) this.pos = save;
    return isParen;
  }

  callArguments(callee: string): PyExpr {
    this.expect('(');
    return this.nested(() => {
      const args: PyExpr[] = [];
      const kwargs: [string, PyExpr][] = [];
      while (!this.eat(')')) {
        this.skip();
        const keyword = /([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/y;
        keyword.lastIndex = this.pos;
        const named = keyword.exec(this.text);
        if (this.text[this.pos] === '*') this.fail('Star arguments are not supported in examples.');
        if (named && named[1]) {
          this.pos += named[0].length;
          kwargs.push([named[1], this.expression()]);
        } else {
          if (kwargs.length > 0) this.fail('A positional argument follows a keyword argument.');
          args.push(this.expression());
        }
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      return { t: 'call', callee, args, kwargs };
    });
  }
}

/** Reads one expression starting at `start` (leading blanks skipped); returns it and the offset just after it. */
export function readPythonExpression(text: string, start = 0): { expr: PyExpr; end: number } {
  const reader = new Reader(text, start);
  const expr = reader.expression();
  return { expr, end: reader.pos };
}

/** Parses a whole text as one literal (surrounding blanks allowed) into a SpecValue; throws PythonLiteralError. */
export function parsePythonLiteral(text: string): SpecValue {
  const { expr, end } = readPythonExpression(text);
  if (text.slice(end).trim() !== '') throw new PythonLiteralError(`Unexpected "${text.slice(end).trim().slice(0, 20)}" after the value.`, end);
  return toSpecValue(expr);
}

/** Like parsePythonLiteral, but returns undefined instead of throwing. */
export function tryParsePythonLiteral(text: string): SpecValue | undefined {
  try {
    return parsePythonLiteral(text);
  } catch (error) {
    if (error instanceof PythonLiteralError) return undefined;
    throw error;
  }
}

const SPECIAL_FLOATS: Record<string, SpecValue> = {
  inf: { $float: 'inf' },
  '+inf': { $float: 'inf' },
  infinity: { $float: 'inf' },
  '+infinity': { $float: 'inf' },
  '-inf': { $float: '-inf' },
  '-infinity': { $float: '-inf' },
  nan: { $float: 'nan' },
  '+nan': { $float: 'nan' },
  '-nan': { $float: 'nan' },
};

/** Converts a literal expression to the spec encoding; throws when it holds anything but constants. */
export function toSpecValue(expr: PyExpr): SpecValue {
  switch (expr.t) {
    case 'none':
      return null;
    case 'bool':
      return expr.v;
    case 'int':
      return expr.v >= BigInt(Number.MIN_SAFE_INTEGER) && expr.v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(expr.v) : { $int: expr.v.toString() };
    case 'float':
      if (Number.isNaN(expr.v)) return { $float: 'nan' };
      if (!Number.isFinite(expr.v)) return { $float: expr.v > 0 ? 'inf' : '-inf' };
      return expr.v;
    case 'str':
      return expr.v;
    case 'list':
      return expr.items.map(toSpecValue);
    case 'tuple':
      return { $tuple: expr.items.map(toSpecValue) };
    case 'set':
      return { $set: expr.items.map(toSpecValue) };
    case 'dict':
      return dictValue(expr.entries.map(([key, value]) => [toSpecValue(key), toSpecValue(value)]));
    case 'name':
      if (expr.name === 'math.inf') return { $float: 'inf' };
      if (expr.name === 'math.nan') return { $float: 'nan' };
      throw new PythonLiteralError(`"${expr.name}" is a name, not a literal.`, 0);
    case 'call':
      return callValue(expr);
  }
}

function callValue(expr: Extract<PyExpr, { t: 'call' }>): SpecValue {
  const only = expr.args[0];
  if (expr.kwargs.length === 0 && expr.args.length <= 1) {
    if (expr.callee === '-' && only) {
      const inner = toSpecValue(only);
      if (inner && typeof inner === 'object' && '$float' in inner) {
        return { $float: inner.$float === 'inf' ? '-inf' : inner.$float === '-inf' ? 'inf' : 'nan' };
      }
    }
    if (expr.callee === 'float' && only?.t === 'str') {
      const special = SPECIAL_FLOATS[only.v.trim().toLowerCase()];
      if (special !== undefined) return special;
      const number = Number(only.v.trim());
      if (only.v.trim() !== '' && Number.isFinite(number)) return number;
    }
    if (['set', 'tuple', 'list'].includes(expr.callee)) {
      const items = only === undefined ? [] : toSpecValue(only);
      const array = Array.isArray(items) ? items : items && typeof items === 'object' && ('$tuple' in items || '$set' in items) ? (Object.values(items)[0] as SpecValue[]) : undefined;
      if (array) return expr.callee === 'list' ? array : { [`$${expr.callee}`]: array };
    }
    if (expr.callee === 'dict' && only === undefined) return {};
  }
  throw new PythonLiteralError(`"${expr.callee}(...)" is a call, not a literal.`, 0);
}

/** Builds a dict value: a plain object when every key is an ordinary string, else the $dict pair list. */
export function dictValue(pairs: [SpecValue, SpecValue][]): SpecValue {
  const plain = pairs.every(([key]) => typeof key === 'string' && !key.startsWith('$') && key !== '__proto__');
  if (plain) {
    const record: { [key: string]: SpecValue } = {};
    for (const [key, value] of pairs) record[key as string] = value;
    return record;
  }
  // Python keeps the last value for a repeated key.
  const kept = new Map<string, [SpecValue, SpecValue]>();
  for (const pair of pairs) {
    const identity = JSON.stringify(pair[0]);
    kept.delete(identity);
    kept.set(identity, pair);
  }
  return { $dict: [...kept.values()] };
}
