// `ark`: the command line over the same composition root as the desktop app; `ark serve` is the web host.
// Each command lives in commands/ and is listed once below.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { appVersion, findAppRoot } from '../main/appRoot';
import { ArkError, type ErrorData } from '../shared/errors';
import { exitCodes, UsageError, withApp, type CliCommand, type CliIO } from './command';
import { dbCommand, serveCommand } from './commands/core';
import { generateCommand, specCommand } from './commands/generation';
import { indexCommand, searchCommand } from './commands/indexing';
import { qualityCommand } from './commands/quality';
import { deployCommand, reviewCommand, suggestCommand } from './commands/review';
import { historyCommand, runCommand, statsCommand } from './commands/sandbox';
import { validateCommand } from './commands/validation';

export { exitCodes } from './command';

const commands: readonly CliCommand[] = [serveCommand, dbCommand, validateCommand, indexCommand, searchCommand, runCommand, historyCommand, statsCommand, reviewCommand, deployCommand, suggestCommand, qualityCommand, generateCommand, specCommand];

const commonOptions = {
  json: { type: 'boolean', default: false },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

const usage = `ark — ARK Workbench from the command line

Usage:
${commands.flatMap((command) => command.usage.map((line) => `  ${line}`)).join('\n')}
  ark --help | --version

Options for every command:
  --json                        machine-readable output
  --db PATH                     the database file, in a folder that exists (default: ARK_DB, else ark.db in the app's data folder)

Exit codes: 0 success, 1 the checked thing failed, 2 usage error or bad input, 3 the app could not start.`;

const stdio: CliIO = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  // First pass: find the command (the first positional) so the second, strict pass knows its options.
  let name: string | undefined;
  try {
    name = parseArgs({ args: argv, allowPositionals: true, strict: false, options: commonOptions }).positionals[0];
  } catch (err) {
    io.err(`ark: ${(err as Error).message}\n\n${usage}`);
    return exitCodes.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...commonOptions, ...command?.options } });
  } catch (err) {
    io.err(`ark: ${(err as Error).message}\n\n${usage}`);
    return exitCodes.usage;
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  const appRoot = findAppRoot(__dirname);
  if (values.version) {
    io.out(json ? JSON.stringify({ version: appVersion(appRoot) }) : appVersion(appRoot));
    return exitCodes.ok;
  }
  if (values.help || !name || name === 'help') {
    io.out(usage);
    return values.help || name === 'help' ? exitCodes.ok : exitCodes.usage;
  }

  try {
    if (!command) throw new UsageError(`unknown command "${name}".`);
    const dbFlag = typeof values.db === 'string' ? values.db : undefined;
    return await command.run({
      args: positionals.slice(1),
      values: values as Record<string, string | boolean | undefined>,
      json,
      io,
      appRoot,
      dbFlag,
      withApp: (work, host) => withApp(appRoot, dbFlag, work, host, command.readsOnly === true),
    });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ark: ${err.message}\n\n${usage}`);
      return exitCodes.usage;
    }
    const error: ErrorData = err instanceof ArkError ? err.toData() : { code: 'internal', message: (err as Error).message ?? String(err) };
    if (json) io.out(JSON.stringify({ ok: false, error }));
    else io.err(`ark: ${error.message}`);
    if (!(err instanceof ArkError)) return exitCodes.failed;
    return err.code === 'invalid-input' || err.code === 'not-found' ? exitCodes.usage : err.code === 'unavailable' || err.code === 'conflict' ? exitCodes.unavailable : exitCodes.failed;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`ark: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = exitCodes.failed;
    },
  );
}
