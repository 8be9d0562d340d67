// Every migration, in order. The last one's version is the schema version this build of the app writes.
import { migration0001 } from './0001_init';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
