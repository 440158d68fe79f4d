/**
 * Population spread of cards (or handsets) and the read-range transition it predicts (issue 17:
 * "before running, state from those tolerances the width X over which success should fall from 90 %
 * to 10 %").
 *
 * Model: a carrier is powered at height z on the axis when its effective field reaches its Hmin.
 * Per carrier, in dB of field (20·log10): Hmin varies by ε_H ~ N(0, σ_H), its coupling loss by
 * ε_c ~ N(0, σ_c), and its resonance f by σ_f around f̄, which moves the resonance factor
 * D(f) = 1/√(1 + (2Q_L·(f − f_c)/f_c)²) (docs/sources.md#f3-3). Linearising D in f, the carrier's total
 * sensitivity offset is ≈ N(0, σ²) with σ² = σ_H² + σ_c² + (dD_dB/df·σ_f)² [D]. Success on the axis at
 * z is then Φ(G(z)/σ), G(z) = 20·log10(H_nominal(z)/Hmin_nominal): 90 % where G = +1.2816·σ and 10 %
 * where G = −1.2816·σ. For Gaussian dB offsets the width is exact (a monotone map of quantiles); the
 * tuning term is exact only to first order.
 */
import { FC_HZ } from '../units.js';
import { erfc } from './nfc-link-budget.js';
import { readerLoopOnAxisFieldPerAmpereTurnPerM, type ReaderLoopShape } from './reader-loop-shape.js';

/** Φ⁻¹(0.9): the standard-normal 90 % point. */
export const NORMAL_Z90 = 1.2815515655446004;

/** Per-carrier tolerances: scenario parameters; no measured card-population spread was found (issue 17 research). */
export interface CarrierSpreadParams {
  /** σ of Hmin, dB. [E] research proposes 2 dB for Hmin × tuning × coupling together (range 1–5 dB). */
  hminSigmaDb: number;
  /** σ of the coupling loss (antenna area, placement in the card or phone), dB. [E] */
  couplingSigmaDb: number;
  /** Mean resonance f̄, Hz. [D from S-weak] 16.0 MHz: MIFARE Classic Ci 16.9 pF (S43, via a secondary table), L 4.9 µH and Cp 3.32 pF (Electronics 2023, 12(23), 4875). */
  resonanceMeanHz: number;
  /** σ of the resonance, Hz. [D from S-weak] 15.2–16.8 MHz (Ci min–max) → 0.46 MHz if uniform (half-width/√3). */
  resonanceSigmaHz: number;
  /** Loaded Q of the carrier's resonance. [E] 5, range 3–10 (the unloaded 30–40 would make 15–17 MHz cards lose 17–25 dB, against S26's ≥ 10 cm). */
  loadedQ: number;
}

/** Resonance factor D(f) in dB (≤ 0): −10·log10(1 + (2Q·(f − f_c)/f_c)²) — docs/sources.md#f3-3. */
export function resonanceFactorDb(resonanceHz: number, loadedQ: number, carrierHz = FC_HZ): number {
  const x = (2 * loadedQ * (resonanceHz - carrierHz)) / carrierHz;
  return -10 * Math.log10(1 + x * x);
}

/** d D_dB/df at f, dB per Hz [D]: −(20/ln 10)·x/(1 + x²)·2Q/f_c with x = 2Q·(f − f_c)/f_c. */
export function resonanceFactorSlopeDbPerHz(resonanceHz: number, loadedQ: number, carrierHz = FC_HZ): number {
  const x = (2 * loadedQ * (resonanceHz - carrierHz)) / carrierHz;
  return (-(20 / Math.LN10) * x * 2 * loadedQ) / ((1 + x * x) * carrierHz);
}

/** σ of a carrier's total sensitivity offset, dB: √(σ_H² + σ_c² + (D′·σ_f)²) [D], first order in σ_f. */
export function carrierSpreadSigmaDb(p: CarrierSpreadParams, carrierHz = FC_HZ): number {
  const tuningDb = resonanceFactorSlopeDbPerHz(p.resonanceMeanHz, p.loadedQ, carrierHz) * p.resonanceSigmaHz;
  return Math.sqrt(p.hminSigmaDb ** 2 + p.couplingSigmaDb ** 2 + tuningDb ** 2);
}

/** Success probability at a nominal margin G (dB) with carrier spread σ (dB): Φ(G/σ); a step at G = 0 if σ = 0. */
export function spreadSuccessProbability(marginDb: number, sigmaDb: number): number {
  if (sigmaDb <= 0) return marginDb >= 0 ? 1 : 0;
  return 0.5 * erfc(-marginDb / (sigmaDb * Math.SQRT2));
}

