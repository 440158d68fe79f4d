/**
 * Environment presets for the 2.45 GHz log-distance model PL(d) = PL(d0) + 10·n·log10(d/d0) + Xσ
 * (docs/sources.md#f7-3), each with its source, the frequency it was measured at and the distances
 * it was fitted over. The issue 17 research chose the sources; none is a measurement in a metro
 * station (none was found), so mapping a source onto a station preset is itself [E].
 *
 * PL(d0) is Friis at d0 and at the scenario's frequency (docs/sources.md#f7-2) for every preset: for
 * 3GPP InH-Office LOS the fitted intercept 32.4 + 20·log10(f_GHz) equals Friis(1 m) within 0.05 dB.
 */
import { friisPathLossDb, RCC_RF_FREQUENCY_HZ, type LogDistanceParams } from './path-loss.js';

export interface PathLossPreset {
  /** Path-loss exponent n. */
  exponent: number;
  /** Log-normal shadowing σ, dB. */
  shadowingSigmaDb: number;
  /** Reference distance d0, m. */
  referenceDistanceM: number;
  /** Frequency the (n, σ) pair was measured or fitted at, Hz (informational; PL(d0) uses the scenario's frequency). */
  measuredFrequencyHz: number;
  /** Distances the source fitted, m ([validFromM, validToM]; below d0 tapsim continues with free space). */
  validFromM: number;
  validToM: number;
  /** Reliability of the numbers (docs/sources.md#marks) and of calling this environment by this name. */
  mark: string;
  /** Where the numbers come from. */
  source: string;
}

/** The presets. Names are scenario values. */
export const PATH_LOSS_PRESETS = {
  /** Friis, n = 2, no shadowing: [D] docs/sources.md#f7-2. */
  'free-space': {
    exponent: 2,
    shadowingSigmaDb: 0,
    referenceDistanceM: 1,
    measuredFrequencyHz: RCC_RF_FREQUENCY_HZ,
    validFromM: 0.0195, // λ/2π at 2.45 GHz (far field beyond), docs/sources.md#f7-2
    validToM: Infinity,
    mark: '[D]',
    source: 'Friis free-space loss, docs/sources.md#f7-2',
  },
  /** A large open hall with line of sight: 3GPP InH-Office LOS, n 1.73, σ 3 dB [S-weak]; as a concourse [E]. */
  'station-concourse': {
    exponent: 1.73,
    shadowingSigmaDb: 3,
    referenceDistanceM: 1,
    measuredFrequencyHz: RCC_RF_FREQUENCY_HZ, // the fit covers 0.5–100 GHz
    validFromM: 1,
    validToM: 100,
    mark: '[S-weak] numbers; [E] as a station concourse',
    source: '3GPP TR 38.901 Table 7.4.1-1, InH-Office LOS (PL = 32.4 + 17.3·log10 d + 20·log10 f_GHz, σ 3 dB), as transcribed in public implementations of the 3GPP channel model',
  },
  /** A crowded concourse, bodies in the path: ITU-R P.1238-11 office NLoS, α 2.46, σ 5.04 dB [S-weak]; as a crowded concourse [E]. */
  'station-concourse-crowded': {
    exponent: 2.46,
    shadowingSigmaDb: 5.04,
    referenceDistanceM: 1,
    measuredFrequencyHz: RCC_RF_FREQUENCY_HZ, // the fit covers 0.3–82 GHz
    validFromM: 4,
    validToM: 30,
    mark: '[S-weak] numbers; [E] as a crowded station concourse',
    source: 'ITU-R P.1238-11 Table 2, office NLoS (α 2.46, β 29.53, γ 2.38, σ 5.04 dB), as transcribed in aajuvonen/octave-rxt, model_p1238.m',
  },
  /** Retail store at 914 MHz, n 2.2, σ 8.7 dB: [S] S59 (Rappaport 2002), docs/sources.md#f7-3. */
  'retail-store': {
    exponent: 2.2,
    shadowingSigmaDb: 8.7,
    referenceDistanceM: 1,
    measuredFrequencyHz: 914e6,
    validFromM: 1,
    validToM: Infinity, // range not given in the table
    mark: '[S] (measured at 914 MHz, not 2.45 GHz)',
    source: 'Rappaport, Wireless Communications 2nd ed. (2002), table after Andersen, Rappaport & Yoshida 1995, via S59; docs/sources.md#f7-3',
  },
} as const satisfies Record<string, PathLossPreset>;

export type PathLossPresetName = keyof typeof PATH_LOSS_PRESETS;
export const PATH_LOSS_PRESET_NAMES: readonly PathLossPresetName[] = Object.keys(PATH_LOSS_PRESETS) as PathLossPresetName[];

/**
 * Log-distance parameters of a preset at `frequencyHz`: d0, n, σ from the preset and PL(d0) = Friis(d0, f)
 * (docs/sources.md#f7-2, #f7-3). The result feeds `logDistancePathLossDb` (path-loss.ts).
 */
export function logDistanceForPreset(preset: PathLossPresetName, frequencyHz = RCC_RF_FREQUENCY_HZ): LogDistanceParams {
  const p: PathLossPreset = PATH_LOSS_PRESETS[preset];
  return {
    referenceDistanceM: p.referenceDistanceM,
    referenceLossDb: friisPathLossDb(p.referenceDistanceM, frequencyHz),
    exponent: p.exponent,
    shadowingSigmaDb: p.shadowingSigmaDb,
  };
}
