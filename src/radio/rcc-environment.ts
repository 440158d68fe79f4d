/**
 * The 2.45 GHz environment of an RCC reader as scenario fields (`readers[].rcc`): the path-loss preset
 * or custom (exponent, σ, reference distance), the frequency, and the near zone around the reader
 * (docs/sources.md#f7-2, #f7-3, #f7-6; physics/path-loss-presets.ts, physics/rf-near-zone.ts).
 */
import { friisPathLossDb, type LogDistanceParams } from '../physics/path-loss.js';
import { logDistanceForPreset, PATH_LOSS_PRESET_NAMES, PATH_LOSS_PRESETS, type PathLossPresetName } from '../physics/path-loss-presets.js';
import type { NearZoneParams } from '../physics/rf-near-zone.js';
import type { BandField } from './band.js';
import { DEFAULT_RCC_ENVIRONMENT, DEFAULT_RCC_PARAMS, DEFAULT_RCC_RF } from './rcc-params.js';

const D = DEFAULT_RCC_PARAMS;
const PRESET = PATH_LOSS_PRESETS[DEFAULT_RCC_ENVIRONMENT];
const CUSTOM = 'custom';

/** The environment fields of RCC_SECTION (rcc-band.ts). */
export const RCC_ENVIRONMENT_FIELDS = {
  rfFrequency: { kind: 'quantity', dimension: 'frequency', unit: 'MHz', default: DEFAULT_RCC_RF.frequencyHz, range: { min: 0, exclusiveMin: true }, help: 'RF carrier frequency, Hz: {default} [S] docs/sources.md#f6-3; sets PL(d0) = Friis(d0) (docs/sources.md#f7-2).' },
  pathLossEnvironment: { kind: 'choice', options: [...PATH_LOSS_PRESET_NAMES, CUSTOM], default: DEFAULT_RCC_ENVIRONMENT, help: 'Log-distance environment beyond the near zone (exponent, σ, d0 and their sources: docs/sources.md#f7-6): free-space, station-concourse, station-concourse-crowded, retail-store; custom = pathLossExponent, shadowingSigmaDb and referenceDistance below. Default retail-store [E].' },
  pathLossExponent: { kind: 'number', default: PRESET.exponent, range: { min: 1, max: 6 }, help: 'Path-loss exponent n, used when pathLossEnvironment is custom: {default} (retail store, [S] docs/sources.md#f7-3).' },
  shadowingSigmaDb: { kind: 'number', default: PRESET.shadowingSigmaDb, range: { min: 0, max: 20 }, help: 'Log-normal shadowing σ, dB, used when pathLossEnvironment is custom: {default} (retail store, [S] docs/sources.md#f7-3).' },
  referenceDistance: { kind: 'quantity', dimension: 'length', unit: 'm', default: PRESET.referenceDistanceM, range: { min: 0, exclusiveMin: true }, help: 'Reference distance d0, m, used when pathLossEnvironment is custom: {default} (docs/sources.md#f7-3; free space below it).' },
  nearZoneRadius: { kind: 'quantity', dimension: 'length', unit: 'cm', default: D.nearZone.nearZoneRadiusM, range: { min: 0 }, help: 'Near-zone radius r_nz: no shadowing and a bounded loss within it, m: {default} = λ/2π at 2.45 GHz [E] docs/sources.md#f7-6 (range 1.5–37 cm; 0 = no near zone).' },
  nearZoneExtraLossDb: { kind: 'number', default: D.nearZone.nearZoneExtraLossDb, range: { min: 0, max: 40 }, help: 'Extra coupling loss within the near zone on top of the loss at r_nz, dB: {default} [E] docs/sources.md#f7-6 (0–25 dB, no source).' },
  shadowingFullFrom: { kind: 'quantity', dimension: 'length', unit: 'm', default: D.nearZone.shadowingFullFromM, range: { min: 0, exclusiveMin: true }, help: 'Distance from which the environment\'s full σ applies (σ rises linearly from 0 at r_nz), m: {default} [E] docs/sources.md#f7-6.' },
} as const satisfies Record<string, BandField>;

/** The resolved environment fields. */
export interface RccEnvironmentValues {
  rfFrequency: number;
  pathLossEnvironment: string;
  pathLossExponent: number;
  shadowingSigmaDb: number;
  referenceDistance: number;
  nearZoneRadius: number;
  nearZoneExtraLossDb: number;
  shadowingFullFrom: number;
}

/** Log-distance parameters and near zone from the resolved fields (docs/sources.md#f7-2, #f7-3, #f7-6). */
export function rccEnvironment(r: RccEnvironmentValues): { pathLoss: LogDistanceParams; nearZone: NearZoneParams } {
  const pathLoss: LogDistanceParams =
    r.pathLossEnvironment === CUSTOM
      ? { referenceDistanceM: r.referenceDistance, referenceLossDb: friisPathLossDb(r.referenceDistance, r.rfFrequency), exponent: r.pathLossExponent, shadowingSigmaDb: r.shadowingSigmaDb }
      : logDistanceForPreset(r.pathLossEnvironment as PathLossPresetName, r.rfFrequency);
  return { pathLoss, nearZone: { nearZoneRadiusM: r.nearZoneRadius, nearZoneExtraLossDb: r.nearZoneExtraLossDb, shadowingFullFromM: Math.max(r.shadowingFullFrom, r.nearZoneRadius) } };
}
