/**
 * The piscina worker: runs one replication per task. Imports only the model (replication.ts and
 * what it needs), never the scenario loader or mathjs: the scenario arrives resolved, as plain
 * data. pool.ts loads the compiled dist/experiment/worker.js, or this file through tsx when the
 * caller runs from source (vitest, tsx).
 */
import type { WorkerPing, WorkerProgress, WorkerTask } from './messages.js';
import { runTask } from './task.js';
import type { ReplicationResult } from './replication.js';

export default function work(task: WorkerTask | WorkerPing): ReplicationResult | null {
  if ('type' in task) return null;
  const port = task.port;
  let last = 0;
  try {
    return runTask(task, port === null ? undefined : (simTimeNs, events) => {
      const now = performance.now();
      if (now - last < task.progressEveryMs) return;
      last = now;
      const message: WorkerProgress = { type: 'progress', replication: task.replication, simTimeNs, events };
      port.postMessage(message);
    });
  } finally {
    port?.close();
  }
}
