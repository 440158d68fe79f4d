import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli/main.js';
import { createPool } from './experiment/pool.js';
import { loadScenario } from './scenario/load.js';

const ROOT = join(import.meta.dirname, '..');
const STUDY = join(ROOT, 'scenarios', 'studies', 'band-comparison.yaml');
const pool = createPool({ workers: 1, inThread: true });
let base = '';

async function cli(args: readonly string[], withPool = true): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: base, ...(withPool ? { pool } : {}) });
  return { code, out, err };
}

const same = (a: string, b: string): boolean => readFileSync(join(base, a)).equals(readFileSync(join(base, b)));

/** Every CSV under a folder (relative path → bytes). */
function csvs(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(base, dir, prefix), { withFileTypes: true })) {
    if (e.isDirectory()) for (const [k, v] of csvs(dir, `${prefix}${e.name}/`)) out.set(k, v);
    else if (e.name.endsWith('.csv')) out.set(`${prefix}${e.name}`, readFileSync(join(base, dir, prefix, e.name), 'utf8'));
  }
  return out;
}

/** A small study of a cheap scenario: a sweep, a band comparison and a sizing. */
const SMALL = `name: small
duration: 3 min
replications: 2
carriers: [{ id: c, kind: dual-sim, share: 1 }]
readers: [{ id: r, bands: [13.56MHz, 2.45GHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3000 }
        gatelines: [{ id: G, gates: 2, reader: r }]
experiments:
  - name: rate
    kind: sweep
    vary:
      - stations.S.entrances.E.demand.rate=2000,3000
  - name: bands
    kind: compare
  - name: gates
    kind: size
    vary: [stations.S.entrances.E.gatelines.G.gates=1:4]
    slo: wait_mean_s<=5
    maxReplications: 4
`;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tapsim-study-'));
  // The shipped study, shortened through a file of its own (the experiments are the shipped ones).
  writeFileSync(join(base, 'short.yaml'), `extends: ${JSON.stringify(STUDY)}\nduration: 30 s\nwarmup: 5 s\nreplications: 2\n`);
  writeFileSync(join(base, 'small.yaml'), SMALL);
});
afterAll(async () => {
  await pool.close();
  rmSync(base, { recursive: true, force: true });
});

