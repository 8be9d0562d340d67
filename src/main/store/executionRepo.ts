// Sandbox runs in SQLite: one row per run, its output in chunks as it arrives, and the history's filters and statistics.
import type { IsolationLevel, Tier } from '../../shared/domain';
import type {
  ExecutionDetail,
  ExecutionSummary,
  HistoryFilter,
  OutputStream,
  RunLanguage,
  RunLimits,
  RunMode,
  RunRequest,
  RunStatus,
  Stats,
  StatsFilter,
  ValidationSummary,
} from '../../shared/sandbox';
import {
  defaultRunLimits,
  HistoryFilter as HistoryFilterSchema, RunLimits as RunLimitsSchema, RunRequest as RunRequestSchema, ValidationSummary as ValidationSummarySchema } from '../../shared/sandbox';
import { percentile } from '../percentile';
import type { Db } from './db';

/** What is known about a run when it is recorded, before it starts. */
export type NewExecution = {
  artifactId: number | null;
  validationId: number | null;
  language: RunLanguage;
  tier: Tier;
  mode: RunMode;
  code: string;
  codeHash: string;
  limits: RunLimits;
  isolation: IsolationLevel;
  status: RunStatus;
  overrideConfirmed: boolean;
  overrideReason: string | null;
  validation: ValidationSummary | null;
  request: Omit<RunRequest, 'code'>;
  interpreter: string | null;
  /** The process that runs it, so a later start can tell a live run from one orphaned by a crash. */
  hostPid: number;
  detail?: string | null;
  startedAt?: string;
};

/** How a run ended. */
export type ExecutionFinish = {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  wallMs: number | null;
  cpuUserMs: number | null;
  cpuSystemMs: number | null;
  maxRssKb: number | null;
  outputBytes: number;
  outputTruncated: boolean;
  detail: string | null;
  interpreter?: string | null;
  finishedAt?: string;
};

export type StoredChunk = { seq: number; stream: OutputStream; data: string };

export type ExecutionRepo = {
  /** Records a run and returns its id. */
  create(execution: NewExecution): number;
  /** Appends output chunks (one transaction for the batch). */
  appendOutput(id: number, chunks: readonly StoredChunk[]): void;
  /** Records how a run ended, with its last output chunks, in one transaction. */
  finish(id: number, finish: ExecutionFinish, lastChunks?: readonly StoredChunk[]): void;
  /** Output chunks with seq greater than `afterSeq`, in order (at most `limit`). */
  outputSince(id: number, afterSeq: number, limit?: number): StoredChunk[];
  list(filter?: HistoryFilter): ExecutionSummary[];
  get(id: number): ExecutionDetail | null;
  stats(filter?: StatsFilter): Stats;
  /** Marks runs still `running` whose owning process is gone as `killed`; returns how many. */
  closeOrphans(isAlive: (pid: number) => boolean): number;
};

type ExecutionRow = {
  id: number;
  artifact_id: number | null;
  validation_id: number | null;
  language: string;
  tier: string;
  mode: string;
  code_head: string;
  code_hash: string;
  isolation: string;
  status: string;
  override_confirmed: number;
  exit_code: number | null;
  signal: string | null;
  wall_ms: number | null;
  cpu_user_ms: number | null;
  cpu_system_ms: number | null;
  max_rss_kb: number | null;
  output_bytes: number;
  output_truncated: number;
  started_at: string;
  finished_at: string | null;
};

type DetailRow = ExecutionRow & {
  code: string;
  limits_json: string;
  validation_json: string | null;
  override_reason: string | null;
  detail: string | null;
  interpreter: string | null;
  request_json: string;
};

const summaryColumns = `id, artifact_id, validation_id, language, tier, mode, substr(code, 1, 400) AS code_head, code_hash, isolation, status,
  override_confirmed, exit_code, signal, wall_ms, cpu_user_ms, cpu_system_ms, max_rss_kb, output_bytes, output_truncated, started_at, finished_at`;

// The filter as SQL: NULL parameters switch a condition off, so one prepared statement serves every combination.
const filterWhere = `(@status IS NULL OR status = @status) AND (@language IS NULL OR language = @language)
  AND (@from IS NULL OR started_at >= @from) AND (@to IS NULL OR started_at < @to)`;

