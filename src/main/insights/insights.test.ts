import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/db';
import { makeTempDir } from '../testing/tempDir';
import { percentile } from '../percentile';
import { createInsights } from './index';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'ark.db'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

function run(startedAt: string, status: string, wallMs: number) {
  db.prepare("INSERT INTO executions (language, tier, mode, code, code_hash, isolation, status, wall_ms, started_at) VALUES ('python', 'sandbox', 'batch', 'x', 'h', 'namespaces', ?, ?, ?)").run(status, wallMs, startedAt);
}

describe('insights', () => {
  it('computes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([10], 0.95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });

  it('groups runs, sources and quality by day and by spec version', () => {
    run('2026-11-29T10:00:00.000Z', 'success', 20);
    run('2026-11-29T11:00:00.000Z', 'error', 40);
    run('2026-11-30T09:00:00.000Z', 'success', 30);
    run('2026-10-01T09:00:00.000Z', 'success', 30);
    db.prepare("INSERT INTO specs (id, name) VALUES (1, 'is_prime')").run();
    db.prepare("INSERT INTO spec_versions (id, spec_id, version, format, source, spec_json) VALUES (1, 1, 1, 'json', '{}', '{}'), (2, 1, 2, 'json', '{}', '{}')").run();
    db.prepare(
      "INSERT INTO artifacts (id, spec_version_id, language, body_source, code, code_hash, status, created_at) VALUES (1, 1, 'python', 'library', 'x', 'h', 'failed', '2026-11-29T10:00:00.000Z'), (2, 2, 'python', 'model', 'x', 'h', 'ready-for-review', '2026-11-30T10:00:00.000Z')",
    ).run();
    db.prepare('INSERT INTO quality_reports (artifact_id, score) VALUES (2, 70), (2, 88)').run();
    db.prepare(`INSERT INTO pipeline_stages (artifact_id, stage, status, result_json) VALUES (1, 'quality', 'passed', '{"detail":{"checklist":{"score":60}}}'), (2, 'quality', 'passed', '{"detail":{"checklist":{"score":80}}}')`).run();
    const insights = createInsights(db, () => new Date('2026-11-30T12:00:00.000Z')).overview(7);
    expect(insights.days).toHaveLength(7);
    const [day29, day30] = insights.days.slice(-2);
    expect(day29).toMatchObject({ day: '2026-11-29', runs: 2, succeeded: 1, successRate: 0.5, p50Ms: 20, p95Ms: 40, artifacts: 1, sources: { library: 1 } });
    expect(day30).toMatchObject({ day: '2026-11-30', runs: 1, successRate: 1, artifacts: 1, sources: { model: 1 } });
    expect(insights.days[0]).toMatchObject({ runs: 0, successRate: null, p50Ms: null });
    expect(insights.qualityBySpec).toEqual([
      {
        specId: 1,
        specName: 'is_prime',
        versions: [expect.objectContaining({ version: 1, checklist: 60, analyzer: null }), expect.objectContaining({ version: 2, checklist: 80, analyzer: 88 })],
      },
    ]);
  });
});
