// Every migration, in order. The last one's version is the schema version this build of the app writes.
import { migration0001 } from './0001_init';
import { migration0002 } from './0002_execution_details';
import { migration0003 } from './0003_symbol_counts';
import { migration0004 } from './0004_library';
import { migration0005 } from './0005_fts_prefix3';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
