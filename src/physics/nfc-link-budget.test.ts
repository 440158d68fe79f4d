import { describe, test, expect } from 'vitest';
import {
  DEFAULT_GATE_READER_ANTENNA as READER,
  DEFAULT_ID1_CARD_ANTENNA as CARD,
  DEFAULT_PHONE_ANTENNA as PHONE,
  PICC_CLASS_HMAX_A_PER_M,
  prepareNfcLink,
  effectiveFieldAPerM,
  uplinkSnr,
  bitErrorRate,
  frameErrorRate,
  evaluateNfcLink,
  erfc,
} from './nfc-link-budget.js';
import { circularLoopFieldAPerM, circularLoopOnAxisDistanceM, circularLoopOnAxisFieldAPerM } from './loop-field.js';

describe('calibration of the default gate reader (docs/sources.md#f1-2, #f4-1, #f4-2)', () => {
  test('field in the reader plane stays at Class 1 Hmax', () => {
    expect(circularLoopOnAxisFieldAPerM(READER.ampereTurnsA, READER.radiusM, 0)).toBeLessThanOrEqual(PICC_CLASS_HMAX_A_PER_M[1] + 1e-9);
  });
  test('ID-1 card powered on axis out to 6–8 cm', () => {
    const p = prepareNfcLink(READER, CARD, 0, 0);
    const rangeM = circularLoopOnAxisDistanceM(p.fieldScaleA, READER.radiusM, CARD.hminAPerM);
    expect(rangeM).toBeGreaterThan(0.06);
    expect(rangeM).toBeLessThan(0.08);
    expect(evaluateNfcLink(p, rangeM - 0.001, 0, 0, 200)).toBeGreaterThanOrEqual(0);
    expect(evaluateNfcLink(p, rangeM + 0.001, 0, 0, 200)).toBe(-1);
  });
  test('median phone (4 dB loss, 200 kHz detuning) powered on axis out to 3.5–4.5 cm', () => {
    const p = prepareNfcLink(READER, PHONE, 4, 200e3);
    const rangeM = circularLoopOnAxisDistanceM(p.fieldScaleA, READER.radiusM, PHONE.hminAPerM);
    expect(rangeM).toBeGreaterThan(0.035);
    expect(rangeM).toBeLessThan(0.045);
  });
  test.each([0.6, 0.75, 0.9])('the reader at the next gate (%s m pitch) is > 50 dB below Hmin', (pitchM) => {
    for (const heightM of [0, 0.02, 0.05]) {
      const f = circularLoopFieldAPerM(READER.ampereTurnsA, READER.radiusM, pitchM, heightM);
      const db = 20 * Math.log10(Math.hypot(f.axialAPerM, f.radialAPerM) / CARD.hminAPerM);
      expect(db).toBeLessThan(-50);
    }
  });
  test('uplink is not the limit for a card at its powering range; SNR ≥ 15 dB at 7 cm', () => {
    const p = prepareNfcLink(READER, CARD, 0, 0);
    expect(10 * Math.log10(uplinkSnr(p, 0.07, 0, 0))).toBeGreaterThan(15);
    expect(evaluateNfcLink(p, 0.069, 0, 0, 2000)).toBeLessThan(1e-6);
  });
});

describe('link physics', () => {
  test('load modulation ∝ k², i.e. amplitude ∝ 1/x⁶ far out (SNR ∝ 1/x¹²)', () => {
    const p = prepareNfcLink(READER, CARD, 0, 0);
    const ratioDb = 10 * Math.log10(uplinkSnr(p, 0.5, 0, 0) / uplinkSnr(p, 1.0, 0, 0));
    expect(ratioDb).toBeCloseTo(120 * Math.log10(2), 0);
  });
  test('coupling loss: field falls by L dB, the load-modulation budget (SNR) by 2L dB (docs/sources.md#f3-2: twice as fast)', () => {
    const a = prepareNfcLink(READER, CARD, 0, 0);
    const b = prepareNfcLink(READER, CARD, 3, 0);
    expect(20 * Math.log10(effectiveFieldAPerM(a, 0.03, 0.01, 0.1) / effectiveFieldAPerM(b, 0.03, 0.01, 0.1))).toBeCloseTo(3, 9);
    expect(10 * Math.log10(uplinkSnr(a, 0.03, 0.01, 0.1) / uplinkSnr(b, 0.03, 0.01, 0.1))).toBeCloseTo(6, 9);
  });
  test('tilt and offset reduce the effective field at a dwell height', () => {
    const p = prepareNfcLink(READER, CARD, 0, 0);
    expect(effectiveFieldAPerM(p, 0.04, 0, 0.5)).toBeLessThan(effectiveFieldAPerM(p, 0.04, 0, 0));
    expect(effectiveFieldAPerM(p, 0.04, 0.04, 0)).toBeLessThan(effectiveFieldAPerM(p, 0.04, 0, 0));
  });
  test('erfc, BER and FER', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(Math.abs(erfc(1) - 0.157299207050285) / 0.157299207050285).toBeLessThan(1.2e-7);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 7);
    // BPSK at Eb/N0 = 9.6 dB ≈ 1e-5
    expect(bitErrorRate(10 ** 0.96, true)).toBeGreaterThan(0.8e-5);
    expect(bitErrorRate(10 ** 0.96, true)).toBeLessThan(1.2e-5);
    expect(bitErrorRate(10, false)).toBeGreaterThan(bitErrorRate(10, true));
    expect(frameErrorRate(1e-4, 1000)).toBeCloseTo(1 - (1 - 1e-4) ** 1000, 12);
    expect(frameErrorRate(0, 1000)).toBe(0);
  });
});
