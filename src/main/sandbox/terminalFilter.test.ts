// The escape filter on its own: what it drops, what it keeps, and that a sequence split anywhere is still caught.
import { describe, expect, it } from 'vitest';
import { createTerminalFilter, neutralizeTerminalOutput } from './terminalFilter';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** Feeds `text` in pieces cut at the given positions. */
function filterInPieces(text: string, cuts: number[]): string {
  const filter = createTerminalFilter();
  let out = '';
  let last = 0;
  for (const cut of [...cuts, text.length]) {
    out += filter.push(text.slice(last, cut));
    last = cut;
  }
  return out + filter.flush();
}

/**
 * Whether xterm.js would enter a string sequence (OSC, DCS, SOS, PM, APC) reading `text`: an 8-bit introducer
 * anywhere, or ESC followed (after any C0 controls and DEL, which xterm runs or ignores inside the escape) by ] P X ^ _.
 */
function opensString(text: string): boolean {
  if (/[\x90\x98\x9d\x9e\x9f]/.test(text)) return true;
  // eslint-disable-next-line no-control-regex -- control characters are the point
  return /\x1b[\x00-\x17\x19\x1c-\x1f\x7f]*[\]PX^_]/.test(text);
}

describe('terminal filter', () => {
  it.each([
    ['OSC 52 clipboard write (BEL)', `a${ESC}]52;c;ZXZpbA==${BEL}b`],
    ['OSC 52 clipboard write (ST)', `a${ESC}]52;c;ZXZpbA==${ST}b`],
    ['OSC 0 title', `a${ESC}]0;pwned${BEL}b`],
    ['OSC 2 title', `a${ESC}]2;pwned${ST}b`],
    ['OSC 1 icon name', `a${ESC}]1;pwned${BEL}b`],
    ['OSC 7 working directory', `a${ESC}]7;file:///etc${BEL}b`],
    ['DCS', `a${ESC}P+q544e${ST}b`],
    ['APC', `a${ESC}_payload${ST}b`],
    ['PM', `a${ESC}^payload${ST}b`],
    ['SOS', `a${ESC}Xpayload${ST}b`],
    ['8-bit OSC', `a\x9d52;c;ZXZpbA==\x9cb`],
    ['8-bit DCS', `a\x90payload\x9cb`],
    ['8-bit APC', `a\x9fpayload\x9cb`],
    ['window manipulation CSI t', `a${ESC}[8;100;100tb`],
    ['title report CSI 21 t', `a${ESC}[21tb`],
  ])('drops %s', (_name, text) => {
    expect(neutralizeTerminalOutput(text)).toBe('ab');
  });

  it('drops an OSC 8 hyperlink but keeps its text', () => {
    expect(neutralizeTerminalOutput(`${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`)).toBe('click');
  });

  it('keeps colours, cursor movement, erasing and modes', () => {
    const text = `${ESC}[1;31mred${ESC}[0m ${ESC}[2;5H${ESC}[K${ESC}[?25l${ESC}[3A${ESC}7${ESC}8${ESC}(B done\r\n`;
    expect(neutralizeTerminalOutput(text)).toBe(text);
  });

  it('leaves plain text and Unicode alone', () => {
    const text = 'héllo wörld ✓ 日本語\n\ttab';
    expect(neutralizeTerminalOutput(text)).toBe(text);
  });

  it('catches every sequence when the input is split at every position', () => {
    const text = `x${ESC}[31mR${ESC}]52;c;QUJD${BEL}y${ESC}]0;t${ST}z${ESC}P1$r${ST}${ESC}[2;3Hw${ESC}[21t${ESC}_a${ST}\x9d0;t\x9c!`;
    const expected = `x${ESC}[31mRyz${ESC}[2;3Hw!`;
    for (let cut = 0; cut <= text.length; cut++) expect(filterInPieces(text, [cut])).toBe(expected);
    for (let a = 0; a <= text.length; a += 3) for (let b = a; b <= text.length; b += 5) expect(filterInPieces(text, [a, b])).toBe(expected);
    // One character at a time.
    expect(filterInPieces(text, Array.from({ length: text.length }, (_, i) => i))).toBe(expected);
  });

  it('ends a string at CAN or SUB, and at a new escape', () => {
    expect(neutralizeTerminalOutput(`a${ESC}]0;x\x18b`)).toBe('ab');
    expect(neutralizeTerminalOutput(`a${ESC}]0;x\x1ab`)).toBe('ab');
    expect(neutralizeTerminalOutput(`a${ESC}]0;x${ESC}[31mb`)).toBe(`a${ESC}[31mb`);
  });

  it('swallows an unterminated string sequence to the end rather than letting it through', () => {
    const filter = createTerminalFilter();
    expect(filter.push(`before${ESC}]52;c;`)).toBe('before');
    expect(filter.push('QUJD'.repeat(1000))).toBe('');
    expect(filter.flush()).toBe('');
  });

  it('lets no string sequence start as xterm.js reads it: C0 controls inside an escape, C1 controls inside an escape or CSI', () => {
    // xterm.js stays in its escape state across C0 controls and DEL (ESC BEL ] is an OSC), and any C1 control
    // starts over from any state (ESC 0x9d and CSI 1 0x9d are OSCs). Each of these reached xterm as a working OSC 52
    // clipboard write or OSC 8 link.
    for (const text of [
      `a${ESC}${BEL}]52;c;ZXZpbA==${BEL}b`,
      `a${ESC}\x00]0;owned${BEL}b`,
      `a${ESC}\x7f]8;;javascript:alert(1)${BEL}b`,
      `a${ESC}\x9d52;c;ZXZpbA==${BEL}b`,
      `a\x9b1\x9d52;c;ZXZpbA==${BEL}b`,
      `a${ESC}[1\x9d8;;javascript:alert(1)${BEL}b`,
      `a${ESC}[1\x90$q m${ST}b`,
    ]) {
      const out = neutralizeTerminalOutput(text);
      expect(opensString(out), JSON.stringify(out)).toBe(false);
      for (let cut = 0; cut <= text.length; cut++) expect(opensString(filterInPieces(text, [cut]))).toBe(false);
    }
    // And in general: random mixes of the characters that matter, cut at random places (a fixed seed).
    const alphabet = [ESC, BEL, '\x00', '\x7f', '\x18', '\x9b', '\x9c', '\x9d', '\x90', '\x9f', '\x85', '[', ']', 'P', '_', '^', 'X', '\\', '1', ';', 'm', 't', ' ', 'a'];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: 4 + random(12) }, () => alphabet[random(alphabet.length)]).join('');
      const out = filterInPieces(text, [random(text.length + 1)].sort((x, y) => x - y));
      expect(opensString(out), JSON.stringify([text, out])).toBe(false);
    }
  });

  it('passes on a lone escape at the end and an absurdly long CSI', () => {
    expect(neutralizeTerminalOutput(`a${ESC}`)).toBe(`a${ESC}`);
    const long = `${ESC}[${'1;'.repeat(200)}m`;
    expect(neutralizeTerminalOutput(long)).toBe(long);
  });
});
