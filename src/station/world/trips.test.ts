import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { buildWorld } from '../../scenario/build.js';
import { runReplication } from '../../experiment/replication.js';
import { main } from '../../cli/main.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHORT = [{ path: 'duration', value: '25 min', source: 'test' }, { path: 'warmup', value: '0 s', source: 'test' }];

async function twoLines(extra: Array<{ path: string; value: string }> = []) {
  const overrides = [...SHORT, ...extra.map((o) => ({ ...o, source: 'test' }))];
  return (await loadScenario(join(ROOT, 'scenarios', 'two-line-od.yaml'), { overrides })).scenario;
}

describe('origin–destination travel through a network', () => {
  test('passengers ride, transfer and tap out at their destination; conservation holds at every interval (checked inside the replication)', async () => {
    const s = await twoLines();
    const r = runReplication({ scenario: s, replication: 0, seed: s.seed });
    const m = r.metrics;
    expect(m.trips_started).toBeGreaterThan(500);
    expect(m.trips_completed).toBeGreaterThan(250);
    // Every completed journey (warm-up 0) leaves by the exit gates or, without a valid entry, the service desk.
    expect(m.passengers_exiting! + m.fare_irregularities!).toBe(m.trips_completed);
    const n = r.network!;
    // Transfers at X: passengers alight at X on one line and board the other.
    const red = n.lines.indexOf('red');
    const atX = n.stations[red]!.indexOf('X');
    expect(n.counts[red]![0]!.alighted[atX]).toBeGreaterThan(0);
    // Nobody boards where the train ends or alights where it starts.
    expect(n.counts[red]![0]!.boarded[n.stations[red]!.length - 1]).toBe(0);
    expect(n.counts[red]![0]!.alighted[0]).toBe(0);
  });

  test('a full line leaves passengers behind; more capacity leaves none', async () => {
    const small = runReplication({ scenario: await twoLines([{ path: 'network.lines.0.capacity', value: '60' }]), replication: 0, seed: 11 });
    const big = runReplication({ scenario: await twoLines([{ path: 'network.lines.0.capacity', value: '5000' }]), replication: 0, seed: 11 });
    expect(small.metrics.left_behind).toBeGreaterThan(0);
    expect(big.metrics.left_behind).toBe(0);
    expect(small.metrics.on_platforms_mean).toBeGreaterThan(big.metrics.on_platforms_mean!);
  });

  test('an evasion share becomes fare irregularities at the exits; the same seed gives the same fingerprint', async () => {
    const s = await twoLines([{ path: 'network.evasionShare', value: '0.2' }]);
    const a = runReplication({ scenario: s, replication: 0, seed: 3 });
    const b = runReplication({ scenario: s, replication: 0, seed: 3 });
    expect(a.fingerprint).toBe(b.fingerprint);
    const share = a.metrics.fare_irregularities! / a.metrics.trips_completed!;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
  });

  test('without network.od the lines are descriptive: no network in the world, no network columns', async () => {
    const s = (await loadScenario(join(ROOT, 'scenarios', 'metro-line-day.yaml'), { overrides: [{ path: 'duration', value: '20 min', source: 'test' }, { path: 'warmup', value: '0 s', source: 'test' }] })).scenario;
    expect(buildWorld(s).network).toBeNull();
    const r = runReplication({ scenario: s, replication: 0, seed: 1 });
    expect(r.network).toBeUndefined();
    expect(Object.keys(r.metrics).some((k) => k.startsWith('trips_'))).toBe(false);
  });

  test('od without travel times is refused with a sentence naming the line', async () => {
    let err = '';
    const code = await main(['check', 'scenarios/two-line-od.yaml', '--set', 'network.lines.1={id: blue, stations: [B, X, D]}'], { stdout: () => undefined, stderr: (t) => (err += t), cwd: ROOT });
    expect(code).toBe(2);
    expect(err).toMatch(/network\.lines\.1\.travelTimes: line "blue" needs travelTimes \(one per segment, 2 here\) because network\.od is given/);
  });
});
