/**
 * Chaos: a small run and a small sweep stopped at deterministic points — through the test-only
 * fault hooks (after job k, during the final write) in-process, and by real SIGTERM, SIGINT and
 * SIGKILL sent to the CLI as a child process — then resumed with the command the message prints.
 * The CSVs and the fingerprint are byte-identical to an uninterrupted run (run.json and index.html
 * differ only in wall time and workers), and no folder holding run.json is ever incomplete
 * (issue 14 row 9). Also: a failing replication is reported with its seed while the others finish.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli/main.js';
import { createPool } from './experiment/pool.js';
import type { TestFaults } from './orchestrate/test-faults.js';
import { filesBelow, resultDifferences } from './testing/test-helpers.js';

const ROOT = join(import.meta.dirname, '..');
const SMALL = `name: small
duration: 2 min
replications: 4
seed: 7
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3000 }
        gatelines: [{ id: G, gates: 2, reader: r }]
`;
const RUN = ['run', 's.yaml', '--quiet', '--workers', '1'];
const SWEEP = ['sweep', 's.yaml', '--vary', 'stations.0.entrances.0.gatelines.0.gates=1,2', '--replications', '2', '--quiet', '--workers', '1'];

let base = '';
/** One in-thread pool for the in-process commands (the child processes use real threads). */
const pool = createPool({ workers: 1, inThread: true });

async function cli(args: readonly string[], testFaults?: TestFaults): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: base, pool, ...(testFaults === undefined ? {} : { testFaults }) });
  return { code, out, err };
}

/** The resume command the message printed, as argv for main(). */
function printedResume(err: string): string[] {
  const m = /resume with:\n {2}tapsim (.+)\n/.exec(err);
  if (m === null) throw new Error(`no resume command in: ${err}`);
  return (m[1] as string).split(' ');
}

/** Every folder below base that holds run.json or sweep.json (hidden temporary ones included) is the complete, right result. */
function expectNoIncompleteResult(): void {
  const folders = new Set(filesBelow(base).filter((f) => /(^|\/)(run|sweep)\.json$/.test(f) && !f.includes('fail')).map((f) => dirname(f)));
  for (const f of folders) {
    const reference = existsSync(join(base, f, 'sweep.json')) ? 'ref-sweep' : 'ref-run';
    expect(resultDifferences(join(base, reference), join(base, f)), f).toEqual([]);
  }
}

function jobsIn(dir: string): number {
  return existsSync(join(base, dir, 'jobs')) ? readdirSync(join(base, dir, 'jobs')).filter((n) => n.endsWith('.json') && !n.startsWith('.')).length : 0;
}

/** The CLI from source (tsx) as a child process; resolves with its exit once `stop` has been applied after `waitFor` appears on stderr. */
function child(args: readonly string[], faults: TestFaults, waitFor: string | undefined, stop: NodeJS.Signals | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const proc = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src', 'cli.ts'), ...args], { cwd: base, env: { ...process.env, TAPSIM_TEST_FAULTS: JSON.stringify(faults) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let sent = false;
  proc.stdout.resume();
  proc.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (!sent && stop !== undefined && waitFor !== undefined && err.includes(waitFor)) {
      sent = true;
      proc.kill(stop);
    }
  });
  return new Promise((resolve) => proc.on('close', (code, signal) => resolve({ code, signal, err })));
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'tapsim-chaos-'));
  writeFileSync(join(base, 's.yaml'), SMALL);
  const ref = await cli([...RUN, '--out', 'ref-run']);
  expect(ref.code, ref.err).toBe(0);
  const refSweep = await cli([...SWEEP, '--out', 'ref-sweep']);
  expect(refSweep.code, refSweep.err).toBe(0);
}, 60_000);

afterAll(async () => {
  await pool.close();
});

