import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { runReplication, type ReplicationResult } from './replication.js';

/** Six RCC gates at 0.65 m without LF distance control: wrong-gate binds happen, so the two success rates differ. */
const SCENARIO = `
name: replication-test
seed: 3
duration: 4 min
warmup: 30 s
carriers:
  - { id: dual-sim, kind: dual-sim, share: 0.8 }
  - { id: rf, kind: rcc-phone, share: 0.2 }
readers:
  - { id: r, bands: [2.45GHz], policy: transit, rcc: { lfControl: false } }
stations:
  - id: S
    entrances:
      - id: A
        demand: { rate: 9500 }
        walkTime: { kind: uniform, min: 3 s, max: 8 s }
        gatelines:
          - { id: row, gates: 6, pitch: 0.65 m, reader: r, gateType: flap, choice: shortest-queue }
outputs:
  interval: 1 min
`;

let cached: ReplicationResult | undefined;
async function result(): Promise<ReplicationResult> {
  if (cached !== undefined) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'tapsim-replication-'));
  writeFileSync(join(dir, 's.yaml'), SCENARIO);
  const s = (await loadScenario(join(dir, 's.yaml'))).scenario;
  cached = runReplication({ scenario: s, replication: 0, seed: s.seed });
  return cached;
}

describe('runReplication: scalar metrics', () => {
  test('one success rule, two names: the gate opened (ok + wrong-gate) vs the right person paid (ok)', async () => {
    const m = (await result()).metrics;
    expect(m.cause_wrong_gate).toBeGreaterThan(0);
    expect(m.gate_open_rate).toBe((m.cause_ok! + m.cause_wrong_gate!) / m.taps!);
    expect(m.paid_correctly_rate).toBe(m.cause_ok! / m.taps!);
    expect(m.gate_open_rate).toBeGreaterThan(m.paid_correctly_rate!);
    // Per band and per carrier: ok only; a band nobody used is NaN.
    expect(m.paid_correctly_rate_rcc).toBe(m.paid_correctly_rate); // every tap is on 2.45 GHz
    expect(m.paid_correctly_rate_nfc).toBeNaN();
    expect(m.paid_correctly_rate_qr).toBeNaN();
    for (const carrier of ['dual-sim', 'rf']) {
      expect(m[`paid_correctly_rate_carrier_${carrier}`]).toBeGreaterThan(0.5);
      expect(m[`paid_correctly_rate_carrier_${carrier}`]).toBeLessThan(1);
    }
    expect(Object.keys(m).filter((k) => k.startsWith('tap_success') || k.startsWith('success_rate'))).toEqual([]);
    expect(m.wrong_gate_per_10k_taps).toBeCloseTo((m.cause_wrong_gate! / m.taps!) * 1e4, 9);
  });

  test('counts and rates agree with each other', async () => {
    const m = (await result()).metrics;
    expect(m.taps).toBe(Object.keys(m).filter((k) => k.startsWith('cause_')).reduce((sum, k) => sum + m[k]!, 0));
    expect(m.taps_per_passenger).toBe(m.taps! / m.passengers_passed!);
    expect(m.wait_p50_s).toBeLessThanOrEqual(m.wait_p95_s!);
    expect(m.wait_p95_s).toBeLessThanOrEqual(m.wait_p99_s!);
    expect(m.wait_p99_s).toBeLessThanOrEqual(m.wait_max_s! * 1.02);
    expect(m.gate_utilisation).toBeGreaterThan(0.5); // a standing queue
    expect(m.gate_utilisation).toBeLessThanOrEqual(1);
    expect(m.throughput_peak_ppm_per_gate).toBeGreaterThanOrEqual(m.throughput_ppm_per_gate!);
    expect(m.fruin_worst_class).toBeGreaterThanOrEqual(0);
    expect(m.host_online_requests).toBe(0); // transit: deferred authorisation
    expect(m.host_p99_ms).toBeNaN();
    expect(m.auth_p50_ms).toBeGreaterThan(0);
  });
});

describe('runReplication: series on the interval grid', () => {
  test('gateline and backend series have ceil(duration / interval) intervals (the end rule), row-major per gateline', async () => {
    const r = await result();
    const g = r.gatelines;
    expect(g.intervals).toBe(4);
    expect(g.keys).toEqual(['S/row']);
    for (const column of [g.arrivals, g.passed, g.taps, g.failedTaps, g.queueMean, g.queueMax, g.waitMeanS, g.waitP95S, g.waitMaxS, g.fruinClass]) expect(column).toHaveLength(4);
    expect(r.backend.offered).toHaveLength(4);
    expect(r.backend.offeredTps).toHaveLength(4);
    // Failed taps follow the gate: taps whose gate did not open.
    const failed = g.failedTaps.reduce((a, b) => a + b, 0);
    const taps = g.taps.reduce((a, b) => a + b, 0);
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(taps);
    // The series count warm-up too; the scalars do not.
    expect(taps).toBeGreaterThan(r.metrics.taps!);
    expect(r.sketches.tapLatency['dual-sim|2.45GHz']).toBeDefined();
    expect(r.transactions?.tNs).toHaveLength(taps); // one row per tap attempt, warm-up included
    expect(r.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
  });
});
