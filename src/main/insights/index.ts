// Figures over time from what the store already holds: sandbox runs per day with success rate and duration
// percentiles, where generated bodies came from, and how quality scores moved across a spec's versions.
import type { DayFigures, Insights, SpecQuality } from '../../shared/insights';
import { percentile } from '../percentile';
import type { Db } from '../store/db';

const sources = ['reuse', 'library', 'model', 'manual', 'none'] as const;

export function createInsights(db: Db, now: () => Date = () => new Date()) {
  return {
    overview(dayCount: number): Insights {
      const end = now();
      const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() - (dayCount - 1)));
      const from = start.toISOString();
      const days = new Map<string, DayFigures & { durations: number[] }>();
      for (let i = 0; i < dayCount; i++) {
        const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
        days.set(day, { day, runs: 0, succeeded: 0, successRate: null, p50Ms: null, p95Ms: null, artifacts: 0, sources: Object.fromEntries(sources.map((s) => [s, 0])) as DayFigures['sources'], durations: [] });
      }
      const runs = db.prepare(`SELECT substr(started_at, 1, 10) AS day, status, wall_ms FROM executions WHERE started_at >= ? AND status != 'running'`).all(from) as { day: string; status: string; wall_ms: number | null }[];
      for (const run of runs) {
        const figures = days.get(run.day);
        if (!figures) continue;
        figures.runs++;
        if (run.status === 'success') figures.succeeded++;
        if (typeof run.wall_ms === 'number') figures.durations.push(run.wall_ms);
      }
      const made = db.prepare(`SELECT substr(created_at, 1, 10) AS day, body_source AS source, count(*) AS n FROM artifacts WHERE created_at >= ? GROUP BY day, source`).all(from) as { day: string; source: (typeof sources)[number]; n: number }[];
      for (const row of made) {
        const figures = days.get(row.day);
        if (!figures) continue;
        figures.artifacts += row.n;
        figures.sources[row.source] = (figures.sources[row.source] ?? 0) + row.n;
      }
      const dayList = [...days.values()].map(({ durations, ...figures }) => {
        const sorted = durations.sort((a, b) => a - b);
        return { ...figures, successRate: figures.runs ? figures.succeeded / figures.runs : null, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
      });
      // Two scores per artefact version, never mixed: the pipeline's checklist (every generated version has one) and
      // the quality analyzer's report (when someone assessed that version).
      const scores = db
        .prepare(
          `SELECT s.id AS spec_id, s.name AS spec_name, v.version, a.id AS artifact_id, a.status, a.created_at,
             (SELECT json_extract(p.result_json, '$.detail.checklist.score') FROM pipeline_stages p
               WHERE p.artifact_id = a.id AND p.stage = 'quality' ORDER BY p.id DESC LIMIT 1) AS checklist,
             (SELECT q.score FROM quality_reports q WHERE q.artifact_id = a.id ORDER BY q.id DESC LIMIT 1) AS analyzer
           FROM artifacts a JOIN spec_versions v ON v.id = a.spec_version_id JOIN specs s ON s.id = v.spec_id
           ORDER BY s.id, v.version, a.id`,
        )
        .all() as { spec_id: number; spec_name: string; version: number; artifact_id: number; status: string; created_at: string; checklist: number | null; analyzer: number | null }[];
      const bySpec = new Map<number, SpecQuality>();
      for (const row of scores) {
        if (row.checklist === null && row.analyzer === null) continue;
        const spec = bySpec.get(row.spec_id) ?? { specId: row.spec_id, specName: row.spec_name, versions: [] };
        spec.versions.push({ version: row.version, artifactId: row.artifact_id, checklist: row.checklist, analyzer: row.analyzer, status: row.status, createdAt: row.created_at });
        bySpec.set(row.spec_id, spec);
      }
      return { from, to: end.toISOString(), days: dayList, qualityBySpec: [...bySpec.values()] };
    },
  };
}

export type InsightsService = ReturnType<typeof createInsights>;
