/**
 * Inductive coupling between a reader loop and a card coil, resonance and detuning (docs/sources.md#f3-2, #f3-3).
 * Pure functions; SI units; rms quantities.
 */
import { MU0_H_PER_M } from '../units.js';

/**
 * Mutual inductance of two coaxial loops with a2 ≪ a1 (H):
 * M = μ0·π·N1·N2·a1²·a2² / (2·(a1² + x²)^{3/2}) — docs/sources.md#f3-2 (V11). Valid while the secondary is small
 * against the primary (field uniform over it).
 */
export function coaxialMutualInductanceH(turns1: number, radius1M: number, turns2: number, radius2M: number, distanceM: number): number {
  const r2 = radius1M * radius1M + distanceM * distanceM;
  return (MU0_H_PER_M * Math.PI * turns1 * turns2 * radius1M ** 2 * radius2M ** 2) / (2 * r2 * Math.sqrt(r2));
}

/**
 * Mutual inductance from the normal field per ampere-turn of the primary at a small secondary (H):
 * M = μ0·N1·N2·A2·(H_n/(N1·I1)) — docs/sources.md#f3-2 (Biot–Savart × flux area). `fieldPerAmpereTurnPerM` is H_n/(N1·I1), 1/m.
 */
export function mutualInductanceFromFieldH(turns1: number, turns2: number, areaM2: number, fieldPerAmpereTurnPerM: number): number {
  return MU0_H_PER_M * turns1 * turns2 * areaM2 * fieldPerAmpereTurnPerM;
}

/** Coupling coefficient k = M/√(L1·L2) (dimensionless) — docs/sources.md#f3-2 (V11). */
export function couplingCoefficient(mutualH: number, inductance1H: number, inductance2H: number): number {
  return mutualH / Math.sqrt(inductance1H * inductance2H);
}

/** Induced open-circuit voltage V_rms = 2π·f·μ0·N·A·H (V rms) — docs/sources.md#f3-2 (V12). */
export function inducedVoltageRmsV(frequencyHz: number, turns: number, areaM2: number, fieldAPerM: number): number {
  return 2 * Math.PI * frequencyHz * MU0_H_PER_M * turns * areaM2 * fieldAPerM;
}

/** Capacitance that tunes L to f: C = 1/((2π·f)²·L) (F) — docs/sources.md#f3-3 (V13). */
export function resonanceCapacitanceF(inductanceH: number, frequencyHz: number): number {
  return 1 / ((2 * Math.PI * frequencyHz) ** 2 * inductanceH);
}

/** Resonance f_res = 1/(2π√(LC)) (Hz) — docs/sources.md#f3-3 (V13). */
export function resonanceFrequencyHz(inductanceH: number, capacitanceF: number): number {
  return 1 / (2 * Math.PI * Math.sqrt(inductanceH * capacitanceF));
}

/** Series quality factor Q = 2π·f·L/R — docs/sources.md#f3-3. */
export function qualityFactor(frequencyHz: number, inductanceH: number, resistanceOhm: number): number {
  return (2 * Math.PI * frequencyHz * inductanceH) / resistanceOhm;
}

/** −3 dB bandwidth f/Q (Hz) — docs/sources.md#f3-3. */
export function bandwidthHz(frequencyHz: number, q: number): number {
  return frequencyHz / q;
}

/**
 * Amplitude ratio of a resonant circuit driven Δf off its resonance: |1/(1 + j·2Q·Δf/f)| =
 * 1/√(1 + (2Q·Δf/f)²) — docs/sources.md#f3-3 (single-pole resonator). Multiplies the harvested voltage.
 */
export function detuningAmplitudeRatio(q: number, detuningHz: number, frequencyHz: number): number {
  const x = (2 * q * detuningHz) / frequencyHz;
  return 1 / Math.sqrt(1 + x * x);
}
