// The quality analyzer's vocabulary as it crosses the contract: what to assess, and the report with its score.
import { z } from 'zod';
import { Language } from './domain';

/** Bumped whenever the score's rules change, so a stored score is only compared with scores made the same way. */
export const scoringVersion = 1;

/** A stored report's id: the row id in quality_reports. */
export const QualityReportId = z.number().int().positive();
export type QualityReportId = z.infer<typeof QualityReportId>;

/** Where a finding came from. `ruff-format` is the formatter check; pylint and mypy only when installed. */
export const QualitySource = z.enum(['ruff', 'ruff-format', 'pyright', 'tsc', 'pylint', 'mypy']);
export type QualitySource = z.infer<typeof QualitySource>;

export const QualitySeverity = z.enum(['error', 'warning', 'info']);
export type QualitySeverity = z.infer<typeof QualitySeverity>;

/** One finding of a linter or type checker, with a 1-based range. */
export const QualityFinding = z.object({
  source: QualitySource,
  ruleId: z.string(),
  severity: QualitySeverity,
  message: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  /** Whether the tool offers a mechanical fix for it (Ruff's own fixes). */
  fixable: z.boolean(),
});
export type QualityFinding = z.infer<typeof QualityFinding>;

/** The figures of one function, method or arrow function. */
export const FunctionMetrics = z.object({
  name: z.string(),
  /** `Class.method`, `outer.inner`: unique enough to read in a table. */
  qualifiedName: z.string(),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  /** McCabe's number (for Python exactly as Ruff's C901 counts it; for TS/JS as ESLint's `complexity` rule). */
  cyclomatic: z.number().int().min(1),
  /** SonarSource's cognitive complexity. */
  cognitive: z.number().int().min(0),
  hasDocstring: z.boolean(),
  /** Parameters and return type that carry a type annotation, out of those that could. */
  annotated: z.number().int().min(0),
  annotatable: z.number().int().min(0),
});
export type FunctionMetrics = z.infer<typeof FunctionMetrics>;

/** Line counts, decomposed as Radon does: loc = sloc + multi + singleComments + blank. */
export const LineCounts = z.object({
  loc: z.number().int().min(0),
  /** Lines holding code (not blank, not only a comment, not a docstring). */
  sloc: z.number().int().min(0),
  /** Logical lines: statements, and the clauses (`elif`, `else`, `except`, `case`) that open a block. */
  lloc: z.number().int().min(0),
  /** Lines holding a comment, inline ones included. */
  comments: z.number().int().min(0),
  /** Lines holding nothing but a comment. */
  singleComments: z.number().int().min(0),
  /** Lines of docstrings (Python) or doc comments (`/** … *\/` in TS/JS). */
  multi: z.number().int().min(0),
  blank: z.number().int().min(0),
});
export type LineCounts = z.infer<typeof LineCounts>;

/** Radon's maintainability index and the figures it is computed from. */
export const Maintainability = z.object({
  /** 0–100; Radon ranks A above 19, B from 10 to 19, C below 10. */
  index: z.number().min(0).max(100),
  rank: z.enum(['A', 'B', 'C']),
  halsteadVolume: z.number().min(0),
  /** Cyclomatic complexity of the whole file (every function, plus decisions at module level). */
  complexity: z.number().int().min(0),
  lloc: z.number().int().min(0),
  /** Comment and docstring lines as a percentage of SLOC. */
  commentPercent: z.number().min(0),
});
export type Maintainability = z.infer<typeof Maintainability>;

/** How many of the things that should carry something do (null ratio: there is nothing to count). */
export const Coverage = z.object({
  covered: z.number().int().min(0),
  total: z.number().int().min(0),
  ratio: z.number().min(0).max(1).nullable(),
});
export type Coverage = z.infer<typeof Coverage>;

/** `timed-out`: the tool ran past its time limit (a hung type check), so its part of the score is not assessed. */
export const ToolStatus = z.enum(['ok', 'missing', 'failed', 'timed-out', 'skipped', 'not-applicable']);
export type ToolStatus = z.infer<typeof ToolStatus>;

