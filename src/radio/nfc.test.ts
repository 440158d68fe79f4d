import { describe, test, expect } from 'vitest';
import { simulateNfcTap } from './nfc.js';
import { defaultNfcTapParams, asTypeB, type NfcTapParams, type NfcCarrierKind } from './nfc-params.js';
import { drawTrajectory, DEFAULT_TAP_GESTURE, type TapGestureParams } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { mifareTicketFlow } from '../link/apdu-flows.js';
import type { TapCause } from './tap-outcome.js';

const GOOD_TAP: TapGestureParams = {
  ...DEFAULT_TAP_GESTURE,
  dwellHeightM: { kind: 'constant', value: 0.01 },
  lateralOffsetM: { kind: 'constant', value: 0 },
  tiltDeg: { kind: 'constant', value: 0 },
  impatienceS: { kind: 'constant', value: 2 },
};

function run(params: NfcTapParams, gesture: TapGestureParams, n: number, key: string, others = 0) {
  const rng = streamFor(2024, 0, key);
  const causes: Partial<Record<TapCause, number>> = {};
  const latMs: number[] = [];
  const cardMs: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = simulateNfcTap(params, drawTrajectory(rng, gesture), rng, { otherCardsInField: others });
    causes[o.cause] = (causes[o.cause] ?? 0) + 1;
    if (o.cause === 'ok') latMs.push(o.latencyNs / 1e6);
    if (o.cause === 'ok') cardMs.push((o.latencyNs - o.components.waitNs) / 1e6);
  }
  latMs.sort((a, b) => a - b);
  cardMs.sort((a, b) => a - b);
  // cardMedianMs: from the first poll that engaged the card (latency less waiting), as card transaction times are published.
  return { causes, medianMs: latMs[latMs.length >> 1] ?? Number.NaN, cardMedianMs: cardMs[cardMs.length >> 1] ?? Number.NaN, ok: (causes.ok ?? 0) / n };
}

/** Dwell height (m) where success first falls below 50 %, linearly interpolated on a 2.5 mm grid. */
function fiftyPercentHeightM(params: NfcTapParams, key: string): number {
  let prevH = 0;
  let prevP = 1;
  for (let h = 0.01; h <= 0.1; h += 0.0025) {
    const p = run(params, { ...DEFAULT_TAP_GESTURE, dwellHeightM: { kind: 'constant', value: h } }, 800, `${key}-${h.toFixed(4)}`).ok;
    if (p < 0.5) return prevH + ((prevP - 0.5) / (prevP - p)) * (h - prevH);
    prevH = h;
    prevP = p;
  }
  return Number.NaN;
}

describe('13.56 MHz tap: latency for a good tap (docs/sources.md#f10-2, #f5)', () => {
  test.each<[NfcCarrierKind, number, number]>([
    ['emv-card', 250, 450],
    ['nfc-phone', 250, 450],
    ['transit-card', 50, 300],
  ])('%s median latency in [%s, %s] ms', (kind, lo, hi) => {
    const r = run(defaultNfcTapParams(kind), GOOD_TAP, 400, `lat-${kind}`);
    expect(r.ok).toBe(1);
    expect(r.medianMs).toBeGreaterThanOrEqual(lo);
    expect(r.medianMs).toBeLessThanOrEqual(hi);
  });
  test('MIFARE-class ticketing < 100 ms from card detection (docs/sources.md#f5)', () => {
    const p = defaultNfcTapParams('transit-card');
    const r = run({ ...p, carrier: { ...p.carrier, flow: mifareTicketFlow() } }, GOOD_TAP, 400, 'lat-mifare');
    expect(r.ok).toBe(1);
    expect(r.cardMedianMs).toBeLessThan(100);
  });
  test('Type B carrier completes too', () => {
    const p = defaultNfcTapParams('transit-card');
    const r = run({ ...p, carrier: asTypeB(p.carrier) }, GOOD_TAP, 200, 'lat-b');
    expect(r.ok).toBe(1);
    expect(r.medianMs).toBeLessThan(300);
  });
});

