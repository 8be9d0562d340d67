// Spec-driven generation as it crosses the contract: spec versions, pipeline stages and results, templates, library.
import { z } from 'zod';
import { Tier } from './domain';
import { Spec, SpecLanguage, TemplateName } from './spec';
import { Finding } from './validation';

/** Where a function body came from; `none` means no body passed the examples (the code is a marked stub). */
export const BodySource = z.enum(['reuse', 'library', 'model', 'manual', 'none']);
export type BodySource = z.infer<typeof BodySource>;

/** The pipeline's stages, in order. */
export const StageName = z.enum(['spec', 'body', 'render', 'validate', 'test', 'quality']);
export type StageName = z.infer<typeof StageName>;

export const StageStatus = z.enum(['running', 'passed', 'failed', 'skipped']);
export type StageStatus = z.infer<typeof StageStatus>;

/**
 * `ready-for-review`: a body passed every example, validation passed. `needs-body`: nothing passed the examples, so the
 * code is a stub that raises NotImplementedError. `failed`: something else went wrong (reasons say what).
 */
export const GenerationStatus = z.enum(['ready-for-review', 'needs-body', 'failed']);
export type GenerationStatus = z.infer<typeof GenerationStatus>;

/** One stage as stored and as streamed in the `pipeline.stage` event. */
export const StageRecord = z.object({
  stage: StageName,
  status: StageStatus,
  /** One line on what happened ("3 of 3 examples passed with pytest"). */
  summary: z.string(),
  durationMs: z.number().min(0).nullable(),
  startedAt: z.string(),
  /** Stage-specific facts (candidates tried, framework, finding counts); JSON. */
  detail: z.record(z.string(), z.unknown()),
});
export type StageRecord = z.infer<typeof StageRecord>;

/** The `pipeline.stage` event: `runKey` is the caller's own id for the run, echoed so a UI can follow its run. */
export const PipelineStageEvent = StageRecord.extend({
  runKey: z.string().max(100).nullable(),
  artifactId: z.number().int().positive(),
});
export type PipelineStageEvent = z.infer<typeof PipelineStageEvent>;

/** The `pipeline.token` event: model output as it streams (the provider's repair attempts are numbered from 1). */
export const PipelineTokenEvent = z.object({
  runKey: z.string().max(100).nullable(),
  artifactId: z.number().int().positive(),
  attempt: z.number().int().min(1),
  text: z.string(),
});
export type PipelineTokenEvent = z.infer<typeof PipelineTokenEvent>;

