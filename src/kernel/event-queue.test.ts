import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EventQueue } from './event-queue.js';

describe('EventQueue', () => {
  test('pops in (time, priority, insertion) order for random schedules — property vs a sorted reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: -3, max: 3 }) }), { maxLength: 300 }),
        (entries) => {
          const queue = new EventQueue<number>(16);
          entries.forEach((e, i) => queue.push(e.time, e.priority, i));
          const expected = entries
            .map((e, i) => ({ ...e, i }))
            .sort((a, b) => a.time - b.time || a.priority - b.priority || a.i - b.i)
            .map((e) => e.i);
          const got: number[] = [];
          while (queue.size > 0) got.push(queue.pop());
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 12345 },
    );
  });

  test('interleaved push/pop keeps heap order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 500 }), (ops) => {
        const queue = new EventQueue<number>(16);
        const reference: Array<{ t: number; i: number }> = [];
        ops.forEach((op, i) => {
          if (op >= 0) {
            queue.push(op, 0, i);
            reference.push({ t: op, i });
            reference.sort((a, b) => a.t - b.t || a.i - b.i);
          } else {
            expect(queue.pop()).toBe(reference.length > 0 ? reference.shift()!.i : undefined);
          }
        });
      }),
      { numRuns: 200, seed: 777 },
    );
  });

  test('equal times are FIFO; priority breaks ties first', () => {
    const queue = new EventQueue<number>();
    queue.push(5, 0, 1);
    queue.push(5, 0, 2);
    queue.push(5, -1, 3);
    queue.push(4, 10, 4);
    expect([queue.pop(), queue.pop(), queue.pop(), queue.pop(), queue.pop()]).toEqual([4, 3, 1, 2, undefined]);
  });

  test('grows past its initial capacity and reports 24 bytes per slot', () => {
    const queue = new EventQueue<number>(16);
    for (let i = 0; i < 1000; i++) queue.push(1000 - i, 0, i);
    expect(queue.size).toBe(1000);
    expect(queue.pop()).toBe(999);
    expect(queue.capacityBytes).toBe(1024 * 24);
  });

  test('replaceTop equals pop then push', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 0, max: 60 }), (times, next) => {
        const a = new EventQueue<number>(16);
        const b = new EventQueue<number>(16);
        times.forEach((t, i) => { a.push(t, 0, i); b.push(t, 0, i); });
        a.pop();
        a.push(next, 0, -7);
        b.replaceTop(next, 0, -7);
        const drain = (q: EventQueue<number>) => { const out: Array<number | undefined> = []; while (q.size > 0) out.push(q.pop()); return out; };
        expect(drain(b)).toEqual(drain(a));
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  test('rejects priorities outside the packed range', () => {
    expect(() => new EventQueue<number>().push(0, 5000, 0)).toThrow(RangeError);
  });
});
