/** One task, in a worker or in the calling thread: run the replication, trim the result to the detail asked for. */
import type { WorkerTask } from './messages.js';
import { runReplication, type ReplicationResult } from './replication.js';

export function runTask(task: Pick<WorkerTask, 'scenario' | 'replication' | 'seed' | 'detail' | 'failForTest'>, onProgress?: (simTimeNs: number, events: number) => void): ReplicationResult {
  if (task.failForTest === true) throw new Error(`test fault: replication ${task.replication} made to fail (TAPSIM_TEST_FAULTS)`);
  const result = runReplication({ scenario: task.scenario, replication: task.replication, seed: task.seed }, onProgress);
  if (task.detail === 'metrics') {
    const g = result.gatelines;
    return {
      ...result,
      transactions: null,
      gatelines: { ...g, intervals: 0, arrivals: [], passed: [], taps: [], failedTaps: [], queueMean: [], queueMax: [], queueMaxPerGate: [], waitMeanS: [], waitP95S: [], waitMaxS: [], fruinClass: [] },
    };
  }
  return result;
}
