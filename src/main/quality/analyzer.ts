// The quality analyzer: measures code from its syntax tree, runs the linters and type checkers that apply, and
// scores the result. Pure assessment; storing reports is the service's job (index.ts).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ArkError } from '../../shared/errors';
import { sha256 } from '../hash';
import { scoringVersion, type AnalyzeCode, type FormatCheck, type QualityFinding, type QualityReport, type ToolRun } from '../../shared/quality';
import { measureCode } from './metrics';
import { findOnPath, runOptionalTool, type OptionalToolName } from './optionalTools';
import { pyrightPackageVersion } from './pyright';
import { createPyrightServer, pyrightServerPath, type PyrightServer } from './pyrightServer';
import { createRuffQuality } from './ruffQuality';
import { scoreReport } from './score';
import { createTypeScriptThread } from './typescriptThread';
import type { WorkerScript } from '../workerScript';

const require = createRequire(import.meta.url);

export type QualityAnalyzerOptions = {
  /** pyright's language server entry; null turns pyright off (reported as missing). Default: the installed npm package. */
  pyrightServerPath?: string | null;
  /** false turns the TypeScript compiler off (reported as missing). */
  typescript?: boolean;
  /** The TypeScript checker's worker entry (default: the built typescriptWorker.js, or its source in tests). */
  typescriptWorker?: WorkerScript;
  /** Paths of pylint and mypy; null turns one off. Default: looked up on PATH. */
  optionalTools?: Partial<Record<OptionalToolName, string | null>>;
  /** Time each external checker may take (default 60 s; the first pyright check includes the server's start). */
  toolTimeoutMs?: number;
  /** Code larger than this is measured and linted but not type-checked (default 500 KB): checking is the slow part. */
  maxTypeCheckChars?: number;
};

/** A report before it is stored. */
export type Analysis = Omit<QualityReport, 'id' | 'artifactId' | 'path' | 'createdAt'>;

export type QualityAnalyzer = {
  analyze(request: AnalyzeCode, signal?: AbortSignal): Promise<Analysis>;
  /** Starts what the next analysis of this language needs (pyright's server for Python), without waiting for it. */
  warmUp(language: AnalyzeCode['language']): void;
  /** Stops the pyright server, if one was started. */
  close(): Promise<void>;
};

/** Findings kept in one report; the count of all of them is kept beside. */
export const maxReportedFindings = 1000;

