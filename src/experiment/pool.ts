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
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ResultDetail, WorkerPing, WorkerProgress, WorkerTask } from './messages.js';
import type { ReplicationResult } from './replication.js';
import { runTask } from './task.js';
import type { ResolvedScenario } from '../scenario/schema.js';

export interface PoolOptions {
  /** Threads (default os.availableParallelism()). */
  workers?: number;
  /** With workers = 1: run in the calling thread. */
  inThread?: boolean;
  /** Minimum wall time between progress messages from one task, ms (default 100). */
  progressEveryMs?: number;
}

export interface PoolTask {
  scenario: ResolvedScenario;
  replication: number;
  seed: number;
  detail: ResultDetail;
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

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The worker module and the execArgv its threads need (see the module comment). */
export function workerEntry(selfUrl: string = import.meta.url): { filename: string; execArgv: string[] } {
  if (selfUrl.endsWith('.ts')) {
    const tsx = createRequire(selfUrl).resolve('tsx');
    return { filename: new URL('./worker.ts', selfUrl).href, execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  return { filename: new URL('./worker.js', selfUrl).href, execArgv: [] };
}

export function createPool(options: PoolOptions = {}): ReplicationPool {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1 (got ${workers})`);
  const progressEveryMs = options.progressEveryMs ?? 100;
  if (workers === 1 && options.inThread === true) return inThreadPool(progressEveryMs);
  const entry = workerEntry();
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
