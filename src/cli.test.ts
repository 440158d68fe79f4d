import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const SCENARIOS = join(ROOT, 'scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

async function cli(args: string[], cwd = ROOT, io: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { ...io, stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

const SMALL = `name: small
duration: 5 min
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 3000 }
        gatelines: [{ id: G, gates: 2, reader: r }]
`;

describe('tapsim check', () => {
  it.each(shipped)('passes on %s', async (name) => {
    const r = await cli(['check', `scenarios/${name}`]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok scenarios\//);
  });
});

describe('tapsim schema', () => {
  it('prints the committed JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8')));
  });
});

describe('tapsim run', () => {
  it('writes the run folder; a second run with the same seed gives a byte-identical summary.csv and fingerprint', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-run-'));
    writeFileSync(join(base, 'small.yaml'), SMALL);
    const a = await cli(['run', 'small.yaml', '--out', 'a', '--quiet', '--replications', '2', '--seed', '42'], base);
    const b = await cli(['run', 'small.yaml', '--out', 'b', '--quiet', '--replications', '2', '--seed', '42'], base);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(readdirSync(join(base, 'a')).sort()).toEqual(['backend.csv', 'columns.md', 'figures', 'gate-capacity.csv', 'gates.csv', 'index.html', 'latency.csv', 'run.json', 'scenario.resolved.json', 'service-times.csv', 'summary-ci.csv', 'summary.csv', 'transactions.csv']);
    const summaryA = readFileSync(join(base, 'a', 'summary.csv'));
    expect(summaryA.equals(readFileSync(join(base, 'b', 'summary.csv')))).toBe(true);
    const runA = JSON.parse(readFileSync(join(base, 'a', 'run.json'), 'utf8')) as Record<string, unknown>;
    const runB = JSON.parse(readFileSync(join(base, 'b', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(runA['fingerprint']).toBe(runB['fingerprint']);
    // The text summary after the "wrote" line (what npm start shows).
    const summary = a.out.split('\n').filter((l) => l !== '');
    expect(summary[0]).toMatch(/^wrote a: 2 replication/);
    expect(summary.length).toBeLessThanOrEqual(13);
    for (const re of [/passengers\s+\d+( ± [\d.]+)? arrived, \d+( ± [\d.]+)? passed/, /gate opened\s+[\d.]+( ± [\d.]+)? %/, /wait p95\s+[\d.]+( ± [\d.]+)? s/, /worst gateline\s+S\/G/, /failed taps/, /wall time\s+[\d.]+ s/]) expect(a.out).toMatch(re);
    // tapsim report re-renders index.html and the figures byte for byte.
    const html = readFileSync(join(base, 'a', 'index.html'));
    const figures = readdirSync(join(base, 'a', 'figures')).sort();
    const svgs = figures.map((f) => readFileSync(join(base, 'a', 'figures', f)));
    const rep = await cli(['report', 'a'], base);
    expect(rep.code, rep.err).toBe(0);
    expect(rep.out).toMatch(/^wrote a\/index\.html and \d+ figure\(s\)/);
    expect(readFileSync(join(base, 'a', 'index.html')).equals(html)).toBe(true);
    expect(readdirSync(join(base, 'a', 'figures')).sort()).toEqual(figures);
    figures.forEach((f, i) => expect(readFileSync(join(base, 'a', 'figures', f)).equals(svgs[i] as Buffer), f).toBe(true));
    expect(runA['fingerprint']).toMatch(/^[0-9a-f]{64}$/);
    expect(runA).toMatchObject({ tool: 'tapsim', seed: 42, replications: 2, scenario: { name: 'small' } });
    expect((runA['scenario'] as Record<string, unknown>)['sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(summaryA.toString().split('\n')[0]).toMatch(/^replication,seed,events,/);
    const resolved = JSON.parse(readFileSync(join(base, 'a', 'scenario.resolved.json'), 'utf8')) as Record<string, unknown>;
    expect(resolved['replications']).toBe(2);
    // A different seed changes the fingerprint.
    const c = await cli(['run', 'small.yaml', '--out', 'c', '--quiet', '--replications', '2', '--seed', '43'], base);
    expect(c.code).toBe(0);
    expect(JSON.parse(readFileSync(join(base, 'c', 'run.json'), 'utf8')).fingerprint).not.toBe(runA['fingerprint']);
  });

  it('writes to results/<name>/<run-id>/ by default, with a progress bar on stderr unless --quiet', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-run-'));
    writeFileSync(join(base, 'small.yaml'), SMALL);
    let progress = '';
    const stream = { write: (t: string) => ((progress += t), true) } as unknown as NodeJS.WritableStream;
    const code = await main(['run', 'small.yaml'], { stdout: () => {}, stderr: () => {}, cwd: base, progressStream: stream });
    expect(code).toBe(0);
    const runs = readdirSync(join(base, 'results', 'small'));
    expect(runs.length).toBe(1);
    expect(existsSync(join(base, 'results', 'small', runs[0]!, 'summary.csv'))).toBe(true);
    expect(progress).toMatch(/events\/s/);
    expect(progress).toMatch(/ETA/);
  });
});

describe('bad input: exit 2, file/line/field named, no stack trace, nothing written', () => {
  const cases: Array<[string, string | null, string[], RegExp]> = [
    ['missing file', null, ['check', 'nope.yaml'], /nope\.yaml: file not found/],
    ['empty file', '\n# nothing\n', ['check', 's.yaml'], /s\.yaml: file is empty/],
    ['YAML syntax error', 'name: [\n', ['check', 's.yaml'], /s\.yaml:\d+:\d+: YAML syntax error/],
    ['JSON given a .yaml name', '{"name": "x"}', ['check', 's.yaml'], /s\.yaml:1:1: this looks like JSON/],
    ['unknown key', SMALL + 'bogus: 1\n', ['check', 's.yaml'], /s\.yaml:11:1 bogus: unknown key "bogus"/],
    ['wrong type', SMALL.replace('gates: 2', 'gates: "2x"'), ['check', 's.yaml'], /s\.yaml:10:\d+ stations\.0\.entrances\.0\.gatelines\.0\.gates: expected number/],
    ['negative count', SMALL.replace('gates: 2', 'gates: -2'), ['check', 's.yaml'], /gatelines\.0\.gates: Too small/],
    ['NaN count', SMALL.replace('gates: 2', 'gates: .nan'), ['check', 's.yaml'], /gatelines\.0\.gates: expected number, got NaN/],
    ['unit of the wrong dimension', SMALL.replace('duration: 5 min', 'duration: 8 kg'), ['check', 's.yaml'], /s\.yaml:2:11 duration: "8 kg" is a mass, expected a time/],
    ['shares not summing to 1', SMALL.replace('share: 1', 'share: 0.9'), ['check', 's.yaml'], /carriers: carrier shares sum to 0\.9, not 1/],
    ['undefined reader id', SMALL.replace('reader: r }', 'reader: rr }'), ['check', 's.yaml'], /gatelines\.0\.reader: reader "rr" is not defined.*did you mean "r"/],
    ['duplicate ids', SMALL.replace("gatelines: [{ id: G, gates: 2, reader: r }]", "gatelines: [{ id: G, gates: 2, reader: r }, { id: G, gates: 1, reader: r }]"), ['check', 's.yaml'], /gatelines\.1\.id: duplicate gateline id "G"/],
    ['expression with an unknown symbol', SMALL.replace('rate: 3000', "rate: '3000*foo'"), ['check', 's.yaml'], /demand\.rate: unknown symbol "foo"/],
    ['expression calling evaluate', SMALL.replace('rate: 3000', "rate: 'evaluate(\"1\")'"), ['check', 's.yaml'], /demand\.rate: call of "evaluate" is not allowed/],
    ['--set on a path that does not exist', SMALL, ['check', 's.yaml', '--set', 'stations.S.entrances.E.gatelines.G.gatez=3'], /^--set stations\.S\.entrances\.E\.gatelines\.G\.gatez: path does not exist.*did you mean "gates"/],
    ['out-of-range --replications', SMALL, ['run', 's.yaml', '--replications', '10001', '--out', 'o'], /^--replications replications: must be an integer from 1 to 10000/],
    ['non-integer --seed', SMALL, ['run', 's.yaml', '--seed', '1.5', '--out', 'o'], /^--seed seed: must be an integer/],
    ['name with ../', SMALL.replace('name: small', 'name: ../../etc'), ['run', 's.yaml'], /name: name must be a slug/],
    ['absolute path in name', SMALL.replace('name: small', 'name: /tmp/x'), ['run', 's.yaml'], /name: name must be a slug/],
    ['--out with ../', SMALL, ['run', 's.yaml', '--out', '../outside'], /^--out: "\.\.\/outside" contains "\.\."/],
    ['--out at an existing non-run folder', SMALL, ['run', 's.yaml', '--out', 'precious'], /^--out: .*precious exists and is not a tapsim run folder/],
    ['unknown option (strict)', SMALL, ['run', 's.yaml', '--bogus'], /Unknown argument/],
    ['unknown command', null, ['frobnicate'], /Unknown argument|unknown command/],
    ['bad --workers', SMALL, ['run', 's.yaml', '--workers', '0', '--out', 'o'], /^--workers: must be an integer from 1 to 1024/],
    ['bad --shard', SMALL, ['run', 's.yaml', '--shard', '3/3', '--out', 'o'], /^--shard: i must be from 0 to N − 1 = 2/],
    ['--shard without --out', SMALL, ['sweep', 's.yaml', '--vary', 'duration=1 min,2 min', '--shard', '0/2'], /^--shard: needs --out DIR/],
    ['bad --until-ci', SMALL, ['run', 's.yaml', '--until-ci', 'wait_p95_s', '--out', 'o'], /^--until-ci: expected metric=relative-half-width/],
    ['bad --vary', SMALL, ['sweep', 's.yaml', '--vary', 'duration=1:2:0', '--out', 'o'], /^--vary: step 0 does not go from 1 to 2/],
    ['--vary path that does not exist', SMALL, ['sweep', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gatez=1,2', '--out', 'o'], /--vary stations\.S\.entrances\.E\.gatelines\.G\.gatez=1 .*path does not exist.*did you mean "gates"/],
    ['--vary value out of range', SMALL, ['sweep', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1,-1', '--out', 'o'], /gates: Too small/],
    ['bad --slo', SMALL, ['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:4', '--slo', 'wait_p95_s<5s', '--out', 'o'], /^--slo: expected "metric<=value"|^--slo: threshold must be a number/],
    ['size with a range', SMALL, ['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=4:1', '--slo', 'wait_p95_s<=5', '--out', 'o'], /^--vary: lo 4 > hi 1/],
    ['compare without --bands', SMALL, ['compare', 's.yaml', '--out', 'o'], /^compare: say what to compare: --bands/],
    ['merge of a folder that is not partial', null, ['merge', 'precious', '--out', 'o'], /precious is not a partial folder \(no partial\.json\)/],
    ['--resume without --out', SMALL, ['run', 's.yaml', '--resume'], /^--resume: needs --out DIR/],
    ['report of a folder that is not a run folder', null, ['report', 'precious'], /^tapsim: report: .*precious is not a tapsim run folder \(no run\.json\)/],
    ['report of a missing folder', null, ['report', 'nowhere'], /^tapsim: report: .*nowhere is not a tapsim run folder/],
    ['field with an unknown reader', SMALL, ['field', 's.yaml', '--reader', 'nope', '--out', 'f'], /^tapsim: --reader: unknown reader "nope"; the scenario's readers are: r$/m],
    ['field without --reader', SMALL, ['field', 's.yaml'], /Missing required argument: reader/],
    ['field --out at an existing non-run folder', SMALL, ['field', 's.yaml', '--reader', 'r', '--out', 'precious'], /^--out: .*precious exists and is not a tapsim run folder/],
    ['verify with an unknown case', null, ['verify', '--case', 'V999', '--out', 'v'], /unknown case V999/],
    ['verify into a folder that is not a verify report', null, ['verify', '--quick', '--case', 'V1', '--out', 'precious'], /precious exists and is not a verify report folder/],
    // issue 14 row 5: a value-taking flag given twice names the flag (--set, --vary, --until-ci, --case repeat by design)
    ['--seed given twice', SMALL, ['run', 's.yaml', '--seed', '7', '--seed', '8', '--out', 'o'], /^--seed: given twice \("7", "8"\); give it once$/m],
    ['--replications given twice', SMALL, ['run', 's.yaml', '--replications', '2', '--replications=3', '--out', 'o'], /^--replications: given twice \("2", "3"\); give it once$/m],
    ['--workers given three times', SMALL, ['sweep', 's.yaml', '--vary', 'seed=1,2', '--workers', '1', '--workers', '2', '--workers', '3', '--out', 'o'], /^--workers: given 3 times \("1", "2", "3"\); give it once$/m],
    ['--out given twice', SMALL, ['run', 's.yaml', '--out', 'a', '--out', 'b'], /^--out: given twice \("a", "b"\); give it once$/m],
    ['merge --out given twice', null, ['merge', 'precious', '--out', 'a', '--out', 'b'], /^--out: given twice \("a", "b"\); give it once$/m],
    ['--shard given twice', SMALL, ['run', 's.yaml', '--shard', '0/2', '--shard', '1/2', '--out', 'o'], /^--shard: given twice/m],
    ['--slo given twice', SMALL, ['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:4', '--slo', 'wait_p95_s<=5', '--slo', 'wait_p95_s<=6', '--out', 'o'], /^--slo: given twice/m],
    ['--max-replications given twice', SMALL, ['run', 's.yaml', '--until-ci', 'wait_p95_s=0.1', '--max-replications', '5', '--max-replications', '6', '--out', 'o'], /^--max-replications: given twice/m],
    ['--reader given twice', SMALL, ['field', 's.yaml', '--reader', 'r', '--reader', 'r', '--out', 'f'], /^--reader: given twice/m],
    // issue 14 row 6: a 40 001-character flat expression states the limit
    ['a 40 001-character flat expression', SMALL.replace('rate: 3000', `rate: "${Array.from({ length: 20_001 }, () => '1').join('+')}"`), ['check', 's.yaml'], /^s\.yaml:9:\d+ stations\.0\.entrances\.0\.demand\.rate: expression is 40001 characters long; at most 1000 are allowed/m],
    // issue 14 row 4: sweep and shard sizes are checked on the flags, before any work
    ['10⁸ sweep points', SMALL, ['sweep', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:10000:1', '--vary', 'seed=1:10000:1', '--out', 'o'], /^--vary: 10000 × 10000 = 100000000 points; a sweep has at most 10000 points: vary fewer values/m],
    ['a --vary list of 10 001 values', SMALL, ['sweep', 's.yaml', '--vary', `seed=${Array.from({ length: 10_001 }, (_, i) => i).join(',')}`, '--out', 'o'], /^--vary: seed lists 10001 values; one --vary takes at most 10000/m],
    ['a --vary range of 10 001 values', SMALL, ['sweep', 's.yaml', '--vary', 'seed=0:10000:1', '--out', 'o'], /^--vary: seed=0:10000:1 gives 10001 values; one --vary takes at most 10000: use a larger step/m],
    ['2·10⁶ sweep jobs', SMALL, ['sweep', 's.yaml', '--vary', 'seed=1:200:1', '--replications', '10000', '--out', 'o'], /^--vary: 200 points × 10000 replications = 2000000 jobs; a sweep has at most 1000000 jobs/m],
    ['sweep jobs with varied replications', SMALL, ['sweep', 's.yaml', '--vary', 'seed=1:150:1', '--vary', 'replications=10000,5000', '--out', 'o'], /^--vary: 300 points × 7500 replications on average = 2250000 jobs/m],
    ['sweep points that would not fit in memory', SMALL.replace('duration: 5 min', 'duration: 28 h').replace('rate: 3000', 'rate: { at: [0, 28 h], perHour: [0, 3000] }, step: 1 s'), ['sweep', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:500:1', '--out', 'o'], /^--vary: 500 points × [\d.]+ MB per resolved scenario = \d+ MB held in memory; a sweep holds at most 500 MB/m],
    ['--shard N above the limit', SMALL, ['run', 's.yaml', '--shard', '0/100001', '--out', 'o'], /^--shard: N must be from 1 to 100000 \(got "0\/100001"\)/m],
    ['size with an unsafe integer', SMALL, ['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:99999999999999999999', '--slo', 'wait_p95_s<=5', '--out', 'o'], /^--vary: lo and hi must be integers from -9007199254740991 to 9007199254740991/m],
  ];

  it.each(cases)('%s', async (_label, text, args, pattern) => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-bad-'));
    if (text !== null) writeFileSync(join(base, 's.yaml'), text);
    mkdirSync(join(base, 'precious'));
    writeFileSync(join(base, 'precious', 'thesis.tex'), 'do not delete');
    const before = readdirSync(base).sort();
    const r = await cli(args, base);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(base).sort()).toEqual(before);
    expect(readdirSync(join(base, 'precious'))).toEqual(['thesis.tex']);
  });

  it('a multi-file check reports every file, the good ones too (issue 14 row 6)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-check-'));
    writeFileSync(join(base, 'long.yaml'), SMALL.replace('rate: 3000', `rate: "${Array.from({ length: 20_001 }, () => '1').join('+')}"`));
    writeFileSync(join(base, 'bad.yaml'), SMALL.replace('gates: 2', 'gates: -2'));
    writeFileSync(join(base, 'good.yaml'), SMALL);
    const r = await cli(['check', 'long.yaml', 'bad.yaml', 'good.yaml', 'missing.yaml'], base);
    expect(r.code).toBe(2);
    expect(r.out).toBe('ok good.yaml: small (sha256 ' + r.out.slice(28, 40) + ')\n');
    expect(r.err.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[0])).toEqual(['long.yaml:9:25', 'bad.yaml:10:37', 'missing.yaml:']);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });

  it('--force allows --out at an existing non-run folder', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-force-'));
    writeFileSync(join(base, 's.yaml'), SMALL);
    mkdirSync(join(base, 'old'));
    writeFileSync(join(base, 'old', 'x.txt'), 'x');
    const r = await cli(['run', 's.yaml', '--out', 'old', '--force', '--quiet'], base);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(base, 'old')).sort()).toEqual(['backend.csv', 'columns.md', 'figures', 'gate-capacity.csv', 'gates.csv', 'index.html', 'latency.csv', 'run.json', 'scenario.resolved.json', 'service-times.csv', 'summary-ci.csv', 'summary.csv', 'transactions.csv']);
  });
});

describe('issue 14: long runs, thread counts', () => {
  it('a run with a 151 200-sample demand table (42 h at 1 s steps) finishes and writes its report (row 3)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-long-'));
    writeFileSync(join(base, 's.yaml'), SMALL.replace('duration: 5 min', 'duration: 42 h').replace('rate: 3000', 'rate: 1, step: 1 s'));
    let out = '';
    let err = '';
    const code = await main(['run', 's.yaml', '--out', 'o', '--quiet'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: base, inThread: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^wrote o: 1 replication\(s\)/);
    expect(readdirSync(join(base, 'o'))).toContain('index.html');
    const resolved = JSON.parse(readFileSync(join(base, 'o', 'scenario.resolved.json'), 'utf8')) as { stations: Array<{ entrances: Array<{ demand: { ratesPerHour: number[] } }> }> };
    expect(resolved.stations[0]?.entrances[0]?.demand.ratesPerHour).toHaveLength(151_200);
  }, 60_000);

  it('--workers 999 starts one thread per replication at most, and warns above the core count (row 10)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-workers-'));
    writeFileSync(join(base, 's.yaml'), SMALL);
    const r = await cli(['run', 's.yaml', '--workers', '999', '--replications', '2', '--out', 'o', '--quiet'], base);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^tapsim: warning: --workers 999 is more than the \d+ core\(s\) here; threads beyond the cores only add start-up time/);
    expect((JSON.parse(readFileSync(join(base, 'o', 'run.json'), 'utf8')) as { workers: number }).workers).toBe(2);
  }, 60_000);
});

