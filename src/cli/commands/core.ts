// The foundation's commands: `ark serve` (the web host) and `ark db info`.
import path from 'node:path';
import { createApp } from '../../main/app';
import { startWebHost } from '../../main/hosts/web';
import { ArkError } from '../../shared/errors';
import { call, configFor, exitCodes, expectArgs, intOption, UsageError, type CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: ['ark serve [--port N]          start the web host on 127.0.0.1 and print its URL (with a per-start token)'],
  options: { port: { type: 'string' } },
  async run({ args, values, json, io, appRoot, dbFlag }) {
    expectArgs(args, 0, 'serve');
    const port = intOption(values, 'port', 0, 65535) ?? 0;
    const app = await createApp(configFor(appRoot, dbFlag, 'web'));
    const rendererDir = path.join(appRoot, 'out', 'renderer');
    let host;
    try {
      host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir, port });
    } catch (err) {
      await app.close();
      const code = (err as { code?: string }).code;
      throw new ArkError('unavailable', code === 'EADDRINUSE' ? `Port ${port} is already in use: pick another with --port, or 0 for any free port.` : `Cannot start the web host: ${(err as Error).message}`);
    }
    // A person opens the URL a few seconds from now; by then the validator's WebAssembly is loaded.
    void app.warmUp();
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
    await app.close();
    return exitCodes.ok;
  },
};

export const dbCommand: CliCommand = {
  name: 'db',
  readsOnly: true,
  usage: ['ark db info                   the database: path, schema version, row counts'],
  async run({ args, json, io, withApp }) {
    const [sub, ...more] = args;
    if (sub !== 'info') throw new UsageError(`unknown "db" command "${sub ?? ''}": try "ark db info".`);
    expectArgs(more, 0, 'db info');
    return withApp(async (app) => {
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
  },
};
