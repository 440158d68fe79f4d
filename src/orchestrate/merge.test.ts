/**
 * `tapsim merge` against damaged and mixed-up shard folders (issue 14 rows 1, 2, 8 and the merge
 * fuzz): every mutation is refused (exit 2, one sentence naming the file or folder, nothing
 * written), or it is harmless and the output is byte-identical. All through the CLI's main().
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { loadScenario } from '../scenario/load.js';
import { jobFileText, manifestText, parseJobFile, parseManifestText, parseResolvedFile, resolvedFileText, type JobIdentity } from './integrity.js';
import { createPool } from '../experiment/pool.js';
import { runScenario } from './run-scenario.js';
import { loadPoints, runSweep } from './sweep.js';
import { resultDifferences } from '../testing/test-helpers.js';

const SCENARIO = `name: tiny
duration: 2 min
replications: 6
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
const GATES = 'stations.0.entrances.0.gatelines.0.gates';

let fixtures = '';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'tapsim-merge-'));
  const file = join(fixtures, 'tiny.yaml');
  writeFileSync(file, SCENARIO);
  const pool = createPool({ workers: 1, inThread: true });
  const seed8 = [{ path: 'seed', value: '8', source: '--seed' }];
  const loaded7 = await loadScenario(file);
  const loaded8 = await loadScenario(file, { overrides: seed8 });
  for (let i = 0; i < 3; i++) {
    await runScenario(loaded7, { outDir: join(fixtures, `s${i}`), pool, shard: { index: i, count: 3 }, scenarioFile: 'tiny.yaml' });
    await runScenario(loaded8, { outDir: join(fixtures, `e${i}`), pool, shard: { index: i, count: 3 }, scenarioFile: 'tiny.yaml' });
  }
  await runScenario(loaded7, { outDir: join(fixtures, 'two0'), pool, shard: { index: 0, count: 2 }, scenarioFile: 'tiny.yaml' });
  const sweepBase = await loadScenario(file, { overrides: [{ path: 'replications', value: '2', source: '--replications' }] });
  const vary = [{ path: GATES, values: ['1', '2'] }];
  const points = await loadPoints(file, [{ path: 'replications', value: '2', source: '--replications' }], vary);
  for (let i = 0; i < 2; i++) await runSweep(sweepBase, { outDir: join(fixtures, `w${i}`), scenarioFile: 'tiny.yaml', vary, points, pool, shard: { index: i, count: 2 } });
  await pool.close();
  const ref = await cli(['merge', 's0', 's1', 's2', '--out', 'ref-run'], fixtures);
  expect(ref.code, ref.err).toBe(0);
  const refSweep = await cli(['merge', 'w0', 'w1', '--out', 'ref-sweep'], fixtures);
  expect(refSweep.code, refSweep.err).toBe(0);
}, 60_000);

/** A copy of the fixture folders `names` in a fresh folder. */
function scratch(names: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'tapsim-mut-'));
  for (const n of names) cpSync(join(fixtures, n), join(root, n), { recursive: true });
  return root;
}

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`mutation changed nothing in ${path}`);
  writeFileSync(path, after);
}

/** Rewrite a job file as another build would have written it (identity changed, hash recomputed). */
function rewriteJob(path: string, change: Partial<JobIdentity>): void {
  const parsed = parseJobFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem);
  writeFileSync(path, jobFileText({ ...parsed.value.identity, ...change }, parsed.value.data));
}

/** Rewrite a whole shard folder as another build would have written it. */
function rewriteFolderBuild(dir: string, build: string): void {
  const m = parseManifestText(readFileSync(join(dir, 'partial.json'), 'utf8'));
  if (!m.ok) throw new Error(m.problem);
  writeFileSync(join(dir, 'partial.json'), manifestText({ ...m.value, build }));
  const r = parseResolvedFile(readFileSync(join(dir, 'scenario.resolved.json'), 'utf8'));
  if (!r.ok) throw new Error(r.problem);
  writeFileSync(join(dir, 'scenario.resolved.json'), resolvedFileText({ ...r.value.identity, build }, r.value.scenario));
  for (const name of readdirSync(join(dir, 'jobs'))) rewriteJob(join(dir, 'jobs', name), { build });
}

interface Mutation {
  name: string;
  /** Fixture folders copied; `dirs` (default the same) are merged in this order. */
  folders: string[];
  dirs?: string[];
  extra?: string[];
  apply: (root: string) => void;
  /** What a refusal must name (a path relative to the working folder). */
  names: string;
  reference: 'ref-run' | 'ref-sweep';
}

