// Specs and what was generated from them: spec versions, artifacts, pipeline stages, validations, test runs, quality.
import type {
  ArtifactInfo,
  BodySource,
  GenerationStatus,
  QualitySummary,
  SpecSummary,
  SpecVersionInfo,
  StageRecord,
  TestRunSummary,
  ValidationOutcome,
} from '../../shared/generation';
import { ArkError } from '../../shared/errors';
import { Spec } from '../../shared/spec';
import type { Db } from './db';

export type NewArtifact = {
  specVersionId: number;
  language: string;
  template: string | null;
  templateHash: string | null;
  source: BodySource;
  code: string;
  tests: string;
  codeHash: string;
  status: string;
};

export type GenerationRepo = {
  /** Saves a spec as a new version of `specId` (or of a new spec); an unchanged spec returns the latest version. */
  saveVersion(input: { specId?: number; spec: Spec; source: string; format: 'json' | 'yaml' }): SpecVersionInfo & { id: number; created: boolean };
  listSpecs(limit: number): SpecSummary[];
  versions(specId: number): SpecVersionInfo[];
  version(specId: number, version?: number): SpecVersionInfo;
  createArtifact(artifact: NewArtifact): number;
  updateArtifact(id: number, fields: Omit<NewArtifact, 'specVersionId' | 'language'>): void;
  addStage(artifactId: number, stage: StageRecord): void;
  addValidation(artifactId: number, codeHash: string, language: string, outcome: ValidationOutcome): number;
  addTestRun(artifactId: number, run: TestRunSummary): number;
  artifact(id: number): ArtifactInfo;
};

type VersionRow = { id: number; spec_id: number; version: number; format: 'json' | 'yaml'; source: string; spec_json: string; created_at: string };
type ArtifactRow = {
  id: number;
  spec_version_id: number | null;
  language: string;
  template: string | null;
  template_hash: string | null;
  body_source: BodySource;
  code: string;
  tests: string;
  status: string;
  created_at: string;
};

const GENERATION_STATUSES = new Set<string>(['ready-for-review', 'needs-body', 'failed']);