/** On-axis height, m, where the loop's field per ampere-turn falls to `fieldPerAmpereTurnPerM` (bisection; 0 if the centre is below it). */
export function onAxisHeightForFieldM(loop: ReaderLoopShape, fieldPerAmpereTurnPerM: number): number {
  const h = (z: number): number => readerLoopOnAxisFieldPerAmpereTurnPerM(loop, z);
  if (h(0) <= fieldPerAmpereTurnPerM) return 0;
  let lo = 0;
  let hi = 0.01;
  while (h(hi) > fieldPerAmpereTurnPerM) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (h(mid) > fieldPerAmpereTurnPerM) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface TransitionWidth {
  /** Height where 90 % of carriers are powered, m (0 if fewer than 90 % are even at the surface). */
  z90M: number;
  /** Height where 10 % are, m. */
  z10M: number;
  /** X = z10 − z90, m. */
  widthM: number;
}

/**
 * The predicted 90 %→10 % transition on the axis [D]: G(z) = ±1.2816·σ solved on the loop's on-axis field.
 * @param loop reader loop shape
 * @param nominalFieldScaleA N·I times the nominal carrier's gains (coupling, resonance factor), A
 * @param nominalHminAPerM the nominal carrier's Hmin, A/m
 * @param sigmaDb total spread σ, dB (`carrierSpreadSigmaDb`)
 */
export function predictedTransitionWidth(loop: ReaderLoopShape, nominalFieldScaleA: number, nominalHminAPerM: number, sigmaDb: number): TransitionWidth {
  const hAt = (marginDb: number): number => (nominalHminAPerM * 10 ** (marginDb / 20)) / nominalFieldScaleA;
  const z90M = onAxisHeightForFieldM(loop, hAt(NORMAL_Z90 * sigmaDb));
  const z10M = onAxisHeightForFieldM(loop, hAt(-NORMAL_Z90 * sigmaDb));
  return { z90M, z10M, widthM: z10M - z90M };
}

/** Slope of the on-axis field, dB per m (> 0 means falling with height): −d(20·log10 H)/dz, central difference. */
export function onAxisFieldSlopeDbPerM(loop: ReaderLoopShape, heightM: number): number {
  const dz = 1e-6;
  const db = (z: number): number => 20 * Math.log10(readerLoopOnAxisFieldPerAmpereTurnPerM(loop, z));
  return -(db(heightM + dz) - db(heightM - dz)) / (2 * dz);
}

/** First-order width X ≈ 2·1.2816·σ/slope, m [D] (≈ 1.04 cm per dB of σ at the 5 cm gate loop's ID-1 edge, 6.94 cm). */
export function linearTransitionWidthM(sigmaDb: number, slopeDbPerM: number): number {
  return (2 * NORMAL_Z90 * sigmaDb) / slopeDbPerM;
}

/**
 * Default ID-1 card population [E] (no measured card-population spread was found, issue 17 research):
 * Hmin σ 1.5 dB, coupling σ 1 dB, resonance 16.0 MHz with σ 0.46 MHz (15.2–16.8 MHz as a uniform's σ,
 * [D from S-weak], see `CarrierSpreadParams`), loaded Q 5. Total σ ≈ 2.2 dB (`carrierSpreadSigmaDb`).
 */
export const DEFAULT_CARD_SPREAD: CarrierSpreadParams = {
  hminSigmaDb: 1.5, // [E]
  couplingSigmaDb: 1, // [E]
  resonanceMeanHz: 16e6, // [D from S-weak]
  resonanceSigmaHz: 0.46e6, // [D from S-weak]
  loadedQ: 5, // [E]
};

/** No spread: every carrier is the nominal one (phones: their spread is the coupling loss's). */
export const NO_CARRIER_SPREAD: CarrierSpreadParams = { ...DEFAULT_CARD_SPREAD, hminSigmaDb: 0, couplingSigmaDb: 0, resonanceSigmaHz: 0 };

/**
 * One carrier's sensitivity offset, dB (positive = needs more field), from its three tolerances drawn
 * as N(0, σ_H), N(0, σ_c) and f ~ N(f̄, σ_f): ε_H + ε_c − (D(f) − D(f̄)) — the model of this file,
 * not linearised. Draws nothing for a zero σ.
 */
export function drawCarrierSensitivityOffsetDb(draw: (mean: number, sd: number) => number, p: CarrierSpreadParams, carrierHz = FC_HZ): number {
  const h = p.hminSigmaDb > 0 ? draw(0, p.hminSigmaDb) : 0;
  const c = p.couplingSigmaDb > 0 ? draw(0, p.couplingSigmaDb) : 0;
  const tuning = p.resonanceSigmaHz > 0 ? resonanceFactorDb(draw(p.resonanceMeanHz, p.resonanceSigmaHz), p.loadedQ, carrierHz) - resonanceFactorDb(p.resonanceMeanHz, p.loadedQ, carrierHz) : 0;
  return h + c - tuning;
}
