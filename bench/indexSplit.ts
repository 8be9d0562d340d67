// Where a parse worker's time goes, in one thread, on a fixed sample of the python3 standard library: reading and
// hashing, the tree-sitter parse alone, and the whole per-file job (parse, extraction, line counts, the row form the
// worker sends). CPU time of this process, so other load on the machine inflates it far less than wall-clock time.
// Run: npx tsx bench/indexSplit.ts [--files N] [--rounds R]   (default 400 files, 3 rounds, best round reported).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '../src/main/indexer/parseFile';
import { toFileResult } from '../src/main/indexer/protocol';
import { createParser } from '../src/main/parsing/treeSitter';
import { stdlibPath } from './stdlib';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number.`);
  return value;
}

/** Every .py file of the stdlib outside site-packages and the test suites, in path order, thinned evenly to `count`. */
function sample(root: string, count: number): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!['site-packages', 'test', 'tests', 'idle_test', '__pycache__'].includes(entry.name)) visit(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) found.push(full);
    }
  };
  visit(root);
  const step = Math.max(1, found.length / count);
  const picked: string[] = [];
  for (let index = 0; index < found.length && picked.length < count; index += step) picked.push(found[Math.floor(index)] as string);
  return picked;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const count = option('--files', 400);
  const rounds = option('--rounds', 3);
  const root = stdlibPath();
  const files = sample(root, count);
  const sources = files.map((file) => fs.readFileSync(file, 'utf8'));
  let lines = 0;
  let bytes = 0;
  for (const source of sources) {
    bytes += Buffer.byteLength(source);
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lines++;
  }
  console.log(`Sample: ${files.length} stdlib modules, ${fmt(lines)} lines, ${fmt(bytes / 1024 / 1024, 1)} MiB; best of ${rounds} rounds; CPU time of this one thread`);
  const parser = await createParser('python');

  const phases: { name: string; run: () => Promise<number> }[] = [
    {
      name: 'read + sha256 + decode',
      run: async () => {
        let total = 0;
        for (const file of files) {
          const buffer = fs.readFileSync(file);
          total += createHash('sha256').update(buffer).digest('hex').length + buffer.toString('utf8').length;
        }
        return total;
      },
    },
    {
      name: 'tree-sitter parse alone',
      run: async () => {
        let total = 0;
        for (const source of sources) {
          const tree = parser.parse(source);
          total += tree?.rootNode.endIndex ?? 0;
          tree?.delete();
        }
        return total;
      },
    },
    {
      name: 'whole worker job',
      run: async () => {
        let total = 0;
        for (const file of files) {
          const result = toFileResult(await parseFile({ path: path.basename(file), absolutePath: file, size: 0, mtimeMs: 0, knownHash: null }, 1 << 20));
          if (result.kind === 'parsed') total += result.file.symbols.length;
        }
        return total;
      },
    },
  ];

  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const phase of phases) {
      const started = process.cpuUsage();
      await phase.run();
      const spent = cpuSeconds(started);
      best.set(phase.name, Math.min(best.get(phase.name) ?? Infinity, spent));
    }
  }
  const parseOnly = best.get('tree-sitter parse alone') ?? 1;
  for (const phase of phases) {
    const spent = best.get(phase.name) ?? 0;
    console.log(`${phase.name.padEnd(24)} ${fmt(spent, 3)} CPU-s  ${fmt(lines / spent).padStart(10)} lines/CPU-s  ${fmt(spent / parseOnly, 2)}x the parse`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
