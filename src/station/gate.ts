/**
 * One fare gate (turnstile): a FIFO queue in front of a reader and a mechanism.
 *
 * Mechanism states: idle → validating (tap + authorisation) → open → passage → closing.
 * Two cycle models (docs/sources.md#f8-3, docs/validation.md#v18):
 *  - overlap: the next passenger taps as soon as the previous one has walked through, so the
 *    walk-up overlaps the previous passage; openings are at least `minCycleNs` apart, and not
 *    before the gate has re-locked after the previous passage.
 *    Throughput = 1 / max(minCycle, passage + max(t_tx, relock)) for openNs = 0.
 *  - serial: one passenger at a time; headway h0 (`serialHeadwayNs`) plus the tap.
 *    Throughput = 1 / (h0 + t_tx).
 * A failed tap blocks the gate for the re-present delay; after `maxTaps` failures the passenger
 * leaves the gate and falls back (the caller decides where).
 * Events only where something changes: tap start (none when the reader is free at once), tap end,
 * opening, end of passage.
 */
import type { Kernel } from '../kernel/kernel.js';
import { sample, type Distribution } from '../random/distributions.js';
import type { TapOutcome } from '../radio/tap-outcome.js';
import { NS_PER_S } from '../units.js';
import type { Passenger } from './passenger.js';
import { opensGate } from './success-rule.js';

export interface GateMechanics {
  model: 'overlap' | 'serial';
  /** Valid transaction → gate open, ns. */
  openNs: number;
  /** Walking through the open gate, s. */
  passageS: Distribution;
  /** Minimum time between two openings, ns (overlap model). */
  minCycleNs: number;
  /** Re-lock after a passage, s: the gate cannot open again before it has closed (overlap model). */
  relockS: Distribution;
  /** Serial headway h0, ns (serial model). */
  serialHeadwayNs: number;
  /** Re-present delay after a failed tap, s. */
  representDelayS: Distribution;
  /** Tap attempts before the passenger gives up at this gate. */
  maxTaps: number;
}

/** What the gate asks of the world around it. */
export interface GateHooks {
  /** One tap attempt starting now; pure apart from the passenger's stream. */
  tap(passenger: Passenger, gate: Gate): TapOutcome;
  /**
   * Authorise a completed transaction; call `done` with the decision when it is made (now or later).
   * `done` is the same function for every call from one gate (callers may keep per-gate wrappers).
   */
  authorise(passenger: Passenger, gate: Gate, outcome: TapOutcome, done: (approved: boolean) => void): void;
  /** Every tap attempt, at its end. */
  onTap(passenger: Passenger, gate: Gate, outcome: TapOutcome, startNs: number): void;
  /**
   * The gate opens for the passenger at `atNs` (now or later in the current cycle): they pass.
   * Called when the opening is decided, so that it costs no event of its own. `timing` (reused
   * by the gate: read it during the call) has the instants of the tap that opened it.
   */
  onPassed(passenger: Passenger, gate: Gate, atNs: number, timing: PassTiming): void;
  /** The passenger gave up at this gate (taps exhausted or declined). */
  onGiveUp(passenger: Passenger, gate: Gate): void;
  /** A passenger who passed has cleared the gate: the gate holds no reference to them any more. */
  onCleared?(passenger: Passenger, gate: Gate): void;
  /**
   * Queue length of this gate changes now: the old level held since `sinceNs`, the new one from
   * now on (equal to the old one at the end-of-run flush).
   */
  onQueueLevel(gate: Gate, oldLength: number, sinceNs: number, newLength: number): void;
  /** The gate started serving a passenger who waited since `queuedNs`. */
  onServiceStart(passenger: Passenger, gate: Gate): void;
}

/**
 * The instants of the tap that opened the gate, ns: tap-to-open = opening − presentedNs =
 * latency (presentedNs → tapEndNs) + authorisation (→ decidedNs) + gate (→ opening).
 */
export interface PassTiming {
  /** The carrier's presentation: tap start + TapOutcome.presentationNs. */
  presentedNs: number;
  /** The reader's result: tap start + TapOutcome.durationNs. */
  tapEndNs: number;
  /** The authorisation's decision as the gate sees it. */
  decidedNs: number;
}

