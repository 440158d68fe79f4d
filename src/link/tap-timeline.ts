/**
 * One tap's timeline (docs/architecture.md#tap-timeline): every band times a tap from the same instant
 * of the gesture — the carrier's presentation (motion/tap-gesture.ts `presentationNs`) — to the
 * reader's result, and charges every increment of its clock to exactly one component. The
 * components therefore sum exactly (integer ns) to the tap's latency, failures included.
 *
 * Time before presentation is not counted: a piece of the timeline that ends before presentation
 * is charged nothing, one that straddles it only its part after presentation (a reader that hears
 * the carrier early, e.g. a large LF hear distance, starts its work before the latency clock does).
 * When the reader's result comes before presentation, the timeline starts at the result: latency 0.
 */
import type { TimeNs } from '../units.js';

/** Where a tap's time went, integer ns each; they sum exactly to the tap's latency. */
export interface TapComponents {
  /** Waiting for the reader: approach into range, poll or beacon phase, polls or beacons that did not engage the carrier, and — on a failed tap — the time after the last frame until the attempt ended. */
  waitNs: TimeNs;
  /** Activation, wake-up and binding: 13.56 MHz field-on guard and activation frames (REQA … ATS/PPS, REQB/ATTRIB); 2.45 GHz the LF beacon the carrier qualified at. */
  activationNs: TimeNs;
  /** Anticollision: extra frames and waits when more than one card or phone answered (13.56 MHz resolution and HLTA; 2.45 GHz collision-detect exchanges). */
  anticollisionNs: TimeNs;
  /** The transaction's frames on air: frame airtime, response delays and PHY turnarounds, channel access, WTX round trips and retransmissions. */
  airNs: TimeNs;
  /** Card or secure-element processing between command and response, incl. the SE's link (SWP, SPI, host IPC) and an HCE app's wake-up (link/secure-element.ts). */
  seNs: TimeNs;
  /** Reader / terminal work: turnaround before each command, terminal work (PSAM MAC) and the work after the last frame. */
  readerNs: TimeNs;
}

export type TapComponent = keyof TapComponents;

/** The components in the order transactions.csv lists them. */
export const TAP_COMPONENTS: readonly TapComponent[] = ['waitNs', 'activationNs', 'anticollisionNs', 'airNs', 'seNs', 'readerNs'];

export const zeroComponents = (): TapComponents => ({ waitNs: 0, activationNs: 0, anticollisionNs: 0, airNs: 0, seNs: 0, readerNs: 0 });

/** Sum of the components, ns. */
export function componentsTotalNs(c: TapComponents): TimeNs {
  return c.waitNs + c.activationNs + c.anticollisionNs + c.airNs + c.seNs + c.readerNs;
}

/** What a closed timeline gives the tap's outcome. */
export interface ClosedTimeline {
  /** Gesture start → the start of the latency clock (presentation, or the result when it came first), ns. */
  presentationNs: TimeNs;
  /** Presentation → the reader's result, ns (≥ 0). */
  latencyNs: TimeNs;
  components: TapComponents;
}

/**
 * The clock of one tap, in gesture time (ns since gesture start). The band advances its own clock
 * and settles it here: `settle(t)` charges [charged-until, t] to the current phase, `settleAs(c, t)`
 * to `c` without changing the phase, `phase(c, t)` settles and switches.
 */
export class TapTimeline {
  readonly components: TapComponents = zeroComponents();
  private chargedUntilNs = 0;
  private current: TapComponent = 'waitNs';

  constructor(readonly presentationNs: TimeNs) {}

  /** Charge [charged-until, untilNs] to `c`, clipped at presentation. `untilNs` must not go back. */
  settleAs(c: TapComponent, untilNs: TimeNs): void {
    const fromNs = Math.max(this.chargedUntilNs, this.presentationNs);
    if (untilNs > fromNs) this.components[c] += untilNs - fromNs;
    if (untilNs > this.chargedUntilNs) this.chargedUntilNs = untilNs;
  }

  settle(untilNs: TimeNs): void {
    this.settleAs(this.current, untilNs);
  }

  /** Settle up to `atNs` in the current phase, then charge what follows to `c`. */
  phase(c: TapComponent, atNs: TimeNs): void {
    this.settle(atNs);
    this.current = c;
  }

  /** The time settled so far (gesture time), ns. */
  get settledNs(): TimeNs {
    return this.chargedUntilNs;
  }

  /** The tap ended at `resultNs` (the reader's result, gesture time): the rest is waiting; latency and components. */
  close(resultNs: TimeNs): ClosedTimeline {
    if (resultNs < this.chargedUntilNs) throw new Error(`tap timeline: result at ${resultNs} ns before the settled time ${this.chargedUntilNs} ns`);
    this.settleAs('waitNs', resultNs);
    return { presentationNs: Math.min(this.presentationNs, resultNs), latencyNs: Math.max(0, resultNs - this.presentationNs), components: this.components };
  }
}

/** A timeline whose whole span up to `resultNs` is one component `c` (reference and optical bands). */
export function singleComponentTimeline(presentationNs: TimeNs, c: TapComponent, resultNs: TimeNs): ClosedTimeline {
  const t = new TapTimeline(presentationNs);
  t.settleAs(c, resultNs);
  return t.close(resultNs);
}
