// Reviews and deployments in SQLite, and the read side of what a reviewer sees about an artefact.
import type { DeploymentRecord, FileChange, HunkChoice, ReviewDecision, ReviewItem, ReviewRecord } from '../../shared/review';
import type { Db } from './db';
import { createQualityRepo } from './qualityRepo';

type ReviewRow = { id: number; artifact_id: number; decision: ReviewDecision; comment: string | null; hunks_json: string; reviewer: string; created_at: string };
type DeploymentRow = {
  id: number;
  artifact_id: number;
  project_id: number;
  branch: string;
  target_path: string;
  mode: string;
  status: DeploymentRecord['status'];
  commit_sha: string | null;
  revert_sha: string | null;
  files_json: string;
  created_at: string;
};
type ItemRow = {
  artifact_id: number;
  spec_id: number | null;
  spec_name: string | null;
  spec_version: number | null;
  language: string;
  body_source: string;
  status: string;
  created_at: string;
  decision: ReviewDecision | null;
  deployed: number;
};

export type ArtifactRow = { id: number; spec_version_id: number | null; language: string; code: string; tests: string; status: string; body_source: string };

/** The indexed symbol a deployment replaces, with its file and project. */
export type SymbolTarget = { symbolId: number; name: string; qualifiedName: string; startLine: number; endLine: number; path: string; contentHash: string; projectId: number; root: string };

export type NewDeployment = Omit<DeploymentRecord, 'id' | 'createdAt' | 'revertCommit'>;

const itemSelect = `
  SELECT a.id AS artifact_id, s.id AS spec_id, s.name AS spec_name, v.version AS spec_version, a.language, a.body_source, a.status, a.created_at,
    (SELECT r.decision FROM reviews r WHERE r.artifact_id = a.id ORDER BY r.id DESC LIMIT 1) AS decision,
    EXISTS (SELECT 1 FROM deployments d WHERE d.artifact_id = a.id AND d.status = 'committed') AS deployed
  FROM artifacts a
  LEFT JOIN spec_versions v ON v.id = a.spec_version_id
  LEFT JOIN specs s ON s.id = v.spec_id`;

