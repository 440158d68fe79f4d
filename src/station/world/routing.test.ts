import { describe, expect, test } from 'vitest';
import { Kernel } from '../../kernel/kernel.js';
import { IntervalSeries } from '../../observe/interval-series.js';
import { streamFor } from '../../random/stream.js';
import type { Gate } from '../gate.js';
import { gateSurroundings, NO_SURROUNDINGS } from './gate-surroundings.js';
import type { Passenger } from '../passenger.js';
import { gateLayout, gatelineRouting } from './routing.js';
import { GL, StationMetrics } from '../station-metrics.js';
import type { WorldConfig } from '../world-config.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from '../../radio/bystander-geometry.js';
import type { WorldContext } from './context.js';

/** Two gatelines (2 and 3 gates) with a balking length of 2; fake gates that only queue. */
function world() {
  const cfg = {
    gatelines: [
      { gates: 2, balkQueueLength: 2, choice: 'shortest-queue', pitchM: 0.6 },
      { gates: 3, balkQueueLength: 2, choice: 'shortest-queue', pitchM: 0.9 },
    ],
    carriers: [{ bystander: { bands: ['2.45GHz'], restingPlacement: 'pocket' } }],
    warmupNs: 0,
    bystanders: DEFAULT_BYSTANDER_GEOMETRY,
  } as unknown as WorldConfig;
  const layout = gateLayout(cfg);
  const joined: Array<[number, number]> = [];
  const gates: Gate[][] = cfg.gatelines.map((line, li) =>
    Array.from({ length: line.gates }, (_, lane) => {
      const slot = layout.firstGateSlot[li]! + lane;
      const gate = {
        lane, gatelineIndex: li, queueLength: 0, transacting: false, inService: null as Passenger | null, nextInQueue: null as Passenger | null,
        join: (p: Passenger) => {
          joined.push([li, lane]);
          gate.queueLength++;
          layout.gateLoads[slot] = layout.gateLoads[slot]! + 1;
          void p;
        },
      };
      return gate as unknown as Gate;
    }),
  );
  const left: Passenger[] = [];
  const ctx = {
    cfg, kernel: new Kernel(), metrics: new StationMetrics(0), gatelineMetrics: [], census: { arrived: 0, walking: 0, passed: 0, abandoned: 0 },
    lineSeries: cfg.gatelines.map(() => new IntervalSeries(60e9, 60e9, 9)), gates, pool: [], leave: (p: Passenger) => void left.push(p), counted: () => true,
  } as unknown as WorldContext;
  const passenger = (): Passenger => ({ key: 'p', carrierIndex: 0, rng: streamFor(1, 0, 'p'), arrivedNs: 0, queuedNs: 0, taps: 0, totalTaps: 0, fallback: 'none', lastGate: -1, tapStartNs: 0 });
  return { cfg, layout, gates, joined, left, ctx, passenger };
}

describe('routing', () => {
  test('gate slots are contiguous per gateline', () => {
    const { layout } = world();
    expect([...layout.firstGateSlot]).toEqual([0, 2]);
    expect(layout.gateLoads).toHaveLength(5);
  });

  test('the least loaded line per gate, the shortest queue in it, then the other lines, then balking', () => {
    const { ctx, layout, joined, left, passenger } = world();
    const arrive = gatelineRouting(ctx, layout);
    // Already queueing: one at each gate of line 0 (1 per gate), one at gates 1 and 2 of line 1 (2/3 per gate).
    for (const [li, lane] of [[0, 0], [0, 1], [1, 1], [1, 2]] as const) ctx.gates[li]![lane]!.join(passenger());
    joined.length = 0;
    arrive(passenger(), [[0, 1]]);
    expect(joined).toEqual([[1, 0]]);
    for (let i = 0; i < 9; i++) arrive(passenger(), [[0, 1]]);
    // Room for 4 more at line 1 and 2 at line 0 before every queue is at the balking length 2.
    expect(joined.filter(([li]) => li === 1)).toHaveLength(4);
    expect(joined.filter(([li]) => li === 0)).toHaveLength(2);
    expect(left).toHaveLength(4); // balked
    expect(ctx.metrics.balked).toBe(4);
    expect(ctx.census.abandoned).toBe(4);
    expect(ctx.census.walking).toBe(-10); // walking-- per arrival (the arrivals room counted them up)
    expect(ctx.lineSeries[1]!.get(0, GL.arrivals)).toBe(4);
  });
});

describe('gate surroundings', () => {
  test('the next in the queue behind and the tappers up to two lanes either side, at their lateral distance', () => {
    const { cfg, gates, passenger } = world();
    const around = gateSurroundings(cfg, gates);
    const row = gates[1]!;
    const mutable = (g: Gate) => g as unknown as { transacting: boolean; inService: Passenger | null; nextInQueue: Passenger | null };
    expect(around(row[0]!)).toEqual({ behind: null, neighbours: [], pitchM: 0.9, geometry: DEFAULT_BYSTANDER_GEOMETRY });
    mutable(row[2]!).transacting = true;
    mutable(row[2]!).inService = passenger();
    mutable(row[1]!).transacting = true; // transacting but nobody in service: not a tapper
    mutable(row[0]!).nextInQueue = passenger();
    const seen = around(row[0]!);
    expect(seen.behind).toBe(cfg.carriers[0]!.bystander);
    expect(seen.neighbours).toEqual([{ carrier: cfg.carriers[0]!.bystander, lateralM: 1.8 }]);
    expect(NO_SURROUNDINGS).toEqual({ behind: null, neighbours: [], pitchM: 0, geometry: DEFAULT_BYSTANDER_GEOMETRY });
  });
});
