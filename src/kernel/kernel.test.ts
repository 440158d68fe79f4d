import { describe, expect, test } from 'vitest';
import { Kernel } from './kernel.js';

describe('Kernel', () => {
  test('runs actions in time order and advances the clock', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    kernel.schedule(30, () => log.push(`c@${kernel.nowNs}`));
    kernel.schedule(10, () => {
      log.push(`a@${kernel.nowNs}`);
      kernel.schedule(5, () => log.push(`b@${kernel.nowNs}`));
    });
    kernel.run();
    expect(log).toEqual(['a@10', 'b@15', 'c@30']);
    expect(kernel.eventCount).toBe(3);
  });

  test('cancel drops a pending event; stale handles are ignored', () => {
    const kernel = new Kernel();
    const log: number[] = [];
    const h1 = kernel.schedule(1, () => log.push(1));
    kernel.schedule(2, () => log.push(2));
    kernel.cancel(h1);
    kernel.run();
    expect(log).toEqual([2]);
    expect(kernel.eventCount).toBe(1);
    // h1's slot is reused by a new event; cancelling the stale handle must not touch it.
    kernel.schedule(1, () => log.push(3));
    kernel.cancel(h1);
    kernel.run();
    expect(log).toEqual([2, 3]);
  });

  test('run(until) stops before later events, leaves the clock at until, and resumes', () => {
    const kernel = new Kernel();
    const log: number[] = [];
    for (const t of [5, 10, 15, 20]) kernel.schedule(t, () => log.push(t));
    kernel.run(10);
    expect(log).toEqual([5, 10]);
    expect(kernel.nowNs).toBe(10);
    kernel.run(12);
    expect(kernel.nowNs).toBe(12);
    kernel.run();
    expect(log).toEqual([5, 10, 15, 20]);
  });

  test('step executes one event at a time', () => {
    const kernel = new Kernel();
    kernel.schedule(1, () => undefined);
    kernel.schedule(2, () => undefined);
    expect(kernel.step()).toBe(true);
    expect(kernel.nowNs).toBe(1);
    expect(kernel.step()).toBe(true);
    expect(kernel.step()).toBe(false);
  });

  test('rejects negative delays and times in the past', () => {
    const kernel = new Kernel();
    expect(() => kernel.schedule(-1, () => undefined)).toThrow(RangeError);
    kernel.schedule(10, () => undefined);
    kernel.run();
    expect(() => kernel.scheduleAt(5, () => undefined)).toThrow(/before now/);
  });

  test('priority orders same-time events', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    kernel.schedule(1, () => log.push('late'), 5);
    kernel.schedule(1, () => log.push('early'), -5);
    kernel.run();
    expect(log).toEqual(['early', 'late']);
  });
});
