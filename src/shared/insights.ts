// Performance tracking over time: runs, success, durations, generation sources and quality per spec version.
import { z } from 'zod';

export const BodySource = z.enum(['reuse', 'library', 'model', 'manual', 'none']);

export const DayFigures = z.object({
  /** The UTC day, YYYY-MM-DD. */
  day: z.string(),
  runs: z.number().int().min(0),
  succeeded: z.number().int().min(0),
  /** Successful runs / runs, or null on a day without runs. */
  successRate: z.number().min(0).max(1).nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  artifacts: z.number().int().min(0),
  sources: z.record(BodySource, z.number().int().min(0)),
});
export type DayFigures = z.infer<typeof DayFigures>;

export const SpecQuality = z.object({
  specId: z.number().int().positive(),
  specName: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      artifactId: z.number().int(),
      /** The pipeline's quality checklist score (validated, tested, documented, typed …). */
      checklist: z.number().nullable(),
      /** The quality analyzer's score, when that version was assessed. */
      analyzer: z.number().nullable(),
      status: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type SpecQuality = z.infer<typeof SpecQuality>;

export const Insights = z.object({ from: z.string(), to: z.string(), days: z.array(DayFigures), qualityBySpec: z.array(SpecQuality) });
export type Insights = z.infer<typeof Insights>;

export const insightsRequests = {
  'insights.overview': { input: z.object({ days: z.number().int().min(1).max(365).default(30) }).strict(), output: Insights },
} as const;
