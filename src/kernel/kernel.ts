/**
 * The event kernel: a clock in integer nanoseconds and a future-event list of actions.
 * It knows nothing of radios or gates, does no I/O and draws no random numbers.
 */
import { EventQueue } from './event-queue.js';

/** Opaque handle of a scheduled event, for `cancel`. */
export type EventHandle = number;

export class Kernel {
  private clockNs = 0;
  private processed = 0;
  private readonly queue: EventQueue<() => void>;
  /** Ids of cancelled events still in the heap (lazy deletion). */
  private readonly cancelled = new Set<number>();
  private failure: unknown = undefined;
  private stopped = false;
  /** True while the head event's action runs: the first event it schedules takes the head's place. */
  private headConsumed = false;

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Current simulation time, ns. */
  get nowNs(): number {
    return this.clockNs;
  }

  /** Events executed so far (cancelled ones are not counted). */
  get eventCount(): number {
    return this.processed;
  }

  /** Events waiting in the future-event list (including cancelled ones not yet dropped). */
  get pendingCount(): number {
    return this.queue.size - (this.headConsumed ? 1 : 0);
  }

  /** Bytes held by the heap's arrays. */
  get heapBytes(): number {
    return this.queue.capacityBytes;
  }

  /**
   * Run `action` after `delayNs` (≥ 0, rounded to an integer). Among events at the same time,
   * lower `priority` runs first, then insertion order.
   */
  schedule(delayNs: number, action: () => void, priority = 0): EventHandle {
    if (!(delayNs >= 0)) throw new RangeError(`schedule: delay must be ≥ 0 ns, got ${delayNs}`);
    return this.insert(this.clockNs + Math.round(delayNs), action, priority);
  }

  /** Run `action` at absolute time `timeNs` (≥ now). */
  scheduleAt(timeNs: number, action: () => void, priority = 0): EventHandle {
    if (!(timeNs >= this.clockNs)) throw new RangeError(`scheduleAt: time ${timeNs} ns is before now (${this.clockNs} ns)`);
    return this.insert(Math.round(timeNs), action, priority);
  }

  private insert(timeNs: number, action: () => void, priority: number): EventHandle {
    if (this.headConsumed) {
      this.headConsumed = false;
      return this.queue.replaceTop(timeNs, priority, action);
    }
    return this.queue.push(timeNs, priority, action);
  }

  /** Cancel a pending event (lazy: it is dropped when it reaches the head). */
  cancel(handle: EventHandle): void {
    this.cancelled.add(handle);
  }

  /** Execute the next event; false when none is left. */
  step(): boolean {
    try {
      return this.stepUnguarded();
    } catch (error) {
      this.recoverHead();
      throw error;
    }
  }

  /** One event without the try/finally of `step` (the caller recovers the head on a throw). */
  private stepUnguarded(): boolean {
    const queue = this.queue;
    for (;;) {
      if (queue.size === 0) return false;
      if (this.cancelled.size > 0 && this.cancelled.delete(queue.peekId())) {
        queue.pop();
        continue;
      }
      this.clockNs = queue.peekTimeNs();
      const action = queue.peekPayload() as () => void;
      this.processed++;
      // The head stays in the heap while its action runs; the first event the action schedules
      // takes its place with one sift-down (EventQueue.replaceTop), the cheapest "hold".
      this.headConsumed = true;
      action();
      if (this.headConsumed) {
        this.headConsumed = false;
        queue.pop();
      }
      return true;
    }
  }

  /** After an action threw: drop the head it left in the heap. */
  private recoverHead(): void {
    if (this.headConsumed) {
      this.headConsumed = false;
      this.queue.pop();
    }
  }

  /**
   * Run events in order. With `untilNs`, stop before the first event later than it and leave
   * the clock at `untilNs`; with `maxEvents`, stop after that many events. Rethrows the first
   * failure reported through `fail`.
   */
  run(untilNs = Infinity, maxEvents = Infinity): void {
    this.stopped = false;
    const queue = this.queue;
    const lastEvent = this.processed + maxEvents;
    try {
      while (!this.stopped && queue.size > 0 && queue.peekTimeNs() <= untilNs && this.processed < lastEvent) {
        this.stepUnguarded();
        if (this.failure !== undefined) {
          const error = this.failure;
          this.failure = undefined;
          throw error;
        }
      }
    } catch (error) {
      this.recoverHead();
      throw error;
    }
    if (untilNs !== Infinity && !this.stopped && this.processed < lastEvent && untilNs > this.clockNs) this.clockNs = untilNs;
  }

  /** Make `run` return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** Report an error from inside an event (e.g. an uncaught process failure); `run` rethrows it. */
  fail(error: unknown): void {
    if (this.failure === undefined) this.failure = error;
  }
}
