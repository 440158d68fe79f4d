/** A passenger on the way through a gateline. Plain mutable record owned by one replication. */
import type { RandomStream } from '../random/stream.js';

export interface Passenger {
  /** Stable key, e.g. "S01/E1#123" (also the random stream key). */
  key: string;
  /** Index into the replication's carrier table. */
  carrierIndex: number;
  rng: RandomStream;
  /** Arrival at the entrance, ns. */
  arrivedNs: number;
  /** Joined the current gate queue, ns. */
  queuedNs: number;
  /** Tap attempts at the current gate. */
  taps: number;
  /** Tap attempts in total. */
  totalTaps: number;
  /** 'none' until the first fallback; a passenger falls back at most once per kind. */
  fallback: 'none' | 'other-gate' | 'qr';
  /** Index of the gate chosen last (sticky lanes, other-gate fallback). */
  lastGate: number;
  /** Start of the latest tap attempt, ns. */
  tapStartNs: number;
}
