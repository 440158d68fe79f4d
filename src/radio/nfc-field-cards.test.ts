import { describe, expect, test } from 'vitest';
import { drawTrajectory, DEFAULT_TAP_GESTURE, type TapGestureParams } from '../motion/tap-gesture.js';
import { streamFor } from '../random/stream.js';
import { DEFAULT_GATE_READER_ANTENNA, DEFAULT_ID1_CARD_ANTENNA, normalFieldPerAmpereTurnPerM } from '../physics/nfc-link-budget.js';
import { ms } from '../units.js';
import type { BandCarrier, Bystander, TapSurroundings } from './band.js';
import { DEFAULT_BYSTANDER_GEOMETRY, type BystanderGeometry } from './bystander-geometry.js';
import { NFC_BAND, NFC_SECTION, type NfcPrepared } from './nfc-band.js';
import { loopFieldBoundAPerM, otherCardsInField, poweredAt, type ExtraCardsParams, type MultiCardPolicy } from './nfc-field-cards.js';
import type { TapCause } from './tap-outcome.js';

const GOOD_TAP: TapGestureParams = {
  ...DEFAULT_TAP_GESTURE,
  dwellHeightM: { kind: 'constant', value: 0.01 },
  lateralOffsetM: { kind: 'constant', value: 0 },
  tiltDeg: { kind: 'constant', value: 0 },
  holdS: { kind: 'constant', value: 2 },
};
const NFC_DEFAULTS = Object.fromEntries(Object.entries(NFC_SECTION.fields).map(([k, f]) => [k, f.kind === 'time' ? f.defaultNs : f.default]));
const ALONE: TapSurroundings = { behind: null, neighbours: [], pitchM: 0.6, geometry: DEFAULT_BYSTANDER_GEOMETRY };
const CARD: Bystander = { bands: ['13.56MHz'], restingPlacement: 'pocket', profiles: { '13.56MHz': 'transit-card' } };

function prepared(multiCard: MultiCardPolicy, extraCards: ExtraCardsParams, kind = 'transit-card'): NfcPrepared {
  const reader = { bands: ['13.56MHz'], multiCard, pollingPeriod: ms(20), nfc: NFC_DEFAULTS };
  const carrier: BandCarrier = { kind, bands: ['13.56MHz'], profiles: { '13.56MHz': kind }, attenuationDb: 0, attenuationSpreadDb: 0, detuningKHz: 0, cardType: 'A', flow: 'transit-epurse', extraCards };
  const p = NFC_BAND.prepare(reader, carrier);
  if (p === null) throw new Error('no 13.56 MHz pair');
  return p;
}

function causes(p: NfcPrepared, n: number, key: string, around: TapSurroundings = ALONE): Partial<Record<TapCause, number>> {
  const rng = streamFor(16, 0, key);
  const out: Partial<Record<TapCause, number>> = {};
  for (let i = 0; i < n; i++) {
    const c = NFC_BAND.tap(p, drawTrajectory(rng, GOOD_TAP), around, rng).cause;
    out[c] = (out[c] ?? 0) + 1;
  }
  return out;
}

const WALLET: ExtraCardsParams = { probability: 1, kinds: ['emv-card'], offsetM: 0.01 };

