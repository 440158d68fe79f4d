/**
 * The band interface: what a radio (or optical) band gives the rest of tapsim. A band is one
 * module under src/radio/ and one line in the registry (src/radio/bands.ts); everything that
 * lists bands (the scenario's band enums and reader sections, the metric suffixes, the report's
 * labels, `tapsim compare --bands`) reads the registry.
 *
 * A band prepares a (reader, carrier) pair once per replication (`prepare`) and then taps it
 * (`tap`): from a drawn gesture, the surroundings and the tap's random stream to a TapOutcome.
 * Its reader parameters are a scenario sub-section (`readers[].<section.key>`) described by plain
 * field specifications with defaults taken from the model constants they configure; the scenario
 * layer turns them into its schema (this layer knows nothing of zod, mathjs or files).
 */
import type { RandomStream } from '../random/stream.js';
import type { TapTrajectory } from '../motion/tap-gesture.js';
import type { CarryPlacement } from '../physics/path-loss.js';
import type { TimeNs } from '../units.js';
import type { Band, TapOutcome } from './tap-outcome.js';
import type { BystanderGeometry } from './bystander-geometry.js';

/** A carrier as a bystander sees it. */
export interface Bystander {
  bands: readonly Band[];
  /** Where the phone is while its owner waits (body loss at 2.45 GHz). */
  restingPlacement: CarryPlacement;
  /** The carrier kind's profile per band id (devices/carrier-kinds.ts), e.g. which 13.56 MHz antenna it has. */
  profiles?: Readonly<Record<string, string>>;
}

/** What surrounds one tap: the person behind and the people tapping at neighbouring gates. */
export interface TapSurroundings {
  behind: Bystander | null;
  /** Tappers at neighbouring gates with their reader's lateral distance from this reader (lanes × pitch), m. */
  neighbours: ReadonlyArray<{ carrier: Bystander; lateralM: number }>;
  pitchM: number;
  /** Where the bystanders hold their carriers (scenario `bystanders`). */
  geometry: BystanderGeometry;
}

/** Physical dimensions a band parameter may have (a subset of the scenario's units, scenario/units.ts). */
export type BandFieldDimension = 'length' | 'current' | 'voltage' | 'inductance' | 'frequency' | 'power';

/** Bounds of a parameter, in the SI unit it resolves to (seconds for times). */
export interface BandFieldRange {
  min?: number;
  max?: number;
  /** Strictly greater than min. */
  exclusiveMin?: boolean;
  /** Strictly less than max. */
  exclusiveMax?: boolean;
}

/**
 * One parameter of a band's reader section, with its default as the model constant (SI units,
 * integer ns for times). `unit` is the unit the scenario shows the default in (`"50 mm"`);
 * `{default}` in a help text stands for that shown default.
 */
export type BandField =
  | { kind: 'quantity'; dimension: BandFieldDimension; help: string; default: number; unit: ShownUnit; range?: BandFieldRange }
  | { kind: 'time'; help: string; defaultNs: TimeNs; unit: 'ms' | 's'; range?: BandFieldRange }
  | { kind: 'count'; help: string; default: number; min: number; max: number }
  | { kind: 'number'; help: string; default: number; range?: BandFieldRange }
  | { kind: 'boolean'; help: string; default: boolean }
  | { kind: 'choice'; help: string; default: string | number; options: readonly (string | number)[] };

/** Units a default may be shown in (the scenario layer writes "50 mm" from 0.05 m). */
export type ShownUnit = 'm' | 'cm' | 'mm' | 'A' | 'V' | 'mV' | 'H' | 'uH' | 'Hz' | 'kHz' | 'MHz' | 'dBm';

/** A band's scenario sub-section: `readers[].<key>`, present when the reader serves the band. */
export interface BandSection {
  readonly key: string;
  readonly help: string;
  readonly fields: Readonly<Record<string, BandField>>;
}

/** The resolved value of a field: SI numbers (integer ns for times), booleans, one of the choices. */
export type FieldValue<F> = F extends { kind: 'boolean' } ? boolean : F extends { kind: 'choice'; options: readonly (infer O)[] } ? O : number;

/** The resolved section of a band, as the scenario gives it to `prepare`. */
export type SectionValues<S extends BandSection> = { readonly [K in keyof S['fields']]: FieldValue<S['fields'][K]> };

/**
 * A reader configuration as a band reads it (the resolved scenario's reader, structurally): its
 * bands, the reader-level 13.56 MHz fields and one section per band (null when not served).
 */
export interface BandReader {
  readonly bands: readonly string[];
  readonly [field: string]: unknown;
}

/** A carrier configuration as a band reads it (the resolved scenario's carrier, structurally). */
export interface BandCarrier {
  readonly kind: string;
  readonly bands: readonly string[];
  /** The carrier kind's profile per band id (devices/carrier-kinds.ts): e.g. which default 13.56 MHz carrier it is. */
  readonly profiles?: Readonly<Record<string, string>>;
  readonly [field: string]: unknown;
}

export interface BandModel<P = unknown, S extends BandSection | null = BandSection | null> {
  /** As written in scenario files and CSV columns: "13.56MHz". */
  readonly id: Band;
  /** For people (figures, reports): "13.56 MHz". */
  readonly label: string;
  /** Metric suffix and comparison id: "nfc" (success_rate_nfc). */
  readonly short: string;
  /**
   * reader: a reader serves it (readers[].bands). carrier: the carrier brings it and every reader
   * can read it (an optical QR code on a screen).
   */
  readonly servedBy: 'reader' | 'carrier';
  /** A reader serving it reads every carrier, whatever bands the carrier kind lists (a reference link). */
  readonly readsEveryCarrier: boolean;
  /**
   * A reference band (a what-if baseline, not a radio anyone builds): `compare --bands` includes it
   * only when a scenario's readers use it.
   */
  readonly reference: boolean;
  /** The reader parameters, or null when it has none. */
  readonly section: S;
  /** A tap on this band hears the bystanders (TapSurroundings); others are tapped without them. */
  readonly hearsBystanders: boolean;
  /** The pair's parameters, built once per replication; null when this carrier cannot use the band here. */
  prepare(reader: BandReader, carrier: BandCarrier): P | null;
  /** One tap attempt on a prepared pair (draws after the gesture, in a fixed order, from `rng`). */
  tap(prepared: P, trajectory: TapTrajectory, around: TapSurroundings, rng: RandomStream): TapOutcome;
}
