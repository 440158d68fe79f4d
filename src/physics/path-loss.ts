/**
 * 2.4 GHz path loss: Friis free space, log-distance with lognormal shadowing, ITU-R P.1238 and
 * body loss (docs/sources.md#f7-2–#f7-5). Losses are positive dB.
 */
import type { RandomStream } from '../random/stream.js';
import { normal, uniform } from '../random/distributions.js';
import { C_M_PER_S } from '../units.js';

/** RCC RF centre frequency, Hz (2.4–2.4835 GHz ISM, docs/sources.md#f6-3 [S]; 2.45 GHz as in docs/sources.md#f7-2). */
export const RCC_RF_FREQUENCY_HZ = 2.45e9;

/** Wavelength λ = c/f, m (docs/sources.md#f7-2). */
export function wavelengthM(frequencyHz: number): number {
  return C_M_PER_S / frequencyHz;
}

/**
 * Friis free-space path loss, dB: FSPL = 20·log10(4π·d/λ) (docs/sources.md#f7-2, docs/validation.md#v14).
 * Valid in the far field (d ≫ λ/2π ≈ 2 cm at 2.45 GHz); indicative only at 0–10 cm.
 * @param distanceM d, m (> 0)
 * @param frequencyHz f, Hz
 */
export function friisPathLossDb(distanceM: number, frequencyHz: number): number {
  return 20 * Math.log10((4 * Math.PI * distanceM) / wavelengthM(frequencyHz)); // docs/sources.md#f7-2
}

/** Log-distance model parameters (docs/sources.md#f7-3). */
export interface LogDistanceParams {
  /** Reference distance d0, m (tapsim uses 1 m, docs/validation.md#v14). */
  referenceDistanceM: number;
  /** PL(d0), dB; Friis(d0) at 2.45 GHz = 40.2311 dB (docs/sources.md#f7-2). */
  referenceLossDb: number;
  /** Path-loss exponent n. */
  exponent: number;
  /** Shadowing σ, dB (Xσ ~ N(0, σ²)). */
  shadowingSigmaDb: number;
}

/**
 * Log-distance path loss without shadowing, dB: PL(d) = PL(d0) + 10·n·log10(d/d0) (docs/sources.md#f7-3).
 * Below d0 the free-space law (n = 2) of docs/sources.md#f7-2 continues from PL(d0) instead, so the short
 * phone–reader distances are not extrapolated with an indoor exponent (tapsim choice; continuous at d0).
 */
export function logDistancePathLossDb(distanceM: number, p: LogDistanceParams): number {
  const n = distanceM < p.referenceDistanceM ? 2 : p.exponent; // docs/sources.md#f7-2 below d0, #f7-3 above
  return p.referenceLossDb + 10 * n * Math.log10(distanceM / p.referenceDistanceM); // docs/sources.md#f7-3
}

/** One shadowing draw Xσ ~ N(0, σ²), dB (docs/sources.md#f7-3). */
export function drawShadowingDb(rng: RandomStream, sigmaDb: number): number {
  return sigmaDb > 0 ? normal(rng, 0, sigmaDb) : 0;
}

/** Log-distance path loss with one shadowing draw, dB: PL(d0) + 10·n·log10(d/d0) + Xσ (docs/sources.md#f7-3). */
export function shadowedPathLossDb(rng: RandomStream, distanceM: number, p: LogDistanceParams): number {
  return logDistancePathLossDb(distanceM, p) + drawShadowingDb(rng, p.shadowingSigmaDb);
}

/** Empirical (n, σ) pairs [S] docs/sources.md#f7-3 (S59, Rappaport); measured at `frequencyHz`, not at 2.45 GHz. */
export const PATH_LOSS_ENVIRONMENTS = {
  'retail-store': { exponent: 2.2, shadowingSigmaDb: 8.7, frequencyHz: 914e6 },
  grocery: { exponent: 1.8, shadowingSigmaDb: 5.2, frequencyHz: 914e6 },
  'office-hard-partition': { exponent: 3.0, shadowingSigmaDb: 7.0, frequencyHz: 1.5e9 },
  'office-soft-partition-900MHz': { exponent: 2.4, shadowingSigmaDb: 9.6, frequencyHz: 900e6 },
  'office-soft-partition-1.9GHz': { exponent: 2.6, shadowingSigmaDb: 14.1, frequencyHz: 1.9e9 },
  'textile-chemical-1.3GHz': { exponent: 2.0, shadowingSigmaDb: 3.0, frequencyHz: 1.3e9 },
  'textile-chemical-4GHz': { exponent: 2.1, shadowingSigmaDb: 7.0, frequencyHz: 4e9 },
} as const;
export type PathLossEnvironment = keyof typeof PATH_LOSS_ENVIRONMENTS;

