/**
 * Kernel benchmark B3 (issue 19): the hold loop of plain callback events, N pending — each event
 * reschedules itself with the next exponential delay of a precomputed table. Three variants in
 * one run: one closure per pending event (what a model with one closure per entity pays: a cache
 * miss on the closure and its context at every event once N is large), one handler shared by all
 * events (the kernel's own cost), and a bare binary heap of float64 times (the floor: no payload,
 * no tie key, no call). Rates are per CPU second of the process.
 */
import { Kernel } from '../kernel/kernel.js';
import { exponential } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';

const TABLE_SIZE = 1 << 16;

function delays(): Float64Array {
  const rng = streamFor(1, 0, 'hold-callbacks');
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = Math.round(exponential(rng, 1000));
  return table;
}

function cpuSeconds(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

/** Events per CPU second of `kernel.schedule` callbacks, `pending` of them in the queue. */
export function holdCallbacks(pending: number, events: number, shared: boolean): number {
  const table = delays();
  const kernel = new Kernel(pending);
  let index = 0;
  const one = (): void => void kernel.schedule(table[index++ & (TABLE_SIZE - 1)] as number, one);
  for (let i = 0; i < pending; i++) {
    const hold = shared ? one : (): void => void kernel.schedule(table[index++ & (TABLE_SIZE - 1)] as number, hold);
    kernel.schedule(table[index++ & (TABLE_SIZE - 1)] as number, hold);
  }
  return events / cpuSeconds(() => kernel.run(Infinity, events));
}

/** The same hold on a bare binary min-heap of times (replace the top, sift down). */
export function holdBareHeap(pending: number, events: number): number {
  const table = delays();
  const heap = new Float64Array(pending);
  let index = 0;
  for (let n = 0; n < pending; n++) {
    const t = table[index++ & (TABLE_SIZE - 1)] as number;
    let i = n;
    while (i > 0 && (heap[(i - 1) >> 1] as number) > t) {
      heap[i] = heap[(i - 1) >> 1] as number;
      i = (i - 1) >> 1;
    }
    heap[i] = t;
  }
  return events / cpuSeconds(() => {
    for (let e = 0; e < events; e++) {
      const t = (heap[0] as number) + (table[index++ & (TABLE_SIZE - 1)] as number);
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= pending) break;
        if (c + 1 < pending && (heap[c + 1] as number) < (heap[c] as number)) c++;
        if (t <= (heap[c] as number)) break;
        heap[i] = heap[c] as number;
        i = c;
      }
      heap[i] = t;
    }
  });
}

export interface CallbackBenchRow {
  pending: number;
  events: number;
  perEntityPerS: number;
  sharedPerS: number;
  bareHeapPerS: number;
}

export function runCallbackBench(scale = 1): CallbackBenchRow[] {
  holdCallbacks(1000, 200_000, false); // warm up
  holdCallbacks(1000, 200_000, true);
  holdBareHeap(1000, 200_000);
  return [1_000, 1_000_000].map((pending) => {
    const events = Math.round(2_000_000 * scale);
    return { pending, events, perEntityPerS: holdCallbacks(pending, events, false), sharedPerS: holdCallbacks(pending, events, true), bareHeapPerS: holdBareHeap(pending, events) };
  });
}
