/** The job files of a finished sweep read back point by point (sweep.ts assembles the folder from them). */
import { formatNumber } from '../report/write.js';
import type { ReplicationResult } from '../experiment/replication.js';
import { jobFileName, locateJobs, readJob, type JobSource, type Manifest, type ReadJobOptions, type WorkFailure } from './shard.js';

export type SweepRow = { keys: string[]; point: number; replication: number; seed: number; events: number; metrics: Record<string, number>; fingerprint: string };

/** Read every job of the manifest (each checked by readJob), point by point; `onResult` sees each full result (the point tables). */
export async function readSweepJobs(
  manifest: Manifest,
  sources: readonly JobSource[],
  failures: WorkFailure[],
  meta: { readOptions?: ReadJobOptions; signal?: AbortSignal },
  onResult?: (point: number, result: ReplicationResult) => Promise<void>,
): Promise<SweepRow[]> {
  const where = await locateJobs(sources);
  const rows: SweepRow[] = [];
  for (let p = 0; p < manifest.points.length; p++) {
    const point = manifest.points[p] as Manifest['points'][number];
    for (let r = 0; r < point.replications; r++) {
      const job = { point: p, replication: r };
      const source = where.get(jobFileName(job));
      if (source === undefined) {
        if (!failures.some((f) => f.point === p && f.replication === r)) failures.push({ ...job, seed: manifest.seed, message: 'no result' });
        continue;
      }
      meta.signal?.throwIfAborted();
      const result = await readJob(source, job, meta.readOptions);
      await onResult?.(p, result);
      rows.push({ keys: [formatNumber(p), ...point.values], point: p, replication: r, seed: result.seed, events: result.events, metrics: result.metrics, fingerprint: result.fingerprint });
    }
  }
  return rows;
}