const RUN = ['s0', 's1', 's2'];
const SWEEP = ['w0', 'w1'];
const job = (shard: string, r: number, p = 0): string => join(shard, 'jobs', `p${String(p).padStart(5, '0')}-r${String(r).padStart(5, '0')}.json`);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutations(): Mutation[] {
  const run = (name: string, names: string, apply: (root: string) => void, more: Partial<Mutation> = {}): Mutation => ({ name, folders: RUN, apply, names, reference: 'ref-run', ...more });
  const sweep = (name: string, names: string, apply: (root: string) => void, more: Partial<Mutation> = {}): Mutation => ({ name, folders: SWEEP, apply, names, reference: 'ref-sweep', ...more });
  const at = (root: string, rel: string): string => join(root, rel);
  const list: Mutation[] = [
    // Row 1 and its relatives: job files swapped between seeds and shards.
    run('row 1: a job file from a --seed 8 shard copied into the --seed 7 shard', job('s1', 1), (root) => cpSync(join(fixtures, job('e1', 1)), at(root, job('s1', 1)))),
    run('a job file from another seed in shard 0', job('s0', 0), (root) => cpSync(join(fixtures, job('e0', 0)), at(root, job('s0', 0)))),
    run('a job moved into the folder of another shard', job('s1', 3), (root) => renameSync(at(root, job('s0', 3)), at(root, job('s1', 3)))),
    run('a job copied into the folder of another shard as well', job('s1', 0), (root) => cpSync(at(root, job('s0', 0)), at(root, job('s1', 0)))),
    run('a job file renamed over another job of its shard', 'p00000-r00001', (root) => renameSync(at(root, job('s1', 1)), at(root, job('s1', 4)))),
    run('a job file renamed to a job outside the experiment', job('s1', 7), (root) => renameSync(at(root, job('s1', 1)), at(root, job('s1', 7)))),
    // Row 2: edited content.
    run('row 2: one metric of a job file edited', job('s1', 1), (root) => edit(at(root, job('s1', 1)), (t) => t.replace(/"passengers_arrived":(\d+)/, (_m, n: string) => `"passengers_arrived":${Number(n) + 1}`))),
    run('a fractional metric edited in its last digit', job('s2', 2), (root) => edit(at(root, job('s2', 2)), (t) => t.replace(/("[a-z_]+":\d+\.\d*)(\d)/, (_m, a: string, d: string) => `${a}${(Number(d) + 1) % 10}`))),
    run('the events count of a job edited', job('s0', 3), (root) => edit(at(root, job('s0', 3)), (t) => t.replace(/"events":(\d+)/, (_m, n: string) => `"events":${Number(n) + 10}`))),
    run('the fingerprint of a job edited', job('s0', 0), (root) => edit(at(root, job('s0', 0)), (t) => t.replace(/"fingerprint":"(.)/, (_m, c: string) => `"fingerprint":"${c === 'a' ? 'b' : 'a'}`))),
    run('the seed in a job\'s identity edited', job('s1', 1), (root) => edit(at(root, job('s1', 1)), (t) => t.replace('"seed":7', '"seed":8'))),
    run('the shard in a job\'s identity edited', job('s1', 1), (root) => edit(at(root, job('s1', 1)), (t) => t.replace('"index":1', '"index":0'))),
    run('the content hash of a job edited', job('s2', 5), (root) => edit(at(root, job('s2', 5)), (t) => t.replace(/"sha256":"(.)/, (_m, c: string) => `"sha256":"${c === '0' ? '1' : '0'}`))),
    run('the format of a job edited', job('s2', 5), (root) => edit(at(root, job('s2', 5)), (t) => t.replace('tapsim-job/2', 'tapsim-job/9'))),
    run('keys inside a job\'s data reordered', job('s0', 0), (root) => {
      const v = JSON.parse(readFileSync(at(root, job('s0', 0)), 'utf8')) as { data: Record<string, unknown> };
      const { replication, ...rest } = v.data;
      writeFileSync(at(root, job('s0', 0)), JSON.stringify({ ...v, data: { ...rest, replication } }));
    }),
    run('row 2: outputs.transactions turned off in a shard\'s scenario.resolved.json', join('s0', 'scenario.resolved.json'), (root) => edit(at(root, join('s0', 'scenario.resolved.json')), (t) => t.replace('"transactions": true', '"transactions": false'))),
    run('the duration edited in a shard\'s scenario.resolved.json', join('s0', 'scenario.resolved.json'), (root) => edit(at(root, join('s0', 'scenario.resolved.json')), (t) => t.replace(/"duration": (\d+)/, (_m, n: string) => `"duration": ${Number(n) + 1}`))),
    run('scenario.resolved.json taken from the --seed 8 shard', join('s1', 'scenario.resolved.json'), (root) => cpSync(join(fixtures, 'e1', 'scenario.resolved.json'), at(root, join('s1', 'scenario.resolved.json')))),
    run('scenario.resolved.json replaced by a run folder\'s plain one', join('s2', 'scenario.resolved.json'), (root) => cpSync(join(fixtures, 'ref-run', 'scenario.resolved.json'), at(root, join('s2', 'scenario.resolved.json')))),
    run('the seed edited in partial.json', join('s1', 'partial.json'), (root) => edit(at(root, join('s1', 'partial.json')), (t) => t.replace('"seed": 7', '"seed": 8'))),
    run('the replications edited in partial.json', join('s2', 'partial.json'), (root) => edit(at(root, join('s2', 'partial.json')), (t) => t.replace('"replications": 6', '"replications": 5'))),
    run('the version edited in partial.json', join('s2', 'partial.json'), (root) => edit(at(root, join('s2', 'partial.json')), (t) => t.replace(/"version": "[^"]*"/, '"version": "9.9.9"'))),
    run('partial.json copied from shard 0 into shard 1', 's1', (root) => cpSync(at(root, join('s0', 'partial.json')), at(root, join('s1', 'partial.json')))),
    // Row 8 and friends: cut, missing, empty, garbage.
    run('row 8: a job file cut in half', job('s1', 4), (root) => edit(at(root, job('s1', 4)), (t) => t.slice(0, Math.floor(t.length / 2)))),
    run('a job file emptied', job('s0', 3), (root) => writeFileSync(at(root, job('s0', 3)), '')),
    run('garbage appended to a job file', job('s0', 3), (root) => edit(at(root, job('s0', 3)), (t) => `${t}xyz`)),
    run('partial.json cut in half', join('s1', 'partial.json'), (root) => edit(at(root, join('s1', 'partial.json')), (t) => t.slice(0, Math.floor(t.length / 2)))),
    run('scenario.resolved.json cut short', join('s2', 'scenario.resolved.json'), (root) => edit(at(root, join('s2', 'scenario.resolved.json')), (t) => t.slice(0, 100))),
    run('a job file deleted', 'p00000-r00005', (root) => rmSync(at(root, job('s2', 5)))),
    run('a shard\'s jobs/ folder deleted', 's1', (root) => rmSync(at(root, join('s1', 'jobs')), { recursive: true })),
    run('a shard\'s jobs/ replaced by a file', join('s1', 'jobs'), (root) => {
      rmSync(at(root, join('s1', 'jobs')), { recursive: true });
      writeFileSync(at(root, join('s1', 'jobs')), 'not a folder');
    }),
    run('a job file replaced by a folder', job('s2', 2), (root) => {
      rmSync(at(root, job('s2', 2)));
      mkdirSync(at(root, job('s2', 2)));
    }),
    run('partial.json deleted', 's0', (root) => rmSync(at(root, join('s0', 'partial.json')))),
    run('partial.json replaced by a folder', join('s0', 'partial.json'), (root) => {
      rmSync(at(root, join('s0', 'partial.json')));
      mkdirSync(at(root, join('s0', 'partial.json')));
    }),
    run('scenario.resolved.json deleted', join('s2', 'scenario.resolved.json'), (root) => rmSync(at(root, join('s2', 'scenario.resolved.json')))),
    // Duplicated, missing and mismatched shards.
    run('shard 0 given twice (a copy)', 's0copy', (root) => cpSync(at(root, 's0'), at(root, 's0copy'), { recursive: true }), { dirs: ['s0', 's0copy', 's1', 's2'] }),
    run('the same folder given twice', 's0', () => {}, { dirs: ['s0', 's0', 's1', 's2'] }),
    run('a shard left out', '2/3', () => {}, { dirs: ['s0', 's1'] }),
    run('a shard of another seed', 'e1', () => {}, { folders: ['s0', 'e1', 's2'] }),
    run('a shard of a 2-way split among 3-way shards', 'two0', () => {}, { folders: ['s0', 's1', 's2', 'two0'] }),
    run('a run shard merged with a sweep shard', 'w1', () => {}, { folders: ['s0', 'w1'] }),
    // Another build.
    run('a job file written by another build', job('s1', 1), (root) => rewriteJob(at(root, job('s1', 1)), { version: '0.0.9', build: 'git:0000000000000000000000000000000000000000' })),
    run('a shard folder written by another build', join('s2', 'partial.json'), (root) => rewriteFolderBuild(at(root, 's2'), 'dist:00000000deadbeef')),
    // Harmless: the output must be byte-identical.
    run('a job file pretty-printed (whitespace only)', '', (root) => edit(at(root, job('s0', 0)), (t) => JSON.stringify(JSON.parse(t), null, 2))),
    run('top-level keys of a job file reordered', '', (root) => {
      const v = JSON.parse(readFileSync(at(root, job('s1', 4)), 'utf8')) as Record<string, unknown>;
      writeFileSync(at(root, job('s1', 4)), JSON.stringify({ data: v['data'], sha256: v['sha256'], identity: v['identity'], format: v['format'] }));
    }),
    run('partial.json re-indented', '', (root) => edit(at(root, join('s1', 'partial.json')), (t) => JSON.stringify(JSON.parse(t), null, 4) + '\n\n')),
    run('scenario.resolved.json re-indented', '', (root) => edit(at(root, join('s1', 'scenario.resolved.json')), (t) => JSON.stringify(JSON.parse(t)))),
    run('a stray notes file in jobs/', '', (root) => writeFileSync(at(root, join('s0', 'jobs', 'notes.txt')), 'hello')),
    run('a stale temporary job file in jobs/', '', (root) => writeFileSync(at(root, join('s0', 'jobs', '.p00000-r00000.json.tmp-x')), '{"cut')),
    run('a job file written by another build, with --allow-version-mix', '', (root) => rewriteJob(at(root, job('s1', 1)), { version: '0.0.9', build: 'git:0000000000000000000000000000000000000000' }), { extra: ['--allow-version-mix'] }),
    run('a shard folder written by another build, with --allow-version-mix', '', (root) => rewriteFolderBuild(at(root, 's2'), 'dist:00000000deadbeef'), { extra: ['--allow-version-mix'] }),
    // Sweeps.
    sweep('a sweep job copied over a job of another point', job('w0', 0, 1), (root) => cpSync(at(root, job('w0', 0, 0)), at(root, job('w0', 0, 1)))),
    sweep('a metric of a sweep job edited', job('w1', 1, 0), (root) => edit(at(root, job('w1', 1, 0)), (t) => t.replace(/"taps":(\d+)/, (_m, n: string) => `"taps":${Number(n) + 1}`))),
    sweep('--vary values edited in a sweep shard\'s partial.json', join('w1', 'partial.json'), (root) => edit(at(root, join('w1', 'partial.json')), (t) => t.replace('"2"', '"3"'))),
    sweep('a sweep job cut short', job('w0', 0, 0), (root) => edit(at(root, job('w0', 0, 0)), (t) => t.slice(0, 50))),
    sweep('a sweep shard\'s scenario.resolved.json edited', join('w0', 'scenario.resolved.json'), (root) => edit(at(root, join('w0', 'scenario.resolved.json')), (t) => t.replace('"gates": 2', '"gates": 3'))),
    sweep('a sweep job deleted', 'p00001-r00001', (root) => rmSync(at(root, job('w1', 1, 1)))),
    sweep('a sweep job pretty-printed (whitespace only)', '', (root) => edit(at(root, job('w1', 1, 1)), (t) => JSON.stringify(JSON.parse(t), null, 1))),
  ];
  // Random damage, reproducible: a digit changed, a file cut at a random length.
  const random = mulberry32(14);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const runFiles = [job('s0', 0), job('s0', 3), job('s1', 1), job('s1', 4), job('s2', 2), job('s2', 5), join('s1', 'partial.json'), join('s2', 'scenario.resolved.json')];
  for (let i = 0; i < 16; i++) {
    const rel = pick(runFiles);
    const u = random();
    list.push(run(`random digit changed in ${rel} (#${i})`, rel, (root) => edit(at(root, rel), (t) => {
      const digits = [...t.matchAll(/\d/g)].map((m) => m.index);
      const pos = digits[Math.floor(u * digits.length)] as number;
      return t.slice(0, pos) + String((Number(t[pos]) + 1) % 10) + t.slice(pos + 1);
    })));
  }
  for (let i = 0; i < 10; i++) {
    const rel = pick(runFiles);
    const u = random();
    list.push(run(`${rel} cut at a random length (#${i})`, rel, (root) => edit(at(root, rel), (t) => t.slice(0, Math.floor(u * (t.length - 1))))));
  }
  return list;
}

describe('tapsim merge refuses damaged or mixed-up shards, naming the file', () => {
  const all = mutations();

  it(`merge fuzz: ${all.length} mutated shard folders — each refused with exit 2 and a sentence naming the file, or byte-identical; 0 internal errors, 0 stack traces, 0 silent wrong merges`, async () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    const tally = { refused: 0, identical: 0 };
    const wrong: string[] = [];
    for (const m of all) {
      const root = scratch(m.folders);
      m.apply(root);
      const r = await cli(['merge', ...(m.dirs ?? m.folders), '--out', 'm', ...(m.extra ?? [])], root);
      const where = `${m.name}: exit ${r.code}, ${r.err.trim()}`;
      if (r.err.includes('internal error') || /\n\s+at /.test(r.err)) wrong.push(`${where} (internal error or stack trace)`);
      else if (r.code === 2) {
        if (!/^tapsim: [^\n]+\n$/.test(r.err)) wrong.push(`${where} (not one sentence)`);
        else if (m.names === '' || !r.err.includes(m.names)) wrong.push(`${where} (does not name ${m.names || 'anything: the mutation is harmless'})`);
        else if (existsSync(join(root, 'm'))) wrong.push(`${where} (left an output folder)`);
        else tally.refused++;
      } else if (r.code === 0) {
        const diffs = resultDifferences(join(fixtures, m.reference), join(root, 'm'));
        if (diffs.length > 0) wrong.push(`${where} (SILENT WRONG MERGE: ${diffs.join(', ')})`);
        else tally.identical++;
      } else wrong.push(`${where} (unexpected exit code)`);
      rmSync(root, { recursive: true, force: true });
    }
    expect(wrong).toEqual([]);
    expect(tally.refused + tally.identical).toBe(all.length);
    expect(tally.refused).toBeGreaterThanOrEqual(45);
  }, 120_000);

  it('row 1: a job file copied from a --seed 8 shard into the --seed 7 one is refused, naming the file and the seeds', async () => {
    const root = scratch([...RUN, 'e1']);
    cpSync(join(root, job('e1', 1)), join(root, job('s1', 1)));
    const r = await cli(['merge', ...RUN, '--out', 'm'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tapsim: merge: s1\/jobs\/p00000-r00001\.json does not belong to s1 \(shard 1\/3, seed 7\): .*it belongs to seed 8, not 7/);
    expect(existsSync(join(root, 'm'))).toBe(false);
  });

  it('row 2: an edited metric or an edited scenario.resolved.json is refused, naming the file', async () => {
    const root = scratch(RUN);
    edit(join(root, job('s2', 5)), (t) => t.replace(/"passengers_arrived":(\d+)/, (_m, n: string) => `"passengers_arrived":${Number(n) + 1}`));
    const a = await cli(['merge', ...RUN, '--out', 'm'], root);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^tapsim: merge: s2\/jobs\/p00000-r00005\.json was edited or damaged \(its content hash does not match\)/);
    const b = scratch(RUN);
    edit(join(b, 's0', 'scenario.resolved.json'), (t) => t.replace('"transactions": true', '"transactions": false'));
    const r = await cli(['merge', ...RUN, '--out', 'm'], b);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tapsim: merge: s0\/scenario\.resolved\.json was edited or damaged/);
    expect(existsSync(join(root, 'm')) || existsSync(join(b, 'm'))).toBe(false);
  });

  it('row 8: a job file cut in half is refused, naming it', async () => {
    const root = scratch(RUN);
    edit(join(root, job('s1', 4)), (t) => t.slice(0, Math.floor(t.length / 2)));
    const r = await cli(['merge', ...RUN, '--out', 'm'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tapsim: merge: s1\/jobs\/p00000-r00004\.json is not valid JSON \(cut short or damaged\): delete it and finish s1 again with --resume/);
  });

  it('shards written by another build are refused unless --allow-version-mix; merge --out onto an earlier result needs --force', async () => {
    const root = scratch(RUN);
    rewriteFolderBuild(join(root, 's1'), 'dist:1234567890abcdef');
    const a = await cli(['merge', ...RUN, '--out', 'm'], root);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/s1\/partial\.json: the folder was written by tapsim \S+ build dist:1234567890abcdef; this merge is .*add --allow-version-mix/);
    const b = await cli(['merge', ...RUN, '--out', 'm', '--allow-version-mix'], root);
    expect(b.code, b.err).toBe(0);
    expect(resultDifferences(join(fixtures, 'ref-run'), join(root, 'm'))).toEqual([]);
    const again = await cli(['merge', ...RUN, '--out', 'm', '--allow-version-mix'], root);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--out: .*m already holds a tapsim result \(run\.json\): add --force/);
    expect((await cli(['merge', ...RUN, '--out', 'm', '--allow-version-mix', '--force'], root)).code).toBe(0);
  });
});
