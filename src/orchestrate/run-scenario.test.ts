import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { createPool } from '../experiment/pool.js';
import { runScenario } from './run-scenario.js';
import { mergeFolders } from './merge.js';
import { csvFiles, smallScenarioDir } from '../testing/test-helpers.js';

describe('runScenario', () => {
  it('writes every output; 1 worker (in-thread), 1 thread and 2 threads give byte-identical CSVs and fingerprint', async () => {
    const { dir, file } = smallScenarioDir('det');
    const loaded = await loadScenario(file);
    const a = await runScenario(loaded, { outDir: join(dir, 'a'), workers: 1, inThread: true });
    const b = await runScenario(loaded, { outDir: join(dir, 'b'), workers: 2 });
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['backend.csv', 'columns.md', 'figures', 'gate-capacity.csv', 'gates.csv', 'index.html', 'latency.csv', 'run.json', 'scenario.resolved.json', 'service-times.csv', 'summary-ci.csv', 'summary.csv', 'transactions.csv']);
    expect(a.runJson.fingerprint).toBe(b.runJson.fingerprint);
    expect(b.runJson.workers).toBe(2);
    const ca = csvFiles(join(dir, 'a'));
    const cb = csvFiles(join(dir, 'b'));
    expect([...ca.keys()]).toEqual([...cb.keys()]);
    for (const [name, bytes] of ca) expect(bytes.equals(cb.get(name) as Buffer), name).toBe(true);
    // Only timings differ in run.json.
    const strip = (d: string): unknown => ({ ...JSON.parse(readFileSync(join(dir, d, 'run.json'), 'utf8')), wallTimeS: 0, workers: 0 });
    expect(strip('a')).toEqual(strip('b'));
    // transactions.csv: replication order, then time order; outcome follows cause.
    const lines = readFileSync(join(dir, 'a', 'transactions.csv'), 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const [outcome, cause] = [header.indexOf('outcome'), header.indexOf('cause')];
    const rows = lines.slice(1).map((l) => l.split(','));
    for (let i = 1; i < rows.length; i++) {
      const [r0, t0] = [Number(rows[i - 1]?.[0]), Number(rows[i - 1]?.[1])];
      const [r1, t1] = [Number(rows[i]?.[0]), Number(rows[i]?.[1])];
      expect(r1 > r0 || (r1 === r0 && t1 >= t0)).toBe(true);
    }
    for (const row of rows) expect(row[outcome]).toBe(row[cause] === 'ok' || row[cause] === 'wrong-gate' ? 'success' : 'failure');
    const ci = readFileSync(join(dir, 'a', 'summary-ci.csv'), 'utf8').split('\n');
    expect(ci[0]).toBe('metric,n,mean,sd,ci95_half_width,ci95_lower,ci95_upper');
    const columns = readFileSync(join(dir, 'a', 'columns.md'), 'utf8');
    for (const name of ['transactions.csv', 'gates.csv', 'backend.csv', 'latency.csv', 'summary-ci.csv']) {
      const header = readFileSync(join(dir, 'a', name), 'utf8').split('\n')[0]?.split(',') ?? [];
      for (const col of header) expect(columns, `${name} ${col}`).toContain(`| \`${col}\` |`);
    }
  });

  it('leaves out transactions.csv when outputs.transactions is false', async () => {
    const { dir, file } = smallScenarioDir('notx', 'outputs: { transactions: false }\n');
    await runScenario(await loadScenario(file), { outDir: join(dir, 'o'), workers: 1, inThread: true });
    expect(existsSync(join(dir, 'o', 'transactions.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'o', 'columns.md'), 'utf8')).not.toContain('transactions.csv');
  });

  it('--until-ci adds batches of replications until the relative half-width is met (or the cap)', async () => {
    const { dir, file } = smallScenarioDir('ci', 'replications: 2\n');
    const loaded = await loadScenario(file);
    const loose = await runScenario(loaded, { outDir: join(dir, 'loose'), workers: 1, inThread: true, untilCi: [{ metric: 'passengers_arrived', relativeHalfWidth: 0.5 }] });
    expect(loose.runJson.replications).toBe(2);
    expect(loose.runJson.untilCi?.[0]?.met).toBe(true);
    const tight = await runScenario(loaded, { outDir: join(dir, 'tight'), workers: 1, inThread: true, maxReplications: 6, untilCi: [{ metric: 'passengers_arrived', relativeHalfWidth: 1e-6 }] });
    expect(tight.runJson.replications).toBe(6);
    expect(tight.runJson.untilCi?.[0]?.met).toBe(false);
    // The first replications are the same ones a plain run gives.
    const summary = readFileSync(join(dir, 'tight', 'summary.csv'), 'utf8').split('\n');
    expect(summary.slice(0, 3)).toEqual(readFileSync(join(dir, 'loose', 'summary.csv'), 'utf8').split('\n').slice(0, 3));
    await expect(runScenario(loaded, { outDir: join(dir, 'bad'), workers: 1, inThread: true, untilCi: [{ metric: 'nope', relativeHalfWidth: 0.1 }] })).rejects.toThrow(/no metric "nope"; did you mean "[a-z_0-9]+"/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('a failing replication is reported with its seed while the others are written', async () => {
    const { dir, file } = smallScenarioDir('fail');
    const loaded = await loadScenario(file);
    const pool = createPool({ workers: 1, inThread: true });
    const real = pool.run.bind(pool);
    const flaky = { ...pool, run: (task: Parameters<typeof pool.run>[0], o?: Parameters<typeof pool.run>[1]) => (task.replication === 1 ? Promise.reject(new Error('boom in replication 1')) : real(task, o)) };
    const out = await runScenario(loaded, { outDir: join(dir, 'o'), pool: flaky });
    expect(out.failures).toEqual([{ replication: 1, seed: loaded.scenario.seed, message: 'boom in replication 1' }]);
    const summary = readFileSync(join(dir, 'o', 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary.map((l) => l.split(',')[0])).toEqual(['replication', '0', '2']);
  });

  it('an abort leaves nothing half-written', async () => {
    const { dir, file } = smallScenarioDir('abort', 'replications: 8\n');
    const loaded = await loadScenario(file);
    const controller = new AbortController();
    const promise = runScenario(loaded, {
      outDir: join(dir, 'o'),
      workers: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 2) controller.abort();
      },
    });
    await expect(promise).rejects.toThrow(/abort/i);
    expect(readdirSync(dir)).toEqual(['small.yaml']);
  });

  it('shards 0/3, 1/3, 2/3 merged equal the unsharded run; --resume finishes an interrupted run', async () => {
    const { dir, file } = smallScenarioDir('rshard', 'replications: 4\n');
    const loaded = await loadScenario(file);
    const pool = createPool({ workers: 1, inThread: true });
    const whole = await runScenario(loaded, { outDir: join(dir, 'whole'), pool });
    for (let i = 0; i < 3; i++) {
      const part = await runScenario(loaded, { outDir: join(dir, `s${i}`), pool, shard: { index: i, count: 3 } });
      expect(part.partial).toBe(true);
    }
    const merged = await mergeFolders([0, 1, 2].map((i) => join(dir, `s${i}`)), join(dir, 'merged'));
    expect(merged.kind === 'run' && merged.runJson.fingerprint).toBe(whole.runJson.fingerprint);
    const cw = csvFiles(join(dir, 'whole'));
    const cm = csvFiles(join(dir, 'merged'));
    expect([...cm.keys()]).toEqual([...cw.keys()]);
    for (const [name, bytes] of cw) expect(bytes.equals(cm.get(name) as Buffer), name).toBe(true);
    expect(readFileSync(join(dir, 'merged', 'scenario.resolved.json')).equals(readFileSync(join(dir, 'whole', 'scenario.resolved.json')))).toBe(true);
    // Interrupted: only shard 0/2's jobs are there; --resume runs the rest and assembles.
    await runScenario(loaded, { outDir: join(dir, 'resumed'), pool, shard: { index: 0, count: 2 } });
    expect(readdirSync(join(dir, 'resumed', 'jobs'))).toHaveLength(2);
    const resumed = await runScenario(loaded, { outDir: join(dir, 'resumed'), pool, resume: true });
    expect(resumed.runJson.fingerprint).toBe(whole.runJson.fingerprint);
    expect(existsSync(join(dir, 'resumed', 'jobs'))).toBe(false);
    for (const [name, bytes] of cw) expect(bytes.equals(readFileSync(join(dir, 'resumed', name))), name).toBe(true);
    await pool.close();
  });
});
