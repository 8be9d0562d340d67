// What the console is sent: the run's output, less the lines its terminal would scroll out of its scrollback anyway.
//
// xterm.js costs the page ~100 ms of CPU per MB end to end (docs/performance.md), so a program that floods the console
// would otherwise be held to the speed of the browser. Like X11 xterm's jump scroll, the console then shows the output as
// it stands rather than every line on its way: a line is left out only when enough plain lines follow it to push it out
// of the terminal's screen and scrollback, so the terminal ends exactly as if it had parsed everything (screen,
// scrollback, cursor, colours). The run's whole output is still stored and shown in full by History and on replay.
//
// Why that is exact: a "plain" line holds only printable characters, tabs, CR, LF and SGR colour sequences, and ends in
// CR LF. Such lines change the terminal's state in three ways only: its cells, the cursor, and the SGR attributes. If
// after a dropped stretch come enough plain lines that (1) the cursor reaches the bottom row at column 0 on both paths
// (at most `rows` row advances from anywhere) and (2) then every row of screen and scrollback is pushed out by fresh
// ones, both paths end with the same cells and cursor; the SGR attributes are carried over by keeping the dropped
// stretch's SGR sequences (from its last reset on). A stretch may only start where the terminal's parser is known to be
// in its ground state, and it is never dropped while a scroll region (DECSTBM), which stops line feeds from scrolling
// the whole screen, has been set in the run; with autowrap turned off, each line counts as one row.
import type { StoredChunk } from '../store/executionRepo';

export type FeedSize = {
  /** The most columns the console's terminal has had in this run (fewer columns only wrap into more rows). */
  cols: number;
  /** The most rows it has had. */
  rows: number;
};

export type ConsoleFeed = {
  /** Takes the next chunk of (already neutralised) console output. */
  push(chunk: StoredChunk): void;
  /**
   * Everything held, as one chunk less what the terminal would not keep, with the first and last sequence numbers it
   * stands for; null if nothing is held.
   */
  take(): (StoredChunk & { fromSeq: number }) | null;
  /** Characters held, not yet taken. */
  readonly heldChars: number;
  /** Whether some of what is held has been left out (the program floods the console). */
  readonly droppedSinceTake: boolean;
  /** Characters left out over the run. */
  readonly droppedChars: number;
};