describe('13.56 MHz tap: success vs dwell height (calibration, docs/sources.md#f4-1/#f4-2)', () => {
  test('phone: 50 % at 3.5–4 cm', () => {
    const h = fiftyPercentHeightM(defaultNfcTapParams('nfc-phone'), 'h-phone');
    expect(h).toBeGreaterThan(0.035);
    expect(h).toBeLessThan(0.04);
  });
  test('ID-1 card: 50 % at 6–8 cm', () => {
    const h = fiftyPercentHeightM(defaultNfcTapParams('emv-card'), 'h-card');
    expect(h).toBeGreaterThan(0.06);
    expect(h).toBeLessThan(0.08);
  });
  test('out of range at 10 cm: no frames, zero latency', () => {
    const r = run(defaultNfcTapParams('emv-card'), { ...GOOD_TAP, dwellHeightM: { kind: 'constant', value: 0.1 } }, 50, 'oor');
    expect(r.causes['out-of-range']).toBe(50);
  });
});

describe('13.56 MHz tap: failure causes', () => {
  test('EMV reader with a wallet of two cards: card clash', () => {
    const r = run(defaultNfcTapParams('emv-card'), GOOD_TAP, 50, 'clash', 1);
    expect(r.causes.collision).toBe(50);
  });
  test('EMV reader, Type B wallet: card clash', () => {
    const p = defaultNfcTapParams('emv-card');
    expect(run({ ...p, carrier: asTypeB(p.carrier) }, GOOD_TAP, 50, 'clash-b', 1).causes.collision).toBe(50);
  });
  test('transit reader resolves a stack of three and pays with the intended card', () => {
    const rng = streamFor(2024, 0, 'stack');
    const o = simulateNfcTap(defaultNfcTapParams('transit-card'), drawTrajectory(rng, GOOD_TAP), rng, { otherCardsInField: 2 });
    expect(o.cause).toBe('ok');
    expect(o.collisions).toBeGreaterThanOrEqual(1);
  });
  test('a quick flick at the edge of the field tears the qPBOC flow', () => {
    const flick: TapGestureParams = { ...DEFAULT_TAP_GESTURE, dwellHeightM: { kind: 'constant', value: 0.04 }, impatienceS: { kind: 'constant', value: 0.05 }, lateralOffsetM: { kind: 'constant', value: 0 }, tiltDeg: { kind: 'constant', value: 0 } };
    const r = run(defaultNfcTapParams('emv-card'), flick, 100, 'flick');
    expect(r.causes.tear).toBeGreaterThan(50);
  });
  test('a noisy receiver gives frame errors', () => {
    const p = defaultNfcTapParams('emv-card');
    const noisy = { ...p, reader: { ...p.reader, antenna: { ...p.reader.antenna, noiseRmsV: 0.5 } } };
    const r = run(noisy, { ...GOOD_TAP, dwellHeightM: { kind: 'constant', value: 0.05 } }, 50, 'noisy');
    expect(r.causes['frame-errors']).toBe(50);
  });
  test('durationNs: gesture start to the last frame; the whole gesture when out of range', async () => {
    const { gestureDurationNs } = await import('../motion/tap-gesture.js');
    const rng = streamFor(3, 0, 'duration');
    const good = drawTrajectory(rng, GOOD_TAP);
    const ok = simulateNfcTap(defaultNfcTapParams('emv-card'), good, rng);
    expect(ok.cause).toBe('ok');
    expect(ok.durationNs).toBeGreaterThan(ok.latencyNs);
    expect(ok.durationNs).toBeLessThan(gestureDurationNs(good));
    const far = drawTrajectory(rng, { ...GOOD_TAP, dwellHeightM: { kind: 'constant', value: 0.15 } });
    const oor = simulateNfcTap(defaultNfcTapParams('emv-card'), far, rng);
    expect(oor.cause).toBe('out-of-range');
    expect(oor.durationNs).toBe(gestureDurationNs(far));
    expect(oor.frames).toBe(0);
  });
  test('deterministic for a given stream', () => {
    const p = defaultNfcTapParams('nfc-phone');
    const a = streamFor(1, 2, 'det');
    const b = streamFor(1, 2, 'det');
    expect(simulateNfcTap(p, drawTrajectory(a, DEFAULT_TAP_GESTURE), a)).toEqual(simulateNfcTap(p, drawTrajectory(b, DEFAULT_TAP_GESTURE), b));
  });
  test('optical flows are rejected', async () => {
    const { qrOpticalFlow } = await import('../link/apdu-flows.js');
    const p = defaultNfcTapParams('nfc-phone');
    expect(() => simulateNfcTap({ ...p, carrier: { ...p.carrier, flow: qrOpticalFlow() } }, drawTrajectory(streamFor(1, 0, 'q'), GOOD_TAP), streamFor(1, 0, 'q'))).toThrow();
  });
});
