import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../shared/audit';
import { withAuditEvent } from './auditEvents';

const event = (id: number): AuditEvent => ({ id, at: '2026-01-01T00:00:00Z', kind: 'k', actor: 'a', subjectType: null, subjectId: null, data: {} });

describe('withAuditEvent', () => {
  it('puts a live event first and ignores one already listed', () => {
    const list = [event(2), event(1)];
    expect(withAuditEvent(list, event(3)).map((e) => e.id)).toEqual([3, 2, 1]);
    expect(withAuditEvent(list, event(2))).toBe(list);
  });
  it('keeps the list bounded', () => {
    const many = Array.from({ length: 500 }, (_, i) => event(500 - i));
    expect(withAuditEvent(many, event(501))).toHaveLength(500);
  });
});
