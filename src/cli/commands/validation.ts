// `ark validate FILE`: the code validator from the command line, with the same report as the editor and the sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { Language, Tier } from '../../shared/domain';
import { ArkError } from '../../shared/errors';
import { summarizeReport } from '../../shared/validation';
import { call, choiceOption, exitCodes, expectArgs, UsageError, type CliCommand } from '../command';

/** The largest file `ark validate` reads: the validator's own limit on code (2 million characters). */
export const maxValidateBytes = 2_000_000;

const extensionLanguages: Record<string, Language> = {
  '.py': 'python',
  '.pyi': 'python',
  '.pyw': 'python',
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
};

/** The language a file's extension implies, or undefined when the extension says nothing. */
export function languageForPath(file: string): Language | undefined {
  const extension = path.extname(file).toLowerCase();
  return Object.hasOwn(extensionLanguages, extension) ? extensionLanguages[extension] : undefined;
}

/** Reads a source file for validation, refusing what is not one: missing, a folder, too large, binary, not UTF-8. */
export function readSourceFile(file: string): string {
  let bytes: Buffer;
  try {
    // Checked on the opened file, so the path cannot be swapped between the check and the read; O_NONBLOCK because
    // opening a named pipe would otherwise wait for a writer.
    const handle = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const stats = fs.fstatSync(handle);
      if (stats.isDirectory()) throw new ArkError('invalid-input', `${file} is a folder; give the path of one source file.`);
      // A device reports size 0 and never ends (/dev/zero); a pipe or socket is no source file either.
      if (!stats.isFile()) throw new ArkError('invalid-input', `${file} is not a regular file (a device, pipe or socket); give the path of one source file.`);
      if (stats.size > maxValidateBytes) {
        throw new ArkError('invalid-input', `${file} is ${(stats.size / 1_000_000).toFixed(1)} MB; the validator checks files up to ${maxValidateBytes / 1_000_000} MB.`);
      }
      bytes = readAtMost(handle, maxValidateBytes + 1);
    } finally {
      fs.closeSync(handle);
    }
  } catch (err) {
    if (err instanceof ArkError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new ArkError('invalid-input', `Cannot read ${file}: ${reason}.`);
  }
  // A NUL byte never appears in source text; it is how binary files (images, archives, compiled code) give themselves away.
  if (bytes.includes(0)) throw new ArkError('invalid-input', `${file} looks like a binary file (it contains NUL bytes), not source code.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArkError('invalid-input', `${file} is not UTF-8 text; save it as UTF-8 and try again.`);
  }
  if (text.length > maxValidateBytes) throw new ArkError('invalid-input', `${file} is too long for the validator (${text.length} characters).`);
  return text;
}

/** Up to `limit` bytes from an open file: one that grew since its size was read is never read past the limit. */
function readAtMost(handle: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  for (let read = -1; read !== 0 && length < limit; length += read) read = fs.readSync(handle, buffer, length, limit - length, null);
  return buffer.subarray(0, length);
}

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: [
    'ark validate FILE [--tier sandbox|testing|trusted|core] [--lang python|typescript|javascript]',
    '                              check a file with the security rules of a tier (default sandbox); exit 1 when blocked',
  ],
  options: { tier: { type: 'string' }, lang: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 1, 'validate');
    const file = args[0] as string;
    const tier = choiceOption(values, 'tier', Tier.options) ?? 'sandbox';
    const given = choiceOption(values, 'lang', Language.options);
    // Read first: a missing file or a folder is the problem to report, not its (absent) extension.
    const code = readSourceFile(file);
    const language = given ?? languageForPath(file);
    if (!language) throw new UsageError(`cannot tell the language of "${file}" from its extension; pass --lang python, typescript or javascript.`);
    return withApp(async (app) => {
      const report = await call(app, 'validate.run', { code, language, tier, filename: path.basename(file) });
      if (json) io.out(JSON.stringify({ file, ...report }, null, 2));
      else {
        for (const finding of report.findings) {
          io.out(`${file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}`);
          if (finding.snippet) io.out(`    ${finding.snippet}`);
          io.out(`    hint: ${finding.hint}`);
        }
        io.out(`${summarizeReport(report)} (${language}, ${report.durationMs.toFixed(1)} ms)`);
      }
      return report.blocked ? exitCodes.failed : exitCodes.ok;
    });
  },
};
