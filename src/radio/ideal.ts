/**
 * The ideal band: a reference link, not a radio anyone builds — a what-if baseline for
 * researchers ("what would the gateline do if the link cost nothing but a fixed time?").
 *
 * A reader that lists `ideal` in `readers[].bands` reads every carrier on it (a QR carrier still
 * scans optically). A tap completes a fixed `latency` after the carrier's presentation
 * (motion/tap-gesture.ts `presentationNs`; all of it charged to `airNs`, the link) and succeeds with probability `successProbability` (one draw, after the gesture's); a failed tap
 * is indicated at the same instant with cause 'frame-errors' (the attempt ends after the passenger's reaction, motion/closed-loop.ts). No geometry, field, protocol, collisions or
 * bystanders: the difference between a real band and this one is what that band's physics and
 * protocol cost. It never joins the default `compare --bands` set unless a reader uses it.
 */
import type { RandomStream } from '../random/stream.js';
import { presentationNs, type TapTrajectory } from '../motion/tap-gesture.js';
import { singleComponentTimeline } from '../link/tap-timeline.js';
import { attemptEndNs } from '../motion/closed-loop.js';
import { ms, type TimeNs } from '../units.js';
import type { TapOutcome } from './tap-outcome.js';
import type { BandModel, BandSection, SectionValues } from './band.js';

/** Defaults of the reference link: 100 ms, always successful (choices of this baseline, no source). */
export const IDEAL_DEFAULTS = { latencyNs: ms(100), successProbability: 1 };

export const IDEAL_SECTION = {
  key: 'ideal',
  help: 'Ideal reference link (a what-if baseline, not a real radio): a fixed latency and a fixed success probability.',
  fields: {
    latency: { kind: 'time', unit: 'ms', defaultNs: IDEAL_DEFAULTS.latencyNs, range: { min: 0 }, help: 'From the carrier\'s presentation (gesture.presentationHeightM) to the end of the transaction: {default}.' },
    successProbability: { kind: 'number', default: IDEAL_DEFAULTS.successProbability, range: { min: 0, max: 1 }, help: 'Probability that one tap succeeds: {default}.' },
  },
} as const satisfies BandSection;

export interface IdealPrepared {
  latencyNs: TimeNs;
  successProbability: number;
}

/** One tap on the reference link. */
export function idealTap(p: IdealPrepared, trajectory: TapTrajectory, rng: RandomStream): TapOutcome {
  const ok = rng.next01() < p.successProbability;
  const presentedNs = presentationNs(trajectory);
  const resultNs = presentedNs + p.latencyNs;
  const durationNs = attemptEndNs(ok ? 'success' : 'failure', resultNs, trajectory.reactionNs, 0);
  return {
    cause: ok ? 'ok' : 'frame-errors',
    band: 'ideal',
    ...singleComponentTimeline(presentedNs, 'airNs', resultNs),
    durationNs,
    frames: 0,
    retransmissions: 0,
    collisions: 0,
    heightM: trajectory.dwellHeightM,
    offsetM: trajectory.lateralOffsetM,
  };
}

export const IDEAL_BAND: BandModel<IdealPrepared, typeof IDEAL_SECTION> = {
  id: 'ideal',
  label: 'ideal reference',
  short: 'ideal',
  servedBy: 'reader',
  reference: true,
  readsEveryCarrier: true,
  section: IDEAL_SECTION,
  hearsBystanders: false,
  prepare(reader) {
    const s = reader['ideal'] as SectionValues<typeof IDEAL_SECTION> | null | undefined;
    return s === null || s === undefined ? null : { latencyNs: s.latency, successProbability: s.successProbability };
  },
  tap: (p, trajectory, _around, rng) => idealTap(p, trajectory, rng),
};
