import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatIssue } from './errors.js';
import { loadScenario, parseSetArgs } from './load.js';
import { parse as parseYaml } from 'yaml';
import { compileRateExpression } from './expression.js';
import { buildScenarioSchema } from './schema.js';
import { createQuantityParser, loadMath } from './units.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

const MINIMAL = `name: mini
duration: 10 min
carriers:
  - { id: card, kind: transit-card, share: 0.7 }
  - { id: phone, kind: nfc-phone, share: 0.3 }
readers:
  - { id: r1, bands: [13.56MHz] }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 600 }
        gatelines:
          - { id: G, gates: 2, reader: r1 }
`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tapsim-load-'));
}
function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues.length).toBeGreaterThan(0);
    return issues.map(formatIssue);
  }
  throw new Error('expected a ScenarioError');
}
async function badYaml(text: string): Promise<string[]> {
  return issuesOf(loadScenario(write(tempDir(), 's.yaml', text)));
}

describe('loadScenario: shipped scenarios', () => {
  it.each(shipped)('%s loads and resolves', async (name) => {
    const { scenario, hash } = await loadScenario(join(SCENARIOS, name));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.stations[0]?.entrances[0]?.demand.ratesPerHour)).toBe(true);
    expect(Number.isInteger(scenario.duration)).toBe(true);
    // No functions (mathjs objects, rate closures) in the resolved scenario.
    expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
  });

  it('metro-station-am-peak has ≥ 20 gates, both bands, a 3 h peak of ≥ 25,000 passengers', async () => {
    const { scenario } = await loadScenario(join(SCENARIOS, 'metro-station-am-peak.yaml'));
    const lines = scenario.stations.flatMap((s) => s.entrances.flatMap((e) => e.gatelines));
    expect(lines.reduce((n, l) => n + l.gates, 0)).toBeGreaterThanOrEqual(20);
    const bands = new Set(scenario.carriers.flatMap((c) => c.bands));
    expect(bands.has('13.56MHz') && bands.has('2.45GHz')).toBe(true);
    expect(scenario.duration).toBe(3 * 3600e9);
    const passengers = scenario.stations.flatMap((s) => s.entrances).reduce((n, e) => n + e.demand.expectedPassengers, 0);
    expect(passengers).toBeGreaterThanOrEqual(25_000);
  });

  it('each shipped scenario has a header comment with its question and the $schema line', () => {
    for (const name of shipped) {
      const text = readFileSync(join(SCENARIOS, name), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json')).toBe(true);
      expect(text).toMatch(/# Question:/);
    }
  });
});

