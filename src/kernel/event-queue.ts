/**
 * Future-event list: a binary min-heap stored as a struct of arrays — time (Float64Array),
 * tie key (Float64Array) and payload (a plain array of references moved with its entry).
 *
 * Entries are ordered by (time ns, priority, insertion sequence); the sequence makes ties FIFO
 * and the order deterministic. Priority and sequence are packed into one float64 tie key
 * (priority + 1024) × 2^42 + sequence, which is also the entry's unique id. An entry costs
 * 8 + 8 + 8 = 24 bytes of heap. Keeping the payload reference in the heap (instead of an index
 * into a side table with a free list) measured ≈ 1.5× faster in V8.
 */

const PRIORITY_OFFSET = 1024;
const SEQUENCE_SPAN = 2 ** 42;

/** Lowest and highest allowed priorities (lower runs first at equal time). */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;

export class EventQueue<T> {
  private timeNs: Float64Array;
  private tieKey: Float64Array;
  private payload: Array<T | undefined>;
  private count = 0;
  private nextSequence = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.timeNs = new Float64Array(capacity);
    this.tieKey = new Float64Array(capacity);
    this.payload = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the heap arrays (capacity, not just the filled part; 8 B per reference). */
  get capacityBytes(): number {
    return this.timeNs.byteLength + this.tieKey.byteLength + this.payload.length * 8;
  }

  /** Insert an entry; returns its id (unique within this queue). */
  push(timeNs: number, priority: number, payload: T): number {
    const tie = this.tieFor(priority);
    if (this.count === this.timeNs.length) this.grow();
    const times = this.timeNs;
    const ties = this.tieKey;
    const payloads = this.payload;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < timeNs || (pt === timeNs && (ties[parent] as number) < tie)) break;
      times[i] = pt;
      ties[i] = ties[parent] as number;
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = timeNs;
    ties[i] = tie;
    payloads[i] = payload;
    return tie;
  }

  /** Time of the earliest entry (Infinity when empty). */
  peekTimeNs(): number {
    return this.count === 0 ? Infinity : (this.timeNs[0] as number);
  }

  /** Id of the earliest entry (−1 when empty). */
  peekId(): number {
    return this.count === 0 ? -1 : (this.tieKey[0] as number);
  }

  /** Payload of the earliest entry (undefined when empty). */
  peekPayload(): T | undefined {
    return this.count === 0 ? undefined : this.payload[0];
  }

  /** Remove the earliest entry and return its payload (undefined when empty). */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const top = this.payload[0];
    const last = --this.count;
    if (last > 0) this.siftDown(this.timeNs[last] as number, this.tieKey[last] as number, this.payload[last] as T);
    this.payload[last] = undefined;
    return top;
  }

  /**
   * Remove the earliest entry and insert a new one with a single sift-down — the "hold"
   * operation, cheaper than pop + push when an event schedules its successor. Returns the id.
   */
  replaceTop(timeNs: number, priority: number, payload: T): number {
    if (this.count === 0) return this.push(timeNs, priority, payload);
    const tie = this.tieFor(priority);
    this.siftDown(timeNs, tie, payload);
    return tie;
  }

  private tieFor(priority: number): number {
    if ((priority | 0) !== priority || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new RangeError(`event priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`);
    }
    if (this.nextSequence >= SEQUENCE_SPAN) throw new RangeError('event sequence exhausted (2^42 events)');
    return (priority + PRIORITY_OFFSET) * SEQUENCE_SPAN + this.nextSequence++;
  }

  /** Put (t, k, p) at the root and restore heap order downwards. */
  private siftDown(t: number, k: number, p: T): void {
    const times = this.timeNs;
    const ties = this.tieKey;
    const payloads = this.payload;
    const last = this.count;
    const half = last >> 1;
    let i = 0;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = times[child] as number;
      let ck = ties[child] as number;
      const right = child + 1;
      if (right < last) {
        const rt = times[right] as number;
        const rk = ties[right] as number;
        if (rt < ct || (rt === ct && rk < ck)) {
          child = right;
          ct = rt;
          ck = rk;
        }
      }
      if (t < ct || (t === ct && k < ck)) break;
      times[i] = ct;
      ties[i] = ck;
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = t;
    ties[i] = k;
    payloads[i] = p;
  }

  private grow(): void {
    const capacity = this.timeNs.length * 2;
    const times = new Float64Array(capacity);
    const ties = new Float64Array(capacity);
    times.set(this.timeNs);
    ties.set(this.tieKey);
    this.timeNs = times;
    this.tieKey = ties;
    const payloads = this.payload;
    for (let i = payloads.length; i < capacity; i++) payloads.push(undefined);
  }
}