/** At most two checker processes at once: the machine's cores are shared with the UI and the sandbox. */
function createLimiter(slots: number) {
  let free = slots;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free -= 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

/** An installed package's version, found beside its entry point (some packages do not export package.json). */
function packageVersion(name: string): string | null {
  try {
    let folder = path.dirname(require.resolve(name));
    for (let depth = 0; depth < 4; depth += 1, folder = path.dirname(folder)) {
      const manifest = path.join(folder, 'package.json');
      if (!existsSync(manifest)) continue;
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === name && parsed.version) return parsed.version;
    }
  } catch {
    // not installed
  }
  return null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createQualityAnalyzer(options: QualityAnalyzerOptions = {}): QualityAnalyzer {
  const ruff = createRuffQuality();
  const limit = createLimiter(2);
  const timeoutMs = options.toolTimeoutMs ?? 60_000;
  const maxTypeCheckChars = options.maxTypeCheckChars ?? 500_000;
  const serverPath = options.pyrightServerPath === undefined ? pyrightServerPath() : options.pyrightServerPath;
  // Started on the first Python check, not here: most app sessions and CLI calls never type-check Python.
  const pyright: PyrightServer | null = serverPath ? createPyrightServer({ serverPath }) : null;
  const optionalPath = (name: OptionalToolName) => (options.optionalTools && name in options.optionalTools ? (options.optionalTools[name] ?? null) : findOnPath(name));
  const treeSitterVersion = packageVersion('web-tree-sitter');
  // TypeScript is checked on a thread of its own, started on the first TS/JS check (see typescriptThread.ts).
  const typescriptVersion = options.typescript === false ? null : packageVersion('typescript');
  const typescript = typescriptVersion ? createTypeScriptThread(options.typescriptWorker) : null;
  // mypy's cache, private to this analyzer (mkdtemp makes it 0700) and removed on close: shared between runs so the
  // standard library's stubs are analysed once per session, not on every check.
  let mypyCache: Promise<string> | null = null;
  const mypyCacheDir = () => (mypyCache ??= mkdtemp(path.join(os.tmpdir(), 'ark-mypy-cache-')));
  // warmUp fills that cache with a check of a one-line file while the pipeline's earlier stages run; a report waits
  // for it rather than analysing the same stubs a second time beside it.
  let mypyWarm: Promise<void> | null = null;
  const warmMypy = () => {
    const executable = optionalPath('mypy');
    if (!executable || mypyWarm) return;
    mypyWarm = mypyCacheDir()
      .then((cacheDir) => runOptionalTool('mypy', executable, 'VALUE = 1\n', { timeoutMs, mypyCacheDir: cacheDir }))
      .then(
        () => undefined,
        () => undefined,
      );
  };

  /** Runs one tool, timing it and turning its failure into a ToolRun rather than a failed report. */
  async function timed<T>(name: string, optional: boolean, work: () => Promise<{ version: string | null; value: T }>): Promise<{ run: ToolRun; value: T | null }> {
    const started = performance.now();
    try {
      const { version, value } = await work();
      return { run: { name, version, status: 'ok', optional, message: null, durationMs: performance.now() - started }, value };
    } catch (err) {
      if (err instanceof ArkError && err.code === 'cancelled') throw err;
      const status = err instanceof ArkError && err.code === 'timeout' ? 'timed-out' : 'failed';
      return { run: { name, version: null, status, optional, message: messageOf(err), durationMs: performance.now() - started }, value: null };
    }
  }

  const notRun = (name: string, status: ToolRun['status'], message: string, optional = false, version: string | null = null): ToolRun => ({ name, version, status, optional, message, durationMs: 0 });

  return {
    warmUp(language) {
      if (language !== 'python') return;
      pyright?.warmUp();
      warmMypy();
    },
    close: async () => {
      await Promise.all([pyright?.close(), typescript?.close(), mypyWarm]);
      if (mypyCache) await rm(await mypyCache, { recursive: true, force: true });
    },
    async analyze(request, signal) {
      const started = performance.now();
      const { code, language, filename } = request;
      const measured = await measureCode(code, language, filename).catch((err: unknown) => {
        // Deeply nested input (thousands of brackets) outruns the tree walkers' stack; say so instead of failing oddly.
        if (err instanceof RangeError) throw new ArkError('invalid-input', 'The code is nested too deeply to measure (thousands of levels of brackets or blocks).');
        throw err;
      });
      const tools: ToolRun[] = [{ name: 'tree-sitter', version: treeSitterVersion, status: 'ok', optional: false, message: null, durationMs: performance.now() - started }];
      const findings: QualityFinding[] = [];
      let format: FormatCheck = { formatted: null, firstChangedLine: null, changedLines: 0 };
      const tooLargeToTypeCheck = code.length > maxTypeCheckChars;

      if (language === 'python') {
        const lint = await timed('ruff', false, async () => {
          const lintFindings = ruff.lint(code);
          format = ruff.format(code);
          return { version: ruff.version(), value: lintFindings };
        });
        tools.push(lint.run);
        findings.push(...(lint.value ?? []));
        const jobs: Array<Promise<{ run: ToolRun; value: QualityFinding[] | null }>> = [];
        if (!pyright) tools.push(notRun('pyright', 'missing', 'the pyright npm package is not installed'));
        else if (tooLargeToTypeCheck) tools.push(notRun('pyright', 'skipped', `the code is larger than ${maxTypeCheckChars} characters`, false, pyrightPackageVersion()));
        else {
          jobs.push(
            timed('pyright', false, async () => {
              const result = await limit(() => pyright.check(code, { filename, timeoutMs, signal }));
              return { version: result.version, value: result.findings };
            }),
          );
        }
        for (const name of ['pylint', 'mypy'] as const) {
          const executable = optionalPath(name);
          if (!executable) tools.push(notRun(name, 'missing', `${name} is not on PATH`, true));
          else if (tooLargeToTypeCheck) tools.push(notRun(name, 'skipped', `the code is larger than ${maxTypeCheckChars} characters`, true));
          else {
            jobs.push(
              timed(name, true, async () => {
                if (name === 'mypy') await mypyWarm;
                const cacheDir = name === 'mypy' ? await mypyCacheDir() : undefined;
                const result = await limit(() => runOptionalTool(name, executable, code, { filename, timeoutMs, signal, ...(cacheDir ? { mypyCacheDir: cacheDir } : {}) }));
                return { version: result.version, value: result.findings };
              }),
            );
          }
        }
        for (const job of await Promise.all(jobs)) {
          tools.push(job.run);
          findings.push(...(job.value ?? []));
        }
      } else {
        if (!typescript) tools.push(notRun('tsc', 'missing', 'the typescript package is not installed'));
        else if (tooLargeToTypeCheck) tools.push(notRun('tsc', 'skipped', `the code is larger than ${maxTypeCheckChars} characters`, false, typescriptVersion));
        else {
          const check = await timed('tsc', false, async () => ({ version: typescriptVersion, value: await typescript.check(code, language, { filename, timeoutMs, signal }) }));
          tools.push(check.run);
          findings.push(...(check.value ?? []));
        }
      }

      // Required tools first, then the optional ones, each group in the order they were started.
      tools.sort((a, b) => Number(a.optional) - Number(b.optional));
      findings.sort((a, b) => a.line - b.line || a.column - b.column || a.source.localeCompare(b.source));
      const score = scoreReport({ language, findings, format, functions: measured.functions, maintainability: measured.maintainability, docstrings: measured.docstrings, annotations: measured.annotations, tools });
      const toolVersions: Record<string, string> = { scoring: String(scoringVersion) };
      for (const run of tools) if (run.status === 'ok' && run.version) toolVersions[run.name] = run.version;
      return {
        language,
        codeHash: sha256(code),
        score: score.score,
        scoringVersion,
        breakdown: score.breakdown,
        deductions: score.deductions,
        findings: findings.slice(0, maxReportedFindings),
        findingCount: findings.length,
        format,
        functions: measured.functions,
        lines: measured.lines,
        maintainability: measured.maintainability,
        docstrings: measured.docstrings,
        annotations: measured.annotations,
        syntaxErrors: measured.syntaxErrors,
        tools,
        toolVersions,
        durationMs: performance.now() - started,
      };
    },
  };
}
