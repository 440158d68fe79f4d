import { describe, expect, test } from 'vitest';
import { Kernel } from '../kernel/kernel.js';
import { exponential } from '../random/distributions.js';
import { streamFor, type RandomStream } from '../random/stream.js';
import { NS_PER_S, min, ms, s } from '../units.js';
import {
  DEFAULT_BACKEND, DEFAULT_RETAIL_BACKEND, createBackend, mergeBackendMetrics,
  type AuthMode, type AuthResult, type Backend, type BackendParams,
} from './backend.js';
import { LINK_PRESETS } from './network.js';

const rngs = (seed: number, rep = 0) => (key: string): RandomStream => streamFor(seed, rep, key);

interface Outcome {
  startNs: number;
  mode: AuthMode;
  valueCents: number;
  result: AuthResult;
}

/** Poisson arrivals of one mode at one station from `fromNs` to `toNs`; values from `valueOf(i)`. */
function drive(kernel: Kernel, backend: Backend, opts: {
  station: number; mode: AuthMode; ratePerS: number; fromNs: number; toNs: number; rng: RandomStream;
  valueOf: (i: number) => number; ids: { next: number }; out: Outcome[]; calls?: { n: number };
}): void {
  const gapNs = NS_PER_S / opts.ratePerS;
  let i = 0;
  const arrive = (): void => {
    const startNs = kernel.nowNs;
    const valueCents = opts.valueOf(i++);
    const mode = opts.mode;
    if (opts.calls !== undefined) opts.calls.n++;
    backend.authorise(opts.station, { mode, valueCents, requestId: opts.ids.next++ }, (result) => opts.out.push({ startNs, mode, valueCents, result }));
    const next = kernel.nowNs + exponential(opts.rng, gapNs);
    if (next < opts.toNs) kernel.scheduleAt(next, arrive);
  };
  kernel.scheduleAt(opts.fromNs + exponential(opts.rng, gapNs), arrive);
}

