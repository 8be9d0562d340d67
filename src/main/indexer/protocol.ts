// Messages between the indexer and its parse workers (structured-cloned; no functions, no class instances).
import type { ParseJob, ParseResult } from './parseFile';

export type WorkerRequest = { id: number; jobs: ParseJob[]; maxFileBytes: number };

export type WorkerReply = { type: 'ready' } | { type: 'results'; id: number; results: ParseResult[] } | { type: 'failed'; id: number; message: string };