/** What one tool did for this report: its version, whether it ran, and why not. */
export const ToolRun = z.object({
  name: z.string(),
  version: z.string().nullable(),
  status: ToolStatus,
  /** Optional tools (pylint, mypy) add findings but never points, so scores stay comparable across machines. */
  optional: z.boolean(),
  message: z.string().nullable(),
  durationMs: z.number().min(0),
});
export type ToolRun = z.infer<typeof ToolRun>;

export const ScoreCategory = z.enum(['lint', 'format', 'types', 'complexity', 'maintainability', 'docstrings', 'annotations']);
export type ScoreCategory = z.infer<typeof ScoreCategory>;

/** One part of the score: how many points it can cost at most, and how many it did. */
export const ScorePart = z.object({
  category: ScoreCategory,
  label: z.string(),
  maxPoints: z.number().min(0),
  lost: z.number().min(0),
  summary: z.string(),
});
export type ScorePart = z.infer<typeof ScorePart>;

/** A rule or measurement that cost points (before its category's cap). */
export const Deduction = z.object({
  category: ScoreCategory,
  ruleId: z.string(),
  message: z.string(),
  count: z.number().int().min(1),
  points: z.number().min(0),
});
export type Deduction = z.infer<typeof Deduction>;

export const FormatCheck = z.object({
  /** null when the formatter could not run (not Python, or a syntax error). */
  formatted: z.boolean().nullable(),
  /** The first line the formatter would change. */
  firstChangedLine: z.number().int().min(1).nullable(),
  changedLines: z.number().int().min(0),
});
export type FormatCheck = z.infer<typeof FormatCheck>;

/** The whole assessment of one piece of code. */
export const QualityReport = z.object({
  /** Row id once stored; null for a report that was not stored. */
  id: QualityReportId.nullable(),
  artifactId: z.number().int().positive().nullable(),
  path: z.string().nullable(),
  language: Language,
  codeHash: z.string(),
  score: z.number().min(0).max(100),
  scoringVersion: z.number().int().min(1),
  breakdown: z.array(ScorePart),
  deductions: z.array(Deduction),
  findings: z.array(QualityFinding),
  /** How many findings there were before the list was cut to its bound. */
  findingCount: z.number().int().min(0),
  format: FormatCheck,
  functions: z.array(FunctionMetrics),
  lines: LineCounts,
  maintainability: Maintainability,
  docstrings: Coverage,
  annotations: Coverage,
  /** Whether the parser met syntax errors (metrics are then computed on what parsed). */
  syntaxErrors: z.boolean(),
  tools: z.array(ToolRun),
  /** name -> version of every tool that ran, plus the scoring version: compare scores only when these agree. */
  toolVersions: z.record(z.string(), z.string()),
  durationMs: z.number().min(0),
  createdAt: z.string(),
});
export type QualityReport = z.infer<typeof QualityReport>;

/** Code to assess; the filename labels it and picks a grammar (`.tsx`); nothing is read from disk. */
export const AnalyzeCode = z
  .object({
    code: z.string().max(2_000_000),
    language: Language,
    filename: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type AnalyzeCode = z.infer<typeof AnalyzeCode>;

/** A stored artefact version to assess; the report is kept against it. */
export const AnalyzeArtifact = z.object({ artifactId: z.number().int().positive() }).strict();

export const AnalyzeRequest = z.union([AnalyzeCode, AnalyzeArtifact]);
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

/** A stored report without its findings and per-function figures: enough for lists and charts. */
export const QualityReportSummary = z.object({
  id: QualityReportId,
  artifactId: z.number().int().positive().nullable(),
  path: z.string().nullable(),
  language: Language,
  score: z.number().min(0).max(100),
  scoringVersion: z.number().int().min(1),
  toolVersions: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type QualityReportSummary = z.infer<typeof QualityReportSummary>;

export const qualityRequests = {
  'quality.analyze': { input: AnalyzeRequest, output: QualityReport },
  'quality.report': { input: z.object({ id: QualityReportId }).strict(), output: QualityReport },
  'quality.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(1000),
        artifactId: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.array(QualityReportSummary),
  },
} as const;