export const ExampleResult = z.object({
  index: z.number().int().min(0),
  passed: z.boolean(),
  /** What the call returned (repr), when it returned. */
  actual: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExampleResult = z.infer<typeof ExampleResult>;

/** The tests' outcome: per example, whichever framework ran them. */
export const TestRunSummary = z.object({
  framework: z.enum(['pytest', 'builtin-runner', 'node']),
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
  total: z.number().int().min(0),
  results: z.array(ExampleResult),
  durationMs: z.number().min(0),
  executionId: z.number().int().positive().nullable(),
  /** Output of the run when it did not produce results (a crash, a timeout). */
  output: z.string(),
});
export type TestRunSummary = z.infer<typeof TestRunSummary>;

export const ValidationOutcome = z.object({
  ok: z.boolean(),
  blocked: z.boolean(),
  tier: Tier,
  findings: z.array(Finding),
  durationMs: z.number().min(0),
});
export type ValidationOutcome = z.infer<typeof ValidationOutcome>;

export const QualityCheck = z.object({ id: z.string(), label: z.string(), passed: z.boolean(), detail: z.string() });
export type QualityCheck = z.infer<typeof QualityCheck>;

/** The quality analyzer's report on a generated version, in brief; `quality.report` with its id gives the whole. */
export const QualityAnalysisBrief = z.object({
  reportId: z.number().int().positive(),
  score: z.number().min(0).max(100),
  scoringVersion: z.number().int().min(1),
  toolVersions: z.record(z.string(), z.string()),
  /** Required tools that did not assess the code (missing, failed, timed out): the score lacks their part. */
  notAssessed: z.array(z.string()),
});
export type QualityAnalysisBrief = z.infer<typeof QualityAnalysisBrief>;

/**
 * The quality stage's outcome. `score` and `checks` are the pipeline's own checklist (share of checks passed, 0–100);
 * `analysis` is the quality analyzer's scored report, stored against the artefact version (null when it could not
 * run; absent on versions generated before the stage ran the analyzer). The two scores are never mixed.
 */
export const QualitySummary = z.object({
  score: z.number().min(0).max(100),
  checks: z.array(QualityCheck),
  analysis: QualityAnalysisBrief.nullable().optional(),
});
export type QualitySummary = z.infer<typeof QualitySummary>;

/** Where the body came from in detail: which library entry or indexed function, verified against what. */
export const BodyOrigin = z.object({
  source: BodySource,
  /** Library entry id, model name, or indexed symbol; null for manual and none. */
  reference: z.string().nullable(),
  /** True when it passed the spec's own examples; false when the spec had none (library name-and-signature match). */
  verifiedAgainstSpecExamples: z.boolean(),
  candidatesTried: z.number().int().min(0),
});
export type BodyOrigin = z.infer<typeof BodyOrigin>;

/** What `generate.run` returns (and `ark generate --json` prints). */
export const GenerationResult = z.object({
  artifactId: z.number().int().positive(),
  specId: z.number().int().positive(),
  specVersion: z.number().int().positive(),
  spec: Spec,
  code: z.string(),
  tests: z.string(),
  source: BodySource,
  origin: BodyOrigin,
  template: z.object({ name: z.string(), hash: z.string() }).nullable(),
  validation: ValidationOutcome.nullable(),
  testRun: TestRunSummary.nullable(),
  quality: QualitySummary.nullable(),
  status: GenerationStatus,
  /** Why the status is not ready-for-review, and anything a reviewer should know (e.g. unverified examples). */
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  stages: z.array(StageRecord),
  durationMs: z.number().min(0),
});
export type GenerationResult = z.infer<typeof GenerationResult>;

export const SpecFormat = z.enum(['json', 'yaml']);

export const SpecSummary = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  latestVersion: z.number().int().min(0),
  updatedAt: z.string(),
  /** Status of the newest generation from any version, or null when never generated. */
  lastStatus: GenerationStatus.nullable(),
});
export type SpecSummary = z.infer<typeof SpecSummary>;

