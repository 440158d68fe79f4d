/**
 * Jobs, shards and work folders. An experiment (a run or a sweep) is an ordered list of jobs
 * (point, replication), point-major. `--shard i/N` takes the jobs whose index k has k mod N = i:
 * deterministic, balanced, independent of worker count. A work folder holds `partial.json` (the
 * manifest: what experiment, which shard) and `jobs/p<point>-r<replication>.json`, one file per
 * finished job, each written atomically, so `--resume` skips finished jobs and `tapsim merge`
 * rebuilds exactly the folder an unsharded run writes. Every file carries the experiment's identity
 * and a content hash (integrity.ts); `readJob` checks both, so a job from another seed, shard,
 * point or build, or an edited or cut file, is refused by name instead of merged.
 *
 * The parts: jobs.ts (job order and shards), manifest.ts, job-files.ts, work-folder.ts and
 * input-error.ts; this file is their one entry.
 */
export { ExperimentInputError } from './input-error.js';
export { inShard, jobFileName, parseJobFileName, parseShard, type Shard } from './jobs.js';
export { currentTool, identityOf, jobIndex, manifestDifferences, readManifest, RESOLVED_FILE, type Manifest } from './manifest.js';
export { finishedJobs, locateJobs, readFinishedResult, readJob, type JobSource, type ReadJobOptions } from './job-files.js';
export { jobScenario, runWorkFolder, workFlags, type WorkFailure, type WorkPoint } from './work-folder.js';
