/**
 * The scenario schema (zod): one definition gives the types, the checks, the defaults, the help
 * texts and the JSON Schema (`tapsim schema`).
 *
 * Units. Quantities may be written with units as strings (`"35 mm"`, `"8 ms"`, `"13.56 MHz"`,
 * `"0 dBm"`); a bare number is in the unit each field's help names. In the resolved scenario:
 * times outside distributions are integer nanoseconds (TimeNs); times inside distributions are
 * SI seconds; lengths m; currents A; fields A/m; frequencies Hz; powers dBm.
 *
 * Marks. [S]/[E]/[U] cite docs/sources.md: every [E] or [U] number is a default here (docs/architecture.md#rule-12).
 *
 * The schema is built by `buildScenarioSchema(ctx)` because unit conversion and expression
 * compilation need mathjs, which load.ts loads lazily and passes in through `ctx`.
 */
import { z } from 'zod';
import { DESCRIBE_ONLY_CONTEXT, type SchemaContext } from './context.js';
import { rootObject } from './root.js';
import { resolveRoot } from './resolve.js';

export { DESCRIBE_ONLY_CONTEXT, type SchemaContext } from './context.js';
export * from './kinds.js';
export { READER_BANDS, CARRIER_BANDS, DEFAULT_ATTENUATION_DB, DEFAULT_ATTENUATION_SPREAD_DB, DEFAULT_DETUNING_KHZ, type ReaderBand, type CarrierBand } from './bands.js';
export { MAX_RATE_PER_HOUR, MAX_GROUP, MAX_INTERVALS, MAX_TABLE_POINTS, MAX_TIME_S } from './limits.js';
export { MAX_RATE_SAMPLES, sampleRate, interpolate } from './rate-table.js';
export { crossCheck } from './cross-check.js';

export function buildScenarioSchema(ctx: SchemaContext) {
  return rootObject(ctx).transform(resolveRoot).describe('A tapsim scenario.');
}

/** The schema type (for JSON Schema generation and key lookup). */
export type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * The resolved scenario: every default filled, times in integer ns (TimeNs) outside
 * distributions and SI seconds inside them, demand rates sampled into tables, gate parameters
 * merged per gateline, deep-frozen. Plain data only (it crosses worker boundaries).
 */
export type ResolvedScenario = DeepReadonly<z.output<ScenarioSchema>>;
export type ResolvedCarrier = ResolvedScenario['carriers'][number];
export type ResolvedReader = ResolvedScenario['readers'][number];
export type ResolvedStation = ResolvedScenario['stations'][number];
export type ResolvedEntrance = ResolvedStation['entrances'][number];
export type ResolvedDemand = ResolvedEntrance['demand'];
export type ResolvedGateline = ResolvedEntrance['gatelines'][number];
export type GateParams = ResolvedGateline['gate'];
/** Input shape of a scenario file (before defaults and unit conversion). */
export type ScenarioInput = z.input<ScenarioSchema>;

/** JSON Schema (draft 2020-12) of scenario files, for editors: the input side, with defaults and help. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(buildScenarioSchema(DESCRIBE_ONLY_CONTEXT), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'tapsim scenario', $id: 'https://tapsim.invalid/scenario.schema.json' };
}
