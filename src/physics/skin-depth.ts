/**
 * Conductor skin depth (docs/sources.md#f3-4): why a metal phone shell blocks 13.56 MHz and 2.45 GHz but not kHz LF.
 */
import { MU0_H_PER_M } from '../units.js';

/** Resistivity of copper, Ω·m — docs/sources.md#f3-4 [D inputs]. */
export const RESISTIVITY_CU_OHM_M = 1.68e-8;
/** Resistivity of aluminium, Ω·m — docs/sources.md#f3-4. */
export const RESISTIVITY_AL_OHM_M = 2.65e-8;
/** Resistivity of stainless steel 304, Ω·m — [U] docs/sources.md#f3-4 (a default; pass your own). */
export const RESISTIVITY_SS304_OHM_M = 7.2e-7;

/** Skin depth δ = √(ρ/(π·f·μ0·μr)) (m) — docs/sources.md#f3-4 (V20). */
export function skinDepthM(resistivityOhmM: number, frequencyHz: number, relativePermeability = 1): number {
  return Math.sqrt(resistivityOhmM / (Math.PI * frequencyHz * MU0_H_PER_M * relativePermeability));
}

/** Thickness in skin depths; the field is attenuated by e^(−t/δ), i.e. 8.686·t/δ dB — docs/sources.md#f3-4. */
export function thicknessInSkinDepths(thicknessM: number, resistivityOhmM: number, frequencyHz: number): number {
  return thicknessM / skinDepthM(resistivityOhmM, frequencyHz);
}
