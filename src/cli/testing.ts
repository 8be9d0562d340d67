// Runs the `ark` CLI in-process for tests and captures what it prints; with a database path, every command uses it.
import { main } from './ark';

export type CliResult = { code: number; out: string; err: string };

export async function runCli(args: string[], db?: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(db === undefined ? args : [...args, '--db', db], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