export const SpecVersionInfo = z.object({
  specId: z.number().int().positive(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  spec: Spec,
  source: z.string(),
  format: SpecFormat,
  artifacts: z.array(z.object({ id: z.number().int().positive(), status: z.string(), source: BodySource, createdAt: z.string() })),
});
export type SpecVersionInfo = z.infer<typeof SpecVersionInfo>;

export const ArtifactInfo = z.object({
  id: z.number().int().positive(),
  specId: z.number().int().positive().nullable(),
  specVersion: z.number().int().positive().nullable(),
  language: z.string(),
  template: z.string().nullable(),
  templateHash: z.string().nullable(),
  source: BodySource,
  code: z.string(),
  tests: z.string(),
  status: z.string(),
  createdAt: z.string(),
  stages: z.array(StageRecord),
  testRun: TestRunSummary.nullable(),
  quality: QualitySummary.nullable(),
});
export type ArtifactInfo = z.infer<typeof ArtifactInfo>;

export const TemplateEntryInfo = z.object({
  name: z.string(),
  source: z.enum(['builtin', 'user']),
  hash: z.string(),
  overridesBuiltin: z.boolean(),
});
export const TemplateErrorInfo = z.object({ line: z.number().int(), column: z.number().int(), message: z.string() });
export type TemplateErrorInfo = z.infer<typeof TemplateErrorInfo>;

export const InferenceInfo = z.object({ field: z.string(), value: z.string(), reason: z.string() });

export const LibraryEntryInfo = z.object({
  id: z.string(),
  name: z.string(),
  language: SpecLanguage,
  summary: z.string(),
  signature: z.string(),
  origin: z.enum(['builtin', 'approved']),
  exampleCount: z.number().int().min(0),
});
export type LibraryEntryInfo = z.infer<typeof LibraryEntryInfo>;

/** The model provider's settings (the API key is kept apart and never sent back to a UI). */
export const ProviderSettings = z.object({
  enabled: z.boolean(),
  /** The OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1. */
  baseUrl: z.string().trim().max(2000).refine((text) => text === '' || /^https?:\/\/[^\s]+$/.test(text), 'must start with http:// or https://'),
  model: z.string().trim().max(200),
  /** How many answers to ask for: the first, then repairs fed with findings and failing examples. */
  maxAttempts: z.number().int().min(1).max(10),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;

export const ProviderInfo = ProviderSettings.extend({
  hasApiKey: z.boolean(),
  /** Where the key is kept: encrypted with the system keychain (desktop app), or plain text in the local database. */
  keyStorage: z.string(),
  /** Why a stored key cannot be used here (encrypted on another machine, or by the desktop app), with what to do. */
  keyProblem: z.string().nullable(),
});
export type ProviderInfo = z.infer<typeof ProviderInfo>;

const RequestText = z.string().trim().min(1).max(2000);
const SpecSourceText = z.string().max(200_000);
const Id = z.number().int().positive();

/** Generation's requests in the contract. */
export const generationRequests = {
  'spec.parseWords': {
    input: z.object({ text: RequestText, language: SpecLanguage.default('python') }).strict(),
    output: z.object({ spec: Spec, inferred: z.array(InferenceInfo), confidence: z.number(), warnings: z.array(z.string()) }),
  },
  'spec.importPython': {
    input: z.object({ source: z.string().min(1).max(200_000), entryPoint: z.string().max(64).optional() }).strict(),
    output: z.object({ spec: Spec, warnings: z.array(z.string()) }),
  },
  'spec.save': {
    input: z.object({ spec: Spec, specId: Id.optional(), source: SpecSourceText.optional(), format: SpecFormat.default('json') }).strict(),
    output: SpecVersionInfo,
  },
  'spec.list': { input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(), output: z.array(SpecSummary) },
  'spec.versions': { input: z.object({ specId: Id }).strict(), output: z.array(SpecVersionInfo) },
  'spec.get': { input: z.object({ specId: Id, version: Id.optional() }).strict(), output: SpecVersionInfo },
  'generate.run': {
    input: z
      .object({
        spec: Spec,
        /** Saves the run under this spec (a new version when the spec changed); a new spec otherwise. */
        specId: Id.optional(),
        /** A body the user wrote (source `manual`); it is verified like any other. */
        body: z.string().max(200_000).optional(),
        runKey: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: GenerationResult,
  },
  'artifact.get': { input: z.object({ id: Id }).strict(), output: ArtifactInfo },
  'templates.list': { input: z.object({}).strict(), output: z.array(TemplateEntryInfo) },
  'templates.read': { input: z.object({ name: TemplateName }).strict(), output: TemplateEntryInfo.extend({ content: z.string() }) },
  'templates.save': { input: z.object({ name: TemplateName, content: z.string().max(262_144) }).strict(), output: TemplateEntryInfo },
  'templates.remove': { input: z.object({ name: TemplateName }).strict(), output: z.null() },
  'templates.preview': {
    input: z.object({ content: z.string().max(262_144), spec: Spec, body: z.string().max(200_000).optional() }).strict(),
    output: z.object({ output: z.string().nullable(), error: TemplateErrorInfo.nullable() }),
  },
  'provider.get': { input: z.object({}).strict(), output: ProviderInfo },
  'provider.set': {
    /** apiKey: absent keeps the stored key, "" removes it. */
    input: ProviderSettings.extend({ apiKey: z.string().max(4096).optional() }).strict(),
    output: ProviderInfo,
  },
  'library.list': { input: z.object({ language: SpecLanguage.optional() }).strict(), output: z.array(LibraryEntryInfo) },
} as const;

/** Generation's events: each stage's start and result, and model tokens as they stream. */
export const generationEvents = { 'pipeline.stage': PipelineStageEvent, 'pipeline.token': PipelineTokenEvent } as const;
