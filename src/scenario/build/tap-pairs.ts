/**
 * Resolved reader and carrier → the prepared tap of that combination: the band they meet on and
 * its parameters, prepared by the band's own model (devices/reader.ts preparePair over the band
 * registry, src/radio/bands.ts; each band maps its own reader section).
 */
import type { TapPair } from '../../devices/reader.js';
import { preparePair } from '../../devices/reader.js';
import type { ResolvedCarrier, ResolvedReader } from '../schema.js';

/** The prepared tap of one (reader, carrier) combination: the band they meet on and its parameters. */
export function tapPair(reader: ResolvedReader, carrier: ResolvedCarrier): TapPair {
  return preparePair(reader, carrier);
}
