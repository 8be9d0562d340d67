// Pure helpers for the Runs and Stats tabs: date filters, output collection, percent and chart geometry.
import type { HistoryFilter, OutputChunk, RunLanguage, RunStatus } from '../../../../shared/sandbox';

/** The Runs tab's filters as the user sets them: dates are calendar days, `to` inclusive. */
export type RunsFilter = { status?: RunStatus; language?: RunLanguage; fromDay?: string; toDay?: string };

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The request's filter: days become ISO bounds (`to` is exclusive there, so the day after). */
export function toHistoryFilter(filter: RunsFilter, limit: number): HistoryFilter {
  const next = (value: string) => {
    const date = new Date(`${value}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  };
  return {
    limit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.fromDay && day.test(filter.fromDay) ? { from: filter.fromDay } : {}),
    ...(filter.toDay && day.test(filter.toDay) ? { to: next(filter.toDay) } : {}),
  };
}

/** How much of a run's output the detail pane shows (the rest stays in the store and the CLI). */
export const shownOutputChars = 1_000_000;

export type RunOutput = { stdout: string; stderr: string; terminal: string; cut: boolean };

// Colours and cursor movement mean nothing in a <pre>: dropped for display (dangerous sequences are already gone).
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const csi = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** Joins a run's chunks by stream, plain text for display, up to `shownOutputChars` in all. */
export function collectOutput(chunks: readonly OutputChunk[]): RunOutput {
  const parts = { stdout: [] as string[], stderr: [] as string[], pty: [] as string[] };
  let size = 0;
  let cut = false;
  for (const chunk of chunks) {
    if (size >= shownOutputChars) {
      cut = true;
      break;
    }
    const text = chunk.data.slice(0, shownOutputChars - size);
    if (text.length < chunk.data.length) cut = true;
    parts[chunk.stream].push(text);
    size += text.length;
  }
  return {
    stdout: parts.stdout.join(''),
    stderr: parts.stderr.join(''),
    terminal: parts.pty.join('').replace(csi, '').replace(/\r\n/g, '\n'),
    cut,
  };
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(value === 1 || value === 0 ? 0 : 1)}%`;
}

/** Bars of a distribution scaled to a width: the largest count fills it. */
export function barWidths(counts: readonly number[], width: number): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((count) => (max === 0 ? 0 : Math.max(count > 0 ? 2 : 0, (count / max) * width)));
}
