/**
 * Pool benchmark (never run in a timed test): the same replications of a scenario on 1 and on 2
 * worker threads → speedup, and the pool's start-up time (threads spawned and the worker module
 * loaded, measured with a ping per thread). Outputs are checked identical on both.
 */
import { loadScenario } from '../scenario/load.js';
import { createPool, runInOrder, type PoolTask } from '../experiment/pool.js';

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
  /**
   * CPU seconds per wall second of the 1-worker run: above 1 when V8's compiler and GC threads
   * work beside the one worker, on the core a second worker would need.
   */
  oneWorkerCpuPerWall: number;
}

/** `rounds` (default 2) alternating 1- and 2-worker measurements; the fastest of each is reported (the machine may be shared). */
export async function benchPool(file: string, options: { replications?: number; rounds?: number } = {}): Promise<PoolBenchResult> {
  const { scenario } = await loadScenario(file);
  const replications = options.replications ?? 8;
  const tasks = tasksFor(scenario, replications);
  let one = await timedRun(tasks, 1);
  let two = await timedRun(tasks, 2);
  for (let round = 1; round < (options.rounds ?? 2); round++) {
    const a = await timedRun(tasks, 2);
    const b = await timedRun(tasks, 1);
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
    oneWorkerCpuPerWall: Math.round(one.cpuPerWall * 100) / 100,
  };
}

export interface ScalingPoint {
  workers: number;
  ms: number;
  /** Against the 1-worker run. */
  speedup: number;
  /** CPU seconds the process used per wall second (all threads: workers, V8 compiler and GC helpers). */
  cpuPerWall: number;
  identical: boolean;
}

/** The same replications on 1, 2, 4, … up to `maxWorkers` threads (fastest of `rounds` each). */
export async function benchScaling(file: string, options: { replications: number; maxWorkers: number; rounds?: number }): Promise<ScalingPoint[]> {
  const { scenario } = await loadScenario(file);
  const tasks = tasksFor(scenario, options.replications);
  const counts: number[] = [];
  for (let w = 1; w < options.maxWorkers; w *= 2) counts.push(w);
  counts.push(options.maxWorkers);
  const points: ScalingPoint[] = [];
  let base: TimedRun | undefined;
  for (const workers of counts) {
    let best = await timedRun(tasks, workers);
    for (let round = 1; round < (options.rounds ?? 1); round++) {
      const again = await timedRun(tasks, workers);
      if (again.ms < best.ms) best = again;
    }
    base ??= best;
    points.push({
      workers,
      ms: Math.round(best.ms),
      speedup: Math.round((base.ms / best.ms) * 100) / 100,
      cpuPerWall: Math.round(best.cpuPerWall * 100) / 100,
      identical: best.fingerprints.join() === base.fingerprints.join(),
    });
  }
  return points;
}

function tasksFor(scenario: PoolTask['scenario'], replications: number): PoolTask[] {
  return Array.from({ length: replications }, (_, r) => ({ scenario, replication: r, seed: scenario.seed, detail: 'metrics' }));
}

interface TimedRun {
  ms: number;
  startupMs: number;
  cpuPerWall: number;
  fingerprints: string[];
}

async function timedRun(tasks: readonly PoolTask[], workers: number): Promise<TimedRun> {
  const t0 = performance.now();
  const pool = createPool({ workers });
  try {
    await pool.ready();
    const startupMs = performance.now() - t0;
    const fingerprints: string[] = [];
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    await runInOrder(pool, tasks, { onOutcome: (_i, o) => void fingerprints.push(o.ok ? o.result.fingerprint : `failed: ${o.message}`) });
    const ms = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    return { ms, startupMs, cpuPerWall: (cpu.user + cpu.system) / 1000 / ms, fingerprints };
  } finally {
    await pool.close();
  }
}
