/**
 * service-times.csv, gate-capacity.csv and `tapsim export service-times` on a small run with
 * fallbacks (one tap attempt, then another gate, then the service desk): shares sum to 1,
 * capacity = 3600 / mean, the slice means average to the mean, every format parses, and bad
 * input exits 2 with one sentence.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../cli/main.js';
import { parseCsv } from '../csv-read.js';
import { xmlProblem } from '../../testing/xml-check.js';
import { EXPORT_FORMATS } from './formats.js';

const SCENARIO = `name: gates-with-fallbacks
duration: 4 min
warmup: 1 min
seed: 7
carriers: [{ id: phone, kind: dual-sim, share: 1 }]
readers: [{ id: r, bands: [2.45GHz], rcc: { lfControl: true, triggerDistance: 5 cm } }]
retry: { maxTaps: 1, fallback: other-gate }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3600 }
        gatelines: [{ id: G, gates: 3, pitch: 0.65 m, reader: r }]
`;

const base = mkdtempSync(join(tmpdir(), 'tapsim-export-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: base, inThread: true });
  return { code, out, err };
}

const records = (file: string): Array<Record<string, string>> => {
  const [head, ...rows] = parseCsv(readFileSync(join(base, 'run', file), 'utf8'));
  return rows.map((r) => Object.fromEntries(head!.map((c, i) => [c, r[i]!])));
};

beforeAll(async () => {
  writeFileSync(join(base, 's.yaml'), SCENARIO);
  const r = await cli(['run', 's.yaml', '--out', 'run', '--quiet', '--replications', '2']);
  expect(r.code, r.err).toBe(0);
}, 60_000);

describe('service-times.csv and gate-capacity.csv', () => {
  test('branches of one (gateline, carrier, band) have shares summing to 1, and the all row counts every visit', () => {
    const rows = records('service-times.csv').filter((r) => r['p'] === '0');
    const groups = new Map<string, number>();
    for (const r of rows.filter((r) => r['carrier'] !== 'all')) groups.set(`${r['carrier']}|${r['band']}`, (groups.get(`${r['carrier']}|${r['band']}`) ?? 0) + Number(r['share']));
    expect(groups.size).toBeGreaterThan(0);
    for (const total of groups.values()) expect(total).toBeCloseTo(1, 5);
    const branches = new Set(rows.map((r) => r['branch']));
    expect(branches).toContain('pass');
    expect(branches).toContain('other-gate'); // maxTaps 1: every failed tap falls back
    const all = rows.find((r) => r['carrier'] === 'all')!;
    expect(Number(all['n'])).toBe(rows.filter((r) => r['carrier'] !== 'all').reduce((a, r) => a + Number(r['n']), 0));
  });

  test('capacity = 3600 / mean service time; the 100 slice means average to the mean (0.0489 %)', () => {
    const [cap] = records('gate-capacity.csv');
    expect(Number(cap!['capacity_per_h_per_gate'])).toBeCloseTo(3600 / Number(cap!['mean_service_s']), 1);
    expect(Number(cap!['passes_per_h_per_gate'])).toBeCloseTo(Number(cap!['pass_share']) * Number(cap!['capacity_per_h_per_gate']), 1);
    expect(Number(cap!['pass_share'])).toBeLessThan(1);
    expect(Number(cap!['saturated_visits'])).toBeGreaterThan(0);
    const all = records('service-times.csv').filter((r) => r['carrier'] === 'all');
    expect(all).toHaveLength(101);
    const slices = all.filter((r) => r['slice_mean_s'] !== '').map((r) => Number(r['slice_mean_s']));
    expect(slices).toHaveLength(100);
    const mean = slices.reduce((a, b) => a + b, 0) / slices.length;
    expect(Math.abs(mean / Number(all[0]!['mean_s']) - 1)).toBeLessThan(5e-4);
    for (let i = 1; i < all.length; i++) expect(Number(all[i]!['time_s'])).toBeGreaterThanOrEqual(Number(all[i - 1]!['time_s']));
  });
});

describe('tapsim export service-times', () => {
  test.each(EXPORT_FORMATS)('--format %s writes a file that parses', async (format) => {
    const r = await cli(['export', 'service-times', 'run', '--format', format, '--out', `out.${format}`]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^wrote out\./);
    const text = readFileSync(join(base, `out.${format}`), 'utf8');
    if (format === 'sumo' || format === 'matsim') expect(xmlProblem(text)).toBeNull();
    else if (format === 'jupedsim') expect(JSON.parse(text).gatelines[0].service_times_s).toHaveLength(100);
    else expect(parseCsv(text.replace(/^#.*\n/, '')).length).toBeGreaterThan(1);
    expect(text).toMatch(format === 'matsim' ? /"S_G"/ : /S\/G/);
  });

  test('without --out the text goes to standard output', async () => {
    const r = await cli(['export', 'service-times', 'run']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('gateline,carrier,band,branch,n,share,mean_s,p05_s,p25_s,p50_s,p75_s,p95_s,capacity_per_h_per_gate,saturated_per_h_per_gate');
  });

  test('a folder that is not a run, a run without service times, a bad format or target: exit 2 with one sentence', async () => {
    const none = await cli(['export', 'service-times', 'nowhere']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^tapsim: export: .*nowhere holds no run\.json: give a run folder/);
    cpSync(join(base, 'run'), join(base, 'old'), { recursive: true });
    rmSync(join(base, 'old', 'service-times.csv'));
    const old = await cli(['export', 'service-times', 'old']);
    expect(old.code).toBe(2);
    expect(old.err).toMatch(/holds no service-times\.csv: .*run the scenario again/);
    const format = await cli(['export', 'service-times', 'run', '--format', 'vissim']);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format vissim is not an export format: use one of csv, viswalk/);
    const what = await cli(['export', 'latency', 'run']);
    expect(what.code).toBe(2);
    for (const r of [none, old, format, what]) expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
