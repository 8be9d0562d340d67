// The shape of one numbered schema step.

/** One schema step, applied in its own transaction and recorded in PRAGMA user_version. */
export type Migration = { version: number; name: string; sql: string };
