import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IntervalSeries } from '../../observe/interval-series.js';
import { s } from '../../units.js';
import type { Gate } from '../gate.js';
import { GL } from '../station-metrics.js';
import { queueLevelRecorder } from './queue-levels.js';
import { loadScenario } from '../../scenario/load.js';
import { runReplication } from '../../experiment/replication.js';

describe('queueLevelRecorder: the gateline queue on one base', () => {
  test('two gates of one line: the line maximum adds them, the per-gate maximum does not, and a level held across an edge counts in the next interval', () => {
    const series = new IntervalSeries(s(10), s(40), 10);
    let nowNs = 0;
    const record = queueLevelRecorder([series], () => nowNs);
    const gate = (lane: number) => ({ gatelineIndex: 0, lane }) as unknown as Gate;
    const levels = [0, 0];
    const since = [0, 0];
    const change = (lane: number, atS: number, delta: number): void => {
      nowNs = s(atS);
      record(gate(lane), levels[lane]!, since[lane]!, levels[lane]! + delta);
      levels[lane]! += delta;
      since[lane] = nowNs;
    };
    change(0, 1, 1);
    change(0, 2, 1); // gate 0: 2 queueing
    change(1, 3, 1);
    change(1, 4, 1);
    change(1, 5, 1); // gate 1: 3 queueing, the line 5
    change(0, 25, -1); // nothing changes in [10, 20): the levels carry over
    change(1, 26, -1);
    nowNs = s(40);
    for (const lane of [0, 1]) record(gate(lane), levels[lane]!, since[lane]!, levels[lane]!);
    const col = (ch: number) => [0, 1, 2, 3].map((k) => series.get(k, ch));
    expect(col(GL.queueMax)).toEqual([5, 5, 5, 3]);
    expect(col(GL.queueMaxPerGate)).toEqual([3, 3, 3, 2]);
    const mean = col(GL.queueAreaPersonNs).map((a) => a / s(10));
    expect(mean[1]).toBe(5);
    mean.forEach((m, k) => expect(m).toBeLessThanOrEqual(col(GL.queueMax)[k]!));
  });
});

describe('gates.csv base: queue_mean ≤ queue_max on every row of every shipped scenario (shortened)', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
  // 25 min (50 for the morning peak's ramp): seconds per scenario; gate-array queues at its 6 gates from the start.
  const minutes: Record<string, number> = { 'metro-station-am-peak.yaml': 50 };
  test.each(files)('%s', async (file) => {
    const duration = `${minutes[file] ?? 25} min`;
    const loaded = await loadScenario(`scenarios/${file}`, { overrides: [{ path: 'duration', value: duration, source: 'test' }, { path: 'warmup', value: '0 s', source: 'test' }] });
    const r = runReplication({ scenario: loaded.scenario, replication: 0, seed: loaded.scenario.seed });
    const g = r.gatelines;
    expect(g.queueMean.length).toBeGreaterThan(0);
    // The line's queue is more than one gate's where several gates queue at once (the old per-gate base).
    if (file === 'gate-array.yaml') expect(g.queueMax.some((m, i) => m > g.queueMaxPerGate[i]! && g.queueMean[i]! > g.queueMaxPerGate[i]!)).toBe(true);
    g.queueMean.forEach((mean, i) => {
      expect(mean).toBeLessThanOrEqual(g.queueMax[i]! + 1e-9);
      expect(g.queueMaxPerGate[i]!).toBeLessThanOrEqual(g.queueMax[i]!);
      expect(g.queueMaxPerGate[i]! * g.gates[i % g.keys.length]!).toBeGreaterThanOrEqual(g.queueMax[i]!);
    });
  }, 15_000);
});