describe('outage: online times out and falls back, deferred keeps approving, backlog drains', () => {
  test('10-minute link outage', () => {
    const kernel = new Kernel();
    const outageStartNs = min(10);
    const outageEndNs = min(20);
    const params: BackendParams = {
      ...DEFAULT_BACKEND,
      link: { ...LINK_PRESETS.fibre, lossProbability: 0, outages: [{ startNs: outageStartNs, durationNs: outageEndNs - outageStartNs }] },
      fep: { ...DEFAULT_BACKEND.fep, batchIntervalNs: s(30) },
    };
    const stations = 2;
    const backend = createBackend(kernel, params, rngs(42), stations);
    const out: Outcome[] = [];
    const ids = { next: 1 };
    for (let st = 0; st < stations; st++) {
      drive(kernel, backend, { station: st, mode: 'online', ratePerS: 2, fromNs: 0, toNs: min(40), rng: streamFor(42, 0, `arr:on:${st}`), valueOf: (i) => (i % 2 === 0 ? 500 : 1500), ids, out });
      drive(kernel, backend, { station: st, mode: 'deferred', ratePerS: 2, fromNs: 0, toNs: min(40), rng: streamFor(42, 0, `arr:def:${st}`), valueOf: () => 300, ids, out });
    }
    const backlogAt: Record<string, number> = {};
    for (const [label, t] of [['before', min(9.9)], ['late-outage', min(19.9)], ['after', min(30)], ['end-arrivals', min(40)]] as const) {
      kernel.scheduleAt(t, () => {
        backlogAt[label] = backend.backendMetrics().totals.backlogNow;
      });
    }
    kernel.run();
    const m = backend.backendMetrics();
    const t = m.totals;

    const before = out.filter((o) => o.startNs < outageStartNs - s(5));
    const during = out.filter((o) => o.startNs > outageStartNs + s(1) && o.startNs < outageEndNs - s(3));
    const after = out.filter((o) => o.startNs > outageEndNs + s(1));
    const onlineDuring = during.filter((o) => o.mode === 'online');
    const deferredDuring = during.filter((o) => o.mode === 'deferred');
    expect(before.filter((o) => o.mode === 'online').every((o) => o.result.cause === 'ok' && o.result.approved)).toBe(true);
    expect(onlineDuring.length).toBeGreaterThan(2000);
    expect(onlineDuring.every((o) => o.result.cause === 'timeout')).toBe(true);
    // Fallback: ≤ floor limit accepted offline, above it denied.
    expect(onlineDuring.filter((o) => o.valueCents <= 1000).every((o) => o.result.approved && o.result.offlineAccepted)).toBe(true);
    expect(onlineDuring.filter((o) => o.valueCents > 1000).every((o) => !o.result.approved && !o.result.offlineAccepted)).toBe(true);
    // Two 1 s attempts plus a 100 ms backoff.
    for (const o of onlineDuring) expect(o.result.responseNs).toBe(s(2.1));
    expect(deferredDuring.length).toBeGreaterThan(2000);
    expect(deferredDuring.every((o) => o.result.approved && o.result.cause === 'ok' && o.result.responseNs === ms(5))).toBe(true);
    expect(after.filter((o) => o.mode === 'online').every((o) => o.result.cause === 'ok')).toBe(true);

    // Backlog: small before, ≥ 80 % of ten minutes of records late in the outage, drained after.
    const recordsPerS = stations * (2 + 1); // deferred + offline-accepted half of online
    console.log(`outage: backlog before ${backlogAt.before}, late outage ${backlogAt['late-outage']}, after ${backlogAt.after}, end ${t.backlogNow}; ` +
      `max ${t.backlogMax}, oldest age max ${(t.oldestAgeMaxNs / NS_PER_S).toFixed(1)} s; timeouts ${t.timedOut}, retries ${t.retries}, ` +
      `offline accepted ${t.offlineAccepted} (${t.offlineAcceptedValueCents} cents), denied ${t.fallbackDenied}, batch failures ${t.batchFailures}`);
    expect(backlogAt.before).toBeLessThan(stations * 2 * 30 * 2);
    expect(backlogAt['late-outage']).toBeGreaterThan(0.8 * recordsPerS * 600);
    expect(backlogAt.after).toBeLessThan(stations * 2 * 30 * 2);
    expect(t.backlogMax).toBeGreaterThan(0.8 * recordsPerS * 600);
    expect(t.backlogNow).toBe(0);
    expect(t.oldestAgeMaxNs).toBeGreaterThan(s(595));
    expect(t.recordsUploaded).toBe(t.recordsQueued);
    expect(t.offlineAccepted).toBeGreaterThan(1000);
    expect(t.inFlight).toBe(0);
    expect(t.offered).toBe(out.length);

    // Series: the outage shows in p99 response and the backlog; offered load stays.
    const k = Math.floor(min(15) / params.intervalNs);
    expect(m.series.p99ResponseS[k]).toBeCloseTo(2.1, 1);
    // Before the outage: host log-normal (median 0.2 s, σ 0.5 → p99 ≈ 0.64 s) plus the fibre RTT.
    expect(m.series.p99ResponseS[2] as number).toBeGreaterThan(0.4);
    expect(m.series.p99ResponseS[2] as number).toBeLessThan(0.8);
    expect(m.series.backlogMean[k] as number).toBeGreaterThan(1000);
    expect(m.series.servedTps[k] as number).toBe(0);
    expect(m.series.offeredTps[k] as number).toBeGreaterThan(6);
  });
});