export class Gate {
  private readonly queue: Passenger[] = [];
  private head = 0;
  private serving: Passenger | null = null;
  /** The served passenger is already walking through (passed) while the gate finishes its cycle. */
  private servingPassed = false;
  /** Earliest time the reader area is free for the next tap. */
  private readyAtNs = 0;
  private lastOpenNs = -Infinity;
  /** End of the last passage plus re-lock: the earliest next opening. */
  private relockedAtNs = -Infinity;
  private levelSinceNs = 0;
  /** The tap in progress (one at a time per gate): its outcome and start. */
  private tapOutcome: TapOutcome | null = null;
  private tapStartNs = 0;
  /** The instants of the current passenger's last tap (reused; onPassed reads it). */
  private readonly timing: PassTiming = { presentedNs: 0, tapEndNs: 0, decidedNs: 0 };
  /** When the reader area frees after the current passage (the scheduled release). */
  private releaseAtNs = 0;
  // Event handlers bound once per gate, so that a passenger's taps, decisions and passages
  // schedule no new closures (the gate holds the state they need: one passenger at a time).
  private readonly tapServingHandler = (): void => this.tap(this.serving as Passenger);
  private readonly tapEndHandler = (): void => this.tapEnded();
  private readonly decidedHandler = (approved: boolean): void => this.decided(this.serving as Passenger, approved);
  private readonly releaseHandler = (): void => this.release(this.releaseAtNs);
  /** True from tap start to the end of the last frame (for neighbours' interference). */
  transacting = false;
  busyNs = 0;
  passed = 0;

  constructor(
    private readonly kernel: Kernel,
    /** Position of the gate among all gates of its world (0-based). */
    readonly index: number,
    /** Position of the gate within its gateline (0-based). */
    readonly lane: number,
    readonly gatelineIndex: number,
    private readonly mechanics: GateMechanics,
    private readonly hooks: GateHooks,
    /**
     * Shared per-gate load (waiting + in service) at `loadSlot`: the gates of a gateline sit side by
     * side, so choosing a gate reads one or two cache lines instead of every Gate object.
     */
    private readonly gateLoads: Float64Array = new Float64Array(1),
    private readonly loadSlot = 0,
  ) {}

  /** Passengers waiting (not counting the one being served). */
  get queueLength(): number {
    return this.queue.length - this.head;
  }

  get inService(): Passenger | null {
    return this.serving;
  }

  /** A passenger is at the reader and has not yet passed (conservation accounting). */
  get holdingPassenger(): boolean {
    return this.serving !== null && !this.servingPassed;
  }

  /** The passenger right behind the one being served (for near-field neighbours), or null. */
  get nextInQueue(): Passenger | null {
    return this.queue[this.head] ?? null;
  }

  /** Load (waiting + in service) for gate choice. */
  get load(): number {
    return this.queueLength + (this.serving === null ? 0 : 1);
  }

  join(passenger: Passenger): void {
    this.gateLoads[this.loadSlot] = (this.gateLoads[this.loadSlot] as number) + 1;
    passenger.queuedNs = this.kernel.nowNs;
    passenger.taps = 0;
    this.levelChanging(1);
    this.queue.push(passenger);
    if (this.serving === null) this.startNext();
  }

  /** Remove all waiting passengers (end of run accounting is done by the caller). */
  waiting(): readonly Passenger[] {
    return this.queue.slice(this.head);
  }

  /** The queue length is about to change by `delta`: report the old level's segment (no closure per call). */
  private levelChanging(delta: number): void {
    const now = this.kernel.nowNs;
    this.hooks.onQueueLevel(this, this.queueLength, this.levelSinceNs, this.queueLength + delta);
    this.levelSinceNs = now;
  }

  /** Level bookkeeping at the end of a run (flush the last segment). */
  flushLevel(): void {
    this.hooks.onQueueLevel(this, this.queueLength, this.levelSinceNs, this.queueLength);
    this.levelSinceNs = this.kernel.nowNs;
  }

