/**
 * The real-consumer round trip (docs/export.md#sumo): tapsim runs a saturated gate array, exports
 * its service times for SUMO, SUMO runs the exported gate headless for one simulated hour under a
 * standing queue, and its gate throughput matches tapsim's capacity (gate-capacity.csv) within 5 %.
 * Needs `npm run build` and Debian's `sumo` (`apt-get install -y sumo`; .ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readExportedGates, runSumoGate } from './sumo-gate.js';

const ROOT = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tapsim-sumo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tapsim = (...args: string[]): string => execFileSync('node', [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('SUMO runs tapsim\'s exported gate', () => {
  test('sumo is installed (apt-get install -y sumo)', () => {
    expect(execFileSync('sumo', ['--version'], { encoding: 'utf8' })).toMatch(/Eclipse SUMO sumo Version \d+\.\d+/);
  });

  test('throughput of the exported gate in SUMO = tapsim capacity within 5 % (1 h simulated, saturated)', () => {
    const run = join(work, 'run');
    tapsim('run', 'scenarios/gate-array.yaml', '--out', run, '--replications', '1', '--set', 'duration=15 min', '--quiet');
    const additional = join(work, 'gates.add.xml');
    tapsim('export', 'service-times', run, '--format', 'sumo', '--out', additional);
    const [gate] = readExportedGates(readFileSync(additional, 'utf8'));
    expect(gate).toBeDefined();
    expect(gate!.serviceTimesS).toHaveLength(100);
    const capacity = readFileSync(join(run, 'gate-capacity.csv'), 'utf8').split('\n')[1]!.split(',');
    const tapsimCapacity = Number(capacity[3]);
    expect(gate!.capacityPerHour).toBeCloseTo(tapsimCapacity, 6);
    const sumo = runSumoGate(work, additional, gate!, { endS: 3600, warmupS: 300, stepS: 0.02 });
    console.log(`${sumo.version}: ${sumo.stopsCounted} stops in 3300 s (longest idle ${sumo.maxGapS.toFixed(2)} s), ${sumo.throughputPerHour.toFixed(1)} /h vs tapsim capacity ${tapsimCapacity} /h per gate (${(((sumo.throughputPerHour - tapsimCapacity) / tapsimCapacity) * 100).toFixed(2)} %)`);
    expect(sumo.overlaps).toBe(0);
    expect(sumo.maxGapS).toBeLessThan(0.5); // the queue held: the gate never waited for a person
    expect(Math.abs(sumo.throughputPerHour - tapsimCapacity) / tapsimCapacity).toBeLessThan(0.05);
  });
});