// What may end a run of plain lines: a control character other than tab, LF and CR (C0, DEL, C1); an ESC ends it unless
// it starts an SGR sequence. Native search skips plain text without a JavaScript loop over characters.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const barrier = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex -- an SGR sequence, the one escape plain lines may hold
const sgrHere = /\x1b\[[0-9;:]*m/y;
// A CSI sequence with its parameters and final byte, in 7- or 8-bit form (C0 controls inside are run by the terminal
// without ending it; CAN, SUB and ESC abandon it).
// eslint-disable-next-line no-control-regex -- as above
const csi = /(?:\x1b\[|\x9b)([\x00-\x17\x19\x1c-\x3f]*)([\x40-\x7e])?/y;
// After one of these the terminal's parser is in its ground state, whatever state it was in: each ends an escape or a
// CSI sequence, or is printed. Not `[` and `]`, `P`, `X`, `^`, `_`, which start a CSI or a string after ESC.
const groundingCharacter = /[\x40-\x4f\x51-\x57\x59\x5a\x5c\x60-\x7e]/g;
// eslint-disable-next-line no-control-regex -- the SGR sequences of a dropped stretch
const sgrAnywhere = /\x1b\[[0-9;:]*m/g;
// An SGR sequence that starts from the default attributes: `ESC[m`, `ESC[0m`, `ESC[0;1m`...
// eslint-disable-next-line no-control-regex -- as above
const sgrReset = /^\x1b\[0*(?:;|m)/;
const printableAscii = /^[\x20-\x7e]*$/;
const nonPrintable = /[^\x20-\x7e]/g;

export function createConsoleFeed(options: { scrollback: number; size: () => FeedSize }): ConsoleFeed {
  // Text decided on (sent as it is), then the current run of plain lines, which starts where the parser is in ground.
  let decided: string[] = [];
  let decidedChars = 0;
  let ground = true; // A run's terminal starts reset.
  let run = '';
  let carriedSgr = ''; // The SGR sequences of what was dropped from the current run, from the last reset on.
  let keptChars = 0; // What the last drop kept of the run.
  let droppedChars = 0;
  let droppedSinceTake = false;
  let lastSeq = 0;
  let firstSeq = 0; // Of the first chunk pushed since the last take.
  let stream: StoredChunk['stream'] = 'pty';
  let scrollRegionSet = false;
  let autowrap = true;
  let openCsi = false; // The last chunk ended inside a CSI sequence (only one longer than the filter holds back).

  // Rows of the run's line [start, end), which ends in CR LF: at least one; a line of plain ASCII wraps into a known
  // number more (counted at the widest the terminal has been, which gives the fewest rows).
  const rowsOf = (start: number, end: number): number => {
    if (!autowrap) return 1;
    nonPrintable.lastIndex = start;
    const at = nonPrintable.exec(run)?.index ?? end;
    let length: number;
    if (at === end - 2) length = end - 2 - start;
    else if (run.charCodeAt(at) === 0x1b) {
      const text = run.slice(start, end - 2).replace(sgrAnywhere, '');
      if (!printableAscii.test(text)) return 1;
      length = text.length;
    } else return 1;
    return Math.max(1, Math.ceil(length / Math.max(1, options.size().cols)));
  };

  // Drops the start of the run that enough plain lines after it would scroll out: counted back from the end, lines
  // whose rows reach `needed`, then one more line (which may start mid-row; its end is where both paths agree).
  const dropWhatScrollsOut = () => {
    keptChars = run.length;
    if (scrollRegionSet || run.length === 0) return;
    const needed = options.scrollback + 2 * options.size().rows + 2;
    let rows = 0;
    let end = run.lastIndexOf('\r\n');
    if (end < 0) return;
    end += 2;
    let cut = -1;
    while (end > 0) {
      const previous = end >= 3 ? run.lastIndexOf('\r\n', end - 3) : -1;
      const start = previous < 0 ? 0 : previous + 2;
      if (rows >= needed - 1) {
        cut = start;
        break;
      }
      rows += rowsOf(start, end);
      end = start;
    }
    if (cut <= 0) return;
    const dropped = run.slice(0, cut);
    if (dropped.includes('\x1b')) {
      for (const [sequence] of dropped.matchAll(sgrAnywhere)) carriedSgr = sgrReset.test(sequence) ? sequence : carriedSgr + sequence;
    }
    droppedChars += cut;
    droppedSinceTake = true;
    run = run.slice(cut);
    keptChars = run.length;
  };

  const endRun = () => {
    dropWhatScrollsOut();
    if (carriedSgr) decided.push(carriedSgr);
    if (run) decided.push(run);
    decidedChars += carriedSgr.length + run.length;
    carriedSgr = '';
    run = '';
  };

  // Notes what a CSI sequence outside plain text does to the two settings that decide how lines scroll.
  const noteSequence = (params: string, final: string | undefined) => {
    if (final === undefined) {
      openCsi = true;
      return;
    }
    const plain = /^[0-9;:?]*$/.test(params);
    if (final === 'r' || (!plain && (final === 'h' || final === 'l'))) scrollRegionSet = true;
    else if ((final === 'h' || final === 'l') && params.startsWith('?') && params.slice(1).split(';').includes('7')) autowrap = final === 'h';
  };

  const decide = (text: string) => {
    decided.push(text);
    decidedChars += text.length;
  };

  const scan = (text: string) => {
    let i = 0;
    if (openCsi) {
      // The rest of a long CSI sequence: whatever it does, stop dropping for this run.
      openCsi = false;
      scrollRegionSet = true;
    }
    while (i < text.length) {
      if (!ground) {
        groundingCharacter.lastIndex = i;
        const found = groundingCharacter.exec(text);
        const end = found ? found.index + 1 : text.length;
        decide(text.slice(i, end));
        i = end;
        ground = found !== null;
        continue;
      }
      barrier.lastIndex = i;
      let found = barrier.exec(text);
      while (found && text.charCodeAt(found.index) === 0x1b) {
        sgrHere.lastIndex = found.index;
        if (!sgrHere.test(text)) break;
        barrier.lastIndex = sgrHere.lastIndex;
        found = barrier.exec(text);
      }
      const at = found ? found.index : text.length;
      run += text.slice(i, at);
      if (!found) break;
      // The run ends here; the parser's state is unknown until a grounding character.
      endRun();
      const code = text.charCodeAt(at);
      if (code === 0x1b || code === 0x9b) {
        csi.lastIndex = at;
        const sequence = csi.exec(text);
        if (sequence) noteSequence(sequence[1] ?? '', sequence[2]);
      }
      decide(text[at]!);
      i = at + 1;
      ground = false;
    }
    // Counting back over the lines that are kept costs as much as they are long, so it waits until the run has grown
    // well past what was kept last time (memory stays bounded by that much).
    if (run.length > 2 * keptChars + 256 * 1024) dropWhatScrollsOut();
  };

  return {
    push(chunk) {
      if (firstSeq === 0) firstSeq = chunk.seq;
      lastSeq = chunk.seq;
      stream = chunk.stream;
      scan(chunk.data);
    },
    take() {
      // What was sent cannot be dropped later: a run of plain lines goes on from here as a new one.
      endRun();
      const data = decided.join('');
      decided = [];
      decidedChars = 0;
      droppedSinceTake = false;
      const fromSeq = firstSeq;
      firstSeq = 0;
      if (!data) return null;
      return { seq: lastSeq, fromSeq, stream, data };
    },
    get heldChars() {
      return decidedChars + carriedSgr.length + run.length;
    },
    get droppedSinceTake() {
      return droppedSinceTake;
    },
    get droppedChars() {
      return droppedChars;
    },
  };
}
