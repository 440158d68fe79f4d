/**
 * Every message that crosses the worker boundary (docs/architecture.md#rule-9): plain data only. The main thread
 * posts a `WorkerTask` to the piscina pool; the worker answers with a `ReplicationResult`
 * (src/experiment/replication.ts, plain data) or throws; progress flows back over the task's own
 * MessagePort as throttled `WorkerProgress` messages.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ResolvedScenario } from '../scenario/schema.js';

/** What the result carries back: everything, or only the scalars (sweeps, comparisons, sizing). */
export type ResultDetail = 'full' | 'metrics';

export interface WorkerTask {
  scenario: ResolvedScenario;
  replication: number;
  seed: number;
  detail: ResultDetail;
  /** Format the replication's CSV rows in the worker (the worker module that can: orchestrate/replication-worker.ts). */
  csv?: boolean;
  /** Test-only fault hook (test-faults.ts): throw instead of running. */
  failForTest?: boolean;
  /** Progress port (transferred), or null for none. */
  port: MessagePort | null;
  /** Minimum wall time between progress messages, ms. */
  progressEveryMs: number;
}

export interface WorkerProgress {
  type: 'progress';
  replication: number;
  simTimeNs: number;
  events: number;
}

/** A no-op task: the worker loads its modules and answers (pool start-up, warm-up). */
export interface WorkerPing {
  type: 'ping';
}
