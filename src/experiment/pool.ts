/**
 * A persistent pool of worker threads (piscina) that runs replications. Only plain data crosses
 * (messages.ts). `workers: 1` with `inThread: true` runs in the calling thread instead (no thread
 * start-up; used by tests and `pool-bench`); the CLI always uses threads so Ctrl-C stays
 * responsive while a long replication runs.
 *
 * Which worker file: this module resolves `./worker.js` beside itself (dist/experiment/ after
 * `npm run build`). When it runs from source — vitest or tsx, where this file is `pool.ts` — it
 * loads `./worker.ts` instead and gives the threads tsx's loader (`--import <tsx>`), so tests need
 * no build step. Both paths come from `import.meta.url`, never from the working folder.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ResultDetail, WorkerPing, WorkerProgress, WorkerTask } from './messages.js';
import type { ReplicationResult } from './replication.js';
import { runTask } from './task.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { defaultWorkers } from './default-workers.js';

export interface PoolOptions {
  /** Threads (default os.availableParallelism()). */
  workers?: number;
  /** The most tasks the caller will have in flight (its job count): never more threads than this. */
  jobs?: number;
  /** With workers = 1: run in the calling thread. */
  inThread?: boolean;
  /** Minimum wall time between progress messages from one task, ms (default 100). */
  progressEveryMs?: number;
  /** The worker module and its execArgv (default this folder's worker: workerEntry()). */
  entry?: { filename: string; execArgv: string[] };
}

export interface PoolTask {
  scenario: ResolvedScenario;
  replication: number;
  seed: number;
  detail: ResultDetail;
  /** Ask the worker for the CSV rows as bytes (ReplicationResult.csv); only a pool made with a worker `entry` that formats them gives them. */
  csv?: boolean;
  /** Test-only fault hook (test-faults.ts): the replication throws instead of running. */
  failForTest?: boolean;
}

export interface TaskProgress {
  replication: number;
  simTimeNs: number;
  events: number;
}

