// Type-checks Python with pyright's CLI from npm, run by the current Node (or Electron as Node) on a temp folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { QualityFinding } from '../../shared/quality';
import { runTool } from './toolProcess';

const require = createRequire(import.meta.url);

const Position = z.object({ line: z.number(), character: z.number() });
const PyrightOutput = z.object({
  version: z.string(),
  generalDiagnostics: z.array(
    z.object({
      severity: z.string(),
      message: z.string(),
      range: z.object({ start: Position, end: Position }).optional(),
      rule: z.string().optional(),
    }),
  ),
});

/** Where pyright's CLI entry is, or null when the package is not installed. */
export function pyrightCliPath(): string | null {
  try {
    return require.resolve('pyright/index.js');
  } catch {
    return null;
  }
}

/** The installed pyright's version from its package.json, or null. */
export function pyrightPackageVersion(): string | null {
  try {
    return (require('pyright/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

/** A file name pyright will accept: the given one's base name when it is a plain `.py`/`.pyi` name. */
export function checkedFileName(filename: string | undefined, extension: string, fallback: string): string {
  const base = filename ? path.basename(filename) : '';
  return /^[\w.-]{1,100}$/.test(base) && base.endsWith(extension) && !base.startsWith('.') ? base : fallback;
}

export type PyrightResult = { version: string; findings: QualityFinding[] };

/**
 * Runs pyright in "standard" mode on the code alone, in a fresh temp folder. Imports resolve against pyright's bundled
 * typeshed and whatever Python environment it finds on PATH; nothing of the user's project is read.
 */
export async function runPyright(code: string, options: { cliPath: string; filename?: string; timeoutMs: number; signal?: AbortSignal }): Promise<PyrightResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ark-pyright-'));
  try {
    const file = checkedFileName(options.filename, '.py', 'snippet.py');
    await writeFile(path.join(folder, file), code, 'utf8');
    await writeFile(path.join(folder, 'pyrightconfig.json'), JSON.stringify({ typeCheckingMode: 'standard', include: [file] }), 'utf8');
    // Electron's binary runs scripts as plain Node only with ELECTRON_RUN_AS_NODE; under Node the variable is ignored.
    const output = await runTool(process.execPath, [options.cliPath, '--outputjson', file], {
      cwd: folder,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '' },
    });
    let parsed;
    try {
      parsed = PyrightOutput.parse(JSON.parse(output.stdout));
    } catch {
      const detail = (output.stderr || output.stdout).trim().split('\n').slice(0, 3).join(' ');
      throw new Error(`pyright exited with code ${output.exitCode} without a report${detail ? `: ${detail}` : ''}`);
    }
    return { version: parsed.version, findings: parsed.generalDiagnostics.map(toFinding) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function toFinding(diagnostic: z.infer<typeof PyrightOutput>['generalDiagnostics'][number]): QualityFinding {
  const start = diagnostic.range?.start ?? { line: 0, character: 0 };
  return pyrightFinding({
    ruleId: diagnostic.rule ?? 'pyright',
    severity: diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'info',
    message: diagnostic.message,
    start,
    end: diagnostic.range?.end ?? start,
  });
}

type Position = { line: number; character: number };

/** A pyright diagnostic as a finding, from the CLI's JSON or the language server's (0-based positions in both). */
export function pyrightFinding(diagnostic: { ruleId: string; severity: QualityFinding['severity']; message: string; start: Position; end: Position }): QualityFinding {
  const { start, end } = diagnostic;
  return {
    source: 'pyright',
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: Math.max(start.line, end.line) + 1,
    endColumn: end.character + 1,
    fixable: false,
  };
}
