import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPath, runSensitivity, sensitivityDesign } from './sensitivity.js';
import { writeSensitivity } from './sensitivity-output.js';
import { SENSITIVITY_PARAMS, type SensitivityParam } from './sensitivity-params.js';
import { swings } from './sensitivity-table.js';
import { loadScenario } from '../scenario/load.js';

const TINY = `name: tiny-sens
seed: 7
duration: 3 min
warmup: 0 s
replications: 2
carriers:
  - { id: sim, kind: dual-sim, share: 1 }
readers:
  - { id: r, bands: [2.45GHz] }
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: 900 }
        gatelines:
          - { id: G, gates: 2, pitch: 0.65 m, reader: r }
`;

const PARAMS: SensitivityParam[] = [
  { id: 'phone.attenuationDb', path: 'carriers.*.attenuationDb', low: '0', high: '12', band: '13.56MHz', why: 'test' },
  { id: 'gone', path: 'readers.*.rcc.noSuchField', low: '1', high: '2', band: '2.45GHz', why: 'a renamed parameter' },
];

function tinyFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tapsim-sens-')), 'tiny.yaml');
  writeFileSync(file, TINY);
  return file;
}

describe('tapsim sensitivity', () => {
  it('expands * over every item of a list', () => {
    expect(expandPath({ readers: [{}, {}, {}] }, 'readers.*.rcc.txPowerDbm')).toEqual(['readers.0.rcc.txPowerDbm', 'readers.1.rcc.txPowerDbm', 'readers.2.rcc.txPowerDbm']);
    expect(expandPath({ seed: 1 }, 'seed')).toEqual(['seed']);
    expect(() => expandPath({ readers: {} }, 'readers.*.x')).toThrow(/not a list/);
  });

  it('the schema accepts every shipped row at its low and at its high value', async () => {
    const file = tinyFile();
    const both = { path: 'readers.0.bands', value: '[13.56MHz, 2.45GHz]' };
    const base = await loadScenario(file, { overrides: [both] });
    for (const level of ['low', 'high'] as const) {
      const set = SENSITIVITY_PARAMS.flatMap((p) => expandPath(base.scenario, p.path).map((path) => ({ path, value: p[level] })));
      await expect(loadScenario(file, { overrides: [both, ...set] })).resolves.toBeDefined();
    }
    expect(new Set(SENSITIVITY_PARAMS.map((p) => p.id)).size).toBe(SENSITIVITY_PARAMS.length);
  }, 30_000);

  it('runs base, low and high on common random numbers; skips a parameter the schema refuses; writes csv, figure and table', async () => {
    const design = await sensitivityDesign(tinyFile(), [], PARAMS);
    expect(design.skipped.map((s) => s.param)).toEqual(['gone']);
    expect(design.skipped[0]?.reason).toMatch(/noSuchField/);
    expect(design.points.map((p) => `${p.param}:${p.level}`)).toEqual(['base:base', 'phone.attenuationDb:low', 'phone.attenuationDb:high']);
    const run = await runSensitivity(design, { workers: 1, inThread: true });
    expect(run.failures).toEqual([]);
    const out = join(mkdtempSync(join(tmpdir(), 'tapsim-sens-out-')), 'out');
    const { rows, markdown } = await writeSensitivity(out, design, run, { scenarioName: 'tiny-sens', scenarioFile: 'tiny.yaml', seed: 7, replications: 2, params: PARAMS.slice(0, 1), wallTimeS: 0 });
    // 12 dB of coupling loss costs 13.56 MHz taps, not 2.45 GHz ones: RCC − NFC success grows.
    const s = swings(rows, 'paid_correctly_rate')[0]!;
    expect(s.high).toBeGreaterThan(s.low);
    const rcc = rows.filter((r) => r.metric === 'paid_correctly_rate').map((r) => r.b.mean);
    expect(new Set(rcc).size).toBe(1); // the same people on 2.45 GHz whatever the 13.56 MHz coupling
    expect(rows.every((r) => r.diff.n === 2)).toBe(true);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('parameter,level,value,metric,nfc_mean,nfc_ci95,nfc_n,rcc_mean,rcc_ci95,rcc_n,diff_rcc_minus_nfc,diff_ci95,diff_n');
    expect(csv).toHaveLength(1 + 3 * 4);
    const svg = readFileSync(join(out, 'sensitivity-tornado.svg'), 'utf8');
    expect(svg.match(/<svg /g)).toHaveLength(4);
    expect(markdown).toMatch(/^\| parameter \| low \/ high \|/);
    expect(markdown).toMatch(/\| phone\.attenuationDb \| 0 \/ 12 \|/);
  }, 60_000);
});
