// Pure state changes for the audit list, kept apart from the slice so they are tested without a bridge.
import type { AuditEvent } from '../../../../shared/audit';

/** How many events the History view keeps in memory. */
export const shownEvents = 500;

/** Adds a live event to the list unless it is already there (a reload and an event can race). */
export function withAuditEvent(events: AuditEvent[], event: AuditEvent): AuditEvent[] {
  if (events.some((existing) => existing.id === event.id)) return events;
  return [event, ...events].slice(0, shownEvents);
}