describe('chaos: stopped runs and sweeps resume to the uninterrupted result', () => {
  it('a run stopped after job 2 (fault hook): exit 130, 2 jobs kept, the printed resume command completes it byte-identically', async () => {
    const r = await cli([...RUN, '--out', 'cut'], { afterJobs: { count: 2, action: 'abort' } });
    expect(r.code).toBe(130);
    expect(r.err).toBe('tapsim: interrupted (SIGINT); the output folder was not written.\n2 finished job(s) are kept in cut/jobs/; resume with:\n  tapsim run s.yaml --quiet --workers 1 --out cut --resume\n');
    expect(jobsIn('cut')).toBe(2);
    expect(existsSync(join(base, 'cut', 'run.json'))).toBe(false);
    const resumed = await cli(printedResume(r.err));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resultDifferences(join(base, 'ref-run'), join(base, 'cut'))).toEqual([]);
  }, 30_000);

  it('a run stopped during the final write (fault hook): every job kept, no run.json, resumed byte-identically', async () => {
    const r = await cli([...RUN, '--out', 'late'], { finalWrite: { afterFiles: 3, action: 'abort' } });
    expect(r.code).toBe(130);
    expect(jobsIn('late')).toBe(4);
    expect(filesBelow(base).filter((f) => f.includes('late') && f.endsWith('run.json'))).toEqual([]);
    expect(readdirSync(base).filter((n) => n.startsWith('.late.tmp-'))).toEqual([]);
    const resumed = await cli(printedResume(r.err));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resultDifferences(join(base, 'ref-run'), join(base, 'late'))).toEqual([]);
  }, 30_000);

  it('a sweep stopped after job 1 and one stopped during its final write (fault hooks) resume byte-identically', async () => {
    const a = await cli([...SWEEP, '--out', 'sw-cut'], { afterJobs: { count: 1, action: 'abort' } });
    expect(a.code).toBe(130);
    expect(jobsIn('sw-cut')).toBe(1);
    const b = await cli([...SWEEP, '--out', 'sw-late'], { finalWrite: { afterFiles: 2, action: 'abort' } });
    expect(b.code).toBe(130);
    expect(jobsIn('sw-late')).toBe(4);
    for (const [dir, err] of [['sw-cut', a.err], ['sw-late', b.err]] as const) {
      expect(existsSync(join(base, dir, 'sweep.json'))).toBe(false);
      const resumed = await cli(printedResume(err));
      expect(resumed.code, resumed.err).toBe(0);
      expect(resultDifferences(join(base, 'ref-sweep'), join(base, dir))).toEqual([]);
    }
  }, 30_000);

  it('SIGTERM (real, to the CLI process) after job 2: exit 143, the resume command completes it byte-identically', async () => {
    const r = await child([...RUN, '--out', 'term'], { afterJobs: { count: 2, action: 'pause' } }, 'paused after job 2', 'SIGTERM');
    expect(r.code, r.err).toBe(143);
    expect(r.err).toMatch(/tapsim: interrupted \(SIGTERM\); the output folder was not written\.\n2 finished job\(s\) are kept in term\/jobs\/; resume with:\n {2}tapsim run s\.yaml --quiet --workers 1 --out term --resume\n$/);
    expect(jobsIn('term')).toBe(2);
    const resumed = await cli(printedResume(r.err));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resultDifferences(join(base, 'ref-run'), join(base, 'term'))).toEqual([]);
  }, 60_000);

  it('SIGINT (real) to a sweep after job 1: exit 130, resumed byte-identically', async () => {
    const r = await child([...SWEEP, '--out', 'sw-int'], { afterJobs: { count: 1, action: 'pause' } }, 'paused after job 1', 'SIGINT');
    expect(r.code, r.err).toBe(130);
    expect(r.err).toMatch(/interrupted \(SIGINT\)/);
    const resumed = await cli(printedResume(r.err));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resultDifferences(join(base, 'ref-sweep'), join(base, 'sw-int'))).toEqual([]);
  }, 60_000);

  it('SIGKILL (real) in the middle of the final write: the jobs survive, the stale temporary folder is removed at the next run, --resume completes it byte-identically; no folder with run.json is ever incomplete', async () => {
    const r = await child([...RUN, '--out', 'kill'], { finalWrite: { afterFiles: 4, action: 'pause' } }, 'paused in the final write', 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(jobsIn('kill')).toBe(4);
    const stale = readdirSync(base).filter((n) => n.startsWith('.kill.tmp-'));
    expect(stale).toHaveLength(1);
    expect(readdirSync(join(base, stale[0] as string)).sort()).toEqual(['backend.csv', 'gates.csv', 'transactions.csv']);
    expectNoIncompleteResult();
    const resumed = await cli([...RUN, '--out', 'kill', '--resume']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toMatch(new RegExp(`^tapsim: removed \\${stale[0] as string}, left by an interrupted run\\n`));
    expect(resultDifferences(join(base, 'ref-run'), join(base, 'kill'))).toEqual([]);
    expect(readdirSync(base).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expectNoIncompleteResult();
  }, 60_000);

  it('a failing replication (fault hook) is reported with its seed while the others finish: exit 1', async () => {
    const r = await cli([...RUN, '--out', 'fail'], { failReplications: [1] });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^tapsim: replication 1 \(seed 7\) failed: test fault: replication 1 made to fail/m);
    const runJson = JSON.parse(readFileSync(join(base, 'fail', 'run.json'), 'utf8')) as { failures: Array<{ replication: number; seed: number }> };
    expect(runJson.failures.map((f) => [f.replication, f.seed])).toEqual([[1, 7]]);
    expect(readFileSync(join(base, 'fail', 'summary.csv'), 'utf8').trim().split('\n').map((l) => l.split(',')[0])).toEqual(['replication', '0', '2', '3']);
    const again = await cli([...RUN, '--out', 'fail', '--resume']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/fail holds this run, finished with 1 failed replication\(s\); its jobs are gone: use --force instead of --resume/);
    const s = await cli([...SWEEP, '--out', 'sw-fail'], { failReplications: [0] });
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/point 0 replication 0 \(seed 7\) failed: test fault/);
    expect(s.err).toMatch(/point 1 replication 0 \(seed 7\) failed: test fault/);
  }, 30_000);
});
