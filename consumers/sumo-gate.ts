/**
 * A fare gate in SUMO (Debian's `sumo`, 1.15) from `tapsim export service-times --format sumo`:
 * the exported busStop (personCapacity="1": SUMO lets one person at a time hold a stop there, the
 * next ones wait in front of it) on a one-stripe pedestrian lane (0.7 m wide, narrower than two
 * stripes of the striping model, so nobody overtakes), and a saturated stream of pedestrians who
 * each `<stop>` there for a service time drawn from the exported times. The gate's throughput is
 * read from SUMO's tripinfo output (the end of each person's stop).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExportedGate {
  id: string;
  lane: string;
  capacityPerHour: number;
  meanServiceS: number;
  serviceTimesS: number[];
}

/** The busStops of an exported SUMO additional file with their tapsim params. */
export function readExportedGates(xml: string): ExportedGate[] {
  const gates: ExportedGate[] = [];
  for (const m of xml.matchAll(/<busStop id="([^"]+)"[^>]*lane="([^"]+)"[^>]*personCapacity="1">([\s\S]*?)<\/busStop>/g)) {
    const param = (key: string): string => new RegExp(`<param key="${key}" value="([^"]*)"/>`).exec(m[3]!)?.[1] ?? '';
    gates.push({ id: m[1]!, lane: m[2]!, capacityPerHour: Number(param('tapsim.capacityPerHourPerGate')), meanServiceS: Number(param('tapsim.meanServiceS')), serviceTimesS: param('tapsim.serviceTimesS').split(' ').map(Number) });
  }
  return gates;
}

export interface SumoRun {
  /** Stops that ended in [warmupS, endS], persons per hour. */
  throughputPerHour: number;
  stopsCounted: number;
  /** Two persons at the stop at once (must be 0: the gate serves one at a time). */
  overlaps: number;
  /** Longest idle time of the gate between two stops ending in the window, s (small: the queue held). */
  maxGapS: number;
  version: string;
}

/** Network: a 30 m approach edge carrying the gate's lane and a 10 m exit edge (netconvert). */
function writeNetwork(dir: string, lane: string): void {
  const edge = lane.replace(/_0$/, '');
  writeFileSync(join(dir, 'gate.nod.xml'), '<nodes>\n  <node id="a" x="0" y="0"/>\n  <node id="b" x="30" y="0"/>\n  <node id="c" x="40" y="0"/>\n</nodes>\n');
  writeFileSync(join(dir, 'gate.edg.xml'), `<edges>\n  <edge id="${edge}" from="a" to="b" numLanes="1" speed="1.5" allow="pedestrian" width="0.7"/>\n  <edge id="exit" from="b" to="c" numLanes="1" speed="1.5" allow="pedestrian" width="0.7"/>\n</edges>\n`);
  execFileSync('netconvert', ['-n', 'gate.nod.xml', '-e', 'gate.edg.xml', '-o', 'gate.net.xml', '--no-turnarounds', '--no-warnings'], { cwd: dir, stdio: 'pipe' });
}

/**
 * A standing queue without a jam of thousands: 20 persons 0.5 s apart, then one every `headwayS`
 * (a little faster than the gate serves), stop times cycling through a fixed shuffle of the
 * exported times.
 */
function writeDemand(dir: string, gate: ExportedGate, endS: number, headwayS: number): void {
  const times = [...gate.serviceTimesS];
  let state = 12345;
  for (let i = times.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [times[i], times[j]] = [times[j]!, times[i]!];
  }
  const edge = gate.lane.replace(/_0$/, '');
  const lines = ['<routes>', '  <vType id="ped" vClass="pedestrian"/>'];
  const burst = 20;
  for (let i = 0; burst * 0.5 + (i - burst) * headwayS < endS; i++) {
    const departS = i < burst ? i * 0.5 : burst * 0.5 + (i - burst) * headwayS;
    lines.push(`  <person id="p${i}" depart="${departS.toFixed(2)}" type="ped" departPos="0"><walk edges="${edge}" busStop="${gate.id}"/><stop busStop="${gate.id}" duration="${times[i % times.length]}"/><walk edges="${edge} exit"/></person>`);
  }
  lines.push('</routes>', '');
  writeFileSync(join(dir, 'gate.rou.xml'), lines.join('\n'));
}

/** Run SUMO headless on the exported gate for `endS` simulated seconds with step `stepS`. */
export function runSumoGate(dir: string, additionalFile: string, gate: ExportedGate, opts: { endS: number; warmupS: number; stepS: number }): SumoRun {
  writeNetwork(dir, gate.lane);
  writeDemand(dir, gate, opts.endS, gate.meanServiceS * 0.95);
  const version = execFileSync('sumo', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  execFileSync('sumo', ['-n', 'gate.net.xml', '-a', additionalFile, '-r', 'gate.rou.xml', '--tripinfo-output', 'trips.xml', '--tripinfo-output.write-unfinished', '--no-step-log', '--no-warnings',
    '--end', String(opts.endS + 60), '--step-length', String(opts.stepS), '--time-to-teleport', '-1', '--pedestrian.striping.jamtime', '-1'], { cwd: dir, stdio: 'pipe' });
  const trips = readFileSync(join(dir, 'trips.xml'), 'utf8');
  const stops: Array<[number, number]> = [];
  for (const m of trips.matchAll(/<stop duration="([0-9.]+)" arrival="([0-9.]+)"/g)) stops.push([Number(m[2]) - Number(m[1]), Number(m[2])]);
  stops.sort((a, b) => a[0] - b[0]);
  let overlaps = 0;
  let maxGapS = 0;
  for (let i = 1; i < stops.length; i++) {
    if (stops[i]![0] < stops[i - 1]![1] - 1e-9) overlaps++;
    if (stops[i]![1] > opts.warmupS && stops[i]![1] <= opts.endS) maxGapS = Math.max(maxGapS, stops[i]![0] - stops[i - 1]![1]);
  }
  const counted = stops.filter(([, end]) => end > opts.warmupS && end <= opts.endS).length;
  return { throughputPerHour: (counted / (opts.endS - opts.warmupS)) * 3600, stopsCounted: counted, overlaps, maxGapS, version };
}
