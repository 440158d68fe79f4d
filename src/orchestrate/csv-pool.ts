/** A pool whose worker formats each replication's CSV rows (replication-worker.ts), for commands that write run folders. */
import { createPool, workerEntry, type PoolOptions, type ReplicationPool } from '../experiment/pool.js';

/** The worker module beside this file (replication-worker.js, or .ts through tsx from source). */
export function csvWorkerEntry(selfUrl: string = import.meta.url): { filename: string; execArgv: string[] } {
  return workerEntry(selfUrl, 'replication-worker');
}

export function createCsvPool(options: Omit<PoolOptions, 'entry'> = {}): ReplicationPool {
  return createPool({ ...options, entry: csvWorkerEntry() });
}
