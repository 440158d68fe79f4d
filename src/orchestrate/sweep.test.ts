import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { loadScenario } from '../scenario/load.js';
import { createPool } from '../experiment/pool.js';
import { factorial, loadPoints, parseVary, runSweep } from './sweep.js';
import { csvFiles, ROOT, smallScenarioDir } from '../testing/test-helpers.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

const GATES = 'stations.0.entrances.0.gatelines.0.gates';

function expectSameCsvs(a: string, b: string): void {
  const ca = csvFiles(a);
  const cb = csvFiles(b);
  expect([...cb.keys()]).toEqual([...ca.keys()]);
  for (const [name, bytes] of ca) expect(bytes.equals(cb.get(name) as Buffer), name).toBe(true);
}

describe('--vary parsing', () => {
  it('lists, ranges and the full factorial', () => {
    expect(parseVary('a.b=1,2,x')).toEqual({ path: 'a.b', values: ['1', '2', 'x'] });
    expect(parseVary('g=0.1:0.3:0.1')).toEqual({ path: 'g', values: ['0.1', '0.2', '0.3'] });
    expect(parseVary('g=6:12:2')).toEqual({ path: 'g', values: ['6', '8', '10', '12'] });
    expect('error' in parseVary('g=1:2:0')).toBe(true);
    expect('error' in parseVary('g=')).toBe(true);
    expect('error' in parseVary('nothing')).toBe(true);
    expect(factorial([{ path: 'a', values: ['1', '2'] }, { path: 'b', values: ['x', 'y'] }])).toEqual([['1', 'x'], ['1', 'y'], ['2', 'x'], ['2', 'y']]);
  });
});

