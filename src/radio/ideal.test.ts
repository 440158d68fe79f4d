import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IDEAL_BAND, IDEAL_DEFAULTS, idealTap } from './ideal.js';
import { DEFAULT_TAP_GESTURE, drawTrajectory, presentationNs } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { ms } from '../units.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from './bystander-geometry.js';

const NO_SURROUNDINGS_HERE = { behind: null, neighbours: [], pitchM: 0.6, geometry: DEFAULT_BYSTANDER_GEOMETRY };
import { bandConfigs, runCompare } from '../orchestrate/compare.js';
import { runScenario } from '../orchestrate/run-scenario.js';
import { loadScenario } from '../scenario/load.js';
import { smallScenarioDir } from '../testing/test-helpers.js';

const IDEAL_READER = 'readers:\n  - { id: lane-reader, bands: [ideal], ideal: { latency: 50 ms, successProbability: 0.9 } }\nreplications: 2\n';

describe('ideal band (reference link)', () => {
  test('a tap ends a fixed latency after the presentation (a failure one reaction later); it succeeds with the given probability', () => {
    const rng = streamFor(1, 0, 'ideal');
    let ok = 0;
    for (let i = 0; i < 4000; i++) {
      const t = drawTrajectory(rng, DEFAULT_TAP_GESTURE);
      const out = idealTap({ latencyNs: ms(80), successProbability: 0.25 }, t, rng);
      expect(out.latencyNs).toBe(ms(80));
      expect(out.durationNs).toBe(presentationNs(t) + ms(80) + (out.cause === 'ok' ? 0 : t.reactionNs));
      expect(out.components.airNs).toBe(ms(80));
      expect(['ok', 'frame-errors']).toContain(out.cause);
      if (out.cause === 'ok') ok++;
    }
    expect(ok / 4000).toBeGreaterThan(0.23); // binomial σ ≈ 0.007
    expect(ok / 4000).toBeLessThan(0.27);
  });

  test('by default it always succeeds after 100 ms, and reads any carrier only at a reader that serves it', () => {
    const prepared = IDEAL_BAND.prepare({ bands: ['ideal'], ideal: { latency: IDEAL_DEFAULTS.latencyNs, successProbability: 1 } }, { kind: 'emv-card', bands: ['13.56MHz'] });
    expect(prepared).toEqual({ latencyNs: ms(100), successProbability: 1 });
    expect(IDEAL_BAND.prepare({ bands: ['13.56MHz'], ideal: null }, { kind: 'emv-card', bands: ['13.56MHz'] })).toBeNull();
    const rng = streamFor(2, 0, 'ideal');
    for (let i = 0; i < 50; i++) expect(IDEAL_BAND.tap(prepared!, drawTrajectory(rng, DEFAULT_TAP_GESTURE), NO_SURROUNDINGS_HERE, rng).cause).toBe('ok');
  });

  test('runs through a scenario on 2 workers: every tap on the ideal band, its section resolved', async () => {
    const { dir, file } = smallScenarioDir('ideal', IDEAL_READER);
    const loaded = await loadScenario(file);
    expect(loaded.scenario.readers[0]).toMatchObject({ bands: ['ideal'], ideal: { latency: ms(50), successProbability: 0.9 }, nfc: null, rcc: null });
    const out = await runScenario(loaded, { outDir: join(dir, 'run'), workers: 2 });
    expect(out.runJson.workers).toBe(2);
    const rows = readFileSync(join(dir, 'run', 'transactions.csv'), 'utf8').trim().split('\n');
    const band = rows[0]!.split(',').indexOf('band');
    const taps = rows.slice(1).map((r) => r.split(','));
    expect(taps.length).toBeGreaterThan(100);
    for (const r of taps) expect(r[band]).toBe('ideal');
  });

  test('compare --bands adds it as one more configuration only when a reader uses it', async () => {
    const plain = smallScenarioDir('ideal-cmp0');
    expect((await bandConfigs(plain.file, [])).map((c) => c.id)).toEqual(['nfc', 'rcc', 'dual']);
    const { dir, file } = smallScenarioDir('ideal-cmp', IDEAL_READER.replace('replications: 2', 'replications: 1'));
    const configs = await bandConfigs(file, []);
    expect(configs.map((c) => [c.id, c.scenario.readers[0]!.bands])).toEqual([['nfc', ['13.56MHz']], ['rcc', ['2.45GHz']], ['ideal', ['ideal']], ['dual', ['13.56MHz', '2.45GHz']]]);
    const outcome = await runCompare(configs, { outDir: join(dir, 'cmp'), scenarioFile: file, workers: 2 });
    expect(outcome.failures).toEqual([]);
    const paid = outcome.rows.find((r) => r.metric === 'taps_per_passenger' && r.a === 'ideal' && r.b === 'nfc');
    expect(paid?.meanA).toBeGreaterThan(0);
  });
});
