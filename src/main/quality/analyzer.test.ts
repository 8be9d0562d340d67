// The analyzer end to end with the real tools (Ruff WASM, pyright from npm, the TypeScript compiler), and what the
// report says when a tool is missing, fails, or is skipped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QualityReport } from '../../shared/quality';
import { makeTempDir } from '../testing/tempDir';
import { createQualityAnalyzer, type Analysis } from './analyzer';
import { findOnPath } from './optionalTools';

const noOptional = { pylint: null, mypy: null };

function asStored(analysis: Analysis) {
  return QualityReport.parse({ ...analysis, id: null, artifactId: null, path: null, createdAt: new Date().toISOString() });
}

const tool = (analysis: Analysis, name: string) => analysis.tools.find((run) => run.name === name);

const pylint = findOnPath('pylint');
const mypy = findOnPath('mypy');
if (!pylint || !mypy) console.warn(`Skipping the optional-tool runs: ${[!pylint && 'pylint', !mypy && 'mypy'].filter(Boolean).join(' and ')} not on PATH (apt install pylint mypy to run them).`);

describe('quality analyzer', () => {
  it('lints, format-checks and type-checks Python with Ruff and pyright, recording their versions', { timeout: 120_000 }, async () => {
    const analyzer = createQualityAnalyzer({ optionalTools: noOptional });
    const code = 'import os\n\n\ndef greet(name: str) -> int:\n    """Say hello."""\n    return "hello " + name\n';
    const report = asStored(await analyzer.analyze({ code, language: 'python', filename: 'greet.py' }).finally(() => analyzer.close()));
    expect(report.findings).toContainEqual(expect.objectContaining({ source: 'ruff', ruleId: 'F401', line: 1, fixable: true }));
    expect(report.findings).toContainEqual(expect.objectContaining({ source: 'pyright', ruleId: 'reportReturnType', severity: 'error', line: 6 }));
    expect(report.format.formatted).toBe(true);
    expect(report.toolVersions).toMatchObject({ scoring: '1', ruff: expect.stringMatching(/^\d+\.\d+/), pyright: expect.stringMatching(/^1\.1\./), 'tree-sitter': expect.any(String) });
    expect(report.functions).toEqual([expect.objectContaining({ name: 'greet', cyclomatic: 1, hasDocstring: true, annotated: 2, annotatable: 2 })]);
    // F401 (2) and one pyright error (4); everything else is clean.
    expect(report.score).toBe(94);
  });

  it('type-checks TypeScript with the compiler, and JavaScript without strictness', { timeout: 60_000 }, async () => {
    const analyzer = createQualityAnalyzer();
    const ts = await analyzer.analyze({ code: 'export const n: number = "one";\nimport { x } from "nowhere";\n', language: 'typescript' });
    expect(ts.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['TS2322', 'error'],
      ['TS2307', 'warning'],
    ]);
    expect(tool(ts, 'tsc')).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+/) });
    expect(tool(ts, 'ruff')).toBeUndefined();
    const js = await analyzer.analyze({ code: 'function f(a) {\n  return a.length;\n}\nf(1).x.y;\n', language: 'javascript' });
    expect(js.findings).toEqual([]);
    expect(js.format.formatted).toBeNull();
  });

  it('reports missing tools as not assessed instead of failing', async () => {
    const analyzer = createQualityAnalyzer({ pyrightServerPath: null, typescript: false, optionalTools: noOptional });
    const python = await analyzer.analyze({ code: 'def f():\n    return 1\n', language: 'python' });
    expect(tool(python, 'pyright')).toMatchObject({ status: 'missing', optional: false });
    expect(tool(python, 'pylint')).toMatchObject({ status: 'missing', optional: true });
    expect(python.breakdown.find((part) => part.category === 'types')?.summary).toMatch(/^not assessed: pyright missing/);
    expect(python.toolVersions.pyright).toBeUndefined();
    const typescript = await analyzer.analyze({ code: 'export const a = 1;\n', language: 'typescript' });
    expect(tool(typescript, 'tsc')).toMatchObject({ status: 'missing' });
  });

  it('keeps the report when a checker fails, and skips type checking for very large code', { timeout: 60_000 }, async () => {
    const temp = makeTempDir();
    const crashing = path.join(temp.dir, 'crash.js');
    fs.writeFileSync(crashing, 'process.stderr.write("boom\\n"); process.exit(2);\n');
    const analyzer = createQualityAnalyzer({ pyrightServerPath: crashing, optionalTools: { pylint: path.join(temp.dir, 'no-pylint'), mypy: null }, maxTypeCheckChars: 1000 });
    try {
      const failed = await analyzer.analyze({ code: 'x = 1\n', language: 'python' });
      expect(tool(failed, 'pyright')).toMatchObject({ status: 'failed', message: expect.stringContaining('boom') });
      expect(tool(failed, 'pylint')).toMatchObject({ status: 'failed', optional: true, message: expect.stringContaining('Cannot run') });
      expect(failed.breakdown.find((part) => part.category === 'types')?.summary).toMatch(/^not assessed: pyright failed/);
      const large = await analyzer.analyze({ code: 'x = 1\n'.repeat(300), language: 'python' });
      expect(tool(large, 'pyright')).toMatchObject({ status: 'skipped', message: expect.stringContaining('larger than 1000') });
    } finally {
      await analyzer.close();
      temp.cleanup();
    }
  });

  it('reports a type check that runs past its time limit as timed out instead of waiting on it', { timeout: 60_000 }, async () => {
    const analyzer = createQualityAnalyzer({ optionalTools: noOptional, toolTimeoutMs: 1 });
    try {
      const report = await analyzer.analyze({ code: 'x: int = 1\n', language: 'python' });
      expect(tool(report, 'pyright')).toMatchObject({ status: 'timed-out', message: 'type check timed out after 1 ms' });
      expect(report.breakdown.find((part) => part.category === 'types')?.summary).toBe('not assessed: pyright timed-out (type check timed out after 1 ms)');
      expect(report.toolVersions.pyright).toBeUndefined();
    } finally {
      await analyzer.close();
    }
  });

  it('refuses code nested too deeply to measure with a clear message, and honours cancellation', async () => {
    const analyzer = createQualityAnalyzer({ optionalTools: noOptional });
    await expect(analyzer.analyze({ code: `x = ${'('.repeat(100_000)}1${')'.repeat(100_000)}\n`, language: 'python' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('nested too deeply') });
    const controller = new AbortController();
    controller.abort();
    await expect(analyzer.analyze({ code: 'x = 1\n', language: 'python' }, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it.skipIf(!pylint)('adds pylint findings when pylint is installed, at no cost to the score', { timeout: 120_000 }, async () => {
    const analyzer = createQualityAnalyzer({ pyrightServerPath: null, optionalTools: { pylint, mypy: null } });
    const code = 'def add(a: int, b: int) -> int:\n    """Add."""\n    return a + c\n';
    const withPylint = await analyzer.analyze({ code, language: 'python', filename: 'adder.py' });
    expect(tool(withPylint, 'pylint')).toMatchObject({ status: 'ok', optional: true, version: expect.stringMatching(/^\d+\./) });
    expect(withPylint.findings).toContainEqual(expect.objectContaining({ source: 'pylint', ruleId: 'E0602 undefined-variable', severity: 'error', line: 3, column: 16 }));
    const without = await createQualityAnalyzer({ pyrightServerPath: null, optionalTools: { pylint: null, mypy: null } }).analyze({ code, language: 'python' });
    expect(withPylint.score).toBe(without.score);
    expect(withPylint.toolVersions.pylint).toBe(tool(withPylint, 'pylint')?.version);
  });

  it.skipIf(!mypy)('adds mypy findings when mypy is installed', { timeout: 120_000 }, async () => {
    const analyzer = createQualityAnalyzer({ pyrightServerPath: null, optionalTools: { pylint: null, mypy } });
    // warmUp fills mypy's cache in the background; the first report waits for it and still judges its own code.
    analyzer.warmUp('python');
    const report = await analyzer.analyze({ code: 'def name() -> str:\n    """Name."""\n    return 1\n', language: 'python' });
    expect(tool(report, 'mypy')).toMatchObject({ status: 'ok', optional: true });
    expect(report.findings).toContainEqual(expect.objectContaining({ source: 'mypy', ruleId: 'return-value', severity: 'error', line: 3, column: 12 }));
    // Later checks share mypy's cache: each still judges its own code, fixed or broken again.
    const fixed = await analyzer.analyze({ code: 'def name() -> str:\n    """Name."""\n    return "a"\n', language: 'python' });
    expect(fixed.findings.filter((finding) => finding.source === 'mypy')).toEqual([]);
    const brokenAgain = await analyzer.analyze({ code: 'def name() -> str:\n    """Name."""\n    return 1\n', language: 'python' });
    expect(brokenAgain.findings).toContainEqual(expect.objectContaining({ source: 'mypy', ruleId: 'return-value', line: 3 }));
    await analyzer.close();
  });
});
