/**
 * What one tap attempt produced — the common result of every band model, and one row of
 * `transactions.csv`. Plain data only (it crosses worker boundaries).
 */
import type { TimeNs } from '../units.js';
import type { TapComponents } from '../link/tap-timeline.js';

/** Fixed list of causes; `ok` is the only successful one. */
export const TAP_CAUSES = [
  'ok',
  'out-of-range',
  'tear',
  'collision',
  'frame-errors',
  'timeout',
  'declined',
  'wrong-gate',
  'wrong-card',
] as const;
export type TapCause = (typeof TAP_CAUSES)[number];

/** A band id as in the registry (src/radio/bands.ts): "13.56MHz", "2.45GHz", "optical", … */
export type Band = string;

export interface TapOutcome {
  /**
   * ok ⇒ the intended carrier paid at the intended reader. wrong-gate: another person's carrier paid
   * here (or the tapper's at another reader); wrong-card: another card of the tapper's (a wallet) paid.
   */
  cause: TapCause;
  band: Band;
  /**
   * From the carrier's presentation (motion/tap-gesture.ts `presentationNs`) to the reader's result:
   * the last frame plus the reader's work, or — when nothing completed — the end of the attempt.
   * Equal to `durationNs − presentationNs` and to the sum of `components` (docs/architecture.md#tap-timeline).
   */
  latencyNs: TimeNs;
  /** Where the latency went (link/tap-timeline.ts); sums exactly to `latencyNs`. */
  components: TapComponents;
  /** Gesture start → presentation (the start of the latency clock; the result's instant when that came first), ns. */
  presentationNs: TimeNs;
  /**
   * From the start of the tap gesture to the end of the attempt: the reader's result, or the end
   * of the gesture when nothing completed. This is what the gate waits for.
   */
  durationNs: TimeNs;
  /** Frames exchanged (both directions counted once per frame). */
  frames: number;
  /** Frames resent after an error. */
  retransmissions: number;
  /** Collided responses / multi-target events seen. */
  collisions: number;
  /** Dwell height and lateral offset of the carrier during the tap, metres. */
  heightM: number;
  offsetM: number;
}
