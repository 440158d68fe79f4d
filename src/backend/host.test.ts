import { describe, expect, test } from 'vitest';
import { Kernel } from '../kernel/kernel.js';
import { streamFor } from '../random/stream.js';
import { ms, s } from '../units.js';
import { HostQueue, type QueueParams } from './host.js';

const base: QueueParams = { servers: 2, serviceS: { kind: 'constant', value: 1 }, queueCapacity: 100, kneeUtilisation: 1, slowdownSlope: 0, utilisationWindowNs: 0 };

describe('host queue', () => {
  test('FIFO with c servers, queue cap rejects, time-weighted stats', () => {
    const kernel = new Kernel();
    const host = new HostQueue(kernel, { ...base, queueCapacity: 2 }, streamFor(1, 0, 'h'), s(1));
    const finished: [number, boolean, number][] = [];
    for (let i = 0; i < 5; i++) host.submit((served, sojournNs) => finished.push([i, served, sojournNs]));
    kernel.run();
    // Jobs 0,1 start at once; 2,3 wait; 4 is rejected at once.
    expect(finished).toEqual([[4, false, 0], [0, true, s(1)], [1, true, s(1)], [2, true, s(2)], [3, true, s(2)]]);
    const st = host.stats();
    expect(st.rejected).toBe(1);
    expect(st.waited).toBe(2);
    expect(st.pWait).toBe(0.5);
    expect(st.meanWaitNs).toBe(s(0.5));
    expect(st.utilisation).toBe(1);
    expect(st.meanQueue).toBe(1);
    expect(st.maxQueue).toBe(2);
    expect(host.busyByInterval.snapshot(kernel.nowNs)).toEqual([s(2), s(2), 0]);
    expect(host.queueByInterval.snapshot(kernel.nowNs)).toEqual([s(2), 0, 0]);
  });

  test('slowdown above the knee (instantaneous busy fraction)', () => {
    const kernel = new Kernel();
    const host = new HostQueue(kernel, { ...base, servers: 4, kneeUtilisation: 0.5, slowdownSlope: 2 }, streamFor(1, 0, 'h'));
    const sojourn: number[] = [];
    for (let i = 0; i < 4; i++) host.submit((_, d) => sojourn.push(d));
    kernel.run();
    // u at start = 1/4, 2/4, 3/4, 4/4 → factors 1, 1, 1.5, 2.
    expect(sojourn).toEqual([s(1), s(1), s(1.5), s(2)]);
  });

  test('slowdown with the smoothed utilisation window', () => {
    const kernel = new Kernel();
    const host = new HostQueue(kernel, { ...base, servers: 1, serviceS: { kind: 'constant', value: 0.1 }, kneeUtilisation: 0.5, slowdownSlope: 1, utilisationWindowNs: s(1) }, streamFor(1, 0, 'h'));
    const sojourn: number[] = [];
    // Keep the server busy back to back for 20 s: smoothed u → 1, service → 0.15 s.
    const next = (): void => host.submit((_, d) => {
      sojourn.push(d);
      if (kernel.nowNs < s(20)) next();
    });
    next();
    kernel.run();
    expect(sojourn[0]).toBe(ms(100));
    expect(Math.abs((sojourn[sojourn.length - 1] as number) - ms(150))).toBeLessThan(ms(0.5));
    expect(host.utilisationNow()).toBeGreaterThan(0.99);
  });
});
