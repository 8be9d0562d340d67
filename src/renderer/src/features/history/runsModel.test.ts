import { describe, expect, it } from 'vitest';
import { barWidths, collectOutput, percent, shownOutputChars, toHistoryFilter } from './runsModel';

describe('toHistoryFilter', () => {
  it('turns calendar days into ISO bounds, `to` inclusive of its day', () => {
    expect(toHistoryFilter({ status: 'killed', language: 'python', fromDay: '2026-02-28', toDay: '2026-02-28' }, 50)).toEqual({
      limit: 50,
      status: 'killed',
      language: 'python',
      from: '2026-02-28',
      to: '2026-03-01',
    });
    expect(toHistoryFilter({ toDay: '2026-12-31' }, 10).to).toBe('2027-01-01');
  });
  it('leaves out what is not set or not a day', () => {
    expect(toHistoryFilter({ fromDay: 'yesterday' }, 10)).toEqual({ limit: 10 });
  });
});

describe('collectOutput', () => {
  it('keeps streams apart and makes terminal output plain text', () => {
    const output = collectOutput([
      { runId: 1, seq: 1, stream: 'stdout', data: 'out\n' },
      { runId: 1, seq: 2, stream: 'stderr', data: 'err\n' },
      { runId: 1, seq: 3, stream: 'pty', data: 'Name? \x1b[1mAda\x1b[0m\r\n\x1b[31mred\x1b[0m\r\n' },
    ]);
    expect(output).toEqual({ stdout: 'out\n', stderr: 'err\n', terminal: 'Name? Ada\nred\n', cut: false });
  });
  it('shows at most the display limit and says it cut', () => {
    const big = 'x'.repeat(shownOutputChars - 10);
    const output = collectOutput([
      { runId: 1, seq: 1, stream: 'stdout', data: big },
      { runId: 1, seq: 2, stream: 'stdout', data: 'y'.repeat(100) },
      { runId: 1, seq: 3, stream: 'stdout', data: 'z' },
    ]);
    expect(output.stdout.length).toBe(shownOutputChars);
    expect(output.cut).toBe(true);
  });
});

describe('chart helpers', () => {
  it('scales bars to the largest count, keeping small non-zero counts visible', () => {
    expect(barWidths([10, 5, 0, 0.001], 300)).toEqual([300, 150, 0, 2]);
    expect(barWidths([0, 0], 300)).toEqual([0, 0]);
  });
  it('formats rates as percentages', () => {
    expect([percent(null), percent(1), percent(0), percent(1 / 3)]).toEqual(['—', '100%', '0%', '33.3%']);
  });
});
