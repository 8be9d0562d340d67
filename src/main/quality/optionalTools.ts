// pylint and mypy as extra, optional sources: found on PATH when installed, never required. Their findings are
// listed but cost no points, so a score does not depend on what else happens to be installed on a machine.
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { QualityFinding, QualitySeverity } from '../../shared/quality';
import { checkedFileName } from './pyright';
import { runTool } from './toolProcess';

export type OptionalToolName = 'pylint' | 'mypy';

/** The first executable called `name` on PATH, or null. */
export function findOnPath(name: string, searchPath = process.env.PATH ?? ''): string | null {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const folder of searchPath.split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** `pylint 2.16.2` / `mypy 1.0.1 (compiled: yes)` -> the version number. */
export function parseVersion(output: string, name: OptionalToolName): string | null {
  const match = new RegExp(`${name}\\S*\\s+v?(\\d+(?:\\.\\d+)+\\S*)`, 'i').exec(output);
  return match ? match[1]! : null;
}

const PylintMessage = z.object({
  type: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int().nullable().optional(),
  endColumn: z.number().int().nullable().optional(),
  symbol: z.string(),
  message: z.string(),
  'message-id': z.string(),
});

function pylintSeverity(type: string): QualitySeverity {
  if (type === 'error' || type === 'fatal') return 'error';
  return type === 'warning' ? 'warning' : 'info';
}

/** pylint's `--output-format=json` (columns 0-based) as findings. */
export function parsePylintJson(stdout: string): QualityFinding[] {
  const messages = z.array(PylintMessage).parse(JSON.parse(stdout.trim() || '[]'));
  return messages.map((message) => {
    const line = Math.max(1, message.line);
    return {
      source: 'pylint',
      ruleId: `${message['message-id']} ${message.symbol}`,
      severity: pylintSeverity(message.type),
      message: message.message,
      line,
      column: message.column + 1,
      endLine: Math.max(line, message.endLine ?? line),
      endColumn: (message.endColumn ?? message.column) + 1,
      fixable: false,
    };
  });
}

// `file:line:col[:endLine:endCol]: severity: message  [code]`, as `--show-column-numbers --show-error-end` print it.
const mypyLine = /^[^:\n]+:(\d+):(\d+)(?::(\d+):(\d+))?: (error|warning|note): (.*?)(?:\s{2}\[([\w-]+)\])?$/;

/** mypy's text output as findings; notes become info. */
export function parseMypyOutput(stdout: string): QualityFinding[] {
  const findings: QualityFinding[] = [];
  for (const raw of stdout.split('\n')) {
    const match = mypyLine.exec(raw.trimEnd());
    if (!match) continue;
    const line = Number(match[1]);
    const column = Number(match[2]);
    findings.push({
      source: 'mypy',
      ruleId: match[7] ?? 'mypy',
      severity: match[5] === 'error' ? 'error' : match[5] === 'warning' ? 'warning' : 'info',
      message: match[6]!,
      line: Math.max(1, line),
      column: Math.max(1, column),
      endLine: Math.max(1, match[3] ? Number(match[3]) : line),
      endColumn: Math.max(1, match[4] ? Number(match[4]) + 1 : column),
      fixable: false,
    });
  }
  return findings;
}

export type OptionalToolRun = { version: string | null; findings: QualityFinding[] };

/** Asks an installed tool for its version (once per process and path). */
const versions = new Map<string, Promise<string | null>>();
export function optionalToolVersion(name: OptionalToolName, executable: string): Promise<string | null> {
  let version = versions.get(executable);
  if (!version) {
    version = runTool(executable, ['--version'], { cwd: os.tmpdir(), timeoutMs: 20_000 })
      .then((output) => parseVersion(output.stdout + output.stderr, name))
      .catch(() => null);
    versions.set(executable, version);
  }
  return version;
}

/**
 * Runs pylint or mypy on the code alone in a fresh temp folder. `mypyCacheDir` is a private folder kept between runs:
 * with it mypy reads the standard library's stubs from its cache instead of analysing them again (~1.1 s → ~0.2 s).
 */
export async function runOptionalTool(
  name: OptionalToolName,
  executable: string,
  code: string,
  options: { filename?: string; timeoutMs: number; signal?: AbortSignal; mypyCacheDir?: string },
): Promise<OptionalToolRun> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `ark-${name}-`));
  try {
    const file = checkedFileName(options.filename, '.py', 'snippet.py');
    await writeFile(path.join(folder, file), code, 'utf8');
    const version = await optionalToolVersion(name, executable);
    const args =
      name === 'pylint'
        ? ['--output-format=json', '--score=n', '--persistent=n', file]
        : ['--show-column-numbers', '--show-error-end', '--show-error-codes', '--no-error-summary', '--no-color-output', '--hide-error-context', '--ignore-missing-imports', `--cache-dir=${options.mypyCacheDir ?? path.join(folder, '.mypy_cache')}`, file];
    const output = await runTool(executable, args, { cwd: folder, timeoutMs: options.timeoutMs, signal: options.signal });
    // pylint exits with a bit mask of message kinds, 32 for a usage error; mypy 1 for findings, 2 for a crash.
    if ((name === 'pylint' && (output.exitCode ?? 0) & 32) || (name === 'mypy' && output.exitCode === 2)) {
      throw new Error(`${name} failed (exit ${output.exitCode}): ${output.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
    }
    return { version, findings: name === 'pylint' ? parsePylintJson(output.stdout) : parseMypyOutput(output.stdout) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
