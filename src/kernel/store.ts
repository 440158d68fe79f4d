/** A FIFO buffer of items with a capacity: `put` blocks when full, `get` blocks when empty. */
import type { Kernel } from './kernel.js';
import type { Awaitable } from './process.js';

type Settle = (ok: boolean, value: unknown) => void;

export class Store<T> {
  private readonly items: T[] = [];
  private readonly getters: Settle[] = [];
  private readonly putters: Array<{ item: T; settle: Settle | undefined; done: boolean }> = [];

  constructor(
    private readonly kernel: Kernel,
    readonly capacity = Infinity,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`store capacity must be ≥ 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.length;
  }

  /** Add an item; the awaitable settles once the item is in the store. */
  put(item: T): Awaitable<void> {
    const entry = { item, settle: undefined as Settle | undefined, done: false };
    this.putters.push(entry);
    this.balance();
    return {
      subscribe: (settle) => {
        if (entry.done) settle(true, undefined);
        else entry.settle = settle;
      },
    };
  }

  /** Take the oldest item; the awaitable settles with it once one is available. */
  get(): Awaitable<T> {
    let taken: { value: T } | undefined;
    let waiting: Settle | undefined;
    this.getters.push((_ok, value) => {
      if (waiting !== undefined) waiting(true, value);
      else taken = { value: value as T };
    });
    this.balance();
    return {
      subscribe: (settle) => {
        if (taken !== undefined) settle(true, taken.value);
        else waiting = settle;
      },
    };
  }

  private balance(): void {
    for (;;) {
      const putter = this.putters[0];
      if (putter !== undefined && this.items.length < this.capacity) {
        this.putters.shift();
        this.items.push(putter.item);
        putter.done = true;
        const settle = putter.settle;
        if (settle !== undefined) this.kernel.schedule(0, () => settle(true, undefined), -1);
        continue;
      }
      const getter = this.getters[0];
      if (getter !== undefined && this.items.length > 0) {
        this.getters.shift();
        const item = this.items.shift() as T;
        this.kernel.schedule(0, () => getter(true, item), -1);
        continue;
      }
      return;
    }
  }
}