describe('loadScenario: units, distributions, expressions, defaults', () => {
  it('converts quantities to the resolved units', async () => {
    const dir = tempDir();
    const file = write(dir, 's.yaml', MINIMAL.replace('bands: [13.56MHz] }', 'bands: [13.56MHz, 2.45GHz], pollingPeriod: 8 ms, nfc: { antennaRadius: 35 mm, driveCurrent: 0.2 A, noise: 10 mV }, rcc: { lfFrequency: 13.56 MHz, txPowerDbm: 1 mW } }'));
    const { scenario } = await loadScenario(file);
    const reader = scenario.readers[0]!;
    expect(reader.pollingPeriod).toBe(8_000_000);
    expect(reader.nfc?.antennaRadius).toBeCloseTo(0.035, 12);
    expect(reader.nfc?.driveCurrent).toBeCloseTo(0.2, 12);
    expect(reader.rcc?.lfFrequency).toBeCloseTo(13.56e6, 3);
    expect(reader.rcc?.txPowerDbm).toBeCloseTo(0, 9);
    expect(scenario.duration).toBe(600e9);
    expect(scenario.warmup).toBe(0);
    expect(scenario.replications).toBe(1);
    expect(scenario.carriers[0]?.flow).toBe('transit-epurse');
    expect(scenario.carriers[1]?.attenuationDb).toBe(4);
  });

  it('reads distributions with units into SI seconds; a bare quantity is a constant', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL.replace("demand: { rate: 600 }", "demand: { rate: 600 }\n        walkTime: { kind: lognormal, median: 300 ms, p95: 0.8 s }").replace('gates: 2, reader: r1', 'gates: 2, reader: r1, gate: { passageTime: 1500 ms }'));
    const { scenario } = await loadScenario(file);
    const entrance = scenario.stations[0]!.entrances[0]!;
    expect(entrance.walkTime.kind).toBe('lognormal');
    if (entrance.walkTime.kind === 'lognormal') {
      expect(entrance.walkTime.mu).toBeCloseTo(Math.log(0.3), 12);
      expect(entrance.walkTime.sigma).toBeCloseTo(Math.log(0.8 / 0.3) / 1.6448536269514722, 12);
    }
    expect(entrance.gatelines[0]!.gate.passageTime).toEqual({ kind: 'constant', value: 1.5 });
    expect(entrance.gatelines[0]!.gate.minCycle).toBe(1.6e9); // flap preset [E] docs/sources.md#f8-3
  });

  it('samples a demand expression into a per-step table before the run', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL.replace('rate: 600', 'rate: "2500 + 9000*exp(-((t - 5 min)/(3 min))^2)", step: 1 min'));
    const { scenario } = await loadScenario(file);
    const demand = scenario.stations[0]!.entrances[0]!.demand;
    expect(demand.stepNs).toBe(60e9);
    expect(demand.ratesPerHour.length).toBe(10);
    expect(demand.ratesPerHour[4]).toBeCloseTo(2500 + 9000 * Math.exp(-(((4.5 - 5) / 3) ** 2)), 6);
    expect(demand.source).toContain('exp(');
  });

  it('samples a table with linear interpolation', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL.replace('rate: 600', 'rate: { at: [0, 10 min], perHour: [0, 1200] }, step: 5 min'));
    const { scenario } = await loadScenario(file);
    expect(scenario.stations[0]!.entrances[0]!.demand.ratesPerHour).toEqual([300, 900]);
  });

  it('merges extends (maps merge, lists replace) and applies --set by index or id', async () => {
    const dir = tempDir();
    write(dir, 'base.yaml', MINIMAL);
    const child = write(dir, 'child.yaml', 'extends: base.yaml\nname: child\nseed: 9\n');
    const { overrides } = parseSetArgs(['stations.S.entrances.E.gatelines.G.gates=5', 'duration=1 h', 'readers[0].pollingPeriod="7 ms"']);
    const { scenario, files } = await loadScenario(child, { overrides });
    expect(scenario.name).toBe('child');
    expect(scenario.seed).toBe(9);
    expect(scenario.carriers.length).toBe(2);
    expect(scenario.stations[0]!.entrances[0]!.gatelines[0]!.gates).toBe(5);
    expect(scenario.duration).toBe(3600e9);
    expect(scenario.readers[0]!.pollingPeriod).toBe(7e6);
    expect(files.length).toBe(2);
  });

  it('gives the same hash for the same resolved scenario', async () => {
    const dir = tempDir();
    const a = await loadScenario(write(dir, 'a.yaml', MINIMAL));
    const b = await loadScenario(write(dir, 'b.json', JSON.stringify({ name: 'mini', duration: 600, carriers: [{ id: 'card', kind: 'transit-card', share: 0.7 }, { id: 'phone', kind: 'nfc-phone', share: 0.3 }], readers: [{ id: 'r1', bands: ['13.56MHz'] }], stations: [{ id: 'S', entrances: [{ id: 'E', demand: { rate: 600 }, gatelines: [{ id: 'G', gates: 2, reader: 'r1' }] }] }] }, null, 2)));
    expect(b.hash).toBe(a.hash);
  });
});