export function createReviewRepo(db: Db) {
  // Quality reports are the quality repo's rows; the review reads them whole, as that repo maps them.
  const qualityReports = createQualityRepo(db);
  const toItem = (row: ItemRow): ReviewItem => ({
    artifactId: row.artifact_id,
    specId: row.spec_id,
    specName: row.spec_name ?? `artefact-${row.artifact_id}`,
    specVersion: row.spec_version,
    language: row.language,
    bodySource: row.body_source,
    status: row.status,
    createdAt: row.created_at,
    decision: row.decision,
    deployed: row.deployed === 1,
  });
  const toReview = (row: ReviewRow): ReviewRecord => ({
    id: row.id,
    artifactId: row.artifact_id,
    decision: row.decision,
    comment: row.comment,
    hunks: JSON.parse(row.hunks_json) as HunkChoice[],
    reviewer: row.reviewer,
    createdAt: row.created_at,
  });
  const toDeployment = (row: DeploymentRow): DeploymentRecord => {
    // files_json holds the deployment's details: the files it changed and the project test run before the commit.
    const details = JSON.parse(row.files_json) as { files?: FileChange[]; testRun?: DeploymentRecord['testRun'] } | FileChange[];
    const files = Array.isArray(details) ? details : (details.files ?? []);
    const testRun = Array.isArray(details) ? null : (details.testRun ?? null);
    return {
      id: row.id,
      artifactId: row.artifact_id,
      projectId: row.project_id,
      branch: row.branch,
      targetPath: row.target_path,
      mode: row.mode,
      status: row.status,
      commit: row.commit_sha,
      revertCommit: row.revert_sha,
      files,
      testRun,
      createdAt: row.created_at,
    };
  };
  const rowsOf = (table: string, artifactId: number) =>
    (db.prepare(`SELECT * FROM ${table} WHERE artifact_id = ? ORDER BY id`).all(artifactId) as Record<string, unknown>[]).map(camelRow);

  return {
    /** Artefacts that reached review: waiting for a decision, approved, or all of them. */
    queue(state: 'pending' | 'approved' | 'all', limit: number): ReviewItem[] {
      const where =
        state === 'pending'
          ? `WHERE a.status = 'ready-for-review' AND decision IS NULL`
          : state === 'approved'
            ? `WHERE decision = 'approved'`
            : `WHERE a.status = 'ready-for-review' OR decision IS NOT NULL`;
      return (db.prepare(`SELECT * FROM (${itemSelect}) AS a ${where} ORDER BY a.artifact_id DESC LIMIT ?`).all(limit) as ItemRow[]).map(toItem);
    },
    item(artifactId: number): ReviewItem | null {
      const row = db.prepare(`${itemSelect} WHERE a.id = ?`).get(artifactId) as ItemRow | undefined;
      return row ? toItem(row) : null;
    },
    artifact(artifactId: number): ArtifactRow | null {
      return (db.prepare('SELECT id, spec_version_id, language, code, tests, status, body_source FROM artifacts WHERE id = ?').get(artifactId) as ArtifactRow | undefined) ?? null;
    },
    specOf(artifactId: number): { json: unknown; name: string } | null {
      const row = db
        .prepare('SELECT v.spec_json, s.name FROM artifacts a JOIN spec_versions v ON v.id = a.spec_version_id JOIN specs s ON s.id = v.spec_id WHERE a.id = ?')
        .get(artifactId) as { spec_json: string; name: string } | undefined;
      return row ? { json: JSON.parse(row.spec_json) as unknown, name: row.name } : null;
    },
    trail(artifactId: number) {
      const executions = (
        db
          .prepare(
            `SELECT e.id, e.status, e.language, e.tier, e.isolation, e.exit_code, e.wall_ms, e.started_at AS created_at FROM executions e
             WHERE e.artifact_id = ? OR e.id IN (SELECT execution_id FROM test_runs WHERE artifact_id = ?) ORDER BY e.id`,
          )
          .all(artifactId, artifactId) as Record<string, unknown>[]
      ).map(camelRow);
      return {
        stages: rowsOf('pipeline_stages', artifactId).map((row) => ({ ...row, createdAt: String(row.startedAt) })),
        validations: rowsOf('validations', artifactId),
        testRuns: rowsOf('test_runs', artifactId),
        quality: qualityReports.forArtifact(artifactId),
        executions,
      };
    },
    addReview(input: { artifactId: number; decision: ReviewDecision; comment: string | null; hunks: HunkChoice[]; reviewer: string }): ReviewRecord {
      const result = db
        .prepare('INSERT INTO reviews (artifact_id, decision, comment, hunks_json, reviewer) VALUES (?, ?, ?, ?, ?)')
        .run(input.artifactId, input.decision, input.comment, JSON.stringify(input.hunks), input.reviewer);
      return toReview(db.prepare('SELECT * FROM reviews WHERE id = ?').get(result.lastInsertRowid) as ReviewRow);
    },
    reviews(artifactId: number): ReviewRecord[] {
      return (db.prepare('SELECT * FROM reviews WHERE artifact_id = ? ORDER BY id').all(artifactId) as ReviewRow[]).map(toReview);
    },
    latestReview(artifactId: number): ReviewRecord | null {
      const row = db.prepare('SELECT * FROM reviews WHERE artifact_id = ? ORDER BY id DESC LIMIT 1').get(artifactId) as ReviewRow | undefined;
      return row ? toReview(row) : null;
    },
    /** What reviewers said about a spec's earlier artefacts: comments and the reasons of rejected hunks, newest first. */
    feedbackForSpec(specId: number): string[] {
      const rows = db
        .prepare(
          `SELECT r.comment, r.hunks_json FROM reviews r JOIN artifacts a ON a.id = r.artifact_id JOIN spec_versions v ON v.id = a.spec_version_id
           WHERE v.spec_id = ? AND r.decision != 'approved' ORDER BY r.id DESC LIMIT 20`,
        )
        .all(specId) as { comment: string | null; hunks_json: string }[];
      return rows.flatMap((row) => [
        ...(row.comment ? [row.comment] : []),
        ...(JSON.parse(row.hunks_json) as HunkChoice[]).filter((hunk) => !hunk.accepted && hunk.reason).map((hunk) => `Rejected change ${hunk.index + 1}: ${hunk.reason}`),
      ]);
    },
    addDeployment(input: NewDeployment): DeploymentRecord {
      const result = db
        .prepare('INSERT INTO deployments (artifact_id, project_id, branch, target_path, mode, status, commit_sha, files_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.artifactId, input.projectId, input.branch, input.targetPath, input.mode, input.status, input.commit, JSON.stringify({ files: input.files, testRun: input.testRun }));
      return this.deployment(Number(result.lastInsertRowid))!;
    },
    markReverted(id: number, revertCommit: string): DeploymentRecord {
      db.prepare(`UPDATE deployments SET status = 'reverted', revert_sha = ? WHERE id = ?`).run(revertCommit, id);
      return this.deployment(id)!;
    },
    deployment(id: number): DeploymentRecord | null {
      const row = db.prepare('SELECT * FROM deployments WHERE id = ?').get(id) as DeploymentRow | undefined;
      return row ? toDeployment(row) : null;
    },
    deployments(filter: { artifactId?: number | undefined; limit: number }): DeploymentRecord[] {
      const rows = filter.artifactId
        ? db.prepare('SELECT * FROM deployments WHERE artifact_id = ? ORDER BY id DESC LIMIT ?').all(filter.artifactId, filter.limit)
        : db.prepare('SELECT * FROM deployments ORDER BY id DESC LIMIT ?').all(filter.limit);
      return (rows as DeploymentRow[]).map(toDeployment);
    },
    project(projectId: number): { id: number; root: string; name: string; testCommand: string | null } | null {
      const row = db.prepare('SELECT id, root, name, settings_json FROM projects WHERE id = ?').get(projectId) as { id: number; root: string; name: string; settings_json: string } | undefined;
      if (!row) return null;
      const settings = JSON.parse(row.settings_json) as { testCommand?: unknown };
      return { id: row.id, root: row.root, name: row.name, testCommand: typeof settings.testCommand === 'string' && settings.testCommand.trim() ? settings.testCommand : null };
    },
    setTestCommand(projectId: number, testCommand: string | null): void {
      db.prepare(`UPDATE projects SET settings_json = json_set(settings_json, '$.testCommand', ?) WHERE id = ?`).run(testCommand, projectId);
    },
    /** Symbols of a project with this qualified name (or plain name), optionally in one file. */
    findSymbols(projectId: number, name: string, filePath?: string): { id: number; qualifiedName: string; path: string; startLine: number }[] {
      const rows = db
        .prepare(
          `SELECT s.id, s.qualified_name, f.path, s.start_line FROM symbols s JOIN files f ON f.id = s.file_id
           WHERE s.project_id = ? AND (s.qualified_name = ? OR s.name = ?) AND (? IS NULL OR f.path = ?) ORDER BY s.qualified_name = ? DESC, f.path LIMIT 20`,
        )
        .all(projectId, name, name, filePath ?? null, filePath ?? null, name) as { id: number; qualified_name: string; path: string; start_line: number }[];
      return rows.map((row) => ({ id: row.id, qualifiedName: row.qualified_name, path: row.path, startLine: row.start_line }));
    },
    /** The project opened most recently, which CLI commands use when none is named. */
    latestProject(): { id: number; root: string } | null {
      return (db.prepare('SELECT id, root FROM projects ORDER BY last_opened_at DESC, id DESC LIMIT 1').get() as { id: number; root: string } | undefined) ?? null;
    },
    symbolTarget(symbolId: number): SymbolTarget | null {
      const row = db
        .prepare(
          `SELECT s.id, s.name, s.qualified_name, s.start_line, s.end_line, f.path, f.content_hash, p.id AS project_id, p.root
           FROM symbols s JOIN files f ON f.id = s.file_id JOIN projects p ON p.id = s.project_id WHERE s.id = ?`,
        )
        .get(symbolId) as
        | { id: number; name: string; qualified_name: string; start_line: number; end_line: number; path: string; content_hash: string; project_id: number; root: string }
        | undefined;
      if (!row) return null;
      return { symbolId: row.id, name: row.name, qualifiedName: row.qualified_name, startLine: row.start_line, endLine: row.end_line, path: row.path, contentHash: row.content_hash, projectId: row.project_id, root: row.root };
    },
  };
}

export type ReviewRepo = ReturnType<typeof createReviewRepo>;

/** A row with snake_case columns as a camelCase object; `*_json` columns parsed. */
function camelRow(row: Record<string, unknown>): Record<string, unknown> & { id: number; createdAt: string } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_json') && typeof value === 'string') out[camel(key.slice(0, -5))] = safeJson(value);
    else out[camel(key)] = value;
  }
  return out as Record<string, unknown> & { id: number; createdAt: string };
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
