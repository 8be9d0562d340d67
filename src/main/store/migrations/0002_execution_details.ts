// What a sandbox run needs beyond schema v1: the request as made (for re-runs), the validator's verdict, the override
// reason, why the run ended, the interpreter used, and the process that owns a running row (to spot runs orphaned by a crash).
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'execution_details',
  sql: `
ALTER TABLE executions ADD COLUMN request_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE executions ADD COLUMN validation_json TEXT;
ALTER TABLE executions ADD COLUMN override_reason TEXT;
ALTER TABLE executions ADD COLUMN detail TEXT;
ALTER TABLE executions ADD COLUMN interpreter TEXT;
ALTER TABLE executions ADD COLUMN host_pid INTEGER;
CREATE INDEX executions_status ON executions(status, started_at);
`,
};
