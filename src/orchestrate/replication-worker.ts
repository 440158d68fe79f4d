/**
 * The pool's worker for runs that write a run folder: the model's worker (experiment/worker.ts)
 * plus, for a task with `csv`, the replication's CSV rows formatted here (report/replication-csv.ts,
 * the same formatter the folder writer uses for results without bytes) and transferred, not
 * copied, as UTF-8 chunks; the transaction log itself then stays here. The main thread only
 * appends the chunks in replication order (run-folder-builder.ts). It lives in orchestration
 * because it needs both the model and the report's row formatters.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import work from '../experiment/worker.js';
import type { WorkerPing, WorkerTask } from '../experiment/messages.js';
import type { ReplicationResult } from '../experiment/replication.js';
import { collectCsv, csvBuffers, replicationCsv } from '../report/replication-csv.js';

/** The result with its CSV chunks instead of the transaction log. */
export function withCsv(result: ReplicationResult, task: Pick<WorkerTask, 'scenario'>): ReplicationResult {
  const csv = collectCsv(replicationCsv(result, task.scenario));
  return { ...result, transactions: null, csv };
}

export default function workWithCsv(task: WorkerTask | WorkerPing): unknown {
  const result = work(task);
  if (result === null || 'type' in task || task.csv !== true || task.detail !== 'full') return result;
  const value = withCsv(result, task);
  const buffers = csvBuffers(value.csv as NonNullable<ReplicationResult['csv']>);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return value;
    },
  });
}
