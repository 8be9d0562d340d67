// The audit trail: events are only ever appended (the schema's triggers refuse updates and deletes).
import type { AuditEvent } from '../../shared/audit';
import type { Db } from './db';

export type AuditEntry = {
  kind: string;
  actor: string;
  subjectType?: string;
  subjectId?: number;
  data?: Record<string, unknown>;
};

export type AuditRepo = {
  append(entry: AuditEntry): AuditEvent;
  list(options: { limit: number; beforeId?: number | undefined; kind?: string | undefined }): AuditEvent[];
};

type AuditRow = { id: number; at: string; kind: string; actor: string; subject_type: string | null; subject_id: number | null; data_json: string };

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: JSON.parse(row.data_json) as Record<string, unknown>,
  };
}

export function createAuditRepo(db: Db): AuditRepo {
  const insert = db.prepare<[string, string, string | null, number | null, string], AuditRow>(
    'INSERT INTO events (kind, actor, subject_type, subject_id, data_json) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const select = db.prepare<{ before: number; kind: string | null; limit: number }, AuditRow>(
    'SELECT * FROM events WHERE id < @before AND (@kind IS NULL OR kind = @kind) ORDER BY id DESC LIMIT @limit',
  );
  return {
    append(entry) {
      const row = insert.get(entry.kind, entry.actor, entry.subjectType ?? null, entry.subjectId ?? null, JSON.stringify(entry.data ?? {}));
      return toAuditEvent(row as AuditRow);
    },
    list({ limit, beforeId, kind }) {
      return select.all({ before: beforeId ?? Number.MAX_SAFE_INTEGER, kind: kind ?? null, limit }).map(toAuditEvent);
    },
  };
}
