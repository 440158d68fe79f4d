/**
 * Pool benchmark (never run in a timed test): the same replications of a scenario on 1 and on 2
 * worker threads → speedup, and the pool's start-up time (threads spawned and the worker module
 * loaded, measured with a ping per thread). Outputs are checked identical on both.
 */
import { loadScenario } from '../scenario/load.js';
import { createPool, runInOrder, type PoolTask } from './pool.js';

export interface PoolBenchResult {
  scenario: string;
  replications: number;
  /** Wall time of the replications, ms (pool start-up excluded). */
  oneWorkerMs: number;
  twoWorkersMs: number;
  speedup: number;
  /** Time from creating a 2-thread pool until both threads answer, ms. */
  startupMs: number;
  /** Same fingerprints in the same order on 1 and 2 workers. */
  identical: boolean;
}

/** `rounds` (default 2) alternating 1- and 2-worker measurements; the fastest of each is reported (the machine may be shared). */
export async function benchPool(file: string, options: { replications?: number; rounds?: number } = {}): Promise<PoolBenchResult> {
  const { scenario } = await loadScenario(file);
  const replications = options.replications ?? 8;
  const tasks: PoolTask[] = Array.from({ length: replications }, (_, r) => ({ scenario, replication: r, seed: scenario.seed, detail: 'metrics' }));
  const timed = async (workers: number): Promise<{ ms: number; startupMs: number; fingerprints: string[] }> => {
    const t0 = performance.now();
    const pool = createPool({ workers });
    try {
      await pool.ready();
      const startupMs = performance.now() - t0;
      const fingerprints: string[] = [];
      const t1 = performance.now();
      await runInOrder(pool, tasks, { onOutcome: (_i, o) => void fingerprints.push(o.ok ? o.result.fingerprint : `failed: ${o.message}`) });
      return { ms: performance.now() - t1, startupMs, fingerprints };
    } finally {
      await pool.close();
    }
  };
  let one = await timed(1);
  let two = await timed(2);
  for (let round = 1; round < (options.rounds ?? 2); round++) {
    const a = await timed(2);
    const b = await timed(1);
    if (a.ms < two.ms) two = a;
    if (b.ms < one.ms) one = b;
  }
  return {
    scenario: scenario.name,
    replications,
    oneWorkerMs: Math.round(one.ms),
    twoWorkersMs: Math.round(two.ms),
    speedup: Math.round((one.ms / two.ms) * 100) / 100,
    startupMs: Math.round(two.startupMs),
    identical: one.fingerprints.join() === two.fingerprints.join(),
  };
}
