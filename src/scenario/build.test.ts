import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BACKEND } from '../backend/backend.js';
import { LINK_PRESETS } from '../backend/network.js';
import { defaultNfcReader } from '../radio/nfc-params.js';
import { DEFAULT_RCC_PARAMS } from '../radio/rcc-params.js';
import { nfcTapParamsOf, type NfcPrepared } from '../radio/nfc-band.js';
import { RCC_BAND, type RccPrepared } from '../radio/rcc-band.js';
import { buildWorld } from './build.js';
import { compileRateExpression } from './expression.js';
import { loadScenario } from './load.js';
import { buildScenarioSchema, type ResolvedScenario } from './schema.js';
import { createQuantityParser, loadMath } from './units.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from '../radio/bystander-geometry.js';

type Doc = Record<string, unknown>;
let resolveDoc: (doc: Doc) => ResolvedScenario;

beforeAll(async () => {
  const math = await loadMath();
  const schema = buildScenarioSchema({ quantity: createQuantityParser(math), rateExpression: (t) => compileRateExpression(math, t) });
  resolveDoc = (doc) => schema.parse(doc) as ResolvedScenario;
});

/** A small reference scenario: one station, one entrance, one gateline; `patch` replaces top-level fields. */
const small = (patch: Doc = {}): Doc => ({
  name: 'small',
  duration: '10 min',
  carriers: [{ id: 'card', kind: 'transit-card', share: 1 }],
  readers: [{ id: 'r', bands: ['13.56MHz'] }],
  stations: [{ id: 'S', entrances: [{ id: 'E', demand: { rate: 3600 }, gatelines: [{ id: 'G', gates: 2, reader: 'r' }] }] }],
  ...patch,
});
const world = (patch: Doc = {}) => buildWorld(resolveDoc(small(patch)));

