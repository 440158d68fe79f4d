/**
 * TEST-ONLY fault hooks, so `npm test` can exercise the failure paths at deterministic points:
 * a replication that throws, a stop after the k-th job file, a stop or a SIGKILL in the middle of
 * the final write of the output folder. Never set them outside tests.
 *
 * Given to `main()` as `io.testFaults`, or to the built CLI (a child process) as the environment
 * variable TAPSIM_TEST_FAULTS holding the same object as JSON, e.g.
 * `{"afterJobs":{"count":2,"action":"pause"}}`. The stops work through the file-system seam
 * (report/file-system.ts): a wrapper counts the job files renamed into jobs/ and the files created
 * inside a temporary output folder.
 */
import { basename, dirname, sep } from 'node:path';
import type { FileSystem } from '../report/file-system.js';

export interface TestFaults {
  /** These replication indices (of every point) throw in the worker instead of running. */
  failReplications?: number[];
  /**
   * After the `count`-th job file is written to jobs/: `abort` (as Ctrl-C), or `pause` — print
   * "test fault: paused after job <count>" on stderr and wait (up to 60 s) for a real signal.
   */
  afterJobs?: { count: number; action: 'abort' | 'pause' };
  /**
   * When the `afterFiles`-th file is created inside the temporary output folder: `abort` (as
   * Ctrl-C), `kill` (SIGKILL itself), or `pause` — print "test fault: paused in the final write"
   * and wait (up to 60 s) for a real signal (at the first whole-file write from there on).
   */
  finalWrite?: { afterFiles: number; action: 'abort' | 'kill' | 'pause' };
}

/** TAPSIM_TEST_FAULTS → faults; an error sentence for text that is not such an object. */
export function parseTestFaults(text: string | undefined): TestFaults | { error: string } {
  if (text === undefined || text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { error: `TAPSIM_TEST_FAULTS is not JSON (got "${text}"); it is a test-only hook: unset it` };
  }
  const f = v as TestFaults;
  const okList = f.failReplications === undefined || (Array.isArray(f.failReplications) && f.failReplications.every((r) => Number.isInteger(r) && r >= 0));
  const okAfter = f.afterJobs === undefined || (Number.isInteger(f.afterJobs.count) && f.afterJobs.count >= 1 && ['abort', 'pause'].includes(f.afterJobs.action));
  const okFinal = f.finalWrite === undefined || (Number.isInteger(f.finalWrite.afterFiles) && f.finalWrite.afterFiles >= 1 && ['abort', 'kill', 'pause'].includes(f.finalWrite.action));
  if (typeof v !== 'object' || v === null || !okList || !okAfter || !okFinal) return { error: `TAPSIM_TEST_FAULTS: expected {"failReplications":[…],"afterJobs":{"count":k,"action":"abort|pause"},"finalWrite":{"afterFiles":n,"action":"abort|kill|pause"}} (got ${text}); it is a test-only hook: unset it` };
  return f;
}

export function needsFileSystem(faults: TestFaults): boolean {
  return faults.afterJobs !== undefined || faults.finalWrite !== undefined;
}

/** Is `path` inside a temporary output folder (`.<name>.tmp-…/` as a folder of the path)? */
function insideTempFolder(path: string): boolean {
  return dirname(path).split(sep).some((segment) => /^\..+\.tmp-/.test(segment));
}

/**
 * `base` with the stops of `faults`: `stop()` is what Ctrl-C does; `signal` ends a pause early;
 * `note` prints a line on stderr.
 */
export function faultyFileSystem(base: FileSystem, faults: TestFaults, hooks: { stop: () => void; signal: AbortSignal; note: (line: string) => void }): FileSystem {
  let jobs = 0;
  let files = 0;
  let pausePending = false;
  const pause = async (what: string): Promise<void> => {
    hooks.note(`test fault: paused ${what}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 60_000);
      hooks.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  };
  /** A file is being created at `path`; `canWait`: the caller can await a pause. */
  const created = async (path: string, canWait: boolean): Promise<void> => {
    if (faults.finalWrite === undefined || !insideTempFolder(path)) return;
    files++;
    if (files === faults.finalWrite.afterFiles) {
      if (faults.finalWrite.action === 'kill') process.kill(process.pid, 'SIGKILL');
      else if (faults.finalWrite.action === 'abort') hooks.stop();
      else pausePending = true;
    }
    if (pausePending && canWait) {
      pausePending = false;
      await pause('in the final write');
    }
  };
  return {
    mkdir: (path, options) => base.mkdir(path, options),
    readdir: (path) => base.readdir(path),
    readFile: (path) => base.readFile(path),
    rm: (path, options) => base.rm(path, options),
    stat: (path) => base.stat(path),
    async writeFile(path, content) {
      await created(path, true);
      await base.writeFile(path, content);
    },
    createWriteStream(path) {
      void created(path, false);
      return base.createWriteStream(path);
    },
    async rename(from, to) {
      await base.rename(from, to);
      if (faults.afterJobs === undefined || basename(dirname(to)) !== 'jobs' || !/^p\d+-r\d+\.json$/.test(basename(to))) return;
      jobs++;
      if (jobs !== faults.afterJobs.count) return;
      if (faults.afterJobs.action === 'abort') {
        hooks.stop();
        return;
      }
      await pause(`after job ${jobs}`);
    },
  };
}