/** Log-distance parameters for an environment of docs/sources.md#f7-3, with d0 = 1 m and PL(d0) = Friis(1 m, f). */
export function logDistanceFor(environment: PathLossEnvironment, frequencyHz = RCC_RF_FREQUENCY_HZ): LogDistanceParams {
  const e = PATH_LOSS_ENVIRONMENTS[environment];
  return { referenceDistanceM: 1, referenceLossDb: friisPathLossDb(1, frequencyHz), exponent: e.exponent, shadowingSigmaDb: e.shadowingSigmaDb };
}

/**
 * ITU-R P.1238 indoor site-general loss, dB: L = 20·log10(f_MHz) + N·log10(d) + Lf(n) − 28 (docs/sources.md#f7-4, [S-weak]).
 * @param distanceM d, m (the model is stated for d > 1 m)
 * @param frequencyHz f, Hz
 * @param distancePowerLossCoefficient N: ≈ 20 line of sight, 28–30 offices at 2.4–5.2 GHz [S-weak] docs/sources.md#f7-4
 * @param floorPenetrationLossDb Lf(n), dB; 0 on the same floor (per-environment tables are [U], docs/sources.md#f7-4)
 */
export function itu1238PathLossDb(distanceM: number, frequencyHz: number, distancePowerLossCoefficient: number, floorPenetrationLossDb = 0): number {
  return 20 * Math.log10(frequencyHz / 1e6) + distancePowerLossCoefficient * Math.log10(distanceM) + floorPenetrationLossDb - 28; // docs/sources.md#f7-4
}

/** Where the phone is carried, for body loss (docs/sources.md#f7-5). */
export const CARRY_PLACEMENTS = ['hand', 'pocket', 'bag'] as const;
export type CarryPlacement = (typeof CARRY_PLACEMENTS)[number];

/** Body loss of one placement: mean drawn uniformly from [minDb, maxDb], then N(mean, σ) with σ uniform in [sigmaMinDb, sigmaMaxDb]. */
export interface BodyLossParams {
  minDb: number;
  maxDb: number;
  sigmaMinDb: number;
  sigmaMaxDb: number;
}

/**
 * Body loss at 2.45 GHz per placement: [E] docs/sources.md#f7-5 / #f11-7, "phone in hand or pocket: 3–10 dB, σ 3–5 dB".
 * docs/sources.md gives no separate figure for a bag; it reuses the same range ([E] tapsim choice).
 */
export const DEFAULT_BODY_LOSS: Readonly<Record<CarryPlacement, BodyLossParams>> = {
  hand: { minDb: 3, maxDb: 10, sigmaMinDb: 3, sigmaMaxDb: 5 }, // [E] docs/sources.md#f7-5
  pocket: { minDb: 3, maxDb: 10, sigmaMinDb: 3, sigmaMaxDb: 5 }, // [E] docs/sources.md#f7-5
  bag: { minDb: 3, maxDb: 10, sigmaMinDb: 3, sigmaMaxDb: 5 }, // [E] docs/sources.md#f7-5 (bag: same range, no source)
};

/** One body-loss draw, dB (≥ 0): N(U(min, max), U(σmin, σmax)²) (docs/sources.md#f7-5 model [E]). */
export function drawBodyLossDb(rng: RandomStream, p: BodyLossParams): number {
  const meanDb = uniform(rng, p.minDb, p.maxDb);
  const sigmaDb = uniform(rng, p.sigmaMinDb, p.sigmaMaxDb);
  return Math.max(0, normal(rng, meanDb, sigmaDb));
}
