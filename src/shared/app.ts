// What the app reports about itself: host, database, sandbox isolation. Shown in the status bar and `ark db info`.
import { z } from 'zod';
import { IsolationLevel } from './domain';

export const HostKind = z.enum(['electron', 'web', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const DbInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  journalMode: z.string(),
  sizeBytes: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type DbInfo = z.infer<typeof DbInfo>;

export const IsolationInfo = z.object({
  level: IsolationLevel,
  /** One sentence for the status bar tooltip and Settings: what holds, and how to get the stronger level. */
  detail: z.string(),
});
export type IsolationInfo = z.infer<typeof IsolationInfo>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  dataDir: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  isolation: IsolationInfo,
  user: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;
