// `ark run FILE`, `ark history` and `ark stats`: the sandbox from the command line, through the same requests as the UI.
import { Tier } from '../../shared/domain';
import { ArkError } from '../../shared/errors';
import { RunLanguage, RunStatus, type ExecutionSummary, type RunRequest, type RunResult } from '../../shared/sandbox';
import { neutralizeTerminalOutput } from '../../main/sandbox/terminalFilter';
import { call, choiceOption, exitCodes, expectArgs, intOption, stringOption, UsageError, type CliCommand } from '../command';
import { languageForPath, readSourceFile } from './validation';

/** What `ark run --json` prints: the first eleven fields of the result, in this order. */
function runJson(result: RunResult) {
  const { id, status, exitCode, signal, stdout, stderr, durationMs, cpuMs, maxRssKb, isolation, validation } = result;
  return { id, status, exitCode, signal, stdout, stderr, durationMs, cpuMs, maxRssKb, isolation, validation };
}

const fixed = (value: number | null, digits = 0) => (value === null ? '—' : value.toFixed(digits));

export const runCommand: CliCommand = {
  name: 'run',
  usage: [
    'ark run FILE [--lang python|javascript] [--tier T] [--timeout MS] [--memory MB] [--override REASON] [--confirm-core]',
    '                              run a file in the sandbox (validated first); exit 1 unless it succeeds',
  ],
  options: {
    lang: { type: 'string' },
    tier: { type: 'string' },
    timeout: { type: 'string' },
    memory: { type: 'string' },
    override: { type: 'string' },
    'confirm-core': { type: 'boolean', default: false },
  },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 1, 'run');
    const file = args[0] as string;
    const given = choiceOption(values, 'lang', [...RunLanguage.options, 'typescript'] as const);
    // Read first: a missing file or a folder is the problem to report, not its (absent) extension.
    const code = readSourceFile(file);
    const language = given ?? languageForPath(file);
    if (!language) throw new UsageError(`cannot tell the language of "${file}" from its extension; pass --lang python or javascript.`);
    if (language === 'typescript') {
      throw new ArkError('invalid-input', `${file} is TypeScript: the sandbox runs Python and JavaScript only. Compile it to JavaScript first (tsc), then run the .js file.`);
    }
    const tier = choiceOption(values, 'tier', Tier.options) ?? 'sandbox';
    const timeoutMs = intOption(values, 'timeout', 100, 3_600_000);
    const memoryMb = intOption(values, 'memory', 16, 65_536);
    const reason = stringOption(values, 'override');
    if (reason !== undefined && tier !== 'trusted' && tier !== 'core') throw new UsageError(`--override is possible only at the trusted or core tier (this run is ${tier}).`);
    if (tier === 'core' && values['confirm-core'] !== true) {
      throw new UsageError('core-tier code runs only when you confirm it: add --confirm-core.');
    }
    const request: RunRequest = {
      code,
      language,
      tier,
      ...(timeoutMs !== undefined || memoryMb !== undefined ? { limits: { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(memoryMb !== undefined ? { memoryMb } : {}) } } : {}),
      ...(reason !== undefined ? { override: { confirmed: true as const, reason } } : {}),
      ...(tier === 'core' ? { confirmCore: true as const } : {}),
    };
    return withApp(async (app) => {
      // Ctrl+C stops the program (status killed) and still prints and records how it ended.
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      let result: RunResult;
      try {
        result = await call(app, 'sandbox.run', request, controller.signal);
      } finally {
        process.off('SIGINT', stop);
      }
      if (json) io.out(JSON.stringify(runJson(result), null, 2));
      else {
        // The program's output may hold escape sequences meant for this terminal (title, clipboard): neutralised.
        if (result.stdout) io.out(neutralizeTerminalOutput(result.stdout).replace(/\n$/, ''));
        if (result.stderr) io.err(neutralizeTerminalOutput(result.stderr).replace(/\n$/, ''));
        if (result.validation?.summary && (result.status === 'blocked' || result.validation.overridden)) io.err(result.validation.summary);
        const ending = result.signal ? `signal ${result.signal}` : result.exitCode !== null ? `exit ${result.exitCode}` : 'did not run';
        io.err(
          `run ${result.id}: ${result.status} (${ending}) · ${fixed(result.durationMs)} ms wall, ${fixed(result.cpuMs)} ms CPU, ${fixed(result.maxRssKb === null ? null : result.maxRssKb / 1024, 1)} MiB peak · isolation ${result.isolation}`,
        );
        if (result.detail) io.err(result.detail);
      }
      return result.status === 'success' ? exitCodes.ok : exitCodes.failed;
    });
  },
};

