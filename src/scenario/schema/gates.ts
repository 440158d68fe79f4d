/** The gate section: gate type presets and per-gateline overrides. */
import { z } from 'zod';
import type { GateType } from './kinds.js';
import type { DistIn, Fields } from './fields.js';

interface GatePreset {
  openTime: string;
  passageTime: DistIn;
  minCycle: string;
  relockTime: DistIn;
  serialHeadway: string;
  nominalPerHour: number;
}

/** The gate presets as written in a scenario file, one per gate type. */
export const GATE_PRESETS: Record<GateType, GatePreset> = {
  flap: { openTime: '0.3 s', passageTime: { kind: 'lognormal', median: '1.2 s', p95: '2 s' }, minCycle: '1.6 s', relockTime: { kind: 'uniform', min: '0.3 s', max: '1 s' }, serialHeadway: '1.4 s', nominalPerHour: 1800 },
  swing: { openTime: '0.5 s', passageTime: { kind: 'lognormal', median: '1.4 s', p95: '2.4 s' }, minCycle: '1.8 s', relockTime: { kind: 'uniform', min: '0.5 s', max: '1.2 s' }, serialHeadway: '1.6 s', nominalPerHour: 1500 },
  tripod: { openTime: '0.1 s', passageTime: { kind: 'lognormal', median: '1.8 s', p95: '3 s' }, minCycle: '3 s', relockTime: { kind: 'constant', value: '0.2 s' }, serialHeadway: '2 s', nominalPerHour: 1200 },
};

export function gateSchemas(f: Fields) {
  const { timeNs, plain, distribution } = f;
  const gateFields = (p: GatePreset, type: string) => ({
    model: z.enum(['overlap', 'serial']).default('overlap').describe(`Gate cycle model (${type}), docs/sources.md#f8-3: overlap = the next passenger taps while the previous walks through, openings ≥ minCycle apart; serial = headway h0 + tap.`),
    openTime: timeNs(`Time from a valid tap to the gate being open (${type}) [E] (no value in docs/sources.md).`, { min: 0 }).prefault(p.openTime),
    passageTime: distribution('time', `Time for a passenger to walk through the open gate (${type}); [E] docs/sources.md#f8-3 (t_walk = 1.2 s).`, { nonNegative: true }).prefault(p.passageTime),
    minCycle: timeNs(`Minimum gate cycle between two passengers (${type}); [E] docs/sources.md#f8-3 (t_cycle = 1.6 s for flaps).`, { min: 0 }).prefault(p.minCycle),
    relockTime: distribution('time', `Re-lock time after passage (${type}); flap 0.3–1.0 s [S-weak] docs/sources.md#f8-1 (S70), the range as a uniform default.`, { nonNegative: true }).prefault(p.relockTime),
    serialHeadway: timeNs(`Human + mechanical headway of the serial model h0 (${type}); 1.4 s [E] docs/sources.md#f8-3.`, { min: 0 }).prefault(p.serialHeadway),
    nominalPerHour: plain(`Nominal capacity, passengers/hour (${type}); flap 1800, tripod 1200 [U] docs/sources.md#f8-1 / #f11-6. For reports only.`, { min: 0 }).default(p.nominalPerHour),
  });
  const gateTypeSchema = (type: GateType) => z.strictObject(gateFields(GATE_PRESETS[type], type)).describe(`Parameters of ${type} gates (all [E]/[U] defaults, docs/sources.md#f8).`);
  const partialGate = z
    .strictObject(
      Object.fromEntries(Object.entries(gateFields(GATE_PRESETS.flap, 'override')).map(([k, v]) => [k, v.unwrap().optional()])) as {
        [K in keyof ReturnType<typeof gateFields>]: z.ZodOptional<ReturnType<ReturnType<typeof gateFields>[K]['unwrap']>>;
      },
    )
    .describe('Overrides of the gate type parameters for this gateline only.');
  const gateTypes = z
    .strictObject({ flap: gateTypeSchema('flap').prefault({}), swing: gateTypeSchema('swing').prefault({}), tripod: gateTypeSchema('tripod').prefault({}) })
    .prefault({})
    .describe('Gate type presets (docs/sources.md#f8), overridable here for the whole scenario.');
  return { gateTypes, partialGate };
}
