/**
 * Units, time and physical constants.
 *
 * Simulation time is integer nanoseconds since scenario start (`TimeNs`). Doubles hold integers
 * exactly up to 2^53 ns ≈ 104 days, far beyond any scenario.
 */

/** Integer nanoseconds since scenario start. */
export type TimeNs = number;

export const NS_PER_US = 1e3;
export const NS_PER_MS = 1e6;
export const NS_PER_S = 1e9;

/** Nanoseconds (rounded to an integer). */
export const ns = (value: number): TimeNs => Math.round(value);
/** Microseconds → TimeNs. */
export const us = (value: number): TimeNs => Math.round(value * NS_PER_US);
/** Milliseconds → TimeNs. */
export const ms = (value: number): TimeNs => Math.round(value * NS_PER_MS);
/** Seconds → TimeNs. */
export const s = (value: number): TimeNs => Math.round(value * NS_PER_S);
/** Minutes → TimeNs. */
export const min = (value: number): TimeNs => Math.round(value * 60 * NS_PER_S);
/** Hours → TimeNs. */
export const h = (value: number): TimeNs => Math.round(value * 3600 * NS_PER_S);

/** TimeNs → seconds (floating point). */
export const toS = (timeNs: TimeNs): number => timeNs / NS_PER_S;
/** TimeNs → milliseconds (floating point). */
export const toMs = (timeNs: TimeNs): number => timeNs / NS_PER_MS;

/** Power ratio in dB → linear power ratio. */
export const dbToPowerRatio = (db: number): number => 10 ** (db / 10);
/** Linear power ratio → dB. */
export const powerRatioToDb = (ratio: number): number => 10 * Math.log10(ratio);
/** Amplitude (field, voltage) ratio in dB → linear amplitude ratio. */
export const dbToAmplitudeRatio = (db: number): number => 10 ** (db / 20);
/** Linear amplitude ratio → dB. */
export const amplitudeRatioToDb = (ratio: number): number => 20 * Math.log10(ratio);
/** dBm → watts. */
export const dbmToW = (dbm: number): number => 10 ** ((dbm - 30) / 10);
/** Watts → dBm. */
export const wToDbm = (watts: number): number => 10 * Math.log10(watts) + 30;

/** Vacuum permeability μ0 in H/m (4π·10⁻⁷; CODATA differs by 5·10⁻¹⁰ relative — docs/validation.md#conventions). */
export const MU0_H_PER_M = 4e-7 * Math.PI;
/** Speed of light in vacuum, m/s (exact). */
export const C_M_PER_S = 299_792_458;
/** ISO/IEC 14443 carrier frequency fc in Hz (exact; docs/sources.md#f1-1). */
export const FC_HZ = 13_560_000;
