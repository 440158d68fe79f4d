import { describe, expect, test } from 'vitest';
import { Kernel } from '../../kernel/kernel.js';
import { summarize } from '../../experiment/stats.js';
import { streamFor } from '../../random/stream.js';
import { exponential } from '../../random/distributions.js';
import { departuresNs, headwayAtNs, networkProblem, type NetworkConfig } from './network-config.js';
import { planItinerary } from './itinerary.js';
import { destinationRows, drawDestination } from './destinations.js';
import { TrainService } from './train-service.js';

const MIN = 60e9;

/** Line A: stations 0–1–2–3; line B: 4–2–5 (transfer at 2). */
function twoLines(capacity = 1000, headwayMin = 4): NetworkConfig {
  const headway = { fromNs: [0], headwayNs: [headwayMin * MIN] };
  return {
    lines: [
      { id: 'A', stations: [0, 1, 2, 3], segmentNs: [2 * MIN, 3 * MIN, 2 * MIN], dwellNs: 30e9, headway, capacity },
      { id: 'B', stations: [4, 2, 5], segmentNs: [4 * MIN, 1 * MIN], dwellNs: 30e9, headway, capacity },
    ],
    transfers: [{ station: 2, walkNs: 3 * MIN }],
    defaultTransferNs: 2 * MIN,
  };
}

describe('network configuration', () => {
  test('headway table steps and departures', () => {
    const t = { fromNs: [0, 10 * MIN], headwayNs: [5 * MIN, 2 * MIN] };
    expect(headwayAtNs(t, 9 * MIN)).toBe(5 * MIN);
    expect(headwayAtNs(t, 10 * MIN)).toBe(2 * MIN);
    expect(departuresNs(t, 15 * MIN).map((x) => x / MIN)).toEqual([0, 5, 10, 12, 14]);
  });
  test('problems are named', () => {
    const n = twoLines();
    expect(networkProblem(n)).toBeNull();
    expect(networkProblem({ ...n, lines: [{ ...n.lines[0]!, segmentNs: [MIN] }] })).toMatch(/line A has 4 stations and needs 3 segment travel times \(got 1\)/);
  });
});

describe('itineraries', () => {
  test('one line, both directions', () => {
    const n = twoLines();
    expect(planItinerary(n, 0, 3)!.legs).toEqual([{ line: 0, direction: 1, fromPos: 0, toPos: 3 }]);
    expect(planItinerary(n, 3, 1)!.legs).toEqual([{ line: 0, direction: -1, fromPos: 3, toPos: 1 }]);
  });
  test('a transfer at the shared station, with its walk', () => {
    const it = planItinerary(twoLines(), 0, 5)!;
    expect(it.legs).toEqual([
      { line: 0, direction: 1, fromPos: 0, toPos: 2 },
      { line: 1, direction: 1, fromPos: 1, toPos: 2 },
    ]);
    expect(it.walkNs).toEqual([0, 3 * MIN]);
    // 2 waits of half a headway + ride 2+0.5+3 min + walk 3 + ride 1 min
    expect(it.costNs).toBe(4 * MIN + 5.5 * MIN + 3 * MIN + 1 * MIN);
  });
  test('no route between unconnected stations', () => {
    const n = twoLines();
    expect(planItinerary({ ...n, lines: [n.lines[0]!] }, 0, 5)).toBeNull();
  });
});

describe('destinations', () => {
  test('gravity: P(j|i) ∝ A_j exp(−β c_ij), drawn frequencies within 4 binomial sd', () => {
    const cost = [
      [null, 10 * MIN, 20 * MIN],
      [10 * MIN, null, 10 * MIN],
      [20 * MIN, 10 * MIN, null],
    ];
    const rows = destinationRows({ kind: 'gravity', attraction: [1, 1, 3], deterrence: { kind: 'exponential', betaPerMin: 0.1 } }, cost);
    const w1 = Math.exp(-1);
    const w2 = 3 * Math.exp(-2);
    const p1 = w1 / (w1 + w2);
    expect(rows[0]!.stations).toEqual([1, 2]);
    expect(rows[0]!.cumulative[0]).toBeCloseTo(p1, 12);
    const rng = streamFor(7, 0, 'dest');
    const n = 20000;
    let ones = 0;
    for (let k = 0; k < n; k++) if (drawDestination(rows[0]!, rng) === 1) ones++;
    expect(Math.abs(ones - n * p1)).toBeLessThan(4 * Math.sqrt(n * p1 * (1 - p1)));
  });
  test('matrix rows ignore the diagonal and unreachable pairs', () => {
    const rows = destinationRows({ kind: 'matrix', tripsPerHour: [[5, 1, 3], [0, 0, 0], [1, 1, 1]] }, [[0, 1, null], [1, 0, 1], [1, 1, 0]]);
    expect(rows[0]).toEqual({ stations: [1], cumulative: [1] });
    expect(rows[1]!.stations).toEqual([]);
    expect(drawDestination(rows[1]!, streamFor(1, 0, 'x'))).toBeNull();
  });
});

