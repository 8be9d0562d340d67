// `ark`: the command line over the same composition root as the desktop app; `ark serve` is the web host.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../main/app';
import { appVersion, findAppRoot } from '../main/appRoot';
import { defaultDataDir, resolveDbPath, type AppConfig } from '../main/config';
import { dispatch } from '../main/hosts/dispatch';
import { startWebHost } from '../main/hosts/web';
import type { Input, Output, RequestName } from '../shared/contract';
import { ArkError, type ErrorData } from '../shared/errors';

/** Exit codes: 0 success, 1 the checked thing failed, 2 usage error or bad input (3 the app could not start). */
export const exitCodes = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

const usage = `ark — ARK Workbench from the command line

Usage:
  ark serve [--port N]      start the web host on 127.0.0.1 and print its URL (with a per-start token)
  ark db info               the database: path, schema version, row counts
  ark --help | --version

Options for every command:
  --json                    machine-readable output
  --db PATH                 the database file (default: ARK_DB, else ark.db in the app's data folder)

Exit codes: 0 success, 1 the checked thing failed, 2 usage error or bad input, 3 the app could not start.`;

type Output_ = { out: (text: string) => void; err: (text: string) => void };

class UsageError extends Error {}

export async function main(argv: string[], io: Output_ = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
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
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(usage);
    return values.help || command === 'help' ? exitCodes.ok : exitCodes.usage;
  }

  const report = (error: ErrorData) => {
    if (json) io.out(JSON.stringify({ ok: false, error }));
    else io.err(`ark: ${error.message}`);
  };

  try {
    switch (command) {
      case 'serve':
        expectArgs(rest, 0, 'serve');
        return await serve(appRoot, values.db, parsePort(values.port), json, io);
      case 'db': {
        const [sub, ...more] = rest;
        if (sub !== 'info') throw new UsageError(`unknown "db" command "${sub ?? ''}": try "ark db info".`);
        expectArgs(more, 0, 'db info');
        return await withApp(appRoot, values.db, async (app) => {
          const info = await call(app, 'db.info', {});
          if (json) io.out(JSON.stringify(info, null, 2));
          else {
            io.out(`Database:        ${info.path}`);
            io.out(`Schema version:  ${info.schemaVersion} (this app: ${info.appSchemaVersion})`);
            io.out(`Journal mode:    ${info.journalMode}`);
            io.out(`Size:            ${info.sizeBytes} bytes`);
            io.out('Rows:');
            for (const [table, count] of Object.entries(info.counts)) io.out(`  ${table.padEnd(18)} ${count}`);
          }
          return exitCodes.ok;
        });
      }
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ark: ${err.message}\n\n${usage}`);
      return exitCodes.usage;
    }
    if (err instanceof ArkError) {
      report(err.toData());
      return err.code === 'invalid-input' || err.code === 'not-found' ? exitCodes.usage : err.code === 'unavailable' || err.code === 'conflict' ? exitCodes.unavailable : exitCodes.failed;
    }
    report({ code: 'internal', message: (err as Error).message ?? String(err) });
    return exitCodes.failed;
  }
}

function expectArgs(args: string[], count: number, command: string) {
  if (args.length !== count) throw new UsageError(`"${command}" takes ${count} argument(s), got: ${args.join(' ')}`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${raw}".`);
  return port;
}

function configFor(appRoot: string, dbFlag: string | undefined, host: AppConfig['host']): AppConfig {
  const dataDir = defaultDataDir();
  return { host, dataDir, dbPath: resolveDbPath({ flag: dbFlag, dataDir }), appRoot, version: appVersion(appRoot) };
}

async function withApp<T>(appRoot: string, dbFlag: string | undefined, work: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(configFor(appRoot, dbFlag, 'cli'));
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** Runs one request through the same dispatch loop as the UIs, so the CLI gets the same checks and errors. */
async function call<N extends RequestName>(app: App, name: N, input: Input<N>): Promise<Output<N>> {
  const reply = await dispatch(app.handlers, name, input, new AbortController().signal);
  if (!reply.ok) throw new ArkError(reply.error.code, reply.error.message, reply.error.details);
  return reply.value as Output<N>;
}

async function serve(appRoot: string, dbFlag: string | undefined, port: number, json: boolean, io: Output_): Promise<number> {
  const app = await createApp(configFor(appRoot, dbFlag, 'web'));
  const rendererDir = path.join(appRoot, 'out', 'renderer');
  let host;
  try {
    host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir, port });
  } catch (err) {
    app.close();
    const code = (err as { code?: string }).code;
    throw new ArkError('unavailable', code === 'EADDRINUSE' ? `Port ${port} is already in use: pick another with --port, or 0 for any free port.` : `Cannot start the web host: ${(err as Error).message}`);
  }
  if (json) io.out(JSON.stringify({ url: host.url, port: host.port, token: host.token, dbPath: app.config.dbPath }));
  else {
    io.out(`ARK Workbench is serving at ${host.url}`);
    io.out(`Database: ${app.config.dbPath}`);
    io.out('Only this machine can connect (127.0.0.1), and only with the token in the URL. Press Ctrl+C to stop.');
  }
  const started = host;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await started.close();
  app.close();
  return exitCodes.ok;
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
