import { describe, expect, test } from 'vitest';
import { Kernel } from '../kernel/kernel.js';
import { s } from '../units.js';
import { DEFAULT_BACKEND, validateBackendParams } from './backend-params.js';
import { BackendRecorder } from './metrics-recorder.js';

describe('backend metrics recorder', () => {
  test('offered and resolved by cause, host-bound apart from local checks, response times of online requests only, series on the run grid', () => {
    const kernel = new Kernel();
    const recorder = new BackendRecorder(kernel, s(10), s(30));
    const at = (tNs: number, f: () => void): void => void kernel.scheduleAt(tNs, f);
    at(s(1), () => recorder.offered());
    at(s(2), () => recorder.offered());
    at(s(3), () => recorder.offered());
    at(s(1), () => recorder.hostBound());
    at(s(2), () => recorder.hostBound());
    at(s(3), () => recorder.localCheck());
    at(s(21), () => recorder.hostBound()); // a record batch
    const responses: number[] = [];
    at(s(12), () => responses.push(recorder.resolved(s(1), 'ok', true, true)));
    at(s(15), () => responses.push(recorder.resolved(s(2), 'timeout', true, true)));
    at(s(30), () => responses.push(recorder.resolved(s(3), 'ok', true, false))); // deferred, exactly at the end
    at(s(4), () => recorder.backlogChanged(+2));
    at(s(5), () => recorder.backlogChanged(-1));
    kernel.run(s(30));
    expect(responses).toEqual([s(11), s(13), s(27)]);
    const m = recorder.snapshot([], []);
    const t = m.totals;
    expect([t.offered, t.inFlight, t.ok, t.timedOut, t.approved]).toEqual([3, 0, 2, 1, 3]);
    expect([t.backlogNow, t.backlogMax]).toEqual([1, 2]);
    expect(t.response.count).toBe(2); // the deferred one is not an online response
    expect(m.series.offered).toEqual([3, 0, 0]);
    expect(m.series.resolved).toEqual([0, 2, 1]); // the end instant counts in the last interval
    expect(m.series.hostBound).toEqual([2, 0, 1]);
    expect(m.series.localChecks).toEqual([1, 0, 0]);
    expect(m.series.offeredTps).toEqual([2 * (1e9 / s(10)), 0, 1e9 / s(10)]); // host-bound, per second
    expect(m.series.localChecksTps).toEqual([1e9 / s(10), 0, 0]);
    expect(m.series.responseHist.map((h) => h.count)).toEqual([0, 2, 0]);
    expect(m.series.p99ResponseS[0]).toBeNaN();
  });

  test('an open-ended recorder covers [0, now]', () => {
    const kernel = new Kernel();
    const recorder = new BackendRecorder(kernel, s(10));
    kernel.scheduleAt(s(25), () => recorder.offered());
    kernel.run(s(31));
    expect(recorder.snapshot([], []).series.offered).toEqual([0, 0, 1, 0]);
  });
});

describe('backend parameters', () => {
  test('the defaults are valid; bad ones are refused with their name', () => {
    expect(() => validateBackendParams(DEFAULT_BACKEND, 1)).not.toThrow();
    expect(() => validateBackendParams(DEFAULT_BACKEND, 0)).toThrow(/stationCount/);
    expect(() => validateBackendParams({ ...DEFAULT_BACKEND, channels: [] }, 1)).toThrow(/at least one channel/);
    expect(() => validateBackendParams({ ...DEFAULT_BACKEND, terminal: { ...DEFAULT_BACKEND.terminal, maxRetries: 1.5 } }, 1)).toThrow(/maxRetries/);
    const channel = DEFAULT_BACKEND.channels[0]!;
    expect(() => validateBackendParams({ ...DEFAULT_BACKEND, channels: [channel, channel] }, 1)).toThrow(/duplicate channel/);
    expect(() => validateBackendParams({ ...DEFAULT_BACKEND, recordChannelId: 'nope' }, 1)).toThrow(/recordChannelId/);
  });
});
