import { describe, expect, test } from 'vitest';
import {
  carrierSpreadSigmaDb,
  linearTransitionWidthM,
  onAxisFieldSlopeDbPerM,
  onAxisHeightForFieldM,
  predictedTransitionWidth,
  resonanceFactorDb,
  resonanceFactorSlopeDbPerHz,
  spreadSuccessProbability,
  type CarrierSpreadParams,
} from './card-spread.js';
import type { ReaderLoopShape } from './reader-loop-shape.js';
import { normal, uniform } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';

const GATE: ReaderLoopShape = { shape: 'circle', radiusM: 0.05 };
const NI = 0.75;
const HMIN = 1.5;
const N = 20_000;

/** Monte-Carlo of the same physics (not linearised): each card's on-axis read range, then the 10th/90th percentiles. */
function monteCarloWidthM(loop: ReaderLoopShape, p: CarrierSpreadParams, tuning: 'normal' | 'uniform', seed: number): number {
  const rng = streamFor(seed, 0, 'card-spread-mc');
  const nominalDb = resonanceFactorDb(p.resonanceMeanHz, p.loadedQ);
  const ranges = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const hminDb = p.hminSigmaDb > 0 ? normal(rng, 0, p.hminSigmaDb) : 0;
    const couplingDb = p.couplingSigmaDb > 0 ? normal(rng, 0, p.couplingSigmaDb) : 0;
    const halfWidth = Math.sqrt(3) * p.resonanceSigmaHz;
    const f = p.resonanceSigmaHz === 0 ? p.resonanceMeanHz : tuning === 'normal' ? normal(rng, p.resonanceMeanHz, p.resonanceSigmaHz) : uniform(rng, p.resonanceMeanHz - halfWidth, p.resonanceMeanHz + halfWidth);
    // Card i: field scale N·I·10^((D(f) − D(f̄) − ε_c)/20) against Hmin·10^(ε_H/20).
    const gainDb = resonanceFactorDb(f, p.loadedQ) - nominalDb - couplingDb;
    ranges[i] = onAxisHeightForFieldM(loop, (HMIN * 10 ** (hminDb / 20)) / (NI * 10 ** (gainDb / 20)));
  }
  ranges.sort();
  return ranges[Math.floor(0.9 * N)]! - ranges[Math.floor(0.1 * N)]!;
}

const NO_SPREAD: CarrierSpreadParams = { hminSigmaDb: 0, couplingSigmaDb: 0, resonanceMeanHz: 16e6, resonanceSigmaHz: 0, loadedQ: 5 };

