// `ark quality FILE`: the quality report from the command line — score, breakdown, costly rules, per-function figures.
import path from 'node:path';
import { Language } from '../../shared/domain';
import type { QualityReport } from '../../shared/quality';
import { call, choiceOption, exitCodes, expectArgs, UsageError, type CliCommand, type CliIO } from '../command';
import { languageForPath, readSourceFile } from './validation';

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padStart = (text: string | number, width: number) => String(text).padStart(width);
const percent = (ratio: number | null) => (ratio === null ? 'n/a' : `${Math.round(ratio * 100)}%`);

function printReport(file: string, report: QualityReport, io: CliIO): void {
  const versions = Object.entries(report.toolVersions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  io.out(`${file}: quality score ${report.score} / 100 (${report.language}; ${versions})`);
  io.out('');
  io.out('Breakdown (points lost of the most the category can cost):');
  for (const part of report.breakdown) io.out(`  ${pad(part.label, 24)} ${padStart(`-${part.lost}`, 6)} / ${padStart(part.maxPoints, 2)}   ${part.summary}`);
  if (report.deductions.length) {
    io.out('');
    io.out('What cost points:');
    for (const deduction of report.deductions.slice(0, 20)) io.out(`  ${padStart(`-${deduction.points}`, 6)}  ${pad(deduction.category, 15)} ${pad(deduction.ruleId, 22)} ${deduction.message}`);
    if (report.deductions.length > 20) io.out(`  … and ${report.deductions.length - 20} more (see --json)`);
  }
  if (report.functions.length) {
    io.out('');
    io.out(`  ${padStart('line', 6)} ${padStart('cyclomatic', 10)} ${padStart('cognitive', 9)}  function`);
    for (const fn of report.functions) io.out(`  ${padStart(fn.line, 6)} ${padStart(fn.cyclomatic, 10)} ${padStart(fn.cognitive, 9)}  ${fn.qualifiedName}`);
  }
  const { lines, maintainability } = report;
  io.out('');
  io.out(`Lines: ${lines.loc} total, ${lines.sloc} code, ${lines.lloc} logical, ${lines.comments} comment, ${lines.multi} docstring, ${lines.blank} blank`);
  io.out(`Maintainability index ${maintainability.index} (rank ${maintainability.rank}); docstrings ${report.docstrings.covered}/${report.docstrings.total} (${percent(report.docstrings.ratio)}); annotations ${report.annotations.covered}/${report.annotations.total} (${percent(report.annotations.ratio)})`);
  if (report.format.formatted !== null) io.out(`Formatting: ${report.format.formatted ? 'as ruff format would' : `ruff format would change ${report.format.changedLines} line(s), first at line ${report.format.firstChangedLine}`}`);
  if (report.findings.length) {
    io.out('');
    for (const finding of report.findings) io.out(`${file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.source} ${finding.ruleId}: ${finding.message.split('\n')[0]}`);
    if (report.findingCount > report.findings.length) io.out(`… ${report.findingCount - report.findings.length} more findings not listed`);
  }
  io.out('');
  io.out(`Tools: ${report.tools.map((tool) => `${tool.name}${tool.version ? ` ${tool.version}` : ''} ${tool.status}${tool.optional ? ' (optional)' : ''}${tool.status !== 'ok' && tool.message ? `: ${tool.message}` : ''}`).join('; ')}`);
  if (report.id !== null) io.out(`Stored as quality report ${report.id}.`);
}

export const qualityCommand: CliCommand = {
  name: 'quality',
  usage: [
    'ark quality FILE [--lang python|typescript|javascript]',
    '                              lint, type-check and measure a file; one score 0-100 with what cost points',
  ],
  options: { lang: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 1, 'quality');
    const file = args[0] as string;
    const given = choiceOption(values, 'lang', Language.options);
    // Read first: a missing file or a folder is the problem to report, not its (absent) extension.
    const code = readSourceFile(file);
    const language = given ?? languageForPath(file);
    if (!language) throw new UsageError(`cannot tell the language of "${file}" from its extension; pass --lang python, typescript or javascript.`);
    return withApp(async (app) => {
      const report = await call(app, 'quality.analyze', { code, language, filename: path.resolve(file) });
      if (json) io.out(JSON.stringify({ file, ...report }, null, 2));
      else printReport(file, report, io);
      return exitCodes.ok;
    });
  },
};
