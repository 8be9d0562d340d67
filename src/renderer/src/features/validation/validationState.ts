// Pure state changes of the validation slice: live reports that ignore stale replies, and tier policies being edited.
import type { Language, Tier } from '../../../../shared/domain';
import type { ErrorData, Reply } from '../../../../shared/errors';
import type { Finding, ValidationReport } from '../../../../shared/validation';

/** The live verdict on the editor's code: the latest report, and which request it must come from to count. */
export type LiveValidation = {
  status: 'idle' | 'checking' | 'ready' | 'failed';
  report: ValidationReport | null;
  error?: ErrorData;
  /** The number of the newest request sent; a reply with any other number is stale and dropped. */
  latest: number;
};

export const idleValidation: LiveValidation = { status: 'idle', report: null, latest: 0 };

/** A new request goes out: it becomes the only one whose reply will be shown. The last report stays until then. */
export function startValidation(state: LiveValidation): LiveValidation {
  return { ...state, status: 'checking', latest: state.latest + 1 };
}

/**
 * A reply arrives for request `sequence`. Replies can overtake each other (a long file typed, then cut short), so only
 * the reply to the newest request is applied; an older one would show findings for text that is no longer there.
 */
export function applyValidationReply(state: LiveValidation, sequence: number, reply: Reply<ValidationReport>): LiveValidation {
  if (sequence !== state.latest) return state;
  if (reply.ok) return { status: 'ready', report: reply.value, latest: state.latest };
  return { status: 'failed', report: null, error: reply.error, latest: state.latest };
}

/** What a validation request needs; the editor sends one ~250 ms after the last keystroke. */
export type LiveInput = { code: string; language: Language; tier: Tier; filename?: string };

/** The filename the editor's scratch code is validated as (it picks the grammar and labels messages). */
export function scratchFilename(language: Language): string {
  return language === 'python' ? 'scratch.py' : language === 'javascript' ? 'scratch.js' : 'scratch.ts';
}

/** Findings as Monaco markers, the rule id shown as the marker's code. */
export function findingsToMarkers(findings: readonly Finding[]) {
  return findings.map((finding) => ({
    severity: finding.severity,
    message: `${finding.message}\nHint: ${finding.hint}`,
    line: finding.line,
    column: finding.column,
    // Monaco shows nothing for an empty range; a finding on a zero-width spot (a missing token) gets one character.
    endLine: finding.endLine,
    endColumn: finding.endLine === finding.line && finding.endColumn <= finding.column ? finding.column + 1 : finding.endColumn,
    source: 'ark validator',
    code: finding.ruleId,
  }));
}

/** Splits a list typed into a text box (commas, spaces or new lines) into module names, without blanks or repeats. */
export function parseModuleList(text: string): string[] {
  const names = text.split(/[\s,]+/).filter((name) => name.length > 0);
  return [...new Set(names)];
}