describe('card population spread: the 90 %→10 % width on the axis (issue 17)', () => {
  test('research figure: ≈ 1.04 cm per dB of σ at the ID-1 edge (6.94 cm) of the 5 cm gate loop; 2.56 dB/cm at 4.15 cm', () => {
    const edge = onAxisHeightForFieldM(GATE, HMIN / NI);
    expect(edge).toBeCloseTo(0.0694, 4);
    const slope = onAxisFieldSlopeDbPerM(GATE, edge);
    expect(slope).toBeCloseTo(((20 / Math.LN10) * 3 * edge) / (0.05 ** 2 + edge ** 2), 3); // analytic, circle
    expect(slope / 100).toBeCloseTo(2.47, 2);
    expect(onAxisFieldSlopeDbPerM(GATE, 0.0415) / 100).toBeCloseTo(2.56, 2);
    expect(linearTransitionWidthM(1, slope) * 100).toBeCloseTo(1.04, 2);
    // Solving G(z) = ±1.2816σ on the field instead: 2.080 cm at σ 2 dB (the linear form: 2.075 cm).
    const w2 = predictedTransitionWidth(GATE, NI, HMIN, 2);
    expect(w2.widthM * 100).toBeCloseTo(2.08, 2);
    expect(w2.z90M).toBeLessThan(edge);
    expect(w2.z10M).toBeGreaterThan(edge);
  });
  test('Gaussian Hmin spread σ 2 dB: prediction = Monte-Carlo of 20 000 cards within 0.05 cm (sd of the width over seeds: 0.009 cm)', () => {
    const p = { ...NO_SPREAD, hminSigmaDb: 2 };
    const predicted = predictedTransitionWidth(GATE, NI, HMIN, carrierSpreadSigmaDb(p)).widthM;
    expect(Math.abs(monteCarloWidthM(GATE, p, 'normal', 1) - predicted)).toBeLessThan(0.0005);
  });
  test('Hmin 1.5 dB + coupling 1 dB + tuning 15.2–16.8 MHz uniform (Q_L 5): linearised σ predicts the Monte-Carlo width within 5 % (0.6–1.4 % measured)', () => {
    const p: CarrierSpreadParams = { hminSigmaDb: 1.5, couplingSigmaDb: 1, resonanceMeanHz: 16e6, resonanceSigmaHz: 0.8e6 / Math.sqrt(3), loadedQ: 5 };
    const sigma = carrierSpreadSigmaDb(p);
    expect(sigma).toBeCloseTo(Math.sqrt(1.5 ** 2 + 1 + (resonanceFactorSlopeDbPerHz(16e6, 5) * p.resonanceSigmaHz) ** 2), 12);
    const predicted = predictedTransitionWidth(GATE, NI, HMIN, sigma).widthM;
    for (const tuning of ['uniform', 'normal'] as const) expect(Math.abs(monteCarloWidthM(GATE, p, tuning, 2) / predicted - 1)).toBeLessThan(0.05);
  });
  test('rectangular reader and the RCC LF coil use the same function (LF: a 2 cm, σ 3 dB at the 5 cm trigger: 1.72 cm)', () => {
    const lf: ReaderLoopShape = { shape: 'circle', radiusM: 0.02 };
    const scale = 1;
    const t1 = 1 / (2 * 0.02) / (1 + (0.05 / 0.02) ** 2) ** 1.5; // on-axis field per A-turn at 5 cm
    const w = predictedTransitionWidth(lf, scale, t1, 3);
    expect(w.widthM * 100).toBeCloseTo(1.72, 2);
    const rect: ReaderLoopShape = { shape: 'rectangle', widthM: 0.08, lengthM: 0.05 };
    const predicted = predictedTransitionWidth(rect, NI, HMIN, 2).widthM;
    expect(predicted).toBeGreaterThan(0.01);
    expect(Math.abs(monteCarloWidthM(rect, { ...NO_SPREAD, hminSigmaDb: 2 }, 'normal', 3) - predicted)).toBeLessThan(0.0005);
  });
  test('properties: no spread → zero width; Φ at ±1.2816σ is 90 % / 10 %; width grows with σ; resonance-factor slope matches a difference quotient', () => {
    const w0 = predictedTransitionWidth(GATE, NI, HMIN, 0);
    expect(w0.widthM).toBe(0);
    expect(spreadSuccessProbability(1.2815515655446004 * 2, 2)).toBeCloseTo(0.9, 6);
    expect(spreadSuccessProbability(-1.2815515655446004 * 2, 2)).toBeCloseTo(0.1, 6);
    expect(spreadSuccessProbability(0.1, 0)).toBe(1);
    let prev = 0;
    for (const s of [0.5, 1, 2, 4]) {
      const w = predictedTransitionWidth(GATE, NI, HMIN, s).widthM;
      expect(w).toBeGreaterThan(prev);
      prev = w;
    }
    const d = 100;
    expect(resonanceFactorSlopeDbPerHz(16e6, 5)).toBeCloseTo((resonanceFactorDb(16e6 + d, 5) - resonanceFactorDb(16e6 - d, 5)) / (2 * d), 10);
    // A strong spread: at the surface fewer than 90 % are powered, z90 is 0.
    expect(predictedTransitionWidth(GATE, 0.2, HMIN, 8).z90M).toBe(0);
  });
});
