// Pure state changes of the Specs view: the spec draft between form and JSON, and the live stage list of a run.
import type { PipelineStageEvent, StageName, StageRecord } from '../../../../shared/generation';
import { StageName as StageNames } from '../../../../shared/generation';
import { Spec } from '../../../../shared/spec';

/** One row of the stage list: waiting until its first event, then running, then its result. */
export type StageRow = { stage: StageName; status: StageRecord['status'] | 'waiting'; summary: string; durationMs: number | null };

export function emptyStages(): StageRow[] {
  return StageNames.options.map((stage) => ({ stage, status: 'waiting', summary: '', durationMs: null }));
}

/** Applies one `pipeline.stage` event to the stage list (events of other runs are ignored by the caller). */
export function applyStageEvent(rows: StageRow[], event: PipelineStageEvent): StageRow[] {
  return rows.map((row) => (row.stage === event.stage ? { stage: row.stage, status: event.status, summary: event.summary, durationMs: event.durationMs } : row));
}

/** The spec text as the JSON editor shows it. */
export function specText(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

export type DraftCheck = { spec: Spec; problem: null } | { spec: null; problem: string };

/** Checks the JSON text against the schema: the valid spec, or the first problem with its path. */
export function checkDraft(text: string): DraftCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { spec: null, problem: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = Spec.safeParse(data);
  if (parsed.success) return { spec: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { spec: null, problem: `${issue?.path.join('.') || 'spec'}: ${issue?.message ?? 'invalid'}` };
}

/** Parses a JSON value typed into a form field; undefined text (empty) means "absent". */
export function parseFieldValue(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Write a JSON value: 3, "text", [1, 2], true, null.' };
  }
}

/** A value shown in a form field. */
export function formatFieldValue(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

export const blankSpec: Spec = {
  name: 'my_function',
  language: 'python',
  description: '',
  parameters: [],
  returns: { type: 'None' },
  examples: [],
  constraints: [],
  tier: 'sandbox',
};
