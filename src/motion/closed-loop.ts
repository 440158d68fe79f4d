/**
 * The closed-loop gesture (docs/sources.md#f8-4): a passenger holds the carrier until the reader indicates
 * a result, reacts, and only then moves on; without any indication they withdraw when their
 * impatience runs out (the trajectory's dwell, motion/tap-gesture.ts).
 *
 * Every band computes the end of an attempt — what the gate waits for (`TapOutcome.durationNs`) — here:
 * - `success`: the reader indicated success at `atNs`. The attempt ends there: the reader hands the
 *   result to authorisation and the gate at once, and the passenger's reaction overlaps them.
 * - `failure`: the reader indicated a failure at `atNs` (card clash, an error after activation, a failed
 *   scan). The passenger re-presents only after reacting: the attempt ends at `atNs + reactionNs`.
 * - `none`: the reader never indicated (nothing answered, the carrier left before activation, no
 *   common band). The passenger gives up by impatience: the attempt ends with the gesture, or at
 *   `atNs` if the band's last frame ends after it.
 * Pure: the same inputs give the same instant.
 */
import type { TimeNs } from '../units.js';

/** What the reader showed the passenger at the end of an attempt. */
export type Indication = 'success' | 'failure' | 'none';

/**
 * End of one attempt, ns since the gesture started.
 * @param indication what the reader showed (see the file comment)
 * @param atNs the reader's result (the indication instant), or the band's last activity when `none`
 * @param reactionNs the passenger's reaction time (TapTrajectory.reactionNs)
 * @param gestureEndNs the end of the open-loop gesture (gestureDurationNs, plus the tapper's start offset where a band has one)
 */
export function attemptEndNs(indication: Indication, atNs: TimeNs, reactionNs: TimeNs, gestureEndNs: TimeNs): TimeNs {
  if (indication === 'success') return atNs;
  if (indication === 'failure') return atNs + reactionNs;
  return Math.max(gestureEndNs, atNs);
}