describe('backend load: host-bound requests apart from local checks', () => {
  test('half online, half deferred, no outage: offered to the hosts ≈ served by them; the deferred taps are local checks', () => {
    const kernel = new Kernel();
    const backend = createBackend(kernel, { ...DEFAULT_BACKEND, link: { ...LINK_PRESETS.fibre, lossProbability: 0 } }, rngs(7), 1);
    const out: Outcome[] = [];
    const ids = { next: 1 };
    drive(kernel, backend, { station: 0, mode: 'online', ratePerS: 5, fromNs: 0, toNs: min(10), rng: streamFor(7, 0, 'on'), valueOf: () => 300, ids, out });
    drive(kernel, backend, { station: 0, mode: 'deferred', ratePerS: 5, fromNs: 0, toNs: min(10), rng: streamFor(7, 0, 'def'), valueOf: () => 300, ids, out });
    kernel.run(min(10));
    const m = backend.backendMetrics();
    const total = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
    const offered = total(m.series.offeredTps);
    const served = total(m.series.servedTps);
    const calls = total(m.series.offered) * (NS_PER_S / m.series.intervalNs);
    console.log(`backend load: offered ${offered.toFixed(2)}, served ${served.toFixed(2)}, local checks ${total(m.series.localChecksTps).toFixed(2)}, authorise calls ${calls.toFixed(2)} (TPS summed over intervals)`);
    expect(Math.abs(offered - served) / served).toBeLessThan(0.02);
    expect(calls / offered).toBeGreaterThan(1.8); // the old "offered" counted the local checks too
    expect(total(m.series.localChecks)).toBe(m.totals.deferred);
  });
});

describe('idempotent retry', () => {
  test('a slow host answers after the terminal retried: one charge, one duplicate per request', () => {
    const kernel = new Kernel();
    const params: BackendParams = {
      ...DEFAULT_BACKEND,
      link: { ...LINK_PRESETS.fibre, lossProbability: 0 },
      terminal: { ...DEFAULT_BACKEND.terminal, timeoutNs: s(1), maxRetries: 2, retryBackoffNs: ms(100) },
      channels: [{ id: 'slow', share: 1, host: { ...DEFAULT_BACKEND.channels[0]!.host, serviceS: { kind: 'constant', value: 1.5 } } }],
    };
    const backend = createBackend(kernel, params, rngs(7), 1);
    const results: AuthResult[] = [];
    let value = 0;
    for (let i = 0; i < 50; i++) {
      kernel.scheduleAt(s(10 * i), () => {
        value += 100 + i;
        backend.authorise(0, { mode: 'online', valueCents: 100 + i, requestId: i }, (r) => results.push(r));
      });
    }
    kernel.run();
    const t = backend.backendMetrics().totals;
    expect(results.length).toBe(50);
    expect(results.every((r) => r.approved && r.cause === 'ok' && !r.offlineAccepted)).toBe(true);
    // The first attempt's answer (≈ 1.5 s) is accepted during the second attempt.
    expect(results.every((r) => r.responseNs > s(1.5) && r.responseNs < s(1.6))).toBe(true);
    expect(t.retries).toBe(50);
    expect(t.charged).toBe(50);
    expect(t.chargedValueCents).toBe(value);
    expect(t.duplicates).toBe(50);
    expect(t.lateResponses).toBe(50);
    expect(t.chargedNotApproved).toBe(0);
  });

  test('lossy link: many retries, duplicates counted, never charged twice', () => {
    const kernel = new Kernel();
    const params: BackendParams = {
      ...DEFAULT_BACKEND,
      link: { ...LINK_PRESETS['4g'], lossProbability: 0.3, maxRetransmits: 0 },
      terminal: { ...DEFAULT_BACKEND.terminal, timeoutNs: ms(300), maxRetries: 4, retryBackoffNs: ms(20), retryBackoffMultiplier: 1, fallback: 'deny' },
      channels: [{ id: 'h', share: 1, host: { ...DEFAULT_BACKEND.channels[0]!.host, serviceS: { kind: 'exponential', mean: 0.2 } } }],
    };
    const backend = createBackend(kernel, params, rngs(8), 3);
    const out: Outcome[] = [];
    const ids = { next: 0 };
    for (let st = 0; st < 3; st++) {
      drive(kernel, backend, { station: st, mode: 'online', ratePerS: 5, fromNs: 0, toNs: min(5), rng: streamFor(8, 0, `a${st}`), valueOf: () => 250, ids, out });
    }
    kernel.run();
    const m = backend.backendMetrics();
    const t = m.totals;
    const host = m.channels[0]!.host;
    console.log(`lossy: offered ${t.offered}, ok ${t.ok}, timed out ${t.timedOut}, retries ${t.retries}, duplicates ${t.duplicates}, ` +
      `charged ${t.charged}, charged-not-approved ${t.chargedNotApproved}, late ${t.lateResponses}, host served ${host.served}`);
    expect(t.retries).toBeGreaterThan(100);
    expect(t.duplicates).toBeGreaterThan(10);
    // Every host processing is either the one charge of its request or a duplicate.
    expect(host.served).toBe(t.charged + t.duplicates);
    expect(t.charged).toBeLessThanOrEqual(t.offered);
    expect(t.chargedValueCents).toBe(250 * t.charged);
    expect(t.ok).toBeLessThanOrEqual(t.charged);
    expect(t.charged - t.ok).toBe(t.chargedNotApproved);
    expect(t.ok + t.timedOut).toBe(t.offered);
  });
});