describe('loadScenario: limits and input forms (issue 14)', () => {
  it('reads a rate given with a 1/time unit as passengers per hour', async () => {
    for (const [text, perHour] of [['"100 / h"', 100], ['"100/h"', 100], ['"2 /min"', 120], ['"1 / s"', 3600], ['"50 h^-1"', 50], ['"300 / hour + 0 / min"', 300]] as const) {
      const { scenario } = await loadScenario(write(tempDir(), 's.yaml', MINIMAL.replace('rate: 600', `rate: ${text}`)));
      const rates = scenario.stations[0]!.entrances[0]!.demand.ratesPerHour;
      expect(rates.length, text).toBe(10);
      for (const r of rates) expect(r, text).toBeCloseTo(perHour, 9);
    }
    expect((await badYaml(MINIMAL.replace('rate: 600', 'rate: "100 m"'))).join('\n')).toMatch(/demand\.rate: expression "100 m" gives 100 m, expected passengers\/hour/);
  });

  it('refuses a 40 001-character flat expression and 40-deep brackets with the limit, not a crash', async () => {
    const flat = Array.from({ length: 20_001 }, () => '1').join('+');
    expect(flat.length).toBe(40_001);
    expect((await badYaml(MINIMAL.replace('rate: 600', `rate: "${flat}"`))).join('\n')).toMatch(/demand\.rate: expression is 40001 characters long; at most 1000 are allowed: simplify it, or give the rate as a table/);
    const deep = `${'('.repeat(40)}600${')'.repeat(40)}`;
    expect((await badYaml(MINIMAL.replace('rate: 600', `rate: "${deep}"`))).join('\n')).toMatch(/expression nests brackets 40 deep; at most 32 levels/);
  });

  it('compiles the worst expressions inside the limits (1000 characters, 32 brackets deep)', async () => {
    const unary = `${'-'.repeat(998)}1`; // 998 minus signs: depth 998, value 1
    const nested = `${'abs('.repeat(32)}${Array.from({ length: 400 }, () => '1').join('+').slice(0, 1000 - 4 * 32 - 32)}${')'.repeat(32)}`;
    for (const text of [unary, nested]) {
      expect(text.length).toBeLessThanOrEqual(1000);
      const { scenario } = await loadScenario(write(tempDir(), 's.yaml', MINIMAL.replace('rate: 600', `rate: "${text}"`)));
      expect(scenario.stations[0]!.entrances[0]!.demand.ratesPerHour[0]).toBeGreaterThan(0);
    }
  });

  it.each([
    ['a rate above 10⁶ per hour (hung the run)', MINIMAL.replace('rate: 600', 'rate: 1e20'), /demand\.rate: rate is 100000000000000000000 passengers\/hour at t = 30 s; one entrance takes at most 1000000 per hour \(278 per second\): spread the demand over more entrances/],
    ['a group of 10⁹ passengers', MINIMAL.replace('rate: 600 }', 'rate: 600, groupSize: 1e9 }'), /demand\.groupSize: must stay at most 1000 \(value 1000000000\)/],
    ['an exit platoon with a mean above 1000', MINIMAL.replace('rate: 600 }', 'rate: 600, exitGroupSize: { kind: exponential, mean: 5000 } }'), /demand\.exitGroupSize: must stay at most 1000 \(mean 5000\)/],
    ['an LF beacon every nanosecond (hung the run)', MINIMAL.replace('bands: [13.56MHz] }', 'bands: [2.45GHz], rcc: { lfBeaconPeriod: 1 ns } }'), /readers\.0\.rcc\.lfBeaconPeriod: must be ≥ 0\.001 s \(got 1e-9 s\)/],
    ['an FEP batch every nanosecond (hung the run)', `${MINIMAL}backend: { fep: { batchInterval: 1 ns } }\n`, /backend\.fep\.batchInterval: must be ≥ 0\.001 s/],
    ['a link that loses every message (failed the replication)', `${MINIMAL}backend: { link: { loss: 1 } }\n`, /backend\.link\.loss: must be < 1 \(got 1\)/],
    ['10¹¹ output intervals', `${MINIMAL}outputs: { interval: 1 ns }\n`, /outputs\.interval: gives 600000000000 intervals over the duration; at most 1000000: use a longer interval/],
  ])('refuses %s, stating the limit', async (_label, text, pattern) => {
    expect((await badYaml(text)).join('\n')).toMatch(pattern);
  });

  it('names every allowed value of a choice of numbers (not only the first)', async () => {
    const issues = (await badYaml(MINIMAL.replace('bands: [13.56MHz] }', 'bands: [13.56MHz], nfc: { typeBSlots: 3, bitRateKbps: 100 } }'))).join('\n');
    expect(issues).toMatch(/readers\.0\.nfc\.typeBSlots: number 3 is not one of "1", "2", "4", "8", "16"/);
    expect(issues).toMatch(/readers\.0\.nfc\.bitRateKbps: number 100 is not one of "106", "212", "424", "848"/);
  });

  it('states the limit of a file size', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, MINIMAL + `description: "${'x'.repeat(20_000_000)}"\n`);
    expect((await issuesOf(loadScenario(file))).join('\n')).toMatch(/big\.yaml: file is 20\.0 MB; a scenario file is at most 20 MB/);
  });

  it('states the limit of a rate table and of an empirical distribution', async () => {
    // Through the schema alone: a 100 001-element YAML list takes seconds to parse.
    const math = await loadMath();
    const schema = buildScenarioSchema({ quantity: createQuantityParser(math), rateExpression: (t) => compileRateExpression(math, t) });
    const n = 100_001;
    const values = Array.from({ length: n }, (_, i) => i / (n - 1));
    const messages = (edit: (entrance: Record<string, unknown>) => void): string => {
      const raw = parseYaml(MINIMAL) as { stations: Array<{ entrances: Array<Record<string, unknown>> }> };
      edit(raw.stations[0]!.entrances[0]!);
      const result = schema.safeParse(raw);
      return result.success ? 'ok' : JSON.stringify(result.error.issues);
    };
    expect(messages((e) => (e['demand'] = { rate: { at: values, perHour: [1, 2] } }))).toMatch(/100001 times; a table has at most 100000 points: thin it \(a longer step between points\), or give the rate as an expression/);
    expect(messages((e) => (e['walkTime'] = { kind: 'empirical', values, cumulative: values }))).toMatch(/100001 values; a table has at most 100000 points/);
    // 100 000 points are allowed.
    expect(messages((e) => (e['demand'] = { rate: { at: values.slice(1), perHour: values.slice(1) } }))).toBe('ok');
  });

  it('interpolates a 20 000-point table by binary search, equal to the linear scan', async () => {
    const n = 20_000;
    const at = Array.from({ length: n }, (_, i) => i * 2); // a point every 2 s
    const perHour = at.map((_, i) => (i * 37) % 1000);
    const text = MINIMAL.replace('duration: 10 min', 'duration: 11 h').replace('rate: 600', `rate: { at: [${at.join(',')}], perHour: [${perHour.join(',')}] }, step: 1 s`);
    const { scenario } = await loadScenario(write(tempDir(), 's.yaml', text));
    const rates = scenario.stations[0]!.entrances[0]!.demand.ratesPerHour;
    expect(rates.length).toBe(39_600);
    for (let i = 0; i < rates.length; i += 97) {
      const x = i + 0.5;
      let k = 1;
      while (k < n - 1 && (at[k] as number) < x) k++; // the old linear scan
      const expected = x >= (at[n - 1] as number) ? (perHour[n - 1] as number) : (perHour[k - 1] as number) + ((x - (at[k - 1] as number)) / ((at[k] as number) - (at[k - 1] as number))) * ((perHour[k] as number) - (perHour[k - 1] as number));
      expect(rates[i]).toBe(expected);
    }
  });

  it('names the range of times (whole ns below 2^53)', async () => {
    expect((await badYaml(MINIMAL.replace('duration: 10 min', 'duration: 1e9 h'))).join('\n')).toMatch(/duration: time 3600000000000 s is out of range: times are whole nanoseconds and must lie within ±9007199 s \(≈ 104 days\)/);
    const { scenario } = await loadScenario(write(tempDir(), 's.yaml', MINIMAL.replace('duration: 10 min', 'duration: 100 day')));
    expect(scenario.duration).toBe(100 * 86400e9);
  });

  it('reads CR-only line ends like LF (same scenario, same lines in messages)', async () => {
    const lf = await loadScenario(write(tempDir(), 's.yaml', `# a comment first\n${MINIMAL}`));
    const cr = await loadScenario(write(tempDir(), 's.yaml', `# a comment first\r${MINIMAL.replace(/\n/g, '\r')}`));
    expect(cr.hash).toBe(lf.hash);
    expect((await badYaml(`# c\r${MINIMAL.replace('gates: 2', 'gates: -2').replace(/\n/g, '\r')}`)).join('\n')).toMatch(/s\.yaml:15:\d+ stations\.0\.entrances\.0\.gatelines\.0\.gates: Too small/);
  });

  it('shows an absolute extends path as written', async () => {
    const dir = tempDir();
    const parent = write(dir, 'parent.yaml', MINIMAL.replace('gates: 2', 'gates: -2'));
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const child = write(sub, 'child.yaml', `extends: ${parent}\nname: child\n`);
    const issues = await issuesOf(loadScenario(child));
    expect(issues.join('\n')).toMatch(new RegExp(`^${parent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ stations\\.0\\.entrances\\.0\\.gatelines\\.0\\.gates: Too small`, 'm'));
    const missing = await issuesOf(loadScenario(write(sub, 'c2.yaml', `extends: ${join(dir, 'nope.yaml')}\nname: c2\n`)));
    expect(missing[0]).toBe(`${join(dir, 'nope.yaml')}: file not found`);
  });

  it('says in a sentence that a file holds several YAML documents', async () => {
    const issues = (await badYaml(`${MINIMAL}---\nname: second\n`)).join('\n');
    expect(issues).toMatch(/s\.yaml:\d+:\d+: YAML syntax error: this file holds several YAML documents .*a scenario file holds one/);
    expect(issues).not.toMatch(/parseAllDocuments/);
  });

  it('refuses nesting deeper than 64 levels, and 5000 levels, in a sentence', async () => {
    for (const depth of [65, 5000]) {
      const issues = (await badYaml(`${MINIMAL}description: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)).join('\n');
      expect(issues, String(depth)).toMatch(/maps and lists nest more than 64 levels deep here; a scenario nests at most 64/);
      expect(issues).not.toMatch(/call stack/);
    }
  });
});

describe('loadScenario: bad input gives a ScenarioError naming file, line and field', () => {
  it('missing file', async () => {
    const issues = await issuesOf(loadScenario(join(tempDir(), 'nope.yaml')));
    expect(issues[0]).toMatch(/nope\.yaml: file not found/);
  });
  it('empty file', async () => {
    expect((await badYaml('# nothing here\n\n'))[0]).toMatch(/s\.yaml: file is empty/);
  });
  it('YAML syntax error', async () => {
    expect((await badYaml('name: [\nduration: 1 h\n'))[0]).toMatch(/s\.yaml:\d+:\d+: YAML syntax error/);
  });
  it('JSON given a .yaml name', async () => {
    expect((await badYaml('{"name": "x"}\n'))[0]).toMatch(/s\.yaml:1:1: this looks like JSON/);
  });
  it('JSON syntax error in a .json file', async () => {
    const issues = await issuesOf(loadScenario(write(tempDir(), 's.json', '{\n  "name": "x",\n}\n')));
    expect(issues[0]).toMatch(/s\.json:3:1: JSON syntax error/);
  });
  it('unknown key, with did-you-mean', async () => {
    const issues = await badYaml(MINIMAL + 'replicatons: 3\n');
    expect(issues).toContainEqual(expect.stringMatching(/s\.yaml:15:1 replicatons: unknown key "replicatons" \(did you mean "replications"\?\)/));
  });
  it('unknown nested key', async () => {
    const issues = await badYaml(MINIMAL.replace('{ id: G, gates: 2, reader: r1 }', '{ id: G, gatez: 2, reader: r1 }'));
    expect(issues.join('\n')).toMatch(/s\.yaml:14:22 stations\.0\.entrances\.0\.gatelines\.0\.gatez: unknown key "gatez" \(did you mean "gates"\?\)/);
    expect(issues.join('\n')).toMatch(/gatelines\.0\.gates: missing required field/);
  });
  it('wrong type', async () => {
    const issues = await badYaml(MINIMAL.replace('gates: 2', 'gates: two'));
    expect(issues[0]).toMatch(/s\.yaml:14:\d+ stations\.0\.entrances\.0\.gatelines\.0\.gates: expected number, got string "two"/);
  });
  it('negative count', async () => {
    expect((await badYaml(MINIMAL.replace('gates: 2', 'gates: -2')))[0]).toMatch(/gatelines\.0\.gates: Too small/);
  });
  it('NaN count', async () => {
    expect((await badYaml(MINIMAL.replace('gates: 2', 'gates: .nan')))[0]).toMatch(/gatelines\.0\.gates: expected number, got NaN/);
  });
  it('unit of the wrong dimension', async () => {
    expect((await badYaml(MINIMAL.replace('duration: 10 min', 'duration: 8 kg')))[0]).toMatch(/s\.yaml:2:11 duration: "8 kg" is a mass, expected a time/);
    expect((await badYaml(MINIMAL.replace('bands: [13.56MHz] }', 'bands: [13.56MHz], nfc: { antennaRadius: 3 A } }')))[0]).toMatch(/readers\.0\.nfc\.antennaRadius: "3 A" is a current, expected a length/);
  });
  it('unknown unit', async () => {
    expect((await badYaml(MINIMAL.replace('duration: 10 min', 'duration: 10 fortnights')))[0]).toMatch(/duration: cannot read "10 fortnights" as a time/);
  });
  it('shares not summing to 1', async () => {
    expect((await badYaml(MINIMAL.replace('share: 0.3', 'share: 0.31')))[0]).toMatch(/s\.yaml:4:3 carriers: carrier shares sum to 1\.01, not 1/);
  });
  it('shares summing to 1 within 1e-9 are accepted', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL.replace('share: 0.7', 'share: 0.1').replace('share: 0.3', 'share: 0.2').replace('readers:', '  - { id: c3, kind: qr, share: 0.7 }\nreaders:'));
    await expect(loadScenario(file)).resolves.toBeDefined();
  });
  it('reference to an undefined reader id', async () => {
    expect((await badYaml(MINIMAL.replace('reader: r1', 'reader: r2')))[0]).toMatch(/s\.yaml:14:\d+ stations\.0\.entrances\.0\.gatelines\.0\.reader: reader "r2" is not defined in readers.*did you mean "r1"/);
  });
  it('duplicate ids', async () => {
    expect((await badYaml(MINIMAL.replace('id: phone', 'id: card')))[0]).toMatch(/s\.yaml:5:\d+ carriers\.1\.id: duplicate carrier id "card"/);
  });
  it('extends cycle', async () => {
    const dir = tempDir();
    write(dir, 'a.yaml', 'extends: b.yaml\nname: a\n');
    write(dir, 'b.yaml', 'extends: a.yaml\nname: b\n');
    const issues = await issuesOf(loadScenario(join(dir, 'a.yaml')));
    expect(issues[0]).toMatch(/b\.yaml:1:10 extends: extends cycle: a\.yaml → b\.yaml → a\.yaml/);
  });
  it('extends a missing file', async () => {
    const issues = await issuesOf(loadScenario(write(tempDir(), 's.yaml', 'extends: gone.yaml\nname: s\n')));
    expect(issues.join('\n')).toMatch(/gone\.yaml: file not found/);
  });
  it.each([
    ['unknown symbol', '100 + foo*t', /unknown symbol "foo"/],
    ['import', 'import({}, {})', /call of "import" is not allowed/],
    ['createUnit', 'createUnit("x")', /call of "createUnit" is not allowed/],
    ['evaluate', 'evaluate("1")', /call of "evaluate" is not allowed/],
    ['parse', 'parse("1")', /call of "parse" is not allowed/],
    ['assignment', 'x = 5', /assignment .* is not allowed/],
    ['property access', 'exp.name', /accessor .* is not allowed|unknown symbol/],
    ['wrong dimension', 't + 5', /fails at t = 0 s/],
    ['a length result', '5 m', /expected passengers\/hour/],
  ])('expression with %s', async (_label, expression, pattern) => {
    const issues = await badYaml(MINIMAL.replace('rate: 600', `rate: '${expression}'`));
    expect(issues[0]).toMatch(/s\.yaml:12:\d+ stations\.0\.entrances\.0\.demand\.rate: /);
    expect(issues[0]).toMatch(pattern);
  });
  it('negative rate from an expression', async () => {
    expect((await badYaml(MINIMAL.replace('rate: 600', 'rate: "100 - t/(1 min)*100"')))[0]).toMatch(/demand\.rate: rate is -\d+ at t = /);
  });
  it('--set on a path that does not exist', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL);
    for (const [arg, pattern] of [
      ['stations.S.entrances.E.gatelines.G.gatez=3', /^--set stations\.S\.entrances\.E\.gatelines\.G\.gatez: path does not exist.*did you mean "gates"/],
      ['foo.bar=1', /^--set foo\.bar: path does not exist/],
      ['stations.9.id=x', /^--set stations\.9\.id: path does not exist/],
      ['nodots', /^--set: expected path=value/],
    ] as const) {
      const { overrides, issues } = parseSetArgs([arg]);
      if (issues.length > 0) {
        expect(formatIssue(issues[0]!)).toMatch(pattern);
        continue;
      }
      const messages = await issuesOf(loadScenario(file, { overrides }));
      expect(messages[0]).toMatch(pattern);
    }
  });
  it('--set with a bad value is reported against --set', async () => {
    const file = write(tempDir(), 's.yaml', MINIMAL);
    const messages = await issuesOf(loadScenario(file, { overrides: [{ path: 'replications', value: '20000', source: '--replications' }] }));
    expect(messages[0]).toMatch(/^--replications replications: Too big/);
  });
  it('a scenario name that would write outside results/', async () => {
    expect((await badYaml(MINIMAL.replace('name: mini', 'name: ../evil')))[0]).toMatch(/name: name must be a slug/);
    expect((await badYaml(MINIMAL.replace('name: mini', 'name: /abs/path')))[0]).toMatch(/name: name must be a slug/);
    expect((await badYaml(MINIMAL.replace('name: mini', 'name: a..b')))[0]).toMatch(/name: name must not contain "\.\."/);
  });
  it('reports all issues at once', async () => {
    const issues = await badYaml(MINIMAL.replace('duration: 10 min', 'duration: 8 kg').replace('gates: 2', 'gates: -1').replace('reader: r1', 'reader: nope') + 'bogus: 1\n');
    expect(issues.length).toBeGreaterThanOrEqual(4);
  });
});
