// Where a parse worker's time goes, in one thread, on a fixed sample of the python3 standard library: reading and
// hashing, the tree-sitter parse alone, the parse with extraction (symbols, calls, line counts) from text in memory,
// and the whole per-file job (reading, hashing, decoding, parse, extraction, the row form the worker sends). CPU time
// of this process, so other load on the machine inflates it far less than wall-clock time.
// Run: npx tsx bench/indexSplit.ts [--files N] [--rounds R]   (default 400 files, 3 rounds, best round reported).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extractPython } from '../src/main/indexer/extract/python';
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
  console.log(`Sample: ${files.length} stdlib modules, ${fmt(lines)} lines, ${fmt(bytes / 1024 / 1024, 1)} MiB; best of ${rounds} rounds; CPU time of this process, one thread`);
  const parser = await createParser('python');

  const job = (file: string) => ({ path: path.basename(file), absolutePath: file, size: 0, mtimeMs: 0, knownHash: null });
  // Each phase does one file; every round runs all phases file by file, in an order that rotates from file to file,
  // so a change in the machine's load during the run weighs on every phase alike.
  const phases: { name: string; run: (index: number) => Promise<number> }[] = [
    {
      name: 'read + sha256 + decode',
      run: async (index) => {
        const buffer = fs.readFileSync(files[index] as string);
        return createHash('sha256').update(buffer).digest('hex').length + buffer.toString('utf8').length;
      },
    },
    {
      name: 'tree-sitter parse alone',
      run: async (index) => {
        const tree = parser.parse(sources[index] as string);
        const end = tree?.rootNode.endIndex ?? 0;
        tree?.delete();
        return end;
      },
    },
    {
      name: 'parse + extraction',
      run: async (index) => {
        const source = sources[index] as string;
        const tree = parser.parse(source);
        const found = tree ? extractPython(tree, source).symbols.length : 0;
        tree?.delete();
        return found;
      },
    },
    {
      name: 'whole worker job',
      run: async (index) => {
        const result = toFileResult(await parseFile(job(files[index] as string), 1 << 20));
        return result.kind === 'parsed' ? result.file.symbols.length : 0;
      },
    },
  ];

  const best = new Map<string, number>();
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const spent = phases.map(() => 0);
    for (let index = 0; index < files.length; index++) {
      for (let step = 0; step < phases.length; step++) {
        const which = (index + step) % phases.length;
        const started = process.cpuUsage();
        await (phases[which] as (typeof phases)[number]).run(index);
        spent[which] = (spent[which] as number) + cpuSeconds(started);
      }
    }
    phases.forEach((phase, which) => best.set(phase.name, Math.min(best.get(phase.name) ?? Infinity, spent[which] as number)));
    ratios.push((spent[phases.length - 1] as number) / (spent[1] as number)); // whole job ÷ parse alone
  }
  const parseOnly = best.get('tree-sitter parse alone') ?? 1;
  for (const phase of phases) {
    const spent = best.get(phase.name) ?? 0;
    console.log(`${phase.name.padEnd(24)} ${fmt(spent, 3)} CPU-s  ${fmt(lines / spent).padStart(10)} lines/CPU-s  ${fmt(spent / parseOnly, 2)}x the parse`);
  }
  ratios.sort((a, b) => a - b);
  console.log(`whole job / parse per round: ${ratios.map((ratio) => fmt(ratio, 3)).join(', ')} (median ${fmt(ratios[Math.floor(ratios.length / 2)] as number, 3)})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