describe('a second card in the wallet (13.56 MHz)', () => {
  test('a refusing reader reports every two-card tap as a collision', () => {
    expect(causes(prepared('refuse', WALLET), 40, 'refuse')).toEqual({ collision: 40 });
  });

  test('a selecting reader pays with one card; the wrong one about half the time (bit-exact "follow the 1 branch")', () => {
    // Two distinct uniform UIDs first differ at some bit; the '1' branch wins, and the intended card holds the 1
    // there with probability exactly 1/2. n = 400: σ = √(0.25/400) = 0.025; tolerance 4σ = 0.1, fixed before the run.
    const n = 400;
    const c = causes(prepared('select', WALLET), n, 'select');
    expect((c.ok ?? 0) + (c['wrong-card'] ?? 0)).toBe(n);
    expect(Math.abs((c['wrong-card'] ?? 0) / n - 0.5)).toBeLessThanOrEqual(0.1);
  });

  test('a card that cannot pay (an access badge) is halted and the intended card pays', () => {
    expect(causes(prepared('select', { ...WALLET, kinds: ['other'] }), 40, 'badge')).toEqual({ ok: 40 });
  });

  test('a second card too far behind is not powered and changes nothing', () => {
    expect(causes(prepared('refuse', { ...WALLET, offsetM: 0.1 }), 40, 'far')).toEqual({ ok: 40 });
  });

  test('probability 0: no card joins, and the draw order is the same as with probability 1', () => {
    const traj = drawTrajectory(streamFor(1, 0, 't'), GOOD_TAP);
    const a = streamFor(3, 0, 'order');
    const b = streamFor(3, 0, 'order');
    expect(otherCardsInField(DEFAULT_GATE_READER_ANTENNA, { ...WALLET, probability: 0 }, traj, ALONE, a)).toEqual([]);
    expect(otherCardsInField(DEFAULT_GATE_READER_ANTENNA, WALLET, traj, ALONE, b)).toEqual(['wrong-card']);
    expect(a.next01()).toBe(b.next01());
  });
});

describe('bystanders on 13.56 MHz', () => {
  test('the field bound holds: N·I·a/(2d²) is never below the loop field', () => {
    const r = DEFAULT_GATE_READER_ANTENNA;
    const rng = streamFor(4, 0, 'bound');
    for (let i = 0; i < 2000; i++) {
      const h = 0.001 + rng.next01() * 0.5;
      const rho = rng.next01() * 0.8;
      const tilt = (rng.next01() - 0.5) * Math.PI;
      expect(r.ampereTurnsA * normalFieldPerAmpereTurnPerM(r.radiusM, h, rho, tilt)).toBeLessThanOrEqual(loopFieldBoundAPerM(r, h, rho) * (1 + 1e-9));
    }
  });

  test('the person behind (30–60 cm back) and a neighbour one pitch away are never powered', () => {
    const r = DEFAULT_GATE_READER_ANTENNA;
    expect(loopFieldBoundAPerM(r, 0.05, 0.3)).toBeLessThan(DEFAULT_ID1_CARD_ANTENNA.hminAPerM);
    expect(poweredAt(r, DEFAULT_ID1_CARD_ANTENNA, 0, 0, 0.02, 0.6, 0)).toBe(false);
    const around: TapSurroundings = { behind: CARD, neighbours: [{ carrier: CARD, lateralM: 0.6 }], pitchM: 0.6, geometry: DEFAULT_BYSTANDER_GEOMETRY };
    expect(causes(prepared('select', { ...WALLET, probability: 0 }), 40, 'crowd', around)).toEqual({ ok: 40 });
  });

  test("a neighbour's card within reach (2 cm over a reader 2 cm away) joins anticollision: refused, or paid as wrong-gate", () => {
    const geometry: BystanderGeometry = { ...DEFAULT_BYSTANDER_GEOMETRY, neighbourHeightM: { kind: 'constant', value: 0.02 } };
    const around: TapSurroundings = { behind: null, neighbours: [{ carrier: CARD, lateralM: 0.02 }], pitchM: 0.02, geometry };
    const none = { ...WALLET, probability: 0 };
    expect(causes(prepared('refuse', none), 30, 'near-refuse', around)).toEqual({ collision: 30 });
    const c = causes(prepared('select', none), 200, 'near-select', around);
    expect((c.ok ?? 0) + (c['wrong-gate'] ?? 0)).toBe(200);
    expect(c['wrong-gate']).toBeGreaterThan(50); // ≈ 100 (σ ≈ 7)
  });
});
