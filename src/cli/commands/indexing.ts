// `ark index DIR` and `ark search QUERY`: the project index from the command line.
import { Language } from '../../shared/domain';
import { SymbolKind, type IndexSummary, type SearchHit } from '../../shared/indexing';
import { call, exitCodes, expectArgs, intOption, stringOption, UsageError, type CliCommand } from '../command';

/** The `ark index --json` document: exactly the fields the issue promises scripts, nothing that may change shape. */
export function indexReport(summary: IndexSummary) {
  return {
    projectId: summary.projectId,
    root: summary.root,
    files: summary.files,
    lines: summary.lines,
    symbols: summary.symbols,
    byLanguage: summary.byLanguage,
    byTier: summary.byTier,
    skipped: summary.skipped.map(({ path, reason }) => ({ path, reason })),
    errors: summary.errors.map(({ path, line, message }) => ({ path, line, message })),
    durationMs: summary.durationMs,
  };
}

export const indexCommand: CliCommand = {
  name: 'index',
  usage: ['ark index DIR                 index a project folder (incrementally if indexed before) and print its summary'],
  async run({ args, json, io, withApp }) {
    expectArgs(args, 1, 'index');
    const root = args[0] as string;
    return withApp(async (app) => {
      // Ctrl+C cancels the run cleanly: the previous index stays as it was.
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      let summary: IndexSummary;
      try {
        summary = await call(app, 'project.open', { root }, controller.signal);
      } finally {
        process.off('SIGINT', cancel);
      }
      if (json) {
        io.out(JSON.stringify(indexReport(summary), null, 2));
        return exitCodes.ok;
      }
      io.out(`Indexed ${summary.root} (project ${summary.projectId}) in ${(summary.durationMs / 1000).toFixed(2)} s`);
      io.out(`  ${summary.files} files, ${summary.lines} lines, ${summary.symbols} symbols`);
      for (const [language, tally] of Object.entries(summary.byLanguage)) {
        io.out(`  ${language.padEnd(12)} ${String(tally.files).padStart(7)} files ${String(tally.lines).padStart(9)} lines ${String(tally.symbols).padStart(8)} symbols`);
      }
      io.out(`  tiers: ${Object.entries(summary.byTier).map(([tier, tally]) => `${tier} ${tally.files}`).join(', ') || 'none'}`);
      io.out(`  parsed ${summary.changes.parsed}, unchanged ${summary.changes.unchanged}, removed ${summary.changes.removed}`);
      if (summary.skipped.length > 0) {
        io.out(`Skipped (${summary.skipped.length}):`);
        for (const skip of summary.skipped.slice(0, 20)) io.out(`  ${skip.path}  [${skip.reason}] ${skip.detail}`);
        if (summary.skipped.length > 20) io.out(`  … and ${summary.skipped.length - 20} more (use --json for all)`);
      }
      if (summary.errors.length > 0) {
        io.out(`Syntax errors (${summary.errors.length}):`);
        for (const issue of summary.errors.slice(0, 20)) io.out(`  ${issue.path}:${issue.line}:${issue.column + 1}  ${issue.message}`);
        if (summary.errors.length > 20) io.out(`  … and ${summary.errors.length - 20} more (use --json for all)`);
      }
      return exitCodes.ok;
    });
  },
};

/** A comma-separated option whose every item is one of `choices` ("function,method"). */
function listOption<T extends string>(values: Record<string, string | boolean | undefined>, name: string, choices: readonly T[]): T[] | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  const wrong = items.filter((item) => !(choices as readonly string[]).includes(item));
  if (items.length === 0 || wrong.length > 0) throw new UsageError(`--${name} takes one or more of ${choices.join(', ')} (comma-separated), got "${raw}".`);
  return items as T[];
}

function formatHit(hit: SearchHit): string {
  const doc = hit.docSummary ? `  — ${hit.docSummary}` : '';
  return `${hit.path}:${hit.startLine}  ${hit.kind.padEnd(14)} ${hit.qualifiedName}  ${hit.signature}${doc}`;
}

export const searchCommand: CliCommand = {
  name: 'search',
  readsOnly: true,
  usage: ['ark search QUERY [--kind K,..] [--lang L,..] [--project ID] [--limit N]   search indexed symbols'],
  options: { kind: { type: 'string' }, lang: { type: 'string' }, project: { type: 'string' }, limit: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    const text = args.join(' ');
    // A blank query matches nothing ever: say so instead of "no symbols match".
    if (text.trim() === '') throw new UsageError('"search" needs a QUERY: ark search parse_config');
    const kinds = listOption(values, 'kind', SymbolKind.options);
    const languages = listOption(values, 'lang', Language.options);
    const projectId = intOption(values, 'project', 1, Number.MAX_SAFE_INTEGER);
    const limit = intOption(values, 'limit', 1, 500) ?? 20;
    return withApp(async (app) => {
      const hits = await call(app, 'search.symbols', {
        text,
        limit,
        ...(kinds ? { kinds } : {}),
        ...(languages ? { languages } : {}),
        ...(projectId !== undefined ? { projectId } : {}),
      });
      if (json) io.out(JSON.stringify(hits, null, 2));
      else if (hits.length > 0) for (const hit of hits) io.out(formatHit(hit));
      else {
        // Suggest indexing only when nothing is indexed: with projects there, the query simply found nothing.
        const indexed = await call(app, 'project.list', { limit: 1 });
        io.out(indexed.length > 0 ? `No symbols match "${text}".` : `No symbols match "${text}": no project is indexed yet. Index one with "ark index DIR".`);
      }
      // Like grep: finding nothing is the checked thing failing.
      return hits.length > 0 ? exitCodes.ok : exitCodes.failed;
    });
  },
};
