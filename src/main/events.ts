// The event hub: services emit typed events; each host forwards them to its connected UIs.
import type { EventName, EventPayload } from '../shared/contract';

export type EventSink = (name: string, payload: unknown) => void;

export type EventHub = {
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** Adds a sink for every event; returns the function that removes it. */
  subscribe(sink: EventSink): () => void;
};

export function createEventHub(): EventHub {
  const sinks = new Set<EventSink>();
  return {
    emit(name, payload) {
      for (const sink of sinks) {
        // One failing UI connection must not stop the others from hearing the event.
        try {
          sink(name, payload);
        } catch (err) {
          console.error(`[ark] event sink failed for "${name}":`, err);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
