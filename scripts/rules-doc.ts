// Writes docs/rules.md from the validator's rule table, the built-in tier policies and the recorded stdlib figures.
// Run: npx tsx scripts/rules-doc.ts   (after npx tsx bench/validate.ts --write to refresh the figures)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBenchmarkFigures, rulesDocPath } from '../src/main/validator/rulesDocFiles';
import { renderRulesDoc } from '../src/main/validator/rulesDoc';

const root = join(__dirname, '..');
writeFileSync(rulesDocPath(root), renderRulesDoc(readBenchmarkFigures(root)));
console.log(`wrote ${rulesDocPath(root)}`);