export function createGenerationRepo(db: Db): GenerationRepo {
  const insertSpec = db.prepare<[string], { id: number }>('INSERT INTO specs (name) VALUES (?) RETURNING id');
  const touchSpec = db.prepare("UPDATE specs SET name = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  const specExists = db.prepare<[number], { id: number }>('SELECT id FROM specs WHERE id = ?');
  const latestVersion = db.prepare<[number], VersionRow>('SELECT * FROM spec_versions WHERE spec_id = ? ORDER BY version DESC LIMIT 1');
  const versionRow = db.prepare<[number, number], VersionRow>('SELECT * FROM spec_versions WHERE spec_id = ? AND version = ?');
  const versionRows = db.prepare<[number], VersionRow>('SELECT * FROM spec_versions WHERE spec_id = ? ORDER BY version DESC');
  const insertVersion = db.prepare<[number, number, string, string, string], { id: number; created_at: string }>(
    'INSERT INTO spec_versions (spec_id, version, format, source, spec_json) VALUES (?, ?, ?, ?, ?) RETURNING id, created_at',
  );
  const artifactsOfVersion = db.prepare<[number], { id: number; status: string; body_source: BodySource; created_at: string }>(
    'SELECT id, status, body_source, created_at FROM artifacts WHERE spec_version_id = ? ORDER BY id DESC',
  );
  const specRows = db.prepare<[number], { id: number; name: string; updated_at: string; latest: number | null; last_status: string | null }>(
    `SELECT s.id, s.name, s.updated_at,
            (SELECT max(version) FROM spec_versions v WHERE v.spec_id = s.id) AS latest,
            (SELECT a.status FROM artifacts a JOIN spec_versions v ON v.id = a.spec_version_id
              WHERE v.spec_id = s.id ORDER BY a.id DESC LIMIT 1) AS last_status
       FROM specs s ORDER BY s.updated_at DESC, s.id DESC LIMIT ?`,
  );
  const insertArtifact = db.prepare<[number, string, string | null, string | null, string, string, string, string, string], { id: number }>(
    `INSERT INTO artifacts (spec_version_id, language, template, template_hash, body_source, code, tests, code_hash, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const updateArtifactRow = db.prepare(
    'UPDATE artifacts SET template = ?, template_hash = ?, body_source = ?, code = ?, tests = ?, code_hash = ?, status = ? WHERE id = ?',
  );
  const insertStage = db.prepare('INSERT INTO pipeline_stages (artifact_id, stage, status, started_at, duration_ms, result_json) VALUES (?, ?, ?, ?, ?, ?)');
  const insertValidation = db.prepare<[number, string, string, string, number, number, string, number], { id: number }>(
    'INSERT INTO validations (artifact_id, code_hash, language, tier, ok, blocked, findings_json, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const insertTestRun = db.prepare<[number, number | null, string, number, number, number, string, number], { id: number }>(
    `INSERT INTO test_runs (artifact_id, execution_id, framework, passed, failed, errors, results_json, duration_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const artifactRow = db.prepare<[number], ArtifactRow>('SELECT * FROM artifacts WHERE id = ?');
  const versionById = db.prepare<[number], VersionRow>('SELECT * FROM spec_versions WHERE id = ?');
  const stageRows = db.prepare<[number], { stage: string; status: string; started_at: string; duration_ms: number | null; result_json: string }>(
    'SELECT stage, status, started_at, duration_ms, result_json FROM pipeline_stages WHERE artifact_id = ? ORDER BY id',
  );
  const testRunRow = db.prepare<[number], { results_json: string }>('SELECT results_json FROM test_runs WHERE artifact_id = ? ORDER BY id DESC LIMIT 1');

  const toVersion = (row: VersionRow): SpecVersionInfo => ({
    specId: row.spec_id,
    version: row.version,
    createdAt: row.created_at,
    // Stored specs were valid when saved; parse again so a hand-edited row fails loudly here, not in a template.
    spec: Spec.parse(JSON.parse(row.spec_json)),
    source: row.source,
    format: row.format,
    artifacts: artifactsOfVersion.all(row.id).map((artifact) => ({
      id: artifact.id,
      status: artifact.status,
      source: artifact.body_source,
      createdAt: artifact.created_at,
    })),
  });

  const saveVersion = db.transaction((input: { specId?: number; spec: Spec; source: string; format: 'json' | 'yaml' }) => {
    const specJson = JSON.stringify(input.spec);
    let specId = input.specId;
    if (specId !== undefined) {
      if (!specExists.get(specId)) throw new ArkError('not-found', `There is no spec ${specId}.`);
      const latest = latestVersion.get(specId);
      if (latest && latest.spec_json === specJson) return { ...toVersion(latest), id: latest.id, created: false };
    } else {
      specId = insertSpec.get(input.spec.name)!.id;
    }
    const next = (latestVersion.get(specId)?.version ?? 0) + 1;
    const inserted = insertVersion.get(specId, next, input.format, input.source, specJson)!;
    touchSpec.run(input.spec.name, specId);
    return { ...toVersion(versionRow.get(specId, next)!), id: inserted.id, created: true };
  });

  return {
    saveVersion: (input) => saveVersion(input),
    listSpecs(limit) {
      return specRows.all(limit).map((row) => ({
        id: row.id,
        name: row.name,
        latestVersion: row.latest ?? 0,
        updatedAt: row.updated_at,
        lastStatus: row.last_status && GENERATION_STATUSES.has(row.last_status) ? (row.last_status as GenerationStatus) : null,
      }));
    },
    versions(specId) {
      if (!specExists.get(specId)) throw new ArkError('not-found', `There is no spec ${specId}.`);
      return versionRows.all(specId).map(toVersion);
    },
    version(specId, version) {
      const row = version === undefined ? latestVersion.get(specId) : versionRow.get(specId, version);
      if (!row) throw new ArkError('not-found', version === undefined ? `There is no spec ${specId}.` : `Spec ${specId} has no version ${version}.`);
      return toVersion(row);
    },
    createArtifact(artifact) {
      return insertArtifact.get(
        artifact.specVersionId,
        artifact.language,
        artifact.template,
        artifact.templateHash,
        artifact.source,
        artifact.code,
        artifact.tests,
        artifact.codeHash,
        artifact.status,
      )!.id;
    },
    updateArtifact(id, fields) {
      updateArtifactRow.run(fields.template, fields.templateHash, fields.source, fields.code, fields.tests, fields.codeHash, fields.status, id);
    },
    addStage(artifactId, stage) {
      insertStage.run(artifactId, stage.stage, stage.status, stage.startedAt, stage.durationMs, JSON.stringify({ summary: stage.summary, detail: stage.detail }));
    },
    addValidation(artifactId, codeHash, language, outcome) {
      return insertValidation.get(
        artifactId,
        codeHash,
        language,
        outcome.tier,
        outcome.ok ? 1 : 0,
        outcome.blocked ? 1 : 0,
        JSON.stringify(outcome.findings),
        outcome.durationMs,
      )!.id;
    },
    addTestRun(artifactId, run) {
      return insertTestRun.get(artifactId, run.executionId, run.framework, run.passed, run.failed, 0, JSON.stringify(run), run.durationMs)!.id;
    },
    artifact(id) {
      const row = artifactRow.get(id);
      if (!row) throw new ArkError('not-found', `There is no artifact ${id}.`);
      const version = row.spec_version_id === null ? undefined : versionById.get(row.spec_version_id);
      const testRun = testRunRow.get(id);
      const stages: StageRecord[] = stageRows.all(id).map((stage) => {
        const result = JSON.parse(stage.result_json) as { summary?: string; detail?: Record<string, unknown> };
        return {
          stage: stage.stage as StageRecord['stage'],
          status: stage.status as StageRecord['status'],
          summary: result.summary ?? '',
          durationMs: stage.duration_ms,
          startedAt: stage.started_at,
          detail: result.detail ?? {},
        };
      });
      return {
        id: row.id,
        specId: version?.spec_id ?? null,
        specVersion: version?.version ?? null,
        language: row.language,
        template: row.template,
        templateHash: row.template_hash,
        source: row.body_source,
        code: row.code,
        tests: row.tests,
        status: row.status,
        createdAt: row.created_at,
        stages,
        testRun: testRun ? (JSON.parse(testRun.results_json) as TestRunSummary) : null,
        // The pipeline's checklist lives with its quality stage; quality_reports belongs to the quality analyzer.
        quality: (stages.find((stage) => stage.stage === 'quality' && stage.status === 'passed')?.detail.checklist as QualitySummary | undefined) ?? null,
      };
    },
  };
}