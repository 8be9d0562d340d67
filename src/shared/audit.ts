// The audit trail's shape: one append-only event per thing that happened, with who did it.
import { z } from 'zod';

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  actor: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
