/** What a command reads and writes through: the caller's streams, folder, signal and test seams. */
import { isAbsolute, resolve, sep } from 'node:path';
import type { ScenarioIssue } from '../scenario/errors.js';
import type { FileSystem } from '../report/write.js';
import type { ReplicationPool } from '../experiment/pool.js';
import type { TestFaults } from '../orchestrate/test-faults.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Stream for the progress bar (default process.stderr). */
  progressStream?: NodeJS.WritableStream;
  /** Base folder for relative paths and results/ (default process.cwd()). */
  cwd?: string;
  /** Cancels a command (default: Ctrl-C / SIGINT or SIGTERM while the command runs). */
  signal?: AbortSignal;
  /** `run` replications in the calling thread, one at a time (tests: no thread start-up). */
  inThread?: boolean;
  /** File system for every file the command writes or reads back (default Node's; tests inject failures). */
  fs?: FileSystem;
  /** TEST-ONLY fault hooks (orchestrate/test-faults.ts; default: the TAPSIM_TEST_FAULTS environment variable). */
  testFaults?: TestFaults;
  /** A pool that run and sweep use instead of starting threads (tests share one; not closed here). */
  pool?: ReplicationPool;
}

/** The caller's io with the process defaults filled in (`fs` is installed by main, not kept here). */
export function completeIo(ioIn: Partial<CliIo>): CliIo {
  return {
    stdout: ioIn.stdout ?? ((t) => process.stdout.write(t)),
    stderr: ioIn.stderr ?? ((t) => process.stderr.write(t)),
    progressStream: ioIn.progressStream ?? process.stderr,
    cwd: ioIn.cwd ?? process.cwd(),
    ...(ioIn.signal === undefined ? {} : { signal: ioIn.signal }),
    ...(ioIn.testFaults === undefined ? {} : { testFaults: ioIn.testFaults }),
    ...(ioIn.pool === undefined ? {} : { pool: ioIn.pool }),
    ...(ioIn.inThread === true ? { inThread: true } : {}),
  };
}

export function abs(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd ?? '.', path);
}

/** Show files relative to the working folder, as the user typed them. */
export function relativeIssue(issue: ScenarioIssue, io: CliIo): ScenarioIssue {
  const base = (io.cwd ?? '.') + sep;
  return issue.file.startsWith(base) ? { ...issue, file: issue.file.slice(base.length) } : issue;
}
