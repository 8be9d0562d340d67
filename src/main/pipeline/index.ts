// The generation pipeline: spec → body → render → validate → test in the sandbox → quality, one call, every stage
// streamed as a `pipeline.stage` event and stored with the spec version and template version it used.
import { sha256 } from '../hash';
import type { Tier } from '../../shared/domain';
import { ArkError } from '../../shared/errors';
import type {
  BodyOrigin,
  BodySource,
  ExampleResult,
  GenerationResult,
  GenerationStatus,
  PipelineStageEvent,
  PipelineTokenEvent,
  QualityAnalysisBrief,
  QualitySummary,
  StageName,
  StageRecord,
  TestRunSummary,
  ValidationOutcome,
} from '../../shared/generation';
import type { QualityReport } from '../../shared/quality';
import type { RunLanguage, RunResult } from '../../shared/sandbox';
import { parseType, Spec, type SpecExample } from '../../shared/spec';
import type { ValidationReport } from '../../shared/validation';
import type { Generator } from '../generator';
import type { Library, LibraryEntry } from '../library';
import type { QualityService } from '../quality';
import type { GenerationRepo } from '../store/generationRepo';
import type { Validator } from '../validator';
import { newToken, PYTEST_PROBE, pytestProgram, readPytestResults, readRunnerResults, runnerProgram, type HarnessVerdicts } from './harness';
import { nodeTestProgram, readNodeTestResults, transpileForNode } from './nodeHarness';

export { createHarnessVerdicts, type HarnessVerdicts } from './harness';

/** Runs one harness program in the harness sandbox (its verdict registered first). */
export type RunHarness = (request: { code: string; language: RunLanguage; tier: Tier; artifactId?: number; timeoutMs: number }, signal?: AbortSignal) => Promise<RunResult>;

/** A body offered by a model provider, given the spec and what went wrong with its previous attempt. */
export type BodyProvider = {
  readonly name: string;
  /** Whether a provider is configured (base URL and model set). */
  configured(): boolean;
  /** Asks for a function (full source); `feedback` carries validator findings and failing tests of the last attempt. */
  complete(request: { spec: Spec; previous?: { code: string; feedback: string } }, onToken: (text: string) => void, signal?: AbortSignal): Promise<string>;
  maxAttempts(): number;
};

/** A function already in the indexed project that may fit the spec (name and signature, or examples). */
export type ReuseCandidate = { reference: string; body: string };

export type PipelineDeps = {
  generator: Generator;
  validator: Validator;
  library: Library;
  repo: GenerationRepo;
  harness: HarnessVerdicts;
  runHarness: RunHarness;
  emitStage: (event: PipelineStageEvent) => void;
  emitToken?: (event: PipelineTokenEvent) => void;
  provider?: BodyProvider;
  reuse?: (spec: Spec) => Promise<ReuseCandidate[]>;
  /** What reviewers said about earlier versions of a spec (comments, reasons for rejected hunks), newest first. */
  reviewFeedback?: (specId: number) => string[];
  /** The quality analyzer: the quality stage assesses each generated version with it and stores the report against it. */
  quality?: Pick<QualityService, 'analyze' | 'warmUp'>;
};

export type PipelineRunInput = {
  spec: Spec;
  specId?: number;
  body?: string;
  /** Who wrote `body` when it was not the user: a suggestion applied through the model provider names it here. */
  bodyFrom?: { source: 'model'; reference: string };
  runKey?: string;
};

export type Pipeline = {
  run(input: PipelineRunInput, signal?: AbortSignal): Promise<GenerationResult>;
  /** Whether pytest imports for the sandbox's Python at a tier (probed once per tier, in the sandbox). */
  pytestAvailable(tier: Tier): Promise<boolean>;
  /** The body a finished artifact used, for the review to add approved code to the library. */
  bodyOf(artifactId: number): { spec: Spec; body: string } | null;
  /** Adds an approved artifact's body to the library (the review calls this); only verified, real bodies qualify. */
  addToLibrary(artifactId: number): LibraryEntry;
};

