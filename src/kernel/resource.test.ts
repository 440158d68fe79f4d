import { describe, expect, test } from 'vitest';
import { Kernel } from './kernel.js';
import { spawn, type ProcessBody } from './process.js';
import { Resource } from './resource.js';
import { Store } from './store.js';

describe('Resource', () => {
  test('FIFO grants and time-weighted statistics match hand-computed values', () => {
    // Capacity 1; customers arrive at 0, 1, 2 and each holds for 4 → service [0,4], [4,8], [8,12].
    // Queue length: 0 on [0,1), 1 on [1,2), 2 on [2,4), 1 on [4,8), 0 after → area 1+4+4 = 9 over 12.
    // Busy: 1 on [0,12] → mean 1. Waits: 0, 3, 6 → mean 3.
    const kernel = new Kernel();
    const server = new Resource(kernel, 1);
    const order: string[] = [];
    ['a', 'b', 'c'].forEach((name, i) => {
      kernel.schedule(i, () =>
        spawn(kernel, (function* (): ProcessBody {
          const request = server.request();
          yield request;
          order.push(`${name}@${kernel.nowNs}`);
          yield 4;
          server.release(request);
        })()),
      );
    });
    kernel.run();
    expect(order).toEqual(['a@0', 'b@4', 'c@8']);
    expect(kernel.nowNs).toBe(12);
    expect(server.queueLength.integralTo(12)).toBe(9);
    expect(server.queueLength.meanTo(12)).toBeCloseTo(0.75, 12);
    expect(server.busy.meanTo(12)).toBe(1);
    expect(server.meanWaitNs).toBe(3);
    expect(server.queueLength.max).toBe(2);
  });

  test('priority queue serves lower priority values first, FIFO among equals', () => {
    const kernel = new Kernel();
    const server = new Resource(kernel, 1);
    const order: string[] = [];
    const customer = (name: string, priority: number) =>
      spawn(kernel, (function* (): ProcessBody {
        const request = server.request(priority);
        yield request;
        order.push(name);
        yield 10;
        server.release(request);
      })());
    customer('first', 0);
    kernel.schedule(1, () => { customer('low-1', 5); customer('high', 1); customer('low-2', 5); });
    kernel.run();
    expect(order).toEqual(['first', 'high', 'low-1', 'low-2']);
  });

  test('capacity 2 runs two at once; withdrawing a waiting request removes it', () => {
    const kernel = new Kernel();
    const server = new Resource(kernel, 2);
    const r1 = server.request();
    const r2 = server.request();
    const r3 = server.request();
    expect([r1.granted, r2.granted, r3.granted]).toEqual([true, true, false]);
    server.release(r3);
    expect(server.queued).toBe(0);
    server.release(r1);
    expect(server.count).toBe(1);
    expect(() => server.release(r1)).toThrow(/twice/);
  });
});

describe('Store', () => {
  test('get blocks until a put; put blocks when full', () => {
    const kernel = new Kernel();
    const store = new Store<string>(kernel, 1);
    const log: string[] = [];
    spawn(kernel, (function* (): ProcessBody {
      yield 10;
      const item = (yield store.get()) as string;
      log.push(`got ${item}@${kernel.nowNs}`);
      yield 10;
      const item2 = (yield store.get()) as string;
      log.push(`got ${item2}@${kernel.nowNs}`);
    })());
    spawn(kernel, (function* (): ProcessBody {
      yield store.put('x');
      log.push(`put x@${kernel.nowNs}`);
      yield store.put('y');
      log.push(`put y@${kernel.nowNs}`);
    })());
    kernel.run();
    expect(log).toEqual(['put x@0', 'got x@10', 'put y@10', 'got y@20']);
  });
});
