/**
 * 2.45 GHz phone–reader loss with a near zone (issue 17).
 *
 * Within λ/2π (1.95 cm at 2.45 GHz, docs/sources.md#f7-2) Friis and every indoor fit are outside
 * their validity (Friis gives ≈ 0 dB at 1 cm), and a room's shadowing, fitted over metres, has no
 * business at 1–4 cm. So, inside a configurable near-zone radius r_nz:
 *   - the loss is bounded and constant: the far-field loss at r_nz plus an optional extra coupling
 *     loss (mismatch, orientation), [E] — with the extra at 0 the loss is continuous at r_nz;
 *   - there is no shadowing (σ = 0).
 * Beyond r_nz the log-distance model applies (free space below d0, the preset's exponent beyond it;
 * path-loss.ts), and σ rises linearly from 0 at r_nz to the environment's σ at `shadowingFullFromM`
 * (default d0 = 1 m), [E] (issue 17 research: no measured S21 between small 2.4 GHz antennas at 1–5 cm was found).
 */
import { logDistancePathLossDb, wavelengthM, type LogDistanceParams } from './path-loss.js';

/** The near-zone part of the RCC loss model. Both numbers are [E] scenario parameters. */
export interface NearZoneParams {
  /** Near-zone radius r_nz, m. [E] default λ/2π (1.95 cm at 2.45 GHz), range 1.5 cm (2D²/λ for a 3 cm antenna) – 37 cm (for a 15 cm phone chassis) [D] from the textbook near/far-field boundaries. */
  nearZoneRadiusM: number;
  /** Extra loss inside r_nz on top of the far-field loss at r_nz, dB. [E] default 0 (continuous), range 0–25 dB (mismatch, orientation; no source). */
  nearZoneExtraLossDb: number;
  /** Distance from which the environment's full σ applies, m (σ rises linearly from 0 at r_nz). [E] default 1 m (d0). */
  shadowingFullFromM: number;
}

/** Reactive near-field boundary λ/2π, m: 1.948 cm at 2.45 GHz [D] docs/sources.md#f7-2. */
export function reactiveNearZoneRadiusM(frequencyHz: number): number {
  return wavelengthM(frequencyHz) / (2 * Math.PI);
}

/** The default near zone at `frequencyHz`: r_nz = λ/2π, no extra loss, full σ from 1 m ([E]). */
export function defaultNearZone(frequencyHz: number): NearZoneParams {
  return { nearZoneRadiusM: reactiveNearZoneRadiusM(frequencyHz), nearZoneExtraLossDb: 0, shadowingFullFromM: 1 };
}

/**
 * Median phone–reader loss, dB, without shadowing: inside r_nz the constant PL(r_nz) + extra, beyond it
 * PL(d0) + 10·n·log10(d/d0) with free space below d0 (docs/sources.md#f7-2, #f7-3). Bounded for d → 0
 * (and for d ≤ 0, which is inside).
 */
export function nearZonePathLossDb(distanceM: number, far: LogDistanceParams, nz: NearZoneParams): number {
  if (distanceM <= nz.nearZoneRadiusM) return logDistancePathLossDb(nz.nearZoneRadiusM, far) + nz.nearZoneExtraLossDb;
  return logDistancePathLossDb(distanceM, far);
}

/**
 * Shadowing σ at a distance, dB: 0 within r_nz; rising linearly to the environment's σ at
 * `shadowingFullFromM`; the full σ beyond ([E]; σ from docs/sources.md#f7-3).
 * Draw with `drawShadowingDb(rng, σ)` (path-loss.ts).
 */
export function nearZoneShadowingSigmaDb(distanceM: number, far: LogDistanceParams, nz: NearZoneParams): number {
  if (distanceM <= nz.nearZoneRadiusM) return 0;
  if (distanceM >= nz.shadowingFullFromM) return far.shadowingSigmaDb;
  return (far.shadowingSigmaDb * (distanceM - nz.nearZoneRadiusM)) / (nz.shadowingFullFromM - nz.nearZoneRadiusM);
}
