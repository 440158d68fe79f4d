/**
 * Issue 19: a worker formats its replication's CSV rows and a job file keeps them as part files.
 * Runs on a real worker thread (the CSV-formatting worker, from source): the folder is
 * byte-identical to one written in the calling thread (rows formatted there), sharded and merged
 * or not; a damaged, cut or missing part file is refused with a sentence naming it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { createPool } from '../experiment/pool.js';
import { loadScenario } from '../scenario/load.js';
import { resultDifferences } from '../testing/test-helpers.js';
import { createCsvPool } from './csv-pool.js';
import { runScenario } from './run-scenario.js';

const SCENARIO = `name: tiny
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

let root = '';

async function cli(args: string[], cwd: string): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, { stdout: () => {}, stderr: (t) => (err += t), cwd });
  return { code, err };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tapsim-parts-'));
  const file = join(root, 'tiny.yaml');
  writeFileSync(file, SCENARIO);
  const loaded = await loadScenario(file);
  const inThread = createPool({ workers: 1, inThread: true });
  await runScenario(loaded, { outDir: join(root, 'ref'), pool: inThread, scenarioFile: 'tiny.yaml' });
  await inThread.close();
  const threads = createCsvPool({ workers: 1 });
  try {
    await runScenario(loaded, { outDir: join(root, 'streamed'), pool: threads, scenarioFile: 'tiny.yaml' });
    await runScenario(loaded, { outDir: join(root, 'kept'), pool: threads, scenarioFile: 'tiny.yaml', keepJobs: true });
    for (let i = 0; i < 2; i++) await runScenario(loaded, { outDir: join(root, `s${i}`), pool: threads, shard: { index: i, count: 2 }, scenarioFile: 'tiny.yaml' });
  } finally {
    await threads.close();
  }
}, 60_000);

const part = (shard: string, replication: number, table: string): string => join(shard, 'jobs', `p00000-r${String(replication).padStart(5, '0')}.${table}.csv`);

describe('CSV rows formatted in the worker', () => {
  it('streamed, kept as jobs, or sharded and merged: byte-identical to rows formatted in the calling thread', async () => {
    expect(resultDifferences(join(root, 'ref'), join(root, 'streamed'))).toEqual([]);
    expect(resultDifferences(join(root, 'ref'), join(root, 'kept'))).toEqual([]);
    expect(readdirSync(join(root, 's1', 'jobs')).sort()).toEqual(['p00000-r00001.backend.csv', 'p00000-r00001.gates.csv', 'p00000-r00001.json', 'p00000-r00001.transactions.csv', 'p00000-r00003.backend.csv', 'p00000-r00003.gates.csv', 'p00000-r00003.json', 'p00000-r00003.transactions.csv']);
    const job = readFileSync(join(root, 's1', 'jobs', 'p00000-r00001.json'), 'utf8');
    expect(job).toContain('"csvParts":');
    expect(job).toContain('"transactions":null');
    const merged = await cli(['merge', 's0', 's1', '--out', 'merged'], root);
    expect(merged.code, merged.err).toBe(0);
    expect(resultDifferences(join(root, 'ref'), join(root, 'merged'))).toEqual([]);
  });

  const damage: Array<[string, string, (path: string) => void]> = [
    ['a transactions part cut short', part('s1', 3, 'transactions'), (p) => writeFileSync(p, readFileSync(p, 'utf8').slice(0, 40))],
    ['a digit changed in a gates part', part('s0', 0, 'gates'), (p) => writeFileSync(p, readFileSync(p, 'utf8').replace(/\d(?=[^\d]*$)/, (d) => String((Number(d) + 1) % 10)))],
    ['a backend part deleted', part('s0', 2, 'backend'), (p) => rmSync(p)],
    ['a part copied from another replication', part('s1', 1, 'gates'), (p) => cpSync(p.replace('r00001', 'r00003'), p)],
  ];
  for (const [what, rel, change] of damage) {
    it(`${what}: merge refuses, naming the part file, and writes nothing`, async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'tapsim-parts-mut-'));
      for (const s of ['s0', 's1']) cpSync(join(root, s), join(scratch, s), { recursive: true });
      change(join(scratch, rel));
      const r = await cli(['merge', 's0', 's1', '--out', 'merged'], scratch);
      expect(r.code).toBe(2);
      expect(r.err).toContain(rel.split('/').pop());
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(join(scratch, 'merged'))).toBe(false);
    });
  }
});