describe('buildWorld maps a resolved scenario', () => {
  it('keeps times as integer ns (no ms or s on the way)', () => {
    const w = world({ duration: '90 min', warmup: '5 min', outputs: { interval: '30 s' } });
    expect(w.durationNs).toBe(5_400_000_000_000);
    expect(w.warmupNs).toBe(300_000_000_000);
    expect(w.intervalNs).toBe(30_000_000_000);
    expect(w.backend.intervalNs).toBe(30_000_000_000);
    const m = w.gatelines[0]!.mechanics;
    // The flap preset: open 0.3 s, cycle 1.6 s, serial headway 1.4 s.
    expect([m.openNs, m.minCycleNs, m.serialHeadwayNs]).toEqual([300_000_000, 1_600_000_000, 1_400_000_000]);
    expect(w.entrances[0]!.table.stepNs).toBe(60_000_000_000);
    expect(w.backend.terminal.timeoutNs).toBe(1_000_000_000);
    expect(nfcTapParamsOf(w.pairs[0]![0]!)!.reader.pollingPeriodNs).toBe(20_000_000);
    expect(nfcTapParamsOf(w.pairs[0]![0]!)!.reader.transactionTimeoutNs).toBe(1_000_000_000);
  });

  it('merges a gateline override into its gate type and keys lines and entrances by station', () => {
    const w = world({
      readers: [{ id: 'a', bands: ['13.56MHz'] }, { id: 'b', bands: ['2.45GHz'] }],
      stations: [
        { id: 'S1', entrances: [{ id: 'E', demand: { rate: 60 }, gatelines: [{ id: 'G1', gates: 1, reader: 'b', gateType: 'tripod', gate: { openTime: '250 ms' } }, { id: 'G2', gates: 3, reader: 'a', pitch: '70 cm' }] }] },
        { id: 'S2', entrances: [{ id: 'E', demand: { rate: 60 }, gatelines: [{ id: 'G1', gates: 1, reader: 'a' }] }] },
      ],
    });
    expect(w.gatelines.map((g) => [g.key, g.readerIndex, g.gates])).toEqual([
      ['S1/G1', 1, 1],
      ['S1/G2', 0, 3],
      ['S2/G1', 0, 1],
    ]);
    expect(w.gatelines[1]!.pitchM).toBeCloseTo(0.7, 12);
    expect(w.entrances.map((e) => [e.key, e.stationIndex, e.gatelines])).toEqual([
      ['S1/E', 0, [0, 1]],
      ['S2/E', 1, [2]],
    ]);
    const tripod = w.gatelines[0]!.mechanics;
    expect(tripod.openNs).toBe(250_000_000);
    expect(tripod.minCycleNs).toBe(3_000_000_000);
    expect(tripod.relockS).toEqual({ kind: 'constant', value: 0.2 });
    expect(w.stationIds).toEqual(['S1', 'S2']);
    expect(w.readerIds).toEqual(['a', 'b']);
  });

  it('samples demand into tables and builds the carrier CDF from the population or the entrance mix', () => {
    const w = world({
      carriers: [
        { id: 'card', kind: 'transit-card', share: 0.25 },
        { id: 'phone', kind: 'nfc-phone', share: 0.75 },
      ],
      stations: [
        {
          id: 'S',
          entrances: [
            { id: 'A', demand: { rate: 3600, step: '2 min', exitRate: 120 }, gatelines: [{ id: 'G', gates: 1, reader: 'r', direction: 'both' }] },
            { id: 'B', demand: { rate: 1800, carrierMix: [{ carrier: 'phone', share: 1 }] }, gatelines: [{ id: 'H', gates: 1, reader: 'r' }] },
          ],
        },
      ],
    });
    const [a, b] = w.entrances as [(typeof w.entrances)[0], (typeof w.entrances)[0]];
    expect(a.table).toEqual({ ratesPerHour: [3600, 3600, 3600, 3600, 3600], stepNs: 120_000_000_000 });
    expect(a.maxPerHour).toBe(3600);
    expect(a.exitTable.ratesPerHour).toHaveLength(5);
    expect(a.maxExitPerHour).toBe(120);
    expect(Array.from(a.carrierCdf)).toEqual([0.25, 1]);
    expect(b.exitTable.ratesPerHour).toEqual([]);
    expect(b.maxExitPerHour).toBe(0);
    expect(Array.from(b.carrierCdf)).toEqual([0, 1]);
    expect(w.carriers.map((c) => [c.id, c.kind, c.share, c.authorisation, c.bystander])).toEqual([
      ['card', 'transit-card', 0.25, 'deferred', { bands: ['13.56MHz'], restingPlacement: 'pocket', profiles: { '13.56MHz': 'transit-card' } }],
      ['phone', 'nfc-phone', 0.75, 'deferred', { bands: ['13.56MHz'], restingPlacement: 'pocket', profiles: { '13.56MHz': 'nfc-phone' } }],
    ]);
    expect(w.bystanders).toEqual(DEFAULT_BYSTANDER_GEOMETRY);
  });

  it('gives the model constants where the scenario keeps the defaults (backend, reader)', () => {
    const w = world();
    expect(w.backend).toEqual(DEFAULT_BACKEND);
    expect(nfcTapParamsOf(w.pairs[0]![0]!)!.reader).toEqual(defaultNfcReader('emv'));
    expect(w.valueCents).toEqual({ kind: 'constant', value: 300 });
    expect(w.fallback).toBe('other-gate');
    expect(w.transactions).toBe(true);
  });

  it('maps backend overrides onto the link preset, terminal and channels', () => {
    const w = world({
      backend: {
        link: { kind: '4g', rtt: '30 ms', loss: 0.5, outages: [{ at: '10 s', duration: '2 s' }] },
        terminal: { timeout: '2 s', maxRetries: 3, retryBackoff: '50 ms', fallback: 'deny', floorLimitCents: 0, localCheck: '1 ms' },
        fep: { servers: 8, batchInterval: '30 s' },
        channels: [{ id: 'x', share: 3, servers: 10 }, { id: 'y' }],
      },
    });
    const b = w.backend;
    expect(b.link).toEqual({ ...LINK_PRESETS['4g'], kind: 'custom', rttS: { kind: 'constant', value: 0.03 }, lossProbability: 0.5, outages: [{ startNs: 10_000_000_000, durationNs: 2_000_000_000 }] });
    expect(b.terminal).toEqual({ ...DEFAULT_BACKEND.terminal, timeoutNs: 2_000_000_000, maxRetries: 3, retryBackoffNs: 50_000_000, fallback: 'deny', floorLimitCents: 0, localCheckS: { kind: 'constant', value: 0.001 } });
    expect(b.fep).toEqual({ ...DEFAULT_BACKEND.fep, servers: 8, batchIntervalNs: 30_000_000_000 });
    expect(b.channels.map((c) => [c.id, c.share, c.host.servers])).toEqual([
      ['x', 3, 10],
      ['y', 1, DEFAULT_BACKEND.channels[0]!.host.servers],
    ]);
  });

  it('prepares each (reader, carrier) pair on its band, converting units', () => {
    const w = world({
      carriers: [
        { id: 'dual', kind: 'dual-sim', share: 0.5, detuningKHz: 150, cardType: 'B', bodyLossDb: 5 },
        { id: 'qr', kind: 'qr', share: 0.5 },
      ],
      readers: [
        { id: 'both', bands: ['13.56MHz', '2.45GHz'], dualBandPreference: '2.45GHz', rcc: { txPowerDbm: '-3 dBm', lfBeaconPeriod: '50 ms' } },
        { id: 'nfc', bands: ['13.56MHz'], pollingPeriod: '25 ms', nfc: { antennaRadius: '40 mm', transactionTimeout: '600 ms' } },
      ],
    });
    const [[dualAtBoth, qrAtBoth], [dualAtNfc]] = w.pairs as [[TapPairOf, TapPairOf], [TapPairOf]];
    expect(dualAtBoth.band).toBe('2.45GHz');
    expect(nfcTapParamsOf(dualAtBoth)).toBeNull();
    expect(dualAtBoth.model).toBe(RCC_BAND);
    const rcc = (dualAtBoth.prepared as RccPrepared).params;
    expect(rcc.rf).toEqual({ ...DEFAULT_RCC_PARAMS.rf, txPowerDbm: -3 });
    expect(rcc.beaconPeriodNs).toBe(50_000_000);
    expect(rcc.bodyLoss.hand).toEqual({ minDb: 5, maxDb: 5, sigmaMinDb: 4, sigmaMaxDb: 4 });
    expect(qrAtBoth.band).toBe('optical');
    expect(qrAtBoth.prepared).not.toBeNull();
    expect(dualAtNfc.band).toBe('13.56MHz');
    const nfc = nfcTapParamsOf(dualAtNfc)!;
    expect(nfc.reader.antenna.radiusM).toBeCloseTo(0.04, 12);
    expect(nfc.reader.pollingPeriodNs).toBe(25_000_000);
    expect(nfc.reader.transactionTimeoutNs).toBe(600_000_000);
    expect(nfc.carrier.detuningHz).toEqual({ kind: 'constant', value: 150_000 });
    expect(nfc.carrier.cardType).toBe('B');
    // Phones: coupling loss N(4 dB, 2 dB) truncated to [0, mean + 4σ].
    expect(nfc.carrier.couplingLossDb).toEqual({ kind: 'normal', mean: 4, sd: 2, min: 0, max: 12 });
    expect((dualAtNfc.prepared as NfcPrepared).activation.length).toBeGreaterThan(0);
    expect(w.qrPairs.map((p) => p.band)).toEqual(['optical', 'optical']);
  });

  it('declines a pair that shares no band', () => {
    const w = world({ carriers: [{ id: 'rf', kind: 'rcc-phone', share: 1 }] });
    expect(w.pairs[0]![0]!.band).toBeNull();
    expect(w.pairs[0]![0]!.carrierBand).toBe('2.45GHz');
  });

  it('takes a demand table of 200 000 samples (a spread of it overflowed the stack, issue 14 row 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-build-'));
    const file = join(dir, 'long.yaml');
    // 200 000 s at 1 s steps: a rate table of 200 000 samples, peaking once near the end.
    writeFileSync(
      file,
      `name: long
duration: 200000 s
carriers: [{ id: c, kind: transit-card, share: 1 }]
readers: [{ id: r, bands: [13.56MHz] }]
stations:
  - id: S
    entrances:
      - id: E
        demand: { rate: { at: [0, 199990 s, 199991 s], perHour: [10, 10, 60] }, step: 1 s, exitRate: 120 }
        gatelines: [{ id: G, gates: 1, reader: r, direction: both }]
`,
    );
    const { scenario } = await loadScenario(file);
    expect(scenario.stations[0]?.entrances[0]?.demand.ratesPerHour.length).toBe(200_000);
    const built = buildWorld(scenario);
    expect(built.entrances[0]?.maxPerHour).toBe(60);
    expect(built.entrances[0]?.maxExitPerHour).toBe(120);
  });
});

type TapPairOf = ReturnType<typeof buildWorld>['pairs'][number][number];
