/**
 * The RCC low-frequency (kHz) distance-control field and its thresholds (docs/sources.md#f6-2–#f6-4).
 *
 * The reader's LF coil is a small circular loop of radius `coilRadiusM` whose axis is vertical
 * (the reader surface is the plane z = 0). A carrier sits at `heightM` above that plane and
 * `lateralOffsetM` from the axis. At 0.5–10 kHz the wavelength is tens of kilometres, so the
 * quasi-static (Biot–Savart) field applies everywhere in a station (docs/sources.md#f6-4).
 *
 * Field levels are rms A/m. Only ratios matter to the RCC model: thresholds are set as the
 * on-axis distance where a nominal handset would trigger, so the coil's ampere-turns cancel.
 */
import type { RandomStream } from '../random/stream.js';
import { normal } from '../random/distributions.js';

/**
 * Field magnitude of a circular loop, A/m, at a point (height, lateral offset) from its centre.
 *
 * Formula: H = N·I·a² / (2·(a² + r²)^{3/2}) · √(3·cos²θ + 1) / 2, with r = √(z² + ρ²), cos θ = z/r.
 * - On the axis (ρ = 0) this is exactly the circular-loop on-axis field, docs/sources.md#f3-1.
 * - For r ≫ a it tends to the magnetic-dipole field |H| = m/(4π·r³)·√(3cos²θ + 1), m = N·I·π·a²
 *   (the 1/r³ law of docs/sources.md#f3-1 / #f6-4), so phones in a neighbouring lane (r ≈ 0.6–0.9 m ≫ a)
 *   get the dipole field.
 * - Off axis and within about one coil radius it is an interpolation (not Biot–Savart exact);
 *   tapsim uses it only for ordering phones that are far from the threshold there.
 *
 * @param turnsCurrentA N·I, ampere-turns (rms)
 * @param coilRadiusM loop radius a, m
 * @param heightM z above the coil plane, m (sign irrelevant)
 * @param lateralOffsetM ρ from the coil axis, m
 * @returns |H| in A/m
 */
export function lfFieldAPerM(turnsCurrentA: number, coilRadiusM: number, heightM: number, lateralOffsetM: number): number {
  const a2 = coilRadiusM * coilRadiusM;
  const r2 = heightM * heightM + lateralOffsetM * lateralOffsetM;
  const onAxisForm = (turnsCurrentA * a2) / (2 * (a2 + r2) ** 1.5); // docs/sources.md#f3-1 circular loop, on axis
  if (r2 === 0) return onAxisForm;
  const cos2 = (heightM * heightM) / r2;
  return (onAxisForm * Math.sqrt(3 * cos2 + 1)) / 2; // dipole angular factor, docs/sources.md#f6-4 (1/r³ beyond one radius)
}

/**
 * On-axis distance, m, at which a circular loop's field equals `fieldAPerM` (inverse of docs/sources.md#f3-1):
 * x = √((N·I·a² / (2·H))^{2/3} − a²). Returns 0 if H exceeds the centre field N·I/(2a).
 */
export function lfOnAxisDistanceForFieldM(turnsCurrentA: number, coilRadiusM: number, fieldAPerM: number): number {
  const a2 = coilRadiusM * coilRadiusM;
  const x2 = ((turnsCurrentA * a2) / (2 * fieldAPerM)) ** (2 / 3) - a2; // docs/sources.md#f3-1 solved for x
  return x2 > 0 ? Math.sqrt(x2) : 0;
}

/**
 * Exact on-axis trigger distance, m, after a threshold change of `deltaTDb` dB (20·log10 of field;
 * negative = more sensitive), for a coil tuned to trigger at `x0M` (docs/sources.md#f6-4, docs/validation.md#v15):
 * x = √((a² + x0²)·10^(−ΔT/30) − a²). Returns 0 if the threshold exceeds the centre field.
 */
export function lfTriggerDistanceExactM(coilRadiusM: number, x0M: number, deltaTDb: number): number {
  const a2 = coilRadiusM * coilRadiusM;
  const x2 = (a2 + x0M * x0M) * 10 ** (-deltaTDb / 30) - a2; // docs/sources.md#f6-4 exact on-axis form
  return x2 > 0 ? Math.sqrt(x2) : 0;
}

/** Far-field (H ∝ 1/x³) trigger-distance factor for a threshold change of ΔT dB: 10^(−ΔT/60) (docs/sources.md#f6-4). */
export function lfFarFieldDistanceFactor(deltaTDb: number): number {
  return 10 ** (-deltaTDb / 60); // docs/sources.md#f6-4 far field
}

/** The three RCC LF thresholds (docs/sources.md#f6-2, ordering T1 ≥ T3 ≥ T2 [S] S48), as field levels in A/m. */
export interface LfThresholds {
  /** T1: start a transaction at or above this field. */
  startFieldAPerM: number;
  /** T3: abort (tear) if the field falls below this during a transaction. */
  abortFieldAPerM: number;
  /** T2: the carrier hears and stores the reader id at or above this field. */
  hearFieldAPerM: number;
}