describe('conservation and determinism', () => {
  function run(seed: number, untilNs: number): { backend: Backend; calls: number; callbacks: Map<number, number>; kernel: Kernel } {
    const kernel = new Kernel();
    const params: BackendParams = {
      ...DEFAULT_BACKEND,
      link: { ...LINK_PRESETS['4g'], lossProbability: 0.02, outages: [{ startNs: s(100), durationNs: s(20) }] },
      terminal: { ...DEFAULT_BACKEND.terminal, timeoutNs: ms(800) },
      fep: { ...DEFAULT_BACKEND.fep, batchIntervalNs: s(10) },
      channels: [{
        id: 'small', share: 1,
        host: { ...DEFAULT_BACKEND.channels[0]!.host, servers: 5, serviceS: { kind: 'exponential', mean: 0.2 }, queueCapacity: 20, declineProbability: 0.1 },
      }],
      intervalNs: s(10),
    };
    const backend = createBackend(kernel, params, rngs(seed), 4);
    const callbacks = new Map<number, number>();
    const mix = streamFor(seed, 0, 'mix');
    let calls = 0;
    let id = 0;
    const arrive = (): void => {
      const u = mix.next01();
      const mode: AuthMode = u < 0.5 ? 'online' : u < 0.8 ? 'deferred' : 'risk-based';
      const requestId = id++;
      calls++;
      backend.authorise(Math.floor(mix.next01() * 4), { mode, valueCents: Math.floor(mix.next01() * 3000), requestId }, () => {
        callbacks.set(requestId, (callbacks.get(requestId) ?? 0) + 1);
      });
      if (kernel.nowNs < s(300)) kernel.schedule(exponential(mix, NS_PER_S / 40), arrive);
    };
    kernel.schedule(0, arrive);
    kernel.run(untilNs);
    return { backend, calls, callbacks, kernel };
  }

  test('offered = ok + declined + overload + timed out + in flight, mid-run and at the end', () => {
    const mid = run(3, s(150));
    const tm = mid.backend.backendMetrics().totals;
    let resolved = 0;
    for (const n of mid.callbacks.values()) resolved += n;
    expect(tm.offered).toBe(mid.calls);
    expect(tm.inFlight).toBe(mid.calls - resolved);
    expect(tm.inFlight).toBeGreaterThan(0);
    expect(tm.ok + tm.declined + tm.overload + tm.timedOut + tm.inFlight).toBe(tm.offered);
    expect(tm.online + tm.deferred).toBe(tm.offered);

    mid.kernel.run();
    const t = mid.backend.backendMetrics().totals;
    console.log(`conservation: offered ${t.offered} = ok ${t.ok} + declined ${t.declined} + overload ${t.overload} + timed out ${t.timedOut} + in flight ${t.inFlight}; ` +
      `duplicates ${t.duplicates}, charged-not-approved ${t.chargedNotApproved}`);
    expect(t.inFlight).toBe(0);
    expect(t.ok + t.declined + t.overload + t.timedOut).toBe(t.offered);
    expect(mid.callbacks.size).toBe(t.offered);
    expect([...mid.callbacks.values()].every((n) => n === 1)).toBe(true);
    expect(t.overload).toBeGreaterThan(0);
    expect(t.declined).toBeGreaterThan(0);
    expect(t.timedOut).toBeGreaterThan(0);
    const series = mid.backend.backendMetrics().series;
    expect(series.offered.reduce((a, b) => a + b, 0)).toBe(t.offered);
    expect(series.resolved.reduce((a, b) => a + b, 0)).toBe(t.offered);
    // Host-bound: every online attempt (retries too) and every record batch; local checks: every deferred tap.
    expect(series.hostBound.reduce((a, b) => a + b, 0)).toBe(t.attempts + t.batches);
    expect(series.localChecks.reduce((a, b) => a + b, 0)).toBe(t.deferred);
    expect(t.backlogNow).toBe(0);
  });

  test('same seed, same metrics; different seed, different metrics', () => {
    const a = JSON.stringify(run(5, Infinity).backend.backendMetrics());
    const b = JSON.stringify(run(5, Infinity).backend.backendMetrics());
    const c = JSON.stringify(run(6, Infinity).backend.backendMetrics());
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('retail routing and merging', () => {
  test('requests split over channels by share; retries stay on their channel', () => {
    const kernel = new Kernel();
    const backend = createBackend(kernel, DEFAULT_RETAIL_BACKEND, rngs(11), 2);
    const out: Outcome[] = [];
    const ids = { next: 0 };
    for (let st = 0; st < 2; st++) {
      drive(kernel, backend, { station: st, mode: 'online', ratePerS: 50, fromNs: 0, toNs: min(2), rng: streamFor(11, 0, `r${st}`), valueOf: () => 4999, ids, out });
    }
    kernel.run();
    const m = backend.backendMetrics();
    const n = m.totals.online;
    const byId = Object.fromEntries(m.channels.map((c) => [c.id, c.host.served]));
    expect(n).toBeGreaterThan(5000);
    expect(Math.abs((byId['bank-card-network'] as number) / n - 0.5)).toBeLessThan(0.03);
    expect(Math.abs((byId['wallet-a'] as number) / n - 0.3)).toBeLessThan(0.03);
    expect(Math.abs((byId['wallet-b'] as number) / n - 0.2)).toBeLessThan(0.03);
    // Wallet A (Huabei-like, 35 ms mean) answers faster than the card network.
    const a = m.channels.find((c) => c.id === 'wallet-a')!.host.sojournP50Ns;
    const card = m.channels.find((c) => c.id === 'bank-card-network')!.host.sojournP50Ns;
    expect(a).toBeLessThan(card);
  });

  test('merge pools counts, series and histograms', () => {
    const one = (seed: number) => {
      const kernel = new Kernel();
      const backend = createBackend(kernel, DEFAULT_BACKEND, rngs(seed), 1);
      const out: Outcome[] = [];
      drive(kernel, backend, { station: 0, mode: 'online', ratePerS: 20, fromNs: 0, toNs: min(3), rng: streamFor(seed, 0, 'x'), valueOf: () => 100, ids: { next: 0 }, out });
      kernel.run();
      return backend.backendMetrics();
    };
    const a = one(1);
    const b = one(2);
    const m = mergeBackendMetrics(a, b);
    expect(m.totals.offered).toBe(a.totals.offered + b.totals.offered);
    expect(m.totals.response.count).toBe(a.totals.response.count + b.totals.response.count);
    expect(m.series.offered[0]).toBe((a.series.offered[0] ?? 0) + (b.series.offered[0] ?? 0));
    expect(m.series.responseHist[1]!.count).toBe(a.series.responseHist[1]!.count + b.series.responseHist[1]!.count);
    expect(m.totals.responseP99Ns).toBeGreaterThanOrEqual(Math.min(a.totals.responseP99Ns, b.totals.responseP99Ns) * 0.98);
    expect(JSON.parse(JSON.stringify(m)).totals.offered).toBe(m.totals.offered);
  });
});
