import { describe, expect, test } from 'vitest';
import { Kernel } from '../kernel/kernel.js';
import { exponential } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';
import type { TapOutcome } from '../radio/tap-outcome.js';
import { s } from '../units.js';
import { Gate, type GateHooks, type GateMechanics } from './gate.js';
import type { Passenger } from './passenger.js';

function okTap(durationNs: number): TapOutcome {
  return { cause: 'ok', band: 'optical', latencyNs: durationNs, durationNs, frames: 0, retransmissions: 0, collisions: 0, heightM: 0, offsetM: 0 };
}

function passenger(key: string): Passenger {
  return { key, carrierIndex: 0, rng: streamFor(1, 0, key), arrivedNs: 0, queuedNs: 0, taps: 0, totalTaps: 0, fallback: 'none', lastGate: -1, tapStartNs: 0 };
}

interface Harness {
  kernel: Kernel;
  gate: Gate;
  waitsS: number[];
  passedAtNs: number[];
  queueSamples: Array<[number, number]>;
}

function harness(mechanics: GateMechanics, tap: (p: Passenger) => TapOutcome): Harness {
  const kernel = new Kernel();
  const h: Harness = { kernel, gate: undefined as unknown as Gate, waitsS: [], passedAtNs: [], queueSamples: [] };
  const hooks: GateHooks = {
    tap: (p) => tap(p),
    authorise: (_p, _g, _o, done) => done(true),
    onTap: () => undefined,
    onPassed: (_p, _g, atNs) => h.passedAtNs.push(atNs),
    onGiveUp: () => undefined,
    onQueueLevel: () => undefined,
    onServiceStart: (p) => h.waitsS.push((kernel.nowNs - p.queuedNs) / 1e9),
  };
  h.gate = new Gate(kernel, 0, 0, 0, mechanics, hooks);
  return h;
}

const serial = (headwayS: number): GateMechanics => ({
  model: 'serial', openNs: 0, passageS: { kind: 'constant', value: 0 }, minCycleNs: 0, relockS: { kind: 'constant', value: 0 }, serialHeadwayNs: s(headwayS),
  representDelayS: { kind: 'constant', value: 1 }, maxTaps: 3,
});

function poissonArrivals(h: Harness, perMinute: number, count: number, seed: number): void {
  const rng = streamFor(seed, 0, 'arrivals');
  let n = 0;
  const next = (): void => {
    h.gate.join(passenger(`p${n}`));
    if (++n < count) h.kernel.schedule(Math.round(exponential(rng, 60e9 / perMinute)), next);
  };
  h.kernel.schedule(0, next);
}

describe('gate queue against analytic results', () => {
  test('V17: Poisson arrivals + deterministic 2 s service is M/D/1 (Wq within 5 %)', () => {
    // Tap 0.3 s + serial headway 1.7 s = deterministic service 2 s (docs/sources.md#f8, docs/validation.md#v17).
    for (const [perMinute, wqS] of [[20, 2], [25, 5]] as const) {
      const h = harness(serial(1.7), () => okTap(s(0.3)));
      poissonArrivals(h, perMinute, 1_010_000, perMinute);
      h.kernel.run();
      const waits = h.waitsS.slice(10_000);
      const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
      expect(Math.abs(mean / wqS - 1), `λ=${perMinute}/min: Wq ${mean} s vs ${wqS} s`).toBeLessThan(0.05);
    }
  });

  test('V18: saturated gate throughput vs transaction time (serial and overlap, within 0.5 %)', () => {
    const overlap: GateMechanics = {
      model: 'overlap', openNs: 0, passageS: { kind: 'constant', value: 1.2 }, minCycleNs: s(1.6), relockS: { kind: 'constant', value: 0 }, serialHeadwayNs: 0,
      representDelayS: { kind: 'constant', value: 1 }, maxTaps: 3,
    };
    const table: Array<[number, number, number]> = [
      [0.1, 40.0, 37.5], [0.2, 37.5, 37.5], [0.3, 35.294, 37.5], [0.4, 33.333, 37.5],
      [0.5, 31.579, 35.294], [0.8, 27.273, 30.0], [1.2, 23.077, 25.0], [2.0, 17.647, 18.75],
    ];
    for (const [txS, serialPpm, overlapPpm] of table) {
      for (const [mechanics, expected] of [[serial(1.4), serialPpm], [overlap, overlapPpm]] as const) {
        const h = harness(mechanics, () => okTap(s(txS)));
        for (let i = 0; i < 10_100; i++) h.gate.join(passenger(`p${i}`)); // infinite queue
        h.kernel.run();
        const first = h.passedAtNs[100]!;
        const last = h.passedAtNs[10_099]!;
        const ppm = (10_000 - 1) / ((last - first) / 60e9);
        expect(Math.abs(ppm / expected - 1), `${mechanics.model} t_tx=${txS}: ${ppm} ppm vs ${expected}`).toBeLessThan(0.005);
      }
    }
  });

  test('an over-capacity gate: the queue grows at λ − μ', () => {
    // λ = 40/min, μ = 30/min (2 s deterministic): growth 10/min. Over 2 h the queue reaches ≈ 1200.
    const h = harness(serial(1.7), () => okTap(s(0.3)));
    poissonArrivals(h, 40, 1_000_000, 3);
    const samples: Array<[number, number]> = [];
    for (let minute = 10; minute <= 120; minute += 10) {
      h.kernel.run(minute * 60e9);
      samples.push([minute, h.gate.queueLength]);
    }
    // Least-squares slope of queue length vs minutes.
    const n = samples.length;
    const mx = samples.reduce((a, [x]) => a + x, 0) / n;
    const my = samples.reduce((a, [, y]) => a + y, 0) / n;
    const slope = samples.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / samples.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    // sd of the Poisson count over 110 min is √4400 ≈ 66 → slope sd ≈ 0.7/min; allow 3 sd.
    expect(Math.abs(slope - 10)).toBeLessThan(2);
  });

  test('failed taps retry after the re-present delay, then give up', () => {
    let taps = 0;
    const kernel = new Kernel();
    const gaveUp: number[] = [];
    const fail: TapOutcome = { ...okTap(s(0.5)), cause: 'out-of-range' };
    const gate = new Gate(kernel, 0, 0, 0, serial(1), {
      tap: () => { taps++; return fail; },
      authorise: () => { throw new Error('never authorised'); },
      onTap: () => undefined,
      onPassed: () => { throw new Error('never passes'); },
      onGiveUp: () => gaveUp.push(kernel.nowNs),
      onQueueLevel: () => undefined,
      onServiceStart: () => undefined,
    });
    gate.join(passenger('unlucky'));
    kernel.run();
    // 3 taps × 0.5 s + 2 re-present delays × 1 s.
    expect(taps).toBe(3);
    expect(gaveUp).toEqual([s(3.5)]);
  });
});