/** Riders with itineraries A→B on line A, Poisson arrivals at each platform. */
function runLine(seed: number, replication: number, ratePerMin: number, capacity: number, endNs: number) {
  const kernel = new Kernel();
  const net = twoLines(capacity);
  const platoons: Array<{ key: string; pos: number; size: number }> = [];
  const svc = new TrainService<number>(kernel, net, { onAlight: (r, _l, pos, key) => platoons.push({ key, pos, size: r.length }) }, endNs);
  const rng = streamFor(seed, replication, 'arrivals');
  const legs = [planItinerary(net, 0, 3)!.legs[0]!, planItinerary(net, 1, 3)!.legs[0]!, planItinerary(net, 3, 0)!.legs[0]!];
  let id = 0;
  const next = (): void => {
    const gap = Math.round(exponential(rng, MIN / ratePerMin));
    if (kernel.nowNs + gap >= endNs - 30 * MIN) return; // stop arrivals so every rider finishes
    kernel.schedule(gap, () => {
      svc.toPlatform(id++, legs[Math.floor(rng.next01() * legs.length)]!);
      next();
    });
  };
  next();
  kernel.run();
  return { svc, platoons, riders: id };
}

describe('trains', () => {
  test('every rider boards and alights; each platoon is its train’s alightings at that stop', () => {
    const { svc, platoons, riders } = runLine(1, 0, 3, 1000, 180 * MIN);
    expect(svc.ridesCompleted).toBe(riders);
    expect(svc.waiting + svc.riding).toBe(0);
    const alighted = svc.counts.flatMap((l) => l.flatMap((d) => d.alighted));
    let sum = 0;
    for (const a of alighted) sum += a;
    let platoonSum = 0;
    for (const p of platoons) platoonSum += p.size;
    expect(platoonSum).toBe(sum);
    expect(new Set(platoons.map((p) => `${p.key}@${p.pos}`)).size).toBe(platoons.length); // one platoon per train and stop
  });

  test('a full train leaves passengers behind and the platform queue grows', () => {
    const small = runLine(2, 0, 20, 30, 120 * MIN);
    const big = runLine(2, 0, 20, 1000, 120 * MIN);
    const left = (s: typeof small) => s.svc.counts[0]!.reduce((a, d) => a + d.leftBehind.reduce((x, y) => x + y, 0), 0);
    expect(left(big)).toBe(0);
    expect(left(small)).toBeGreaterThan(0);
    expect(small.svc.onPlatforms.max).toBeGreaterThan(big.svc.onPlatforms.max);
    expect(small.svc.onPlatforms.meanTo(120 * MIN)).toBeGreaterThan(2 * big.svc.onPlatforms.meanTo(120 * MIN));
  });

  test("Little's law in trains: mean in trains − boarding rate × mean ride has a 95 % CI containing 0 (20 replications)", () => {
    const endNs = 240 * MIN;
    const diffs: number[] = [];
    for (let r = 0; r < 20; r++) {
      const kernel = new Kernel();
      const net = twoLines();
      const warmNs = 60 * MIN;
      const windowNs = 120 * MIN;
      let rideSum = 0;
      let rides = 0;
      const boardedAt = new Map<number, number>();
      const svc = new TrainService<number>(kernel, net, {
        onBoard: (riders) => {
          for (const who of riders) boardedAt.set(who, kernel.nowNs);
        },
        onAlight: (riders) => {
          for (const who of riders) {
            const b = boardedAt.get(who)!;
            if (b >= warmNs && b < warmNs + windowNs) {
              rides++;
              rideSum += kernel.nowNs - b;
            }
          }
        },
      }, endNs);
      const rng = streamFor(11, r, 'little');
      const legs = [planItinerary(net, 0, 3)!.legs[0]!, planItinerary(net, 3, 1)!.legs[0]!];
      let id = 0;
      const next = (): void => {
        kernel.schedule(Math.round(exponential(rng, MIN / 4)), () => {
          if (kernel.nowNs >= endNs - 40 * MIN) return;
          const who = id++;
          svc.toPlatform(who, legs[Math.floor(rng.next01() * 2)]!);
          next();
        });
      };
      next();
      let areaStart = 0;
      kernel.scheduleAt(warmNs, () => (areaStart = svc.inTrains.integralTo(warmNs)));
      let area = 0;
      kernel.scheduleAt(warmNs + windowNs, () => (area = svc.inTrains.integralTo(warmNs + windowNs) - areaStart));
      kernel.run();
      const meanInTrains = area / windowNs;
      const lambdaPerNs = rides / windowNs;
      diffs.push(meanInTrains - lambdaPerNs * (rideSum / rides));
    }
    const s = summarize(diffs);
    expect(s.n).toBe(20);
    expect(s.lower).toBeLessThanOrEqual(0);
    expect(s.upper).toBeGreaterThanOrEqual(0);
    expect(s.sd).toBeGreaterThan(0); // a real spread, not a degenerate interval
  });
});