const RUN_TIMEOUT_MS = 30_000;
const EXAMPLE_TIMEOUT_SECONDS = 5;
// node:test stops a TypeScript test file that runs longer than this: about the Python runner's time per example plus
// node's start, and always before the sandbox's own limit, so a hung example is reported rather than the run killed.
function nodeTestTimeoutMs(examples: number): number {
  return Math.min(RUN_TIMEOUT_MS - 5_000, 5_000 + EXAMPLE_TIMEOUT_SECONDS * 1000 * examples);
}


/** Examples that state an outcome (a value or an exception): only these can verify a body. */
function checkable(examples: SpecExample[]): SpecExample[] {
  return examples.filter((example) => example.expected !== undefined || example.raises !== undefined);
}

function toOutcome(report: ValidationReport): ValidationOutcome {
  return { ok: report.ok, blocked: report.blocked, tier: report.tier, findings: report.findings, durationMs: report.durationMs };
}

function describeFailures(results: ExampleResult[]): string {
  return results
    .filter((result) => !result.passed)
    .slice(0, 10)
    .map((result) => `example ${result.index + 1}: ${result.error ?? 'failed'}`)
    .join('\n');
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const pytestByTier = new Map<Tier, Promise<boolean>>();

  /** Runs a harness program with the verdict of the generated code it carries. */
  const runProgram = async (
    program: string,
    verdict: ValidationReport,
    tier: Tier,
    artifactId: number | undefined,
    signal?: AbortSignal,
    language: RunLanguage = 'python',
  ): Promise<RunResult> => {
    const release = deps.harness.register(program, { ...verdict, blocked: verdict.blocked, summary: `harness for generated code (${verdict.findings.length} findings)` });
    try {
      return await deps.runHarness({ code: program, language, tier, timeoutMs: RUN_TIMEOUT_MS, ...(artifactId ? { artifactId } : {}) }, signal);
    } finally {
      release();
    }
  };

  const pytestAvailable = (tier: Tier): Promise<boolean> => {
    let probe = pytestByTier.get(tier);
    if (!probe) {
      const verdict: ValidationReport = { ok: true, blocked: false, tier, language: 'python', findings: [], durationMs: 0 };
      probe = runProgram(PYTEST_PROBE, verdict, tier, undefined)
        .then((result) => result.status === 'success' && result.stdout.includes('pytest:yes'))
        .catch(() => false);
      pytestByTier.set(tier, probe);
    }
    return probe;
  };

  /** Runs the examples against code with the built-in runner (no pytest): per-example results, or null on a crash. */
  const runExamples = async (spec: Spec, code: string, verdict: ValidationReport, artifactId: number | undefined, signal?: AbortSignal) => {
    const token = newToken();
    const result = await runProgram(runnerProgram(spec, code, token, EXAMPLE_TIMEOUT_SECONDS), verdict, spec.tier, artifactId, signal);
    return { run: result, results: readRunnerResults(result.stdout, token, spec.examples.length) };
  };

  const validate = (code: string, spec: Spec): Promise<ValidationReport> => deps.validator.validate({ code, language: spec.language, tier: spec.tier });

  return {
    pytestAvailable,

    bodyOf(artifactId) {
      const artifact = deps.repo.artifact(artifactId);
      const body = artifact.stages.find((stage) => stage.stage === 'body')?.detail.body;
      if (typeof body !== 'string' || artifact.specId === null || artifact.specVersion === null) return null;
      return { spec: deps.repo.version(artifact.specId, artifact.specVersion).spec, body };
    },

    addToLibrary(artifactId) {
      const artifact = deps.repo.artifact(artifactId);
      const used = this.bodyOf(artifactId);
      if (!used || artifact.source === 'none' || artifact.status !== 'ready-for-review') {
        throw new ArkError('conflict', `Artifact ${artifactId} has no verified body to add to the library (status ${artifact.status}, body ${artifact.source}).`);
      }
      return deps.library.addApproved({ spec: used.spec, body: used.body, artifactId });
    },

    async run(input, signal) {
      const started = performance.now();
      const parsed = Spec.safeParse(input.spec);
      if (!parsed.success) throw new ArkError('invalid-input', `The spec is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
      const spec = parsed.data;
      const runKey = input.runKey ?? null;
      // Probe for pytest now, so the answer is ready by the test stage.
      if (spec.language === 'python') void pytestAvailable(spec.tier);
      // Likewise the type checker: pyright's server takes seconds to start, and the quality stage is last.
      deps.quality?.warmUp(spec.language);
      const stages: StageRecord[] = [];
      const warnings: string[] = [];
      const reasons: string[] = [];

      // The spec version and the artifact row come first: every stage is stored against them.
      const specStarted = performance.now();
      const specStartedAt = new Date().toISOString();
      const saved = deps.repo.saveVersion({ specId: input.specId, spec, source: `${JSON.stringify(spec, null, 2)}\n`, format: 'json' });
      const artifactId = deps.repo.createArtifact({
        specVersionId: saved.id,
        language: spec.language,
        template: null,
        templateHash: null,
        source: 'none',
        code: '',
        tests: '',
        codeHash: '',
        status: 'running',
      });

      const emit = (record: StageRecord): void => {
        deps.emitStage({ ...record, runKey, artifactId });
      };
      const begin = (stage: StageName): { finish: (status: StageRecord['status'], summary: string, detail?: Record<string, unknown>) => StageRecord } => {
        const startedAt = new Date().toISOString();
        const t0 = performance.now();
        emit({ stage, status: 'running', summary: '', durationMs: null, startedAt, detail: {} });
        return {
          finish(status, summary, detail = {}) {
            const record: StageRecord = { stage, status, summary, durationMs: Math.round((performance.now() - t0) * 10) / 10, startedAt, detail };
            stages.push(record);
            deps.repo.addStage(artifactId, record);
            emit(record);
            return record;
          },
        };
      };

      emit({ stage: 'spec', status: 'running', summary: '', durationMs: null, startedAt: specStartedAt, detail: {} });
      const specRecord: StageRecord = {
        stage: 'spec',
        status: 'passed',
        summary: `${spec.name}: spec ${saved.specId} version ${saved.version}${saved.created ? ' (new)' : ''}, ${spec.examples.length} example${spec.examples.length === 1 ? '' : 's'}`,
        durationMs: Math.round((performance.now() - specStarted) * 10) / 10,
        startedAt: specStartedAt,
        detail: { specId: saved.specId, version: saved.version, created: saved.created },
      };
      stages.push(specRecord);
      deps.repo.addStage(artifactId, specRecord);
      emit(specRecord);

      /* ---------------------------------------------------------------- body */
      const bodyStage = begin('body');
      let body = '';
      let source: BodySource = 'none';
      let origin: BodyOrigin = { source: 'none', reference: null, verifiedAgainstSpecExamples: false, candidatesTried: 0 };
      // The examples the tests check: the spec's own, or — for a close library match on a spec without examples — the
      // entry's verified examples, said so plainly.
      let testSpec: Spec = spec;
      const tried: { reference: string; outcome: string }[] = [];
      const verifiable = checkable(spec.examples).length > 0;

      const tryBody = async (candidateBody: string, reference: string): Promise<boolean> => {
        if (!verifiable) return false;
        let code: string;
        try {
          code = deps.generator.renderFunction(spec, { body: candidateBody }).content;
        } catch (error) {
          tried.push({ reference, outcome: `could not render: ${error instanceof Error ? error.message : String(error)}` });
          return false;
        }
        const verdict = await validate(code, spec);
        if (verdict.blocked) {
          tried.push({ reference, outcome: 'blocked by the validator' });
          return false;
        }
        const { run, results } = spec.language === 'typescript' ? await runTypeScriptExamples(spec, code, verdict, artifactId, signal) : await runExamples(spec, code, verdict, artifactId, signal);
        const passed = results?.filter((result) => result.passed).length ?? 0;
        const ok = results !== null && passed === spec.examples.length && results.every((result) => result.passed);
        tried.push({ reference, outcome: ok ? 'passed every example' : results ? `${passed} of ${spec.examples.length} examples passed` : `run ${run.status}` });
        return ok;
      };

      if (input.body !== undefined && input.body.trim() !== '') {
        body = input.body;
        source = input.bodyFrom?.source ?? 'manual';
        origin = { source, reference: input.bodyFrom?.reference ?? null, verifiedAgainstSpecExamples: verifiable, candidatesTried: 0 };
      } else {
        if (verifiable) {
          // Reuse offers Python functions of the indexed project; TypeScript specs look in the library only.
          const reusable = spec.language === 'python' ? ((await deps.reuse?.(spec).catch(() => [])) ?? []) : [];
          for (const candidate of reusable) {
            if (signal?.aborted) break;
            if (await tryBody(candidate.body, candidate.reference)) {
              body = candidate.body;
              source = 'reuse';
              origin = { source, reference: candidate.reference, verifiedAgainstSpecExamples: true, candidatesTried: tried.length };
              break;
            }
          }
          if (source === 'none') {
            for (const candidate of deps.library.candidates(spec)) {
              if (signal?.aborted) break;
              const candidateBody = deps.library.bodyFor(candidate.entry, spec);
              if (await tryBody(candidateBody, candidate.entry.id)) {
                body = candidateBody;
                source = 'library';
                origin = { source, reference: candidate.entry.id, verifiedAgainstSpecExamples: true, candidatesTried: tried.length };
                break;
              }
            }
          }
        } else {
          const match: LibraryEntry | undefined = deps.library.closeMatch(spec);
          if (match) {
            body = deps.library.bodyFor(match, spec);
            source = 'library';
            origin = { source, reference: match.id, verifiedAgainstSpecExamples: false, candidatesTried: 1 };
            testSpec = { ...spec, examples: match.examples };
            tried.push({ reference: match.id, outcome: 'name and signature match; the spec has no examples' });
            warnings.push(
              `The spec has no examples, so this code from the built-in library (${match.id}) is not verified against examples of yours; ` +
                `the tests use the library's own ${match.examples.length} examples. Add examples to the spec to check it does what you mean.`,
            );
          }
        }
      }
      // Reviewers' words on earlier versions go to the model as constraints; the user sees that they did.
      const feedback = input.specId !== undefined ? (deps.reviewFeedback?.(input.specId) ?? []).slice(0, 10) : [];
      if (feedback.length) warnings.push(`Review feedback on earlier versions: ${feedback.join(' · ')}`);
      // The provider is asked for Python (its prompt and the answer's parsing are Python's), so TypeScript skips it.
      if (source === 'none' && spec.language === 'python' && deps.provider?.configured() && !signal?.aborted) {
        const forModel = feedback.length ? { ...spec, constraints: [...spec.constraints, ...feedback.map((note) => `A reviewer said about an earlier version: ${note}`)] } : spec;
        const produced = await modelBody(forModel, artifactId, runKey, tried, signal);
        if (produced) {
          body = produced;
          source = 'model';
          origin = { source, reference: deps.provider.name, verifiedAgainstSpecExamples: verifiable, candidatesTried: tried.length };
        }
      }
      if (source === 'none') {
        reasons.push(
          !verifiable
            ? 'Needs a body: the spec has no examples and no built-in implementation matches its name and signature closely. Add examples, or write the body.'
            : spec.language === 'typescript'
              ? `Needs a body: no implementation in the built-in library passed all ${spec.examples.length} examples${tried.length ? ` (${tried.length} tried)` : ''}, and the model provider writes Python only. Write the TypeScript body.`
              : `Needs a body: no implementation passed all ${spec.examples.length} examples${tried.length ? ` (${tried.length} tried)` : ''}. ${deps.provider?.configured() ? 'Write the body.' : 'Write the body, or configure a model provider in Settings.'}`,
        );
      }
      bodyStage.finish(
        source === 'none' ? 'failed' : 'passed',
        source === 'none' ? 'No body passed the examples: the code is a stub that raises NotImplementedError.' : `Body from ${source}${origin.reference ? ` (${origin.reference})` : ''}`,
        { source, reference: origin.reference, tried, body, verifiedAgainstSpecExamples: origin.verifiedAgainstSpecExamples },
      );

      /* ---------------------------------------------------------------- render */
      const renderStage = begin('render');
      let code = '';
      let tests = '';
      let template: GenerationResult['template'] = null;
      try {
        const rendered = deps.generator.renderFunction(spec, { body });
        const renderedTests = deps.generator.renderTests(testSpec);
        code = rendered.content;
        tests = renderedTests.file.content;
        template = rendered.template;
        renderStage.finish('passed', `${rendered.template.name} and ${renderedTests.template.name}`, {
          template: rendered.template,
          testTemplate: renderedTests.template,
          stub: source === 'none',
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reasons.push(`Rendering failed: ${message}`);
        renderStage.finish('failed', message, { error: message, ...(error instanceof ArkError && error.details ? { location: error.details } : {}) });
      }

      /* ---------------------------------------------------------------- validate */
      let validation: ValidationOutcome | null = null;
      let verdict: ValidationReport | null = null;
      const validateStage = begin('validate');
      if (code) {
        verdict = await validate(code, spec);
        validation = toOutcome(verdict);
        deps.repo.addValidation(artifactId, sha256(code), spec.language, validation);
        const errors = verdict.findings.filter((finding) => finding.severity === 'error').length;
        if (!verdict.ok) reasons.push(`Validation failed at the ${spec.tier} tier: ${errors} error finding${errors === 1 ? '' : 's'}.`);
        // The validator's line numbers are the rendered file's; name the template too, so a broken (user-edited) one
        // can be found — the code it rendered is the template's text around the body put into it.
        const syntaxError = verdict.findings.find((finding) => finding.category === 'syntax' && finding.severity === 'error');
        const syntaxNote = syntaxError && template ? `${spec.language === 'python' ? 'Python' : 'TypeScript'} syntax error at line ${syntaxError.line}, column ${syntaxError.column} of the code rendered by template ${template.name}: ${syntaxError.message.replace(/\.$/, '')}` : '';
        if (syntaxNote) reasons.push(`${syntaxNote}.`);
        validateStage.finish(verdict.ok ? 'passed' : 'failed', `${verdict.findings.length} finding${verdict.findings.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'} at the ${spec.tier} tier${syntaxNote ? `; ${syntaxNote}` : ''}`, {
          ok: verdict.ok,
          blocked: verdict.blocked,
          findings: verdict.findings.length,
          errors,
          ...(syntaxError && template ? { syntaxError: { template: template.name, line: syntaxError.line, column: syntaxError.column, message: syntaxError.message } } : {}),
        });
      } else validateStage.finish('skipped', 'Nothing to validate.');

      /* ---------------------------------------------------------------- test */
      let testRun: TestRunSummary | null = null;
      const testStage = begin('test');
      if (source === 'none') testStage.finish('skipped', 'Not run: there is no body to test.');
      else if (!verdict || verdict.blocked) testStage.finish('skipped', 'Not run: the code did not pass validation.');
      else if (testSpec.examples.length === 0) {
        reasons.push('The spec has no examples, so there are no tests to run. Add examples.');
        testStage.finish('failed', 'No examples to test.');
      } else {
        testRun = await runTests(testSpec, code, tests, verdict, artifactId, signal);
        deps.repo.addTestRun(artifactId, testRun);
        const allPassed = testRun.total > 0 && testRun.failed === 0 && testRun.passed === testRun.total;
        if (!allPassed) {
          reasons.push(`Tests failed: ${testRun.passed} of ${testRun.total} passed (${testRun.framework}).`);
          // Per-example failures; when there are none to name (a crash, a syntax error), what the run said instead.
          const failures = describeFailures(testRun.results) || tail(testRun.output, 1000).trim();
          if (failures) reasons.push(failures);
        }
        testStage.finish(allPassed ? 'passed' : 'failed', `${testRun.passed} of ${testRun.total} examples passed (${testRun.framework})`, {
          framework: testRun.framework,
          passed: testRun.passed,
          failed: testRun.failed,
          executionId: testRun.executionId,
        });
      }

      /* ---------------------------------------------------------------- quality */
      const qualityStage = begin('quality');
      const checklist = assessQuality(spec, code, validation, testRun, source);
      const stored = { template: template?.name ?? null, templateHash: template?.hash ?? null, source, code, tests, codeHash: sha256(code) };
      let analysis: QualityAnalysisBrief | null = null;
      let analysisError: string | null = null;
      if (code && deps.quality) {
        // The analyzer reads the artefact as stored, so the code goes in first and the report is kept against it.
        deps.repo.updateArtifact(artifactId, { ...stored, status: 'running' });
        try {
          analysis = briefOf(await deps.quality.analyze({ artifactId }, signal));
        } catch (error) {
          analysisError = error instanceof Error ? error.message : String(error);
        }
      }
      const quality: QualitySummary = { ...checklist, analysis };
      const checked = `checklist ${checklist.checks.filter((check) => check.passed).length} of ${checklist.checks.length}`;
      qualityStage.finish(
        'passed',
        analysis
          ? `${analysis.score} / 100 by the analyzer${analysis.notAssessed.length ? ` (not assessed by ${analysis.notAssessed.join(', ')})` : ''}; ${checked}`
          : `${checklist.score} / 100: ${checked}${analysisError ? `; the analyzer failed: ${analysisError}` : ''}`,
        { score: checklist.score, checklist: quality, ...(analysisError ? { analysisError } : {}) },
      );

      const testsPassed = testRun !== null && testRun.total > 0 && testRun.failed === 0;
      const status: GenerationStatus = source === 'none' ? 'needs-body' : validation?.ok && testsPassed ? 'ready-for-review' : 'failed';
      if (!origin.verifiedAgainstSpecExamples && source !== 'none' && status === 'ready-for-review') {
        reasons.push('Unverified against your examples: the spec has none.');
      }
      deps.repo.updateArtifact(artifactId, { ...stored, status });
      return {
        artifactId,
        specId: saved.specId,
        specVersion: saved.version,
        spec,
        code,
        tests,
        source,
        origin,
        template,
        validation,
        testRun,
        quality,
        status,
        reasons,
        warnings,
        stages,
        durationMs: Math.round(performance.now() - started),
      };
    },
  };

  async function runTests(spec: Spec, code: string, tests: string, verdict: ValidationReport, artifactId: number, signal?: AbortSignal): Promise<TestRunSummary> {
    const t0 = performance.now();
    const total = spec.examples.length;
    if (spec.language === 'typescript') return runNodeTests(spec, code, tests, verdict, artifactId, signal);
    if (await pytestAvailable(spec.tier)) {
      const token = newToken();
      const run = await runProgram(pytestProgram(code, tests, token), verdict, spec.tier, artifactId, signal);
      const read = readPytestResults(run.stdout, token);
      if (read) {
        const passed = read.results.filter((result) => result.passed).length;
        return {
          framework: 'pytest',
          passed,
          failed: read.results.length - passed,
          total: Math.max(total, read.results.length),
          results: read.results,
          durationMs: Math.round(performance.now() - t0),
          executionId: run.id,
          output: read.exitCode === 0 ? '' : tail(`${run.stdout}\n${run.stderr}`),
        };
      }
      return crashed('pytest', run, total, t0);
    }
    const { run, results } = await runExamples(spec, code, verdict, artifactId, signal);
    if (!results) return crashed('builtin-runner', run, total, t0);
    const passed = results.filter((result) => result.passed).length;
    return { framework: 'builtin-runner', passed, failed: total - passed, total, results, durationMs: Math.round(performance.now() - t0), executionId: run.id, output: '' };
  }

  /** A TypeScript candidate against the spec's examples: the spec's node:test file, as the test stage runs it. */
  async function runTypeScriptExamples(spec: Spec, code: string, verdict: ValidationReport, artifactId: number, signal?: AbortSignal) {
    const summary = await runNodeTests(spec, code, deps.generator.renderTests(spec).file.content, verdict, artifactId, signal);
    const examples = summary.results.filter((result) => result.index < spec.examples.length);
    // A run that reported no example (a crash, a syntax error) says why in its output.
    return { run: { status: summary.output.split('\n')[0] || 'crashed' }, results: examples.length === spec.examples.length && summary.results.length > 0 ? summary.results : null };
  }

  /** TypeScript: the code and tests transpiled to JavaScript here, then run with node:test in the sandbox. */
  async function runNodeTests(spec: Spec, code: string, tests: string, verdict: ValidationReport, artifactId: number, signal?: AbortSignal): Promise<TestRunSummary> {
    const t0 = performance.now();
    const total = spec.examples.length;
    const token = newToken();
    let program: string;
    try {
      program = nodeTestProgram({ code: transpileForNode(code, 'solution.ts'), tests: transpileForNode(tests, 'solution.test.ts'), token, timeoutMs: nodeTestTimeoutMs(total) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { framework: 'node', passed: 0, failed: total, total, results: [], durationMs: Math.round(performance.now() - t0), executionId: null, output: `Not run: ${message}` };
    }
    const run = await runProgram(program, verdict, spec.tier, artifactId, signal, 'javascript');
    const read = readNodeTestResults(run.stdout, token, total);
    if (!read) return crashed('node', run, total, t0);
    const passed = read.results.filter((result) => result.passed).length;
    return {
      framework: 'node',
      passed,
      failed: read.results.length - passed,
      total: read.results.length,
      results: read.results,
      durationMs: Math.round(performance.now() - t0),
      executionId: run.id,
      // stdout holds only the harness's result lines (the tests' own output stays in the child); stderr is the rest.
      output: read.exitCode === 0 ? '' : tail(run.stderr),
    };
  }

  function crashed(framework: TestRunSummary['framework'], run: RunResult, total: number, t0: number): TestRunSummary {
    return {
      framework,
      passed: 0,
      failed: total,
      total,
      results: [],
      durationMs: Math.round(performance.now() - t0),
      executionId: run.id,
      output: tail(`The test run ended with status ${run.status}${run.detail ? ` (${run.detail})` : ''}.\n${run.stdout}\n${run.stderr}`),
    };
  }

  /** The repair loop: ask the model, validate and run its answer, feed problems back, up to the provider's attempts. */
  async function modelBody(spec: Spec, artifactId: number, runKey: string | null, tried: { reference: string; outcome: string }[], signal?: AbortSignal): Promise<string | null> {
    const provider = deps.provider!;
    let previous: { code: string; feedback: string } | undefined;
    for (let attempt = 1; attempt <= provider.maxAttempts(); attempt += 1) {
      if (signal?.aborted) return null;
      const t0 = performance.now();
      const startedAt = new Date().toISOString();
      let answer: string;
      try {
        answer = await provider.complete({ spec, ...(previous ? { previous } : {}) }, (text) => deps.emitToken?.({ runKey, artifactId, attempt, text }), signal);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        tried.push({ reference: `${provider.name} attempt ${attempt}`, outcome: `request failed: ${message}` });
        deps.repo.addStage(artifactId, { stage: 'body', status: 'failed', summary: `Model attempt ${attempt}: ${message}`, durationMs: performance.now() - t0, startedAt, detail: { attempt } });
        return null;
      }
      const candidate = extractBody(answer, spec.name);
      let feedback = '';
      let ok = false;
      if (candidate === null) feedback = `Your answer did not contain a Python function named ${spec.name}. Answer with one fenced python code block defining it.`;
      else {
        let code: string;
        try {
          code = deps.generator.renderFunction(spec, { body: candidate }).content;
        } catch (error) {
          tried.push({ reference: `${provider.name} attempt ${attempt}`, outcome: `could not render: ${error instanceof Error ? error.message : String(error)}` });
          return null;
        }
        const verdict = await validate(code, spec);
        const errors = verdict.findings.filter((finding) => finding.severity === 'error');
        if (verdict.blocked) feedback = `The validator refused the code:\n${errors.map((finding) => `line ${finding.line}: ${finding.message}`).join('\n')}`;
        else if (!checkable(spec.examples).length) ok = true;
        else {
          const { run, results } = await runExamples(spec, code, verdict, artifactId, signal);
          ok = results !== null && results.every((result) => result.passed);
          if (!ok) feedback = results ? `These examples failed:\n${describeFailures(results)}` : `The code crashed (${run.status}):\n${tail(run.stderr, 1500)}`;
        }
        previous = { code, feedback };
      }
      tried.push({ reference: `${provider.name} attempt ${attempt}`, outcome: ok ? 'passed every example' : feedback.split('\n')[0] ?? 'failed' });
      deps.repo.addStage(artifactId, {
        stage: 'body',
        status: ok ? 'passed' : 'failed',
        summary: `Model attempt ${attempt}${ok ? ' passed' : ' failed'}`,
        durationMs: Math.round(performance.now() - t0),
        startedAt,
        detail: { attempt, answer, feedback },
      });
      if (ok && candidate !== null) return candidate;
      if (candidate === null) previous = { code: answer, feedback };
    }
    return null;
  }
}

/** The body of `def name(...)` in a model's answer (a fenced block or plain code), unindented; null when absent. */
export function extractBody(answer: string, name: string): string | null {
  const fenced = [...answer.matchAll(/```(?:python|py)?\s*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const sources = fenced.length ? fenced : [answer];
  for (const source of sources) {
    const lines = source.replace(/\r\n/g, '\n').split('\n');
    const start = lines.findIndex((line) => new RegExp(`^def\\s+${name}\\s*\\(`).test(line));
    if (start === -1) continue;
    // The signature may span lines; the body starts after the line that ends with ":".
    let index = start;
    while (index < lines.length && !/:\s*(#.*)?$/.test(lines[index] ?? '')) index += 1;
    const body: string[] = [];
    for (index += 1; index < lines.length; index += 1) {
      const line = lines[index] ?? '';
      if (line.trim() !== '' && !/^\s/.test(line)) break;
      body.push(line);
    }
    const indents = body.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
    if (indents.length === 0) continue;
    const cut = Math.min(...indents);
    const text = body.map((line) => line.slice(cut)).join('\n').trim();
    // A docstring the model wrote would sit beside the template's own; drop it.
    return text.replace(/^("""|''')[\s\S]*?\1\s*\n?/, '').trim() || null;
  }
  return null;
}

function tail(text: string, limit = 4000): string {
  return text.length > limit ? `…${text.slice(-limit)}` : text;
}

/** The analyzer's report in brief, for the generation result and the quality stage's record. */
function briefOf(report: QualityReport): QualityAnalysisBrief {
  if (report.id === null) throw new Error('the quality report was not stored');
  const notAssessed = report.tools.filter((tool) => !tool.optional && tool.status !== 'ok').map((tool) => `${tool.name} (${tool.status}${tool.message ? `: ${tool.message}` : ''})`);
  return { reportId: report.id, score: report.score, scoringVersion: report.scoringVersion, toolVersions: report.toolVersions, notAssessed };
}

/** The pipeline's checklist: validation passed, every test passed, documented, typed, has examples. */
export function assessQuality(spec: Spec, code: string, validation: ValidationOutcome | null, testRun: TestRunSummary | null, source: BodySource): QualitySummary {
  const anyTypes = [...spec.parameters.map((parameter) => parameter.type), spec.returns.type].filter((type) => {
    try {
      return JSON.stringify(parseType(type)).includes('"Any"');
    } catch {
      return true;
    }
  });
  const documented = spec.description.trim().length >= 10 && (spec.language === 'python' ? /"""[\s\S]+?"""/.test(code) : /\/\*\*[\s\S]+?\*\//.test(code));
  const checks = [
    { id: 'body', label: 'Has a real body', passed: source !== 'none', detail: source === 'none' ? 'The code is a stub that raises NotImplementedError.' : `Body from ${source}.` },
    {
      id: 'validation',
      label: 'Validation passed',
      passed: validation?.ok === true,
      detail: validation ? `${validation.findings.length} findings at the ${validation.tier} tier.` : 'Not validated.',
    },
    {
      id: 'tests',
      label: 'All tests passed',
      passed: testRun !== null && testRun.total > 0 && testRun.failed === 0,
      detail: testRun ? `${testRun.passed} of ${testRun.total} passed (${testRun.framework}).` : 'Tests did not run.',
    },
    { id: 'documented', label: 'Documented', passed: documented, detail: documented ? 'Has a docstring from the spec.' : 'The description is missing or too short.' },
    {
      id: 'typed',
      label: 'Typed',
      passed: anyTypes.length === 0,
      detail: anyTypes.length ? `Untyped (Any): ${anyTypes.join(', ')}.` : 'Every parameter and the return value have a concrete type.',
    },
    { id: 'examples', label: 'Has examples', passed: checkable(spec.examples).length > 0, detail: `${spec.examples.length} examples in the spec.` },
  ];
  return { score: Math.round((100 * checks.filter((check) => check.passed).length) / checks.length), checks };
}