function codePreview(head: string): string {
  const line = head.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function toSummary(row: ExecutionRow): ExecutionSummary {
  return {
    id: row.id,
    artifactId: row.artifact_id,
    language: row.language as RunLanguage,
    tier: row.tier as Tier,
    mode: row.mode as RunMode,
    status: row.status as RunStatus,
    isolation: row.isolation as IsolationLevel,
    exitCode: row.exit_code,
    signal: row.signal,
    durationMs: row.wall_ms,
    cpuUserMs: row.cpu_user_ms,
    cpuSystemMs: row.cpu_system_ms,
    maxRssKb: row.max_rss_kb,
    outputBytes: row.output_bytes,
    outputTruncated: row.output_truncated === 1,
    overrideConfirmed: row.override_confirmed === 1,
    codeHash: row.code_hash,
    codePreview: codePreview(row.code_head),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toDetail(row: DetailRow): ExecutionDetail {
  const limits = RunLimitsSchema.safeParse(parseJson(row.limits_json));
  const validation = ValidationSummarySchema.safeParse(parseJson(row.validation_json));
  const request = RunRequestSchema.omit({ code: true }).safeParse(parseJson(row.request_json));
  return {
    ...toSummary(row),
    code: row.code,
    limits: limits.success ? limits.data : defaultRunLimits,
    validation: validation.success ? validation.data : null,
    overrideReason: row.override_reason,
    detail: row.detail,
    interpreter: row.interpreter,
    request: request.success ? request.data : { language: row.language as RunLanguage, tier: row.tier as Tier },
  };
}

export function createExecutionRepo(db: Db): ExecutionRepo {
  const insert = db.prepare(
    `INSERT INTO executions (artifact_id, validation_id, language, tier, mode, code, code_hash, limits_json, isolation, status,
       override_confirmed, override_reason, validation_json, request_json, interpreter, host_pid, detail, started_at)
     VALUES (@artifactId, @validationId, @language, @tier, @mode, @code, @codeHash, @limitsJson, @isolation, @status,
       @overrideConfirmed, @overrideReason, @validationJson, @requestJson, @interpreter, @hostPid, @detail, @startedAt)`,
  );
  const validationExists = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM validations WHERE id = ?');
  const artifactExists = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM artifacts WHERE id = ?');
  const insertChunk = db.prepare<[number, number, string, Buffer]>('INSERT INTO execution_output (execution_id, seq, stream, data) VALUES (?, ?, ?, ?)');
  const update = db.prepare(
    `UPDATE executions SET status = @status, exit_code = @exitCode, signal = @signal, wall_ms = @wallMs, cpu_user_ms = @cpuUserMs,
       cpu_system_ms = @cpuSystemMs, max_rss_kb = @maxRssKb, output_bytes = @outputBytes, output_truncated = @outputTruncated,
       detail = @detail, interpreter = coalesce(@interpreter, interpreter), finished_at = @finishedAt
     WHERE id = @id`,
  );
  const selectChunks = db.prepare<[number, number, number], { seq: number; stream: string; data: Buffer }>(
    'SELECT seq, stream, data FROM execution_output WHERE execution_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const selectList = db.prepare<Record<string, unknown>, ExecutionRow>(
    `SELECT ${summaryColumns} FROM executions WHERE ${filterWhere} ORDER BY started_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const selectOne = db.prepare<[number], DetailRow>(
    `SELECT ${summaryColumns}, code, limits_json, validation_json, override_reason, detail, interpreter, request_json FROM executions WHERE id = ?`,
  );
  // Statistics count finished runs; the success rate and durations leave out blocked runs, which never ran.
  const statsWhere = `status <> 'running' AND ${filterWhere}`;
  const selectByStatus = db.prepare<Record<string, unknown>, { status: string; n: number }>(
    `SELECT status, count(*) AS n FROM executions WHERE ${statsWhere} GROUP BY status`,
  );
  const selectDurations = db.prepare<Record<string, unknown>, { wall_ms: number }>(
    `SELECT wall_ms FROM executions WHERE ${statsWhere} AND status <> 'blocked' AND wall_ms IS NOT NULL ORDER BY wall_ms`,
  );
  const selectPerDay = db.prepare<Record<string, unknown>, { day: string; runs: number; ran: number; ok: number }>(
    `SELECT substr(started_at, 1, 10) AS day, count(*) AS runs, sum(status <> 'blocked') AS ran, sum(status = 'success') AS ok
     FROM executions WHERE ${statsWhere} GROUP BY day ORDER BY day`,
  );
  const selectRunning = db.prepare<[], { id: number; host_pid: number | null }>("SELECT id, host_pid FROM executions WHERE status = 'running'");
  const markKilled = db.prepare<[string, string, number]>("UPDATE executions SET status = 'killed', detail = ?, finished_at = ? WHERE id = ? AND status = 'running'");

  const appendChunks = (id: number, chunks: readonly StoredChunk[]) => {
    for (const chunk of chunks) insertChunk.run(id, chunk.seq, chunk.stream, Buffer.from(chunk.data, 'utf8'));
  };
  const appendOutput = db.transaction(appendChunks);
  const finishTx = db.transaction((id: number, finish: ExecutionFinish, chunks: readonly StoredChunk[]) => {
    appendChunks(id, chunks);
    update.run({
      id,
      status: finish.status,
      exitCode: finish.exitCode,
      signal: finish.signal,
      wallMs: finish.wallMs,
      cpuUserMs: finish.cpuUserMs,
      cpuSystemMs: finish.cpuSystemMs,
      maxRssKb: finish.maxRssKb,
      outputBytes: finish.outputBytes,
      outputTruncated: finish.outputTruncated ? 1 : 0,
      detail: finish.detail,
      interpreter: finish.interpreter ?? null,
      finishedAt: finish.finishedAt ?? new Date().toISOString(),
    });
  });

  const filterParams = (filter: { status?: string | undefined; language?: string | undefined; from?: string | undefined; to?: string | undefined }) => ({
    status: filter.status ?? null,
    language: filter.language ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  });

  return {
    create(execution) {
      // A validation or artifact id the store does not hold is dropped rather than failing the run on a foreign key.
      const validationId = execution.validationId !== null && validationExists.get(execution.validationId)?.n ? execution.validationId : null;
      const artifactId = execution.artifactId !== null && artifactExists.get(execution.artifactId)?.n ? execution.artifactId : null;
      const info = insert.run({
        artifactId,
        validationId,
        language: execution.language,
        tier: execution.tier,
        mode: execution.mode,
        code: execution.code,
        codeHash: execution.codeHash,
        limitsJson: JSON.stringify(execution.limits),
        isolation: execution.isolation,
        status: execution.status,
        overrideConfirmed: execution.overrideConfirmed ? 1 : 0,
        overrideReason: execution.overrideReason,
        validationJson: execution.validation ? JSON.stringify(execution.validation) : null,
        requestJson: JSON.stringify(execution.request),
        interpreter: execution.interpreter,
        hostPid: execution.hostPid,
        detail: execution.detail ?? null,
        startedAt: execution.startedAt ?? new Date().toISOString(),
      });
      return Number(info.lastInsertRowid);
    },
    appendOutput(id, chunks) {
      if (chunks.length > 0) appendOutput(id, chunks);
    },
    finish(id, finish, lastChunks = []) {
      finishTx(id, finish, lastChunks);
    },
    outputSince(id, afterSeq, limit = 100_000) {
      return selectChunks.all(id, afterSeq, limit).map((row) => ({ seq: row.seq, stream: row.stream as OutputStream, data: row.data.toString('utf8') }));
    },
    list(filter = {}) {
      const parsed = HistoryFilterSchema.parse(filter);
      return selectList.all({ ...filterParams(parsed), limit: parsed.limit, offset: parsed.offset }).map(toSummary);
    },
    get(id) {
      const row = selectOne.get(id);
      return row ? toDetail(row) : null;
    },
    stats(filter = {}) {
      const params = filterParams({ ...filter, status: undefined });
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const row of selectByStatus.all(params)) {
        byStatus[row.status] = row.n;
        total += row.n;
      }
      const ran = total - (byStatus.blocked ?? 0);
      const durations = selectDurations.all(params).map((row) => row.wall_ms);
      return {
        total,
        successRate: ran > 0 ? (byStatus.success ?? 0) / ran : null,
        durationP50Ms: percentile(durations, 0.5),
        durationP95Ms: percentile(durations, 0.95),
        byStatus,
        perDay: selectPerDay.all(params).map((row) => ({ day: row.day, runs: row.runs, successRate: row.ran > 0 ? row.ok / row.ran : 0 })),
      };
    },
    closeOrphans(isAlive) {
      const now = new Date().toISOString();
      let closed = 0;
      for (const row of selectRunning.all()) {
        if (row.host_pid !== null && isAlive(row.host_pid)) continue;
        closed += markKilled.run('The app stopped while this run was in progress.', now, row.id).changes;
      }
      return closed;
    },
  };
}
