import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { parseCsv } from '../report/csv-read.js';
import { ROOT, smallScenarioDir } from '../testing/test-helpers.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, inThread: true });
  return { code, out, err };
}

const GATES = 'stations.0.entrances.0.gatelines.0.gates';

/** The README's example queries (README.md, "Queries"), word for word. */
const WAIT_BY_GATELINE = 'SELECT point, gateline, max(wait_p95_s) AS worst_wait_p95_s FROM gates GROUP BY ALL ORDER BY ALL';
const CAUSES_BY_BAND = "SELECT point, band, cause, count(*) AS taps FROM transactions WHERE outcome = 'failure' GROUP BY ALL ORDER BY ALL";

/** The rows of a CSV file as objects. */
function csvObjects(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('tapsim query', () => {
  it("answers the README's example queries over a sweep with outputs.pointTables, from each point's per-tap rows", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(WAIT_BY_GATELINE);
    expect(readme).toContain(CAUSES_BY_BAND);
    const { dir } = smallScenarioDir('query', 'replications: 1\noutputs: { format: [csv, parquet], pointTables: true }\n');
    const sweep = await cli(['sweep', 'small.yaml', '--vary', `${GATES}=3,6`, '--set', 'duration=2 min', '--out', 'sw', '--quiet'], dir);
    expect(sweep.code, sweep.err).toBe(0);
    expect(readdirSync(join(dir, 'sw', 'points')).sort()).toEqual(['p0', 'p1']);
    expect(readdirSync(join(dir, 'sw', 'points', 'p1')).sort()).toEqual(['gates.parquet', 'transactions.parquet']);
    // Point 1 run on its own: the point tables hold its rows.
    const run = await cli(['run', 'small.yaml', '--set', `${GATES}=6`, '--set', 'duration=2 min', '--out', 'p1', '--quiet'], dir);
    expect(run.code, run.err).toBe(0);
    const gates = csvObjects(join(dir, 'p1', 'gates.csv'));
    const taps = csvObjects(join(dir, 'p1', 'transactions.csv'));

    const wait = await cli(['query', 'sw', WAIT_BY_GATELINE, '--csv', 'wait.csv'], dir);
    expect(wait.code, wait.err).toBe(0);
    const waitRows = csvObjects(join(dir, 'wait.csv'));
    expect(new Set(waitRows.map((r) => r['point']))).toEqual(new Set(['0', '1']));
    const worst = new Map<string, number>();
    for (const g of gates) worst.set(g['gateline'] as string, Math.max(worst.get(g['gateline'] as string) ?? -Infinity, Number(g['wait_p95_s'])));
    const expectedWait = [...worst].sort().map(([gateline, w]) => ({ point: '1', gateline, worst_wait_p95_s: String(w) }));
    expect(waitRows.filter((r) => r['point'] === '1').map((r) => ({ ...r, worst_wait_p95_s: String(Number(r['worst_wait_p95_s'])) }))).toEqual(expectedWait);

    const causes = await cli(['query', 'sw', CAUSES_BY_BAND, '--csv', 'causes.csv'], dir);
    expect(causes.code, causes.err).toBe(0);
    const counts = new Map<string, number>();
    for (const t of taps) if (t['outcome'] === 'failure') counts.set(`${t['band']},${t['cause']}`, (counts.get(`${t['band']},${t['cause']}`) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(0);
    const expectedCauses = [...counts].sort().map(([k, n]) => `1,${k},${n}`);
    expect(readFileSync(join(dir, 'causes.csv'), 'utf8').trim().split('\n').filter((l) => l.startsWith('1,'))).toEqual(expectedCauses);

    // The printed form: an aligned table with a dashed line under the header.
    const printed = await cli(['query', 'sw', 'SELECT point, count(*) AS taps FROM transactions GROUP BY point ORDER BY point'], dir);
    expect(printed.code, printed.err).toBe(0);
    expect(printed.out.split('\n').slice(0, 2)).toEqual(['point  taps', '-----  ----']);
    expect(printed.out).toMatch(new RegExp(`^    1 +${taps.length}$`, 'm'));
  }, 120_000);

  it('a CSV-only run folder is queried through typed views; bad folders and bad SQL are one sentence, exit 2', async () => {
    const { dir } = smallScenarioDir('query-csv', 'replications: 1\n');
    const run = await cli(['run', 'small.yaml', '--set', 'duration=2 min', '--out', 'run', '--quiet'], dir);
    expect(run.code, run.err).toBe(0);
    const typed = await cli(['query', 'run', "SELECT typeof(replication) AS r, typeof(t_s) AS t, typeof(cause) AS c FROM transactions LIMIT 1"], dir);
    expect(typed.code, typed.err).toBe(0);
    expect(typed.out).toMatch(/^BIGINT +DOUBLE +VARCHAR$/m);
    const badSql = await cli(['query', 'run', 'SELEC 1'], dir);
    expect(badSql.code).toBe(2);
    expect(badSql.err).toMatch(/^tapsim: query: the SQL does not run over run: Parser Error: .*SELEC.*the views of this folder: backend, gate_capacity, gates, latency, service_times, summary, summary_ci, transactions\)\n$/);
    const noTable = await cli(['query', 'run', 'SELECT * FROM sweep'], dir);
    expect(noTable.code).toBe(2);
    expect(noTable.err).toMatch(/sweep/);
    const notFolder = await cli(['query', '.', 'SELECT 1'], dir);
    expect(notFolder.code).toBe(2);
    expect(notFolder.err).toMatch(/^tapsim: query: \. is not a finished run, sweep or compare folder/);
    const missing = await cli(['query', 'nowhere', 'SELECT 1'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nowhere does not exist/);
    for (const r of [badSql, noTable, notFolder, missing]) expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
