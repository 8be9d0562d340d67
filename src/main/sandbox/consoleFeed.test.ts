// The console feed leaves lines out only where the terminal ends exactly as if it had parsed everything: each case
// feeds one terminal the whole output and another what the feed sends, and compares screen, scrollback, colours and
// cursor (xterm.js's own headless build, the same parser as the console's).
import { describe, expect, it } from 'vitest';
import { createConsoleFeed, type ConsoleFeed } from './consoleFeed';
import { headlessTerminal } from './testing';

type Size = { cols: number; rows: number; scrollback: number };

/** Writes `chunks` whole into one terminal, and through a feed (taking at the given points) into another. */
async function compare(size: Size, chunks: string[], takeAfter: (index: number) => boolean = () => true) {
  const whole = headlessTerminal(size);
  const fed = headlessTerminal(size);
  const feed: ConsoleFeed = createConsoleFeed({ scrollback: size.scrollback, size: () => size });
  let sent = 0;
  for (const [index, data] of chunks.entries()) {
    await whole.write(data);
    feed.push({ seq: index + 1, stream: 'pty', data });
    if (takeAfter(index) || index === chunks.length - 1) {
      const chunk = feed.take();
      if (chunk) {
        expect(chunk.seq).toBe(index + 1);
        sent += chunk.data.length;
        await fed.write(chunk.data);
      }
    }
  }
  expect(fed.state()).toEqual(whole.state());
  whole.dispose();
  fed.dispose();
  return { sent, total: chunks.join('').length, dropped: feed.droppedChars };
}

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const sgrs = ['\x1b[0m', '\x1b[m', '\x1b[31m', '\x1b[1;4m', '\x1b[38;5;200m', '\x1b[48;2;1;2;3m', '\x1b[4:3m', '\x1b[58;5;9m', '\x1b[;32m', '\x1b[7m', '\x1b[0;44m'];
// Everything that is not a plain line: cursor moves, erasing, the alternate screen, scroll regions, autowrap, modes,
// charsets, controls, scrolling, a CSI with controls inside, and one cut short.
const others = [
  '\x1b[3;5H', '\x1b[H', '\x1b[2J', '\x1b[K', '\x1b[?1049h', '\x1b[?1049l', '\x1b[2;5r', '\x1b[r', '\x1b[?7l', '\x1b[?7h',
  '\x07', '\x1b(0', '\x1b(B', '\x08', '\x1b[5A', '\x1b7', '\x1b8', '\x1bM', '\x1b[4h', '\x1b[4l', '\x1b[20h', '\x1b[20l',
  '\x1b[2S', '\x1b[3\r\n1m', '\x0b', '\x0c', '\x1bc', '\x1b[?25l', '\x1b[?6h', '\x1b[?6l', '\x1b[3b', '\x1b[2@', '\x0e', '\x0f',
];
const glyphs = ['a', 'Z', ' ', '~', '界', 'e\u0301', '😀', '\t', 'x', '-', '\u00e9'];

function plainLine(rng: ReturnType<typeof random>, cols: number): string {
  const length = rng.pick([0, 1, cols - 1, cols, cols + 1, rng.int(cols * 3)]);
  let line = '';
  const ascii = rng.next() < 0.6;
  for (let i = 0; i < length; i++) line += ascii ? String.fromCharCode(0x20 + rng.int(95)) : rng.pick(glyphs);
  if (rng.next() < 0.2) line = rng.pick(sgrs) + line + rng.pick(sgrs);
  if (rng.next() < 0.05) line += '\r' + 'ab';
  return line + (rng.next() < 0.05 ? '\n' : '\r\n');
}

function randomOutput(rng: ReturnType<typeof random>, size: Size): string {
  let text = '';
  const pieces = 20 + rng.int(60);
  for (let i = 0; i < pieces; i++) {
    const roll = rng.next();
    if (roll < 0.55) {
      // A burst of plain lines, often long enough to push the screen and scrollback out.
      const count = rng.int(size.scrollback * 2 + size.rows * 3);
      for (let j = 0; j < count; j++) text += plainLine(rng, size.cols);
    } else if (roll < 0.85) {
      text += rng.pick(others);
    } else {
      text += rng.pick(sgrs) + plainLine(rng, size.cols).slice(0, -2);
    }
  }
  return text;
}

/** Cuts text at random places, splitting escape sequences, CR LF pairs and surrogate pairs too. */
function cut(rng: ReturnType<typeof random>, text: string): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    const length = 1 + rng.int(rng.next() < 0.3 ? 16 : 4096);
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  return chunks;
}

describe('console feed', () => {
  it('sends a flood of plain lines as little as the terminal keeps, and the terminal ends the same', async () => {
    const size = { cols: 80, rows: 24, scrollback: 100 };
    const line = 'x'.repeat(200) + '\r\n';
    const chunks = Array.from({ length: 40 }, () => line.repeat(100));
    const { sent, total, dropped } = await compare(size, chunks, (index) => index % 10 === 9);
    expect(dropped).toBeGreaterThan(0);
    // 4 000 lines of 3 rows each; the terminal keeps 124 rows: each take sends at most ~(100 + 2 × 24 + 2) / 3 + 2 lines.
    expect(sent).toBeLessThan(total / 10);
  });

  it('keeps colours across what it leaves out', async () => {
    const size = { cols: 40, rows: 10, scrollback: 30 };
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) lines.push(`\x1b[3${i % 8}m line ${i} \x1b[1m bold${i % 5 === 0 ? '\x1b[0m' : ''}\r\n`);
    lines.push('no newline at the end, coloured by the last line');
    const { dropped } = await compare(size, [lines.join('')]);
    expect(dropped).toBeGreaterThan(0);
  });

  it('leaves nothing out once a scroll region is set, and nothing out of a trickle', async () => {
    const size = { cols: 30, rows: 8, scrollback: 20 };
    const flood = ('y'.repeat(50) + '\r\n').repeat(500);
    expect((await compare(size, ['\x1b[2;6r', flood])).dropped).toBe(0);
    expect((await compare(size, ['\x1b[?1;2;3', 'r', flood])).dropped).toBe(0);
    // With autowrap off a long line stays one row: counted as three, too much would go.
    const unwrapped = Array.from({ length: 60 }, (_, i) => `${i} `.padEnd(90, '-') + '\r\n').join('');
    expect((await compare({ cols: 30, rows: 5, scrollback: 10 }, ['\x1b[?7l', unwrapped])).dropped).toBeGreaterThan(0);
    const trickle = Array.from({ length: 20 }, (_, i) => `line ${i}\r\n`);
    const result = await compare(size, trickle);
    expect(result.dropped).toBe(0);
    expect(result.sent).toBe(result.total);
  });

  it('ends the same as the terminal after random output cut at random places (300 cases)', async () => {
    let dropped = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = random(seed);
      const size = { cols: 10 + rng.int(60), rows: 3 + rng.int(12), scrollback: rng.pick([0, 5, 20, 50]) };
      const text = randomOutput(rng, size);
      const chunks = cut(rng, text);
      const takeEvery = 1 + rng.int(8);
      try {
        dropped += (await compare(size, chunks, (index) => index % takeEvery === 0)).dropped;
      } catch (err) {
        throw new Error(`seed ${seed} (${JSON.stringify(size)}): ${(err as Error).message}`, { cause: err });
      }
    }
    // The cases do exercise the dropping, not only the sending.
    expect(dropped).toBeGreaterThan(100_000);
  }, 120_000);
});
