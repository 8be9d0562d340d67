// Quality reports in SQLite (quality_reports): one row per assessment, against an artefact version or a path, with
// the versions of the tools that made it so scores are only compared like with like.
import { Language } from '../../shared/domain';
import { QualityReport, type QualityReportSummary } from '../../shared/quality';
import type { Analysis } from '../quality/analyzer';
import type { Db } from './db';

export type QualityRepo = {
  insert(analysis: Analysis, subject: { artifactId: number | null; path: string | null }): QualityReport;
  get(id: number): QualityReport | null;
  /** Newest first; for one artefact version when `artifactId` is given. */
  list(filter: { limit: number; artifactId?: number }): QualityReportSummary[];
  /** Every whole report on one artefact version, oldest first (what the review shows). */
  forArtifact(artifactId: number): QualityReport[];
  /** The code and language (as stored) of an artefact version, or null when there is none with that id. */
  artifactCode(id: number): { code: string; language: string } | null;
};

type QualityRow = {
  id: number;
  artifact_id: number | null;
  path: string | null;
  score: number;
  breakdown_json: string;
  findings_json: string;
  tool_versions_json: string;
  created_at: string;
};

// The table has columns for what is queried (score, subject, tool versions); the rest of the report — breakdown,
// deductions, per-function figures, lines, coverage, tool runs — is kept whole in breakdown_json.
type StoredBreakdown = Omit<Analysis, 'findings' | 'toolVersions' | 'score'>;

function toReport(row: QualityRow): QualityReport {
  const rest = JSON.parse(row.breakdown_json) as StoredBreakdown;
  return QualityReport.parse({
    ...rest,
    id: row.id,
    artifactId: row.artifact_id,
    path: row.path,
    score: row.score,
    findings: JSON.parse(row.findings_json) as unknown,
    toolVersions: JSON.parse(row.tool_versions_json) as unknown,
    createdAt: row.created_at,
  });
}

function toSummary(row: QualityRow): QualityReportSummary {
  const rest = JSON.parse(row.breakdown_json) as Pick<StoredBreakdown, 'language' | 'scoringVersion'>;
  return {
    id: row.id,
    artifactId: row.artifact_id,
    path: row.path,
    language: Language.parse(rest.language),
    score: row.score,
    scoringVersion: rest.scoringVersion,
    toolVersions: JSON.parse(row.tool_versions_json) as Record<string, string>,
    createdAt: row.created_at,
  };
}

export function createQualityRepo(db: Db): QualityRepo {
  const insert = db.prepare<[number | null, string | null, number, string, string, string], QualityRow>(
    'INSERT INTO quality_reports (artifact_id, path, score, breakdown_json, findings_json, tool_versions_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
  );
  const byId = db.prepare<[number], QualityRow>('SELECT * FROM quality_reports WHERE id = ?');
  const list = db.prepare<{ artifactId: number | null; limit: number }, QualityRow>(
    'SELECT * FROM quality_reports WHERE (@artifactId IS NULL OR artifact_id = @artifactId) ORDER BY id DESC LIMIT @limit',
  );
  const artifact = db.prepare<[number], { code: string; language: string }>('SELECT code, language FROM artifacts WHERE id = ?');
  const byArtifact = db.prepare<[number], QualityRow>('SELECT * FROM quality_reports WHERE artifact_id = ? ORDER BY id');
  return {
    insert(analysis, subject) {
      const { findings, toolVersions, score, ...rest } = analysis;
      const row = insert.get(subject.artifactId, subject.path, score, JSON.stringify(rest satisfies StoredBreakdown), JSON.stringify(findings), JSON.stringify(toolVersions))!;
      return toReport(row);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toReport(row) : null;
    },
    list(filter) {
      return list.all({ artifactId: filter.artifactId ?? null, limit: filter.limit }).map(toSummary);
    },
    forArtifact(artifactId) {
      return byArtifact.all(artifactId).map(toReport);
    },
    artifactCode(id) {
      return artifact.get(id) ?? null;
    },
  };
}
