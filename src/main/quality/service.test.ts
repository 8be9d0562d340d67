// The quality service with a real SQLite file: reports stored against an artefact version or a path, read back
// whole, listed newest first, and clear errors for unknown ids.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/db';
import { createQualityRepo } from '../store/qualityRepo';
import { makeTempDir } from '../testing/tempDir';
import { createQualityService, type QualityService } from '.';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
let service: QualityService;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'ark.db'));
  service = createQualityService({ reports: createQualityRepo(db), options: { pyrightServerPath: null, optionalTools: { pylint: null, mypy: null } } });
  db.prepare("INSERT INTO specs (id, name) VALUES (1, 'add')").run();
  db.prepare("INSERT INTO spec_versions (id, spec_id, version, format, source, spec_json) VALUES (1, 1, 1, 'json', '{}', '{}')").run();
  db.prepare(
    "INSERT INTO artifacts (id, spec_version_id, language, body_source, code, code_hash, status) VALUES (7, 1, 'python', 'library', 'def add(a: int, b: int) -> int:\n    \"\"\"Add.\"\"\"\n    return a + b\n', 'h', 'ready-for-review')",
  ).run();
});

afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('quality service', () => {
  it('stores a report per artefact version with its tool versions, and reads it back whole', async () => {
    const report = await service.analyze({ artifactId: 7 });
    expect(report).toMatchObject({ id: 1, artifactId: 7, path: null, language: 'python', functions: [expect.objectContaining({ name: 'add' })] });
    expect(report.toolVersions).toMatchObject({ scoring: '1', ruff: expect.any(String) });
    expect(service.report(report.id!)).toEqual(report);
    const row = db.prepare('SELECT artifact_id, score, tool_versions_json FROM quality_reports WHERE id = ?').get(report.id) as Record<string, unknown>;
    expect(row).toEqual({ artifact_id: 7, score: report.score, tool_versions_json: JSON.stringify(report.toolVersions) });
  });

  it('stores code reports by path and lists newest first, optionally for one artefact', async () => {
    const first = await service.analyze({ code: 'x = 1\n', language: 'python', filename: '/tmp/x.py' });
    const second = await service.analyze({ artifactId: 7 });
    expect(first.path).toBe('/tmp/x.py');
    expect(service.list({ limit: 10 }).map((summary) => summary.id)).toEqual([second.id, first.id]);
    expect(service.list({ limit: 10, artifactId: 7 })).toEqual([
      { id: second.id, artifactId: 7, path: null, language: 'python', score: second.score, scoringVersion: 1, toolVersions: second.toolVersions, createdAt: second.createdAt },
    ]);
  });

  it('says which id it could not find', async () => {
    await expect(service.analyze({ artifactId: 99 })).rejects.toMatchObject({ code: 'not-found', message: 'There is no artefact 99.' });
    expect(() => service.report(42)).toThrow('There is no quality report 42.');
  });
});
