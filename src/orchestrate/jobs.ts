/** Jobs and shards: an experiment is an ordered list of jobs (point, replication), point-major; `--shard i/N` takes every N-th. */

export interface Shard {
  index: number;
  count: number;
}

/** Parse `i/N` (0 ≤ i < N). Returns an error message for bad text. */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return { error: `expected i/N, e.g. 0/4 (got "${text}")` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 100000) return { error: `N must be from 1 to 100000 (got "${text}"); e.g. 0/4 is the first of four shards` };
  if (index >= count) return { error: `i must be from 0 to N − 1 = ${count - 1} (got "${text}"); shards are numbered from 0` };
  return { index, count };
}

export function inShard(jobIndex: number, shard: Shard | undefined): boolean {
  return shard === undefined || jobIndex % shard.count === shard.index;
}

export interface JobRef {
  point: number;
  replication: number;
}

export function jobFileName(job: JobRef): string {
  return `p${String(job.point).padStart(5, '0')}-r${String(job.replication).padStart(5, '0')}.json`;
}

/** `p00012-r00003.json` → { point: 12, replication: 3 }. */
export function parseJobFileName(name: string): JobRef | undefined {
  const m = /^p(\d+)-r(\d+)\.json$/.exec(name);
  return m === null ? undefined : { point: Number(m[1]), replication: Number(m[2]) };
}