export interface ReplicationPool {
  readonly workers: number;
  readonly inThread: boolean;
  run(task: PoolTask, options?: { signal?: AbortSignal; onProgress?: (p: TaskProgress) => void }): Promise<ReplicationResult>;
  /** Resolves when every thread has loaded the worker module. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export { defaultWorkers };

/** Threads for `jobs` jobs: the requested count, but never more than the jobs (and at least 1). */
export function cappedWorkers(requested: number, jobs: number | undefined): number {
  return jobs === undefined ? requested : Math.max(1, Math.min(requested, Math.floor(jobs)));
}

/** The worker module `name` beside `selfUrl` and the execArgv its threads need (see the module comment). */
export function workerEntry(selfUrl: string = import.meta.url, name = 'worker'): { filename: string; execArgv: string[] } {
  if (selfUrl.endsWith('.ts')) {
    const tsx = createRequire(selfUrl).resolve('tsx');
    return { filename: new URL(`./${name}.ts`, selfUrl).href, execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  return { filename: new URL(`./${name}.js`, selfUrl).href, execArgv: [] };
}

export function createPool(options: PoolOptions = {}): ReplicationPool {
  const requested = options.workers ?? defaultWorkers();
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`workers must be an integer ≥ 1 (got ${requested})`);
  const workers = cappedWorkers(requested, options.jobs);
  const progressEveryMs = options.progressEveryMs ?? 100;
  if (workers === 1 && options.inThread === true) return inThreadPool(progressEveryMs);
  const entry = options.entry ?? workerEntry();
  const piscina = new Piscina<WorkerTask | WorkerPing, ReplicationResult | null>({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
  });
  return {
    workers,
    inThread: false,
    async run(task, opts = {}) {
      opts.signal?.throwIfAborted();
      let port: MessageChannel | undefined;
      if (opts.onProgress !== undefined) {
        port = new MessageChannel();
        const onProgress = opts.onProgress;
        port.port1.on('message', (m: WorkerProgress) => onProgress({ replication: m.replication, simTimeNs: m.simTimeNs, events: m.events }));
      }
      const message: WorkerTask = { ...task, port: port?.port2 ?? null, progressEveryMs };
      try {
        const result = await piscina.run(message, { ...(port === undefined ? {} : { transferList: [port.port2] }), ...(opts.signal === undefined ? {} : { signal: opts.signal }) });
        if (result === null) throw new Error('worker returned no result');
        return result;
      } finally {
        port?.port1.close();
      }
    },
    async ready() {
      await Promise.all(Array.from({ length: workers }, () => piscina.run({ type: 'ping' })));
    },
    async close() {
      await piscina.destroy();
    },
  };
}

function inThreadPool(progressEveryMs: number): ReplicationPool {
  return {
    workers: 1,
    inThread: true,
    async run(task, opts = {}) {
      // Let pending events (an abort) run before the synchronous replication.
      await new Promise((r) => setImmediate(r));
      opts.signal?.throwIfAborted();
      let last = 0;
      const onProgress = opts.onProgress;
      return runTask(task, onProgress === undefined ? undefined : (simTimeNs, events) => {
        const now = performance.now();
        if (now - last < progressEveryMs) return;
        last = now;
        onProgress({ replication: task.replication, simTimeNs, events });
      });
    },
    async ready() {},
    async close() {},
  };
}

/** What one task gave: a result, or the message of the error that failed it. */
export type TaskOutcome = { ok: true; result: ReplicationResult } | { ok: false; message: string };

export interface OrderedProgress {
  /** Tasks finished. */
  done: number;
  total: number;
  /** done plus the simulated fraction of the running tasks, over total (0–1). */
  fraction: number;
  /** Kernel events so far (finished + running tasks). */
  events: number;
}

/**
 * Run `tasks` on the pool, at most `window` (default 2 × workers) in flight, and hand each outcome
 * to `onOutcome` in task order (awaited, so a writer can stream). A task that throws fails alone;
 * an abort of `signal` stops everything and rejects with the abort reason once in-flight tasks have
 * settled.
 */
export async function runInOrder(
  pool: ReplicationPool,
  tasks: readonly PoolTask[],
  options: {
    signal?: AbortSignal;
    window?: number;
    onProgress?: (p: OrderedProgress) => void;
    onOutcome: (index: number, outcome: TaskOutcome) => Promise<void> | void;
  },
): Promise<void> {
  const { signal } = options;
  const window = Math.max(1, options.window ?? pool.workers * 2);
  type Settled = TaskOutcome | { aborted: true };
  const pending = new Map<number, Promise<Settled>>();
  const running = new Map<number, { fraction: number; events: number }>();
  let done = 0;
  let doneEvents = 0;
  const report = (): void => {
    if (options.onProgress === undefined) return;
    let fraction = done;
    let events = doneEvents;
    for (const r of running.values()) {
      fraction += r.fraction;
      events += r.events;
    }
    options.onProgress({ done, total: tasks.length, fraction: tasks.length > 0 ? fraction / tasks.length : 1, events });
  };
  const start = (i: number): void => {
    const task = tasks[i] as PoolTask;
    running.set(i, { fraction: 0, events: 0 });
    const onProgress = (p: TaskProgress): void => {
      running.set(i, { fraction: Math.min(1, p.simTimeNs / task.scenario.duration), events: p.events });
      report();
    };
    const settled: Promise<Settled> = pool.run(task, { ...(signal === undefined ? {} : { signal }), onProgress }).then(
      (result): Settled => {
        running.delete(i);
        done++;
        doneEvents += result.events;
        report();
        return { ok: true, result };
      },
      (error: unknown): Settled => {
        running.delete(i);
        if (signal?.aborted === true) return { aborted: true };
        done++;
        report();
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      },
    );
    pending.set(i, settled);
  };
  // Settled promises never reject, so leaving some behind on an error is safe.
  let next = 0;
  for (let emit = 0; emit < tasks.length; emit++) {
    while (next < tasks.length && next < emit + window && signal?.aborted !== true) start(next++);
    if (signal?.aborted === true) {
      await Promise.allSettled(pending.values());
      signal.throwIfAborted();
    }
    const outcome = await (pending.get(emit) as Promise<Settled>);
    pending.delete(emit);
    if ('aborted' in outcome) {
      await Promise.allSettled(pending.values());
      signal?.throwIfAborted();
      throw new Error('aborted');
    }
    await options.onOutcome(emit, outcome);
  }
}
