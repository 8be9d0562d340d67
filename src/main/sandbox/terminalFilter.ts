// Neutralises terminal escape sequences a hostile program could use against the person watching its output.
//
// Dropped whole: every string sequence — OSC (ESC ]: window titles 0/1/2, hyperlinks 8, clipboard writes 52, palette
// changes, notifications), DCS (ESC P), SOS (ESC X), PM (ESC ^) and APC (ESC _) — in their 7-bit and 8-bit (C1) forms,
// and CSI ... t (window manipulation and title reports). Kept: SGR colours, cursor movement, erasing, modes and every
// other CSI or two-character escape, which only change what is drawn. Streaming-safe: a sequence split across chunks
// is recognised, because the state survives between calls.

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;

type State = 'ground' | 'escape' | 'csi' | 'string' | 'stringEscape';

// A CSI longer than this is not a real sequence; it is passed on as is (xterm caps parameters long before this).
const maxCsiLength = 256;

// Plain text is skipped with a native search instead of a character loop (the filter sees every byte of output):
// in ground state only ESC and the C1 introducers matter, inside a string only its terminators and ESC.
// eslint-disable-next-line no-control-regex -- finding control characters is this filter's whole job
const groundSpecial = /[\x1b\x90\x98\x9b\x9d\x9e\x9f]/g;
// eslint-disable-next-line no-control-regex -- as above
const stringSpecial = /[\x07\x18\x1a\x1b\x9c]/g;

function nextSpecial(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text) ? pattern.lastIndex - 1 : text.length;
}

export type TerminalFilter = {
  /** Filters the next chunk; may hold back the start of an unfinished CSI until the next call. */
  push(chunk: string): string;
  /** Whatever is held back, at the end of the output (an unfinished string sequence is dropped). */
  flush(): string;
};

function isStringIntroducer(char: string): boolean {
  // After ESC: ] OSC, P DCS, X SOS, ^ PM, _ APC.
  return char === ']' || char === 'P' || char === 'X' || char === '^' || char === '_';
}

function isC1StringIntroducer(code: number): boolean {
  // 8-bit forms: 0x90 DCS, 0x98 SOS, 0x9d OSC, 0x9e PM, 0x9f APC.
  return code === 0x90 || code === 0x98 || code === 0x9d || code === 0x9e || code === 0x9f;
}

function isExecutedInEscape(code: number): boolean {
  // C0 controls other than ESC, CAN and SUB (which end or restart a sequence), and DEL.
  return (code < 0x20 && code !== ESC && code !== CAN && code !== SUB) || code === 0x7f;
}

export function createTerminalFilter(): TerminalFilter {
  let state: State = 'ground';
  let pending = '';

  const push = (chunk: string): string => {
    let out = '';
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (state === 'ground') {
        i = nextSpecial(groundSpecial, chunk, i);
        if (i >= chunk.length) break;
      } else if (state === 'string') {
        i = nextSpecial(stringSpecial, chunk, i);
        if (i >= chunk.length) {
          start = chunk.length;
          break;
        }
      }
      const code = chunk.charCodeAt(i);
      if ((state === 'escape' || state === 'csi') && code >= 0x80 && code <= 0x9f) {
        // A C1 control abandons an escape or a CSI in the terminal (xterm's "anywhere" rule) and acts as in ground
        // state: handle it there, so an 8-bit introducer after ESC (ESC 0x9d ...) or inside a CSI is still a string.
        pending = '';
        state = 'ground';
        start = i;
      }
      switch (state) {
        case 'ground':
          if (code === ESC) {
            out += chunk.slice(start, i);
            pending = '\x1b';
            state = 'escape';
          } else if (code === 0x9b) {
            out += chunk.slice(start, i);
            pending = '\x9b';
            state = 'csi';
          } else if (isC1StringIntroducer(code)) {
            out += chunk.slice(start, i);
            state = 'string';
          } else {
            continue;
          }
          start = i + 1;
          break;
        case 'escape': {
          const char = chunk[i] ?? '';
          if (isExecutedInEscape(code)) {
            // The terminal runs C0 controls (BEL, NUL, LF...) and ignores DEL without leaving the escape, so the
            // character after them is still the escape's (ESC BEL ] is an OSC): pass the control on, keep the ESC.
            if (code !== 0x7f) out += char;
            start = i + 1;
            break;
          }
          if (isStringIntroducer(char)) {
            pending = '';
            state = 'string';
          } else if (char === '[') {
            pending += char;
            state = 'csi';
          } else if (code === ESC) {
            // ESC ESC: the first is a lone escape; keep it and start over with the second.
            out += pending;
            pending = '\x1b';
          } else if (code === CAN || code === SUB) {
            pending = '';
            state = 'ground';
          } else {
            out += pending + char;
            pending = '';
            state = 'ground';
          }
          start = i + 1;
          break;
        }
        case 'csi':
          pending += chunk[i] ?? '';
          if (code >= 0x40 && code <= 0x7e) {
            // Final byte. `t` is window manipulation: resize, move, and reporting the title back as input.
            if (chunk[i] !== 't') out += pending;
            pending = '';
            state = 'ground';
          } else if (code === CAN || code === SUB) {
            pending = '';
            state = 'ground';
          } else if (code === ESC) {
            // A new escape cancels the unfinished CSI (as in the terminal's own parser).
            out += pending.slice(0, -1);
            pending = '\x1b';
            state = 'escape';
          } else if (pending.length > maxCsiLength) {
            out += pending;
            pending = '';
            state = 'ground';
          }
          start = i + 1;
          break;
        case 'string':
          // Everything up to the terminator is dropped. BEL ends an OSC; ST (ESC \ or 0x9c) ends any; CAN/SUB abort.
          if (code === BEL || code === 0x9c || code === CAN || code === SUB) state = 'ground';
          else if (code === ESC) state = 'stringEscape';
          start = i + 1;
          break;
        case 'stringEscape':
          if (chunk[i] === '\\') {
            state = 'ground';
            start = i + 1;
          } else {
            // ESC followed by anything else ends the string and begins a new escape with this character.
            state = 'escape';
            pending = '\x1b';
            i -= 1;
            start = i + 1;
          }
          break;
      }
    }
    if (state === 'ground') out += chunk.slice(start);
    return out;
  };

  return {
    push,
    flush() {
      const rest = state === 'escape' || state === 'csi' ? pending : '';
      pending = '';
      state = 'ground';
      return rest;
    },
  };
}

/** A filter per output stream (stdout, stderr, pty), each made on the stream's first chunk: a sequence goes on only within its stream. */
export function createStreamFilters(): { push(stream: string, chunk: string): string; flush(stream: string): string } {
  const filters = new Map<string, TerminalFilter>();
  const filterOf = (stream: string) => {
    let filter = filters.get(stream);
    if (!filter) {
      filter = createTerminalFilter();
      filters.set(stream, filter);
    }
    return filter;
  };
  return {
    push: (stream, chunk) => filterOf(stream).push(chunk),
    flush: (stream) => filters.get(stream)?.flush() ?? '',
  };
}

/** Filters a whole text at once (for output printed by the CLI to a real terminal). */
export function neutralizeTerminalOutput(text: string): string {
  const filter = createTerminalFilter();
  return filter.push(text) + filter.flush();
}