describe('tapsim study', () => {
  it('the band-comparison study gives the same numbers as compare --bands and sweep --set with the same seeds (byte-equal CSVs)', async () => {
    const st = await cli(['study', 'short.yaml', '--out', 'st', '--quiet']);
    expect(st.code, st.err).toBe(0);
    expect(readdirSync(join(base, 'st')).sort()).toEqual(['bands', 'bands-nolf', 'density', 'density-nfc', 'index.html', 'pitch', 'pitch-nfc', 'study.json']);
    const c1 = await cli(['compare', 'short.yaml', '--bands', '--out', 'c1', '--quiet', '--workers', '1'], false);
    const s2 = await cli(['sweep', 'short.yaml', '--set', 'readers.0.bands=[13.56MHz]', '--vary', 'stations.ARRAY.entrances.hall.demand.rate=2000,4000,6000,8000,9500', '--out', 's2', '--quiet']);
    for (const r of [c1, s2]) expect(r.code, r.err).toBe(0);
    for (const f of ['compare.csv', 'compare-summary.csv']) {
      expect(same(`c1/${f}`, `st/bands/${f}`), f).toBe(true);
    }
    for (const f of ['sweep.csv', 'sweep-summary.csv', 'scenario.resolved.json']) {
      expect(same(`s2/${f}`, `st/density-nfc/${f}`), f).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(base, 'st', 'study.json'), 'utf8')) as { status: string; experiments: Array<{ name: string; status: string }> };
    expect(json.status).toBe('complete');
    expect(json.experiments.map((e) => e.status)).toEqual(Array(6).fill('complete'));
    const html = readFileSync(join(base, 'st', 'index.html'), 'utf8');
    for (const name of ['bands', 'bands-nolf', 'pitch', 'pitch-nfc', 'density', 'density-nfc']) expect(html).toContain(`<a href="${name}/index.html">${name}</a>`);
    // --resume on the finished study runs nothing.
    const again = await cli(['study', 'short.yaml', '--out', 'st', '--quiet', '--resume']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/already holds this finished study: 6 experiment\(s\); nothing to run/);
  }, 300_000);

  it('tapsim run ignores the experiments: section (the resolved scenario and its hash are the same without it)', async () => {
    writeFileSync(join(base, 'plain.yaml'), `extends: ${JSON.stringify(join(ROOT, 'scenarios', 'gate-array.yaml'))}\nname: band-comparison\ndescription: The band comparison notebook's question as one study of gate-array.yaml.\noutputs: { transactions: false, interval: 1 min }\n`);
    const withSection = await loadScenario(STUDY);
    const without = await loadScenario(join(base, 'plain.yaml'));
    expect(withSection.experiments?.length).toBe(6);
    expect(without.experiments).toBeUndefined();
    expect(withSection.hash).toBe(without.hash);
    expect(JSON.stringify(withSection.scenario)).not.toMatch(/experiments/);
  });

  it('shards merge into exactly the unsharded study; a stopped study resumes to the same folder', async () => {
    const full = await cli(['study', 'small.yaml', '--out', 'full', '--quiet']);
    expect(full.code, full.err).toBe(0);
    expect(full.out).toMatch(/gates +size +smallest stations\.S\.entrances\.E\.gatelines\.G\.gates meeting wait_mean_s<=5 with 95% confidence: \d/);
    for (const i of [0, 1]) {
      const r = await cli(['study', 'small.yaml', '--shard', `${i}/2`, '--out', `sh${i}`, '--quiet']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/wrote partial folder/);
    }
    const missing = await cli(['merge', 'sh0', '--out', 'm0']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tapsim: merge: shard\(s\) 1\/2 of the study are missing: give their folders/);
    const merged = await cli(['merge', 'sh0', 'sh1', '--out', 'm']);
    expect(merged.code, merged.err).toBe(0);
    expect(csvs('m')).toEqual(csvs('full'));
    expect(JSON.parse(readFileSync(join(base, 'm', 'study.json'), 'utf8')).status).toBe('complete');
    // tapsim report re-renders the study page and each sweep's and comparison's report byte for byte.
    const pages = ['index.html', 'rate/index.html', 'bands/index.html'].map((f) => [f, readFileSync(join(base, 'm', f))] as const);
    const report = await cli(['report', 'm']);
    expect(report.code, report.err).toBe(0);
    for (const [f, bytes] of pages) expect(readFileSync(join(base, 'm', f)).equals(bytes), f).toBe(true);
    // An edited file of the comparison (run whole by shard 1) is refused by name.
    writeFileSync(join(base, 'sh1', 'bands', 'compare.csv'), 'edited\n');
    const edited = await cli(['merge', 'sh0', 'sh1', '--out', 'm2']);
    expect(edited.code).toBe(2);
    expect(edited.err).toMatch(/sh1\/bands\/compare\.csv was edited or damaged/);
    expect(readdirSync(base)).not.toContain('m2');
    // Stop the study during its second experiment, then resume it.
    const stop = new AbortController();
    const { planStudy } = await import('./orchestrate/study-plan.js');
    const { runStudy } = await import('./orchestrate/study.js');
    const file = join(base, 'small.yaml');
    const loaded = await loadScenario(file);
    const plans = await planStudy(file, loaded, []);
    const run = (resume: boolean) => runStudy(file, loaded, plans, { outDir: join(base, 'stopped'), scenarioFile: 'small.yaml', pool, signal: stop.signal, resume, onProgress: (name) => name === 'bands' && stop.abort() });
    await expect(run(false)).rejects.toThrow();
    expect(JSON.parse(readFileSync(join(base, 'stopped', 'study.json'), 'utf8')).experiments.map((e: { status: string }) => e.status)).toEqual(['complete', 'pending', 'pending']);
    const resumed = await runStudy(file, loaded, plans, { outDir: join(base, 'stopped'), scenarioFile: 'small.yaml', pool, resume: true });
    expect(resumed.studyJson.status).toBe('complete');
    expect(csvs('stopped')).toEqual(csvs('full'));
  }, 120_000);

  it.each([
    ['an unknown experiment kind', 'kind: sweep', 'kind: swep', /^small2\.yaml:\d+:\d+ experiments\.0\.kind: unknown kind "swep" \(expected one of sweep, compare, size\) \(did you mean "sweep"\?\)$/],
    ['a bad parameter path', 'stations.S.entrances.E.demand.rate=2000,3000', 'stations.S.entrances.E.demand.rat=2000,3000', /^small2\.yaml:\d+:\d+ experiments\.0\.vary\.0 stations\.S\.entrances\.E\.demand\.rat=2000 stations\.S\.entrances\.E\.demand\.rat: path does not exist: no field "rat" in stations\.0\.entrances\.0\.demand \(did you mean "rate"\?\)$/],
    ['a duplicate name', 'name: bands', 'name: rate', /^small2\.yaml:\d+:\d+ experiments\.1\.name: experiment name "rate" is already used by experiments\.0: give each experiment its own name \(it names its folder\)$/],
    ['a bad vary text', 'rate=2000,3000', 'rate=2000,,3000', /^small2\.yaml:\d+:\d+ experiments\.0\.vary\.0: empty value in "2000,,3000"$/],
    ['a bad SLO', 'slo: wait_mean_s<=5', 'slo: wait_mean_s<5', /^small2\.yaml:\d+:\d+ experiments\.2\.slo: expected "metric<=value" or "metric>=value" \(got "wait_mean_s<5"\)$/],
    ['a size range written backwards', 'gates=1:4', 'gates=4:1', /^small2\.yaml:\d+:\d+ experiments\.2\.vary\.0: lo 4 > hi 1: write the smaller value first/],
  ])('refuses %s in one sentence, exit 2, writing nothing', async (_what, from, to, message) => {
    expect(SMALL).toContain(from);
    writeFileSync(join(base, 'small2.yaml'), SMALL.replace(from, to));
    const r = await cli(['study', 'small2.yaml', '--out', 'bad', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(readdirSync(base)).not.toContain('bad');
  });

  it('refuses a file without experiments, and tapsim check reports the section\'s problems', async () => {
    writeFileSync(join(base, 'none.yaml'), SMALL.slice(0, SMALL.indexOf('experiments:')));
    const r = await cli(['study', 'none.yaml', '--out', 'bad', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^none\.yaml experiments: the file declares no experiments: add an experiments: section/);
    writeFileSync(join(base, 'small3.yaml'), SMALL.replace('name: gates', 'name: rate'));
    const c = await cli(['check', 'small3.yaml']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/experiments\.2\.name: experiment name "rate" is already used/);
  });
});
