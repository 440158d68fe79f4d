/**
 * The CSV bytes one replication adds to transactions.csv, gates.csv and backend.csv (no header),
 * as chunks of UTF-8 (one TextEncoder buffer each, so a worker can transfer them without copying).
 * The one place those rows are formatted: the pool's worker calls it beside the model
 * (orchestrate/replication-worker.ts) and the run folder writer calls it for a result that came
 * without bytes (a job file, the in-thread pool), so both give the same bytes. The rows are
 * csv-rows.ts's; csvText (csv-text.ts) per chunk gives what one csv-stringify stream of the same
 * rows gives (one record and "\n" per row, no header).
 */
import type { ReplicationResult } from '../experiment/replication.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { startTimeS } from './clock.js';
import { backendRows, gateRows, transactionRows, withClockRows } from './csv-rows.js';
import { csvText } from './csv-text.js';

/** Rows per chunk: ≈ 1 MB of transactions.csv, few enough buffers to transfer, small enough to stream. */
export const ROWS_PER_CHUNK = 8192;

/** Per file, its chunks in order; transactions null when the result has no transaction log. */
export interface ReplicationCsv<C = Uint8Array[]> {
  transactions: C | null;
  gates: C;
  backend: C;
}

/** UTF-8 chunks of `rows` formatted as CSV, `rowsPerChunk` rows each (lazy). */
export function* csvChunks(rows: Iterable<readonly string[]>, rowsPerChunk = ROWS_PER_CHUNK): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(row as string[]);
    if (batch.length === rowsPerChunk) {
      yield encoder.encode(csvText(batch));
      batch = [];
    }
  }
  if (batch.length > 0) yield encoder.encode(csvText(batch));
}

type Rows = Pick<ReplicationResult, 'replication' | 'transactions' | 'gatelines' | 'backend'>;

/** The three tables' chunks, lazy (the writer streams them; a worker collects them with `collectCsv`). */
export function replicationCsv(result: Rows, scenario: Pick<ResolvedScenario, 'duration' | 'startTime'>): ReplicationCsv<Iterable<Uint8Array>> {
  const startS = startTimeS(scenario.startTime);
  return {
    transactions: result.transactions === null ? null : csvChunks(withClockRows(transactionRows(result.replication, result.transactions), 1, startS)),
    gates: csvChunks(withClockRows(gateRows(result.replication, result.gatelines, scenario.duration), 1, startS)),
    backend: csvChunks(withClockRows(backendRows(result.replication, result.backend, scenario.duration), 1, startS)),
  };
}

/** Every chunk formatted now (in a worker, before the result is posted). */
export function collectCsv(csv: ReplicationCsv<Iterable<Uint8Array>>): ReplicationCsv {
  return { transactions: csv.transactions === null ? null : [...csv.transactions], gates: [...csv.gates], backend: [...csv.backend] };
}

/** The ArrayBuffers under the chunks (the transfer list). */
export function csvBuffers(csv: ReplicationCsv): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const list of [csv.transactions ?? [], csv.gates, csv.backend]) for (const chunk of list) out.push(chunk.buffer as ArrayBuffer);
  return out;
}
