/**
 * Child process of the benchmark: load a scenario, run one replication on this thread, print
 * one JSON line (wall time, events, passengers, taps, peak RSS). A separate process so that the
 * peak RSS belongs to this replication alone.
 */
import { loadScenario } from '../scenario/load.js';
import { runReplication } from '../experiment/replication.js';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/run-one.js <scenario>');
  process.exit(2);
}
const { scenario } = await loadScenario(file);
const t0 = performance.now();
const result = runReplication({ scenario, replication: 0, seed: scenario.seed });
const wallS = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    scenario: scenario.name,
    wallS,
    cpuUserS: process.cpuUsage().user / 1e6,
    events: result.events,
    passengers: result.metrics.passengers_arrived ?? 0,
    taps: result.metrics.taps ?? 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