describe('tapsim field and verify', () => {
  it('field writes the reader\'s maps (SVG + index.html); a second call replaces the folder', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-field-'));
    writeFileSync(join(base, 's.yaml'), SMALL);
    for (let i = 0; i < 2; i++) {
      const r = await cli(['field', 's.yaml', '--reader', 'r', '--out', 'f'], base);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^wrote f: field-nfc-r\.svg and index\.html/);
      expect(r.out).toMatch(/note: Reader r has no 2\.45 GHz RCC band/);
    }
    expect(readdirSync(join(base, 'f')).sort()).toEqual(['field-nfc-r.svg', 'field.json', 'index.html']);
    expect(readFileSync(join(base, 'f', 'field-nfc-r.svg'), 'utf8')).toMatch(/<title[^>]*>13\.56 MHz field of reader r across its gates<\/title>/);
  });

  it('verify is registered: runs the chosen cases and writes its report', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-verify-'));
    const r = await cli(['verify', '--quick', '--case', 'V1', '--out', 'v'], base);
    expect([0, 1]).toContain(r.code);
    expect(r.out).toMatch(/^case\s+quantity/);
    expect(r.out).toMatch(/rows pass/);
    expect(readdirSync(join(base, 'v'))).toContain('verify.csv');
  });
});

describe('tapsim compare --bands and size', () => {
  it('compare prints the paired differences and writes compare.csv', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-compare-'));
    writeFileSync(join(base, 's.yaml'), SMALL.replace('kind: transit-card, share: 1', 'kind: dual-sim, share: 1').replace('duration: 5 min', 'duration: 3 min\nreplications: 3'));
    const r = await cli(['compare', 's.yaml', '--bands', '--out', 'c', '--quiet', '--workers', '1'], base);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/rcc − nfc \(95% CI\)/);
    expect(r.out).toMatch(/^passengers_arrived +\S+ +\S+ +\S+ +identical \(n = 3\) +identical \(n = 3\) +identical \(n = 3\)$/m); // common random numbers: same arrivals
    const csv = readFileSync(join(base, 'c', 'compare.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('metric,a,b,n,mean_a,mean_b,diff_mean,diff_sd,diff_ci95_half_width,diff_ci95_lower,diff_ci95_upper,infeasible');
    expect(csv.filter((l) => l.startsWith('taps,'))).toHaveLength(3);
    // issue 18: `tapsim report` re-renders a compare folder byte for byte; the rate plots are there.
    const figures = readdirSync(join(base, 'c', 'figures'));
    expect(figures).toContain('compare-rcc-vs-nfc-rates.svg');
    const before = ['index.html', ...figures.map((f) => `figures/${f}`)].map((f) => [f, readFileSync(join(base, 'c', f))] as const);
    const rerender = await cli(['report', 'c'], base);
    expect(rerender.code, rerender.err).toBe(0);
    for (const [f, bytes] of before) expect(readFileSync(join(base, 'c', f)).equals(bytes), f).toBe(true);
  }, 30_000);

  it('size finds the smallest gate count meeting the SLO and writes size.csv', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tapsim-size-'));
    writeFileSync(join(base, 's.yaml'), SMALL.replace('duration: 5 min', 'duration: 4 min\nreplications: 3'));
    const r = await cli(['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:6', '--slo', 'wait_mean_s<=5', '--max-replications', '6', '--out', 'z', '--quiet', '--workers', '1'], base);
    expect(r.code, r.err).toBe(0);
    const answer = /meeting wait_mean_s<=5 with 95% confidence: (\d+)/.exec(r.out);
    expect(answer, r.out).not.toBeNull();
    const rows = readFileSync(join(base, 'z', 'size.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const n = Number(answer?.[1]);
    expect(rows.find((x) => Number(x[0]) === n)?.[5]).toBe('meets');
    if (n > 1) expect(rows.find((x) => Number(x[0]) === n - 1)?.[5]).not.toBe('meets');
    const bad = await cli(['size', 's.yaml', '--vary', 'stations.S.entrances.E.gatelines.G.gates=1:2', '--slo', 'wait_mean<=5', '--out', 'z2', '--quiet', '--workers', '1'], base);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--slo: no metric "wait_mean"; did you mean "wait_mean_s"\?/);
    expect(bad.err.split(',').length).toBeLessThan(4); // a sentence, not the list of every metric
  }, 30_000);
});
