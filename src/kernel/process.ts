/**
 * SimPy-style processes: generator functions resumed by the kernel.
 *
 * A process yields what it waits for:
 *  - a number: a timeout of that many ns (the allocation-free fast path; `timeout(ns)` is the
 *    same thing written out),
 *  - an `Awaitable`: a `Signal`, another `Process`, `anyOf(...)`, `allOf(...)`, a resource request.
 * The yield expression evaluates to the awaited value. `interrupt` throws an `Interrupt` into
 * a waiting process. A process is itself awaitable: waiting on it yields its return value.
 */
import type { Kernel } from './kernel.js';

/** Something a process can wait for. `subscribe` calls `settle` exactly once (now or later). */
export interface Awaitable<T = unknown> {
  subscribe(settle: (ok: boolean, value: T | unknown) => void): void;
}

export type Yieldable = number | Awaitable<unknown>;
export type ProcessBody<T = void> = Generator<Yieldable, T, any>;

/** Thrown into a process by `interrupt`. */
export class Interrupt extends Error {
  constructor(readonly reason: unknown) {
    super(`interrupted: ${String(reason)}`);
    this.name = 'Interrupt';
  }
}

/** Identity helper so code can say `yield timeout(ms(5))`. */
export const timeout = (delayNs: number): number => delayNs;

type Settle = (ok: boolean, value: unknown) => void;

/** A one-shot broadcast: every waiter resumes (at the current time) when it is fired. */
export class Signal<T = unknown> implements Awaitable<T> {
  private waiters: Settle[] = [];
  private settled = false;
  private ok = true;
  private value: unknown = undefined;

  constructor(private readonly kernel: Kernel) {}

  get triggered(): boolean {
    return this.settled;
  }

  subscribe(settle: Settle): void {
    if (this.settled) {
      const { ok, value } = this;
      this.kernel.schedule(0, () => settle(ok, value), -1);
    } else this.waiters.push(settle);
  }

  /** Resolve with a value; waiters resume at the current time in the order they subscribed. */
  fire(value?: T): void {
    this.finish(true, value);
  }

  /** Resolve with an error, thrown into every waiter. */
  failWith(error: unknown): void {
    this.finish(false, error);
  }

  private finish(ok: boolean, value: unknown): void {
    if (this.settled) throw new Error('Signal already fired');
    this.settled = true;
    this.ok = ok;
    this.value = value;
    const waiters = this.waiters;
    this.waiters = [];
    for (const settle of waiters) this.kernel.schedule(0, () => settle(ok, value), -1);
  }
}

/** A running generator. Await it to get its return value (or its error). */
export class Process<T = unknown> implements Awaitable<T> {
  /** Created on the first subscription only: most processes are never awaited. */
  private done: Signal<T> | null = null;
  private outcome: { ok: boolean; value: unknown } | null = null;
  private timeoutHandle = -1;
  private waitToken = 0;
  private finished = false;
  /** Set once another process awaits this one: its error then goes to the waiter, not the run. */
  waitedOn = false;
  /** Bound once so timeouts allocate nothing. */
  private readonly onTimeout = (): void => {
    this.timeoutHandle = -1;
    this.advance(true, undefined);
  };

  constructor(
    private readonly kernel: Kernel,
    private readonly body: ProcessBody<T>,
    readonly name: string,
  ) {}

  get isAlive(): boolean {
    return !this.finished;
  }

  subscribe(settle: Settle): void {
    if (this.done === null) {
      this.done = new Signal<T>(this.kernel);
      if (this.outcome !== null) this.settleDone(this.outcome.ok, this.outcome.value);
    }
    this.done.subscribe(settle);
  }

  private settleDone(ok: boolean, value: unknown): void {
    this.outcome = { ok, value };
    if (this.done === null || this.done.triggered) return;
    if (ok) this.done.fire(value as T);
    else this.done.failWith(value);
  }

  /** Throw `Interrupt(cause)` into the process at the current time, cancelling what it waits for. */
  interrupt(cause?: unknown): void {
    if (this.finished) return;
    if (this.timeoutHandle >= 0) {
      this.kernel.cancel(this.timeoutHandle);
      this.timeoutHandle = -1;
    }
    this.waitToken++;
    const token = this.waitToken;
    this.kernel.schedule(0, () => {
      if (token === this.waitToken) this.advance(false, new Interrupt(cause));
    }, -1);
  }

  /** @internal first step. */
  start(): void {
    this.advance(true, undefined);
  }

  private advance(ok: boolean, value: unknown): void {
    let result: IteratorResult<Yieldable, T>;
    try {
      result = ok ? this.body.next(value) : this.body.throw(value);
    } catch (error) {
      if (this.finished) return;
      this.finished = true;
      if (error instanceof Error && !error.message.includes(this.name)) error.message = `process ${this.name}: ${error.message}`;
      if (!this.waitedOn) this.kernel.fail(error);
      this.settleDone(false, error);
      return;
    }
    if (result.done) {
      this.finished = true;
      this.settleDone(true, result.value);
      return;
    }
    const awaited = result.value;
    if (typeof awaited === 'number') {
      this.timeoutHandle = this.kernel.schedule(awaited, this.onTimeout);
      return;
    }
    if (awaited instanceof Process) awaited.waitedOn = true;
    const token = ++this.waitToken;
    awaited.subscribe((settledOk, settledValue) => {
      if (token === this.waitToken) this.advance(settledOk, settledValue);
    });
  }

}

/** Start a process now (its first step runs as an event at the current time, priority −1). */
export function spawn<T>(kernel: Kernel, body: ProcessBody<T>, name = 'process'): Process<T> {
  const process = new Process<T>(kernel, body, name);
  kernel.schedule(0, () => process.start(), -1);
  return process;
}

/** Wait for an awaitable inside a process: `const v = yield* waitFor(signal)`. */
export function* waitFor<T>(awaitable: Awaitable<T>): Generator<Yieldable, T, any> {
  return (yield awaitable) as T;
}

/** Settles with `{ index, value }` of the first awaitable to settle (an error if that one failed). */
export function anyOf(awaitables: readonly Awaitable<unknown>[]): Awaitable<{ index: number; value: unknown }> {
  return {
    subscribe(settle) {
      let settled = false;
      awaitables.forEach((awaitable, index) => {
        if (awaitable instanceof Process) awaitable.waitedOn = true;
        awaitable.subscribe((ok, value) => {
          if (settled) return;
          settled = true;
          settle(ok, ok ? { index, value } : value);
        });
      });
    },
  };
}

/** Settles with all values in order once every awaitable has settled (the first error fails it). */
export function allOf(awaitables: readonly Awaitable<unknown>[]): Awaitable<unknown[]> {
  return {
    subscribe(settle) {
      const values: unknown[] = new Array(awaitables.length);
      let remaining = awaitables.length;
      let failed = false;
      if (remaining === 0) {
        settle(true, values);
        return;
      }
      awaitables.forEach((awaitable, index) => {
        if (awaitable instanceof Process) awaitable.waitedOn = true;
        awaitable.subscribe((ok, value) => {
          if (failed) return;
          if (!ok) {
            failed = true;
            settle(false, value);
            return;
          }
          values[index] = value;
          if (--remaining === 0) settle(true, values);
        });
      });
    },
  };
}