function summaryLine(run: ExecutionSummary): string {
  const when = run.startedAt.replace('T', ' ').slice(0, 19);
  const duration = run.durationMs === null ? '—' : `${Math.round(run.durationMs)} ms`;
  return `${String(run.id).padStart(6)}  ${when}  ${run.status.padEnd(15)} ${run.language.padEnd(10)} ${run.tier.padEnd(8)} ${run.isolation.padEnd(11)} ${duration.padStart(9)}  ${neutralizeTerminalOutput(run.codePreview).slice(0, 40)}`;
}

export const historyCommand: CliCommand = {
  name: 'history',
  readsOnly: true,
  usage: ['ark history [--limit N] [--status S] [--lang L] [--from DATE] [--to DATE]   past sandbox runs, newest first'],
  options: { limit: { type: 'string' }, status: { type: 'string' }, lang: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 0, 'history');
    const limit = intOption(values, 'limit', 1, 1000) ?? 20;
    const status = choiceOption(values, 'status', RunStatus.options);
    const language = choiceOption(values, 'lang', RunLanguage.options);
    const from = stringOption(values, 'from');
    const to = stringOption(values, 'to');
    return withApp(async (app) => {
      const runs = await call(app, 'sandbox.history', { limit, ...(status ? { status } : {}), ...(language ? { language } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (json) io.out(JSON.stringify(runs, null, 2));
      // With a filter, an empty list says nothing about whether there are runs at all.
      else if (runs.length === 0) io.out(status || language || from || to ? 'No runs match these filters.' : 'No runs yet.');
      else {
        io.out(`${'id'.padStart(6)}  ${'started (UTC)'.padEnd(19)}  ${'status'.padEnd(15)} ${'language'.padEnd(10)} ${'tier'.padEnd(8)} ${'isolation'.padEnd(11)} ${'duration'.padStart(9)}  code`);
        for (const run of runs) io.out(summaryLine(run));
      }
      return exitCodes.ok;
    });
  },
};

export const statsCommand: CliCommand = {
  name: 'stats',
  readsOnly: true,
  usage: ['ark stats [--lang L] [--from DATE] [--to DATE]   success rate, duration p50/p95 and statuses of sandbox runs'],
  options: { lang: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 0, 'stats');
    const language = choiceOption(values, 'lang', RunLanguage.options);
    const from = stringOption(values, 'from');
    const to = stringOption(values, 'to');
    return withApp(async (app) => {
      const stats = await call(app, 'sandbox.stats', { ...(language ? { language } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (json) io.out(JSON.stringify(stats, null, 2));
      else {
        io.out(`Runs:          ${stats.total}`);
        io.out(`Success rate:  ${stats.successRate === null ? '—' : `${(stats.successRate * 100).toFixed(1)}% (of runs that ran; blocked runs never ran)`}`);
        io.out(`Duration:      p50 ${fixed(stats.durationP50Ms)} ms, p95 ${fixed(stats.durationP95Ms)} ms`);
        io.out('By status:');
        for (const [status, count] of Object.entries(stats.byStatus)) io.out(`  ${status.padEnd(16)} ${count}`);
        if (stats.perDay.length > 0) io.out('Per day:');
        for (const day of stats.perDay) io.out(`  ${day.day}  ${String(day.runs).padStart(5)} runs  ${(day.successRate * 100).toFixed(0)}% success`);
      }
      return exitCodes.ok;
    });
  },
};