  private startNext(): void {
    if (this.serving !== null || this.queueLength === 0) return;
    this.levelChanging(-1);
    const p = this.queue[this.head] as Passenger;
    this.queue[this.head++] = undefined as unknown as Passenger;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.serving = p;
    this.hooks.onServiceStart(p, this);
    const startNs = Math.max(this.kernel.nowNs, this.readyAtNs);
    // A free reader: the tap starts now, within this event (one kernel event fewer per passenger).
    if (startNs === this.kernel.nowNs) this.tap(p);
    else this.kernel.scheduleAt(startNs, this.tapServingHandler);
  }

  private tap(p: Passenger): void {
    const startNs = this.kernel.nowNs;
    p.tapStartNs = startNs;
    this.transacting = true;
    const outcome = this.hooks.tap(p, this);
    p.taps++;
    p.totalTaps++;
    this.busyNs += outcome.durationNs;
    this.tapOutcome = outcome;
    this.tapStartNs = startNs;
    this.kernel.schedule(outcome.durationNs, this.tapEndHandler);
  }

  /** The last frame of the tap in progress has ended. */
  private tapEnded(): void {
    const p = this.serving as Passenger;
    const outcome = this.tapOutcome as TapOutcome;
    this.tapOutcome = null;
    this.transacting = false;
    this.timing.presentedNs = this.tapStartNs + outcome.presentationNs;
    this.timing.tapEndNs = this.kernel.nowNs;
    this.hooks.onTap(p, this, outcome, this.tapStartNs);
    if (opensGate(outcome.cause)) {
      this.hooks.authorise(p, this, outcome, this.decidedHandler);
    } else this.failed(p);
  }

  private failed(p: Passenger): void {
    if (p.taps < this.mechanics.maxTaps) {
      const delayNs = Math.max(0, Math.round(sample(p.rng, this.mechanics.representDelayS) * NS_PER_S));
      this.busyNs += delayNs;
      this.kernel.schedule(delayNs, this.tapServingHandler);
      return;
    }
    this.release(this.kernel.nowNs);
    this.hooks.onGiveUp(p, this);
  }

  private decided(p: Passenger, approved: boolean): void {
    const decidedNs = this.kernel.nowNs;
    this.timing.decidedNs = decidedNs;
    if (!approved) {
      this.release(decidedNs);
      this.hooks.onGiveUp(p, this);
      return;
    }
    const m = this.mechanics;
    const passageNs = Math.max(0, Math.round(sample(p.rng, m.passageS) * NS_PER_S));
    if (m.model === 'serial') {
      const doneNs = decidedNs + m.serialHeadwayNs;
      this.busyNs += doneNs - this.kernel.nowNs;
      this.pass(p, decidedNs);
      this.releaseAtNs = doneNs;
      this.kernel.scheduleAt(doneNs, this.releaseHandler);
      return;
    }
    const openNs = Math.max(decidedNs + m.openNs, this.lastOpenNs + m.minCycleNs, this.relockedAtNs);
    this.lastOpenNs = openNs;
    this.relockedAtNs = openNs + passageNs + Math.max(0, Math.round(sample(p.rng, m.relockS) * NS_PER_S));
    this.busyNs += openNs + passageNs - this.kernel.nowNs;
    this.pass(p, openNs);
    this.releaseAtNs = openNs + passageNs;
    this.kernel.scheduleAt(this.releaseAtNs, this.releaseHandler);
  }

  private pass(p: Passenger, atNs: number): void {
    this.servingPassed = true;
    this.hooks.onPassed(p, this, atNs, this.timing);
  }

  /** The reader area is free from `readyNs`: serve the next passenger. */
  private release(readyNs: number): void {
    const p = this.serving;
    const passed = this.servingPassed;
    if (p !== null) {
      this.gateLoads[this.loadSlot] = (this.gateLoads[this.loadSlot] as number) - 1;
    }
    this.serving = null;
    this.servingPassed = false;
    this.readyAtNs = readyNs;
    if (p !== null && passed) this.hooks.onCleared?.(p, this);
    this.startNext();
  }
}