/** The LF coil and thresholds as a scenario gives them: thresholds as nominal on-axis distances. */
export interface LfFieldParams {
  /** LF carrier frequency, Hz. [E] docs/sources.md#f6-3 / #f11-3a: 2 kHz, range 0.5–10 kHz. Informational (quasi-static field). */
  frequencyHz: number;
  /** LF coil radius a, m. [E] docs/sources.md#f6-4 example (a = 2 cm). */
  coilRadiusM: number;
  /** Coil ampere-turns N·I, A. [E] arbitrary scale: thresholds below are relative, so it cancels. */
  turnsCurrentA: number;
  /** On-axis distance where a nominal handset reaches T1 (start), m. [E] docs/sources.md#f6-4 example x0 = 5 cm; #f11-3b has no sourced value. */
  startDistanceM: number;
  /** On-axis distance where a nominal handset falls below T3 (abort), m. [E] no sourced value (docs/sources.md#f11-3b); must be ≥ startDistanceM. */
  abortDistanceM: number;
  /** On-axis distance where a nominal handset hears T2 (reader id), m. [E] no sourced value (docs/sources.md#f11-3b); must be ≥ abortDistanceM. */
  hearDistanceM: number;
  /** σ of the per-handset LF attenuation, dB. [E] docs/sources.md#f6-4 / #f11-3d: N(0, 3 dB). */
  handsetSpreadSigmaDb: number;
  /** Mean of the per-handset LF attenuation, dB (positive = less sensitive than nominal). [E] docs/sources.md#f11-3d: 0 (the thresholds are set for the nominal handset). */
  handsetOffsetMeanDb: number;
  /** Closest distance to the coil winding that the exact field is evaluated at, m (the conductor's radius; lf-field-exact.ts). [E]: 0.5 mm. */
  wireRadiusM: number;
}

export const DEFAULT_LF_FIELD: LfFieldParams = {
  frequencyHz: 2000, // [E] docs/sources.md#f6-3
  coilRadiusM: 0.02, // [E] docs/sources.md#f6-4 example
  turnsCurrentA: 1, // [E] scale only
  startDistanceM: 0.05, // [E] docs/sources.md#f6-4 example x0 (no sourced T1, #f11-3b)
  abortDistanceM: 0.07, // [E] no sourced T3 (docs/sources.md#f11-3b)
  hearDistanceM: 0.1, // [E] no sourced T2 (docs/sources.md#f11-3b)
  handsetSpreadSigmaDb: 3, // [E] docs/sources.md#f6-4
  handsetOffsetMeanDb: 0, // [E] docs/sources.md#f11-3d
  wireRadiusM: 5e-4, // [E] 1 mm conductor
};

/** Field thresholds (A/m) from the nominal on-axis distances of `p` (docs/sources.md#f3-1 on-axis field). Throws unless T1 ≥ T3 ≥ T2. */
export function lfThresholds(p: LfFieldParams): LfThresholds {
  if (!(p.startDistanceM <= p.abortDistanceM && p.abortDistanceM <= p.hearDistanceM)) {
    throw new Error(
      `LF thresholds need start ≤ abort ≤ hear distance (T1 ≥ T3 ≥ T2, docs/sources.md#f6-2); got ${p.startDistanceM}, ${p.abortDistanceM}, ${p.hearDistanceM} m`,
    );
  }
  const at = (x: number): number => lfFieldAPerM(p.turnsCurrentA, p.coilRadiusM, x, 0);
  return { startFieldAPerM: at(p.startDistanceM), abortFieldAPerM: at(p.abortDistanceM), hearFieldAPerM: at(p.hearDistanceM) };
}

/** Field a handset's sensor sees, A/m, after its own attenuation in dB (20·log10 of field; docs/sources.md#f6-4). */
export function lfSensedFieldAPerM(fieldAPerM: number, handsetAttenuationDb: number): number {
  return fieldAPerM * 10 ** (-handsetAttenuationDb / 20);
}

/** Draw one handset's LF attenuation, dB: N(0, σ) (docs/sources.md#f6-4, [E] σ = 3 dB). Positive = less sensitive. */
export function drawHandsetLfAttenuationDb(rng: RandomStream, sigmaDb: number): number {
  return sigmaDb > 0 ? normal(rng, 0, sigmaDb) : 0;
}

/**
 * On-axis trigger distance, m, for a handset with LF attenuation `handsetAttenuationDb` against a
 * field threshold, found numerically by bisection on `lfFieldAPerM` (not by the closed form, so
 * tests can check it against docs/sources.md#f6-4). Returns 0 if even the coil centre is below threshold.
 */
export function lfHandsetTriggerDistanceM(p: LfFieldParams, thresholdAPerM: number, handsetAttenuationDb: number): number {
  const sensed = (x: number): number => lfSensedFieldAPerM(lfFieldAPerM(p.turnsCurrentA, p.coilRadiusM, x, 0), handsetAttenuationDb);
  if (sensed(0) < thresholdAPerM) return 0;
  let lo = 0;
  let hi = p.coilRadiusM + 1e-3;
  while (sensed(hi) >= thresholdAPerM) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (sensed(mid) >= thresholdAPerM) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
