/**
 * One tap attempt of a carrier at a reader. Band models stay pure (src/radio/, behind the
 * registry); this file chooses the band (dual-band readers and SIMs), prepares the pair once per
 * replication (`preparePair`) and taps it (`tapOnce`).
 */
import { drawTrajectory, gestureDurationNs, type TapGestureParams } from '../motion/tap-gesture.js';
import { attemptEndNs } from '../motion/closed-loop.js';
import type { RandomStream } from '../random/stream.js';
import type { BandCarrier, BandModel, BandReader, TapSurroundings } from '../radio/band.js';
import { BAND_MODELS, bandModel } from '../radio/bands.js';
import type { Band, TapOutcome } from '../radio/tap-outcome.js';
import { carrierKind } from './carrier-kinds.js';
import { zeroComponents } from '../link/tap-timeline.js';

// The station layer names these through the reader (they describe what surrounds a tap here).
export type { Bystander, TapSurroundings } from '../radio/band.js';

/** Everything one (reader, carrier) combination needs for a tap. */
export interface TapPair {
  /** Band used, or null when reader and carrier share none (the tap is declined). */
  band: Band | null;
  /** The carrier's own first band (labels a declined tap). */
  carrierBand: Band;
  gesture: TapGestureParams;
  /** The model of `band` (null with it). */
  model: BandModel | null;
  /** The band's prepared parameters (BandModel.prepare); null when the band cannot serve this carrier here. */
  prepared: unknown;
}

/**
 * Band for a carrier at a reader. A band the carrier brings (optical QR) is read by every reader.
 * Otherwise, for a dual-band SIM phone at a dual reader (GB/T 33742 dual 13.56 MHz + 2.45 GHz
 * reader, docs/sources.md#f6-1: it handles same- and different-frequency conflicts; the rule is unknown, so
 * the preference is a scenario parameter [E]): the preferred band if both sides support it, else
 * any common band in the reader's order, else null.
 */
export function bandFor(readerBands: readonly Band[], carrierBands: readonly Band[], preferred: Band): Band | null {
  const own = BAND_MODELS.find((b) => b.servedBy === 'carrier' && carrierBands.includes(b.id));
  if (own !== undefined) return own.id;
  return chooseBand(readerBands, carrierBands, preferred);
}

/**
 * The preferred band both sides support, else any common band in the reader's order, else null.
 * A band that reads every carrier (BandModel.readsEveryCarrier) counts as supported by every carrier.
 */
export function chooseBand(readerBands: readonly Band[], carrierBands: readonly Band[], preferred: Band): Band | null {
  const usable = (b: Band): boolean => carrierBands.includes(b) || BAND_MODELS.some((m) => m.id === b && m.readsEveryCarrier);
  if (readerBands.includes(preferred) && usable(preferred)) return preferred;
  return readerBands.find(usable) ?? null;
}

/** A reader configuration as the pair needs it (the resolved scenario's reader, structurally). */
export interface PairReader extends BandReader {
  readonly dualBandPreference: Band;
}

/** Choose the band of a (reader, carrier) pair and prepare it (once per replication). */
export function preparePair(reader: PairReader, carrier: BandCarrier & { readonly gesture: TapGestureParams }): TapPair {
  const band = bandFor(reader.bands, carrier.bands, reader.dualBandPreference);
  const model = band === null ? null : bandModel(band);
  const profiles = carrierKind(carrier.kind).profiles;
  return {
    band,
    carrierBand: carrier.bands[0] ?? 'optical',
    gesture: carrier.gesture,
    model,
    prepared: model === null ? null : model.prepare(reader, { ...carrier, profiles }),
  };
}

/** One tap attempt, drawing everything from the passenger's stream. */
export function tapOnce(pair: TapPair, rng: RandomStream, around: TapSurroundings): TapOutcome {
  const trajectory = drawTrajectory(rng, pair.gesture);
  if (pair.model !== null && pair.prepared !== null) return pair.model.tap(pair.prepared, trajectory, around, rng);
  // No common band: the reader cannot accept this carrier and never indicates; the passenger holds it out until impatience.
  const endNs = attemptEndNs('none', 0, trajectory.reactionNs, gestureDurationNs(trajectory));
  return {
    cause: 'declined',
    band: pair.carrierBand,
    latencyNs: 0,
    components: zeroComponents(),
    presentationNs: endNs, // no reader ever engaged: the timeline starts (and ends) with the attempt
    durationNs: endNs,
    frames: 0,
    retransmissions: 0,
    collisions: 0,
    heightM: trajectory.dwellHeightM,
    offsetM: trajectory.lateralOffsetM,
  };
}