describe('tapsim sweep, shards, merge, resume', () => {
  it('shards 0/3, 1/3, 2/3 merged equal the unsharded sweep; mixed folders are refused', async () => {
    const { dir } = smallScenarioDir('sweep', 'replications: 2\n');
    const vary = ['--vary', `${GATES}=8,10`, '--vary', 'warmup=1 min,2 min'];
    const whole = await cli(['sweep', 'small.yaml', ...vary, '--out', 'whole', '--quiet', '--workers', '2'], dir);
    expect(whole.code, whole.err).toBe(0);
    expect(readdirSync(join(dir, 'whole')).sort()).toEqual(['columns.md', 'figures', 'index.html', 'report.json', 'scenario.resolved.json', 'sweep-summary.csv', 'sweep.csv', 'sweep.json']);
    const sweepCsv = readFileSync(join(dir, 'whole', 'sweep.csv'), 'utf8').trim().split('\n');
    expect(sweepCsv).toHaveLength(5);
    expect(sweepCsv[0]).toMatch(new RegExp(`^point,${GATES.replace(/\./g, '\\.')},warmup,n,`));
    // The printed results table and report path; `tapsim report` re-renders the same bytes.
    expect(whole.out).toMatch(/^results \(mean ± 95 % CI half-width over each point's replications\):\n  point  gates  warmup  n  gate open %/m);
    expect(whole.out).toMatch(/^  report +whole\/index\.html/m);
    const before = [join('whole', 'index.html'), ...readdirSync(join(dir, 'whole', 'figures')).map((f) => join('whole', 'figures', f))].map((f) => [f, readFileSync(join(dir, f))] as const);
    expect(before.length).toBeGreaterThan(1);
    const rerender = await cli(['report', 'whole'], dir);
    expect(rerender.code, rerender.err).toBe(0);
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
    for (let i = 0; i < 3; i++) {
      const r = await cli(['sweep', 'small.yaml', ...vary, '--shard', `${i}/3`, '--out', `s${i}`, '--quiet', '--workers', '1'], dir);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/partial folder/);
    }
    const merged = await cli(['merge', 's0', 's1', 's2', '--out', 'merged'], dir);
    expect(merged.code, merged.err).toBe(0);
    expectSameCsvs(join(dir, 'whole'), join(dir, 'merged'));
    // Incomplete set: names the missing shard.
    const missing = await cli(['merge', 's0', 's2', '--out', 'm2'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/jobs missing .*shard\(s\) 1\/3/);
    // Another seed: refused, naming the folder and what differs.
    expect((await cli(['sweep', 'small.yaml', ...vary, '--seed', '7', '--shard', '1/3', '--out', 'other', '--quiet', '--workers', '1'], dir)).code).toBe(0);
    const mixed = await cli(['merge', 's0', 'other', 's2', '--out', 'm3'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/other does not belong with s0: seed differs \(\d+ vs 7\)/);
    expect(mixed.err).not.toMatch(/\n\s+at /);
    const notPartial = await cli(['merge', 'whole', '--out', 'm4'], dir);
    expect(notPartial.code).toBe(2);
    expect(notPartial.err).toMatch(/whole is not a partial folder/);
    expect(existsSync(join(dir, 'm2')) || existsSync(join(dir, 'm3')) || existsSync(join(dir, 'm4'))).toBe(false);
  }, 60_000);

  it('a tied path a+b gives every one of its paths the point value', async () => {
    const { file } = smallScenarioDir('tied');
    const [point] = await loadPoints(file, [], [{ path: `${GATES} + stations.0.entrances.0.gatelines.0.balkQueueLength`, values: ['7'] }]);
    expect(point!.scenario.stations[0]!.entrances[0]!.gatelines[0]).toMatchObject({ gates: 7, balkQueueLength: 7 });
  });

  it('a sweep aborted half-way and resumed gives the same outputs', async () => {
    const { dir, file } = smallScenarioDir('resume', 'replications: 2\n');
    const loaded = await loadScenario(file);
    const vary = [{ path: GATES, values: ['6', '8', '10'] }];
    const points = await loadPoints(file, [], vary);
    const pool = createPool({ workers: 1, inThread: true });
    await runSweep(loaded, { outDir: join(dir, 'whole'), scenarioFile: 'small.yaml', vary, points, pool });
    const controller = new AbortController();
    await expect(
      runSweep(loaded, { outDir: join(dir, 'cut'), scenarioFile: 'small.yaml', vary, points, pool, signal: controller.signal, onProgress: (p) => { if (p.done >= 3) controller.abort(); } }),
    ).rejects.toThrow(/abort/i);
    const kept = readdirSync(join(dir, 'cut', 'jobs'));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(6);
    expect(existsSync(join(dir, 'cut', 'sweep.csv'))).toBe(false);
    const resumed = await runSweep(loaded, { outDir: join(dir, 'cut'), scenarioFile: 'small.yaml', vary, points, pool, resume: true });
    expect(resumed.jobsRun).toBe(6 - kept.length);
    expectSameCsvs(join(dir, 'whole'), join(dir, 'cut'));
    // Resuming with another experiment is refused.
    const other = await loadPoints(file, [], [{ path: GATES, values: ['6', '9'] }]);
    await runSweep(loaded, { outDir: join(dir, 'x'), scenarioFile: 'small.yaml', vary, points, pool, shard: { index: 0, count: 2 } });
    await expect(runSweep(loaded, { outDir: join(dir, 'x'), scenarioFile: 'small.yaml', vary: [{ path: GATES, values: ['6', '9'] }], points: other, pool, resume: true })).rejects.toThrow(/holds another experiment: --vary differs/);
    await pool.close();
  }, 60_000);

  it('the Slurm array script and the Kubernetes Indexed Job, run for every index, merge to the unsharded result', async () => {
    const { dir } = smallScenarioDir('deploy', 'replications: 2\n');
    const vary = `${GATES}=8,10`;
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const tapsim = `node ${tsx} ${join(ROOT, 'src', 'cli.ts')}`;
    expect((await cli(['sweep', 'small.yaml', '--vary', vary, '--out', 'whole', '--quiet', '--workers', '1'], dir)).code).toBe(0);
    const count = 2;
    for (let i = 0; i < count; i++) {
      execFileSync('bash', [join(ROOT, 'deploy', 'slurm', 'sweep.sbatch'), 'small.yaml'], {
        cwd: dir,
        env: { ...process.env, SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: String(count), TAPSIM: tapsim, TAPSIM_OUT: 'slurm', TAPSIM_VARY: vary },
        stdio: 'pipe',
      });
    }
    expect((await cli(['merge', 'slurm/shard-0', 'slurm/shard-1', '--out', 'slurm-merged'], dir)).code).toBe(0);
    expectSameCsvs(join(dir, 'whole'), join(dir, 'slurm-merged'));

    const job = parseYaml(readFileSync(join(ROOT, 'deploy', 'kubernetes', 'sweep-job.yaml'), 'utf8')) as {
      spec: { completionMode: string; completions: number; template: { spec: { containers: Array<{ command: string[]; args: string[]; env: Array<{ name: string; value: string }> }> } } };
    };
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    if (container === undefined) throw new Error('no container');
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    expect(Number(env['SHARDS'])).toBe(job.spec.completions);
    for (let i = 0; i < count; i++) {
      const [shell, ...flags] = container.command;
      execFileSync(shell as string, [...flags, ...container.args], {
        cwd: dir,
        env: { ...process.env, ...env, SHARDS: String(count), SCENARIO: 'small.yaml', VARY: vary, OUT_ROOT: 'k8s', WORKERS: '1', TAPSIM: tapsim, JOB_COMPLETION_INDEX: String(i) },
        stdio: 'pipe',
      });
    }
    expect((await cli(['merge', 'k8s/shard-0', 'k8s/shard-1', '--out', 'k8s-merged'], dir)).code).toBe(0);
    expectSameCsvs(join(dir, 'whole'), join(dir, 'k8s-merged'));
  }, 90_000);
});
