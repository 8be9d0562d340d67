// Suggestions for a stored artefact: measured with the quality analyzer and from its tests and runs; applying one
// produces a new version of the spec's code that goes through the whole pipeline again.
import { ArkError } from '../../shared/errors';
import type { GenerationResult } from '../../shared/generation';
import type { Spec } from '../../shared/spec';
import type { SuggestionList } from '../../shared/suggestions';
import { percentile } from '../percentile';
import { extractBody, type BodyProvider, type Pipeline } from '../pipeline';
import type { QualityService } from '../quality';
import type { Db } from '../store/db';
import { applyMechanical, suggest } from './index';

export type SuggestionServiceDeps = { db: Db; quality: QualityService; pipeline: Pipeline; provider?: BodyProvider | undefined };

export function createSuggestionService({ db, quality, pipeline, provider }: SuggestionServiceDeps) {
  function artifact(artifactId: number) {
    const row = db
      .prepare('SELECT a.id, a.code, a.language, v.spec_id FROM artifacts a LEFT JOIN spec_versions v ON v.id = a.spec_version_id WHERE a.id = ?')
      .get(artifactId) as { id: number; code: string; language: string; spec_id: number | null } | undefined;
    if (!row) throw new ArkError('not-found', `There is no artefact #${artifactId}.`);
    return row;
  }

  async function list(artifactId: number): Promise<SuggestionList> {
    artifact(artifactId);
    const report = await quality.analyze({ artifactId });
    const tests = db.prepare('SELECT passed, failed, errors FROM test_runs WHERE artifact_id = ? ORDER BY id DESC LIMIT 1').get(artifactId) as
      | { passed: number; failed: number; errors: number }
      | undefined;
    const runs = db.prepare("SELECT status, wall_ms FROM executions WHERE artifact_id = ? AND status != 'running'").all(artifactId) as { status: string; wall_ms: number | null }[];
    const durations = runs.map((run) => run.wall_ms).filter((ms): ms is number => typeof ms === 'number').sort((a, b) => a - b);
    const suggestions = suggest(report, {
      testRun: tests ?? null,
      runs: { total: runs.length, failed: runs.filter((run) => run.status !== 'success').length, p95Ms: percentile(durations, 0.95) },
    });
    return { artifactId, score: report.score, modelAvailable: provider?.configured() ?? false, suggestions };
  }

  async function apply(artifactId: number, suggestionId: string, signal?: AbortSignal): Promise<GenerationResult> {
    const row = artifact(artifactId);
    const used = pipeline.bodyOf(artifactId);
    if (!used || row.spec_id === null) throw new ArkError('conflict', `Artefact #${artifactId} was not made by the pipeline from a spec, so there is no version to improve.`);
    const { suggestions } = await list(artifactId);
    const suggestion = suggestions.find((candidate) => candidate.id === suggestionId);
    if (!suggestion) throw new ArkError('not-found', `"${suggestionId}" is not a current suggestion for artefact #${artifactId}; list them again.`);
    if (suggestion.apply === 'manual') throw new ArkError('conflict', `"${suggestion.title}" needs a person: edit the spec or the body and generate again.`);
    if (suggestion.apply === 'model') {
      if (!provider?.configured()) throw new ArkError('unavailable', `"${suggestion.title}" needs a model provider: configure one in Settings, or make the change by hand.`);
      // The provider gets the current code with the suggestion as feedback; its answer is verified like any other.
      const body = await bodyFromModel(used.spec, row.code, `${suggestion.title}. ${suggestion.detail}`, signal);
      return pipeline.run({ spec: used.spec, specId: row.spec_id, body, bodyFrom: { source: 'model', reference: provider.name } }, signal);
    }
    if (row.language !== 'python') throw new ArkError('conflict', 'Mechanical fixes are made with Ruff, which only reads Python.');
    const fixed = applyMechanical(row.code, suggestion.id);
    if (!fixed.changed) throw new ArkError('conflict', `"${suggestion.title}" changes nothing in the current code.`);
    const body = extractBody(fixed.code, used.spec.name);
    if (!body) throw new ArkError('conflict', `After the fix, the function ${used.spec.name} could not be found in the code.`);
    return pipeline.run({ spec: used.spec, specId: row.spec_id, body }, signal);
  }

  async function bodyFromModel(spec: Spec, code: string, feedback: string, signal?: AbortSignal): Promise<string> {
    const answer = await provider!.complete({ spec, previous: { code, feedback } }, () => undefined, signal);
    const body = extractBody(answer, spec.name);
    if (!body) throw new ArkError('conflict', `The model's answer has no function ${spec.name}; try again or make the change by hand.`);
    return body;
  }

  return { list, apply };
}

export type SuggestionService = ReturnType<typeof createSuggestionService>;
