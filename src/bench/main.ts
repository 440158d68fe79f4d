/**
 * `npm run bench [-- suite...] [--scale=x] [--update-readme]`: the performance suite.
 * Suites: kernel (vs simjs), models (link evaluations and taps per band), station (one
 * replication of the metro AM peak), startup (bare node vs --version and check), city (one replication of the city day, in a child process for
 * its peak RSS), render (figures), backend, workers (1 vs 2 threads, pool start-up, whole `tapsim run`s with and without transactions); only when
 * named: scaling (1, 2, 4 … all cores — for machines with more than two). Prints a table and
 * writes results/bench/bench.csv (with machine info), results/bench/kernel.csv and
 * results/bench/bench.md; --update-readme copies the table into README.md between the bench markers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runKernelBench } from './kernel-bench.js';
import { runCallbackBench } from './callback-bench.js';
import { ns3Line } from './ns3-peer.js';
import { runModelBench } from './model-bench.js';
import { benchRender } from './render-bench.js';
import { benchBackendOnline } from './backend-bench.js';
import { benchPool, benchScaling } from './pool-bench.js';
import { benchStartup } from './startup-bench.js';
import { benchWholeRun, type WholeRunTiming } from './workers-bench.js';
import { pushAll } from '../arrays.js';

const OUT_DIR = join('results', 'bench');
const HERE = dirname(fileURLToPath(import.meta.url));

interface Row {
  suite: string;
  case: string;
  value: number;
  unit: string;
  /** The issue's target, as text ("≥ 5 M"), or ''. */
  target: string;
  note: string;
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

const sig = (x: number): string => (Number.isFinite(x) ? (Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : Math.abs(x) >= 1e4 ? `${(x / 1e3).toFixed(1)} k` : x.toPrecision(3)) : '–');

function kernelSuite(scale: number): Row[] {
  const rows = runKernelBench(scale, (line) => console.log(line));
  const out: Row[] = [];
  for (const r of rows) {
    const b1 = r.pending > 0;
    out.push({
      suite: 'kernel',
      case: r.case,
      value: r.oursPerS,
      unit: b1 ? 'events/s' : 'customers/s',
      target: r.pending === 1000 ? '≥ 5 M, ≥ 2.5× simjs' : r.pending === 1_000_000 ? '≥ 1.2 M, ≤ 64 B/pending' : b1 ? '' : '≥ 1 M',
      note: `simjs ${sig(r.simjsPerS)}/s (${r.ratio.toFixed(1)}×)` + (b1 ? `; heap ${r.oursHeapBytesPerPending.toFixed(0)} B/pending, whole process ${r.oursTotalBytesPerPending.toFixed(0)} B/pending (simjs ${r.simjsTotalBytesPerPending.toFixed(0)})` : `; mean wait ${r.meanWaitOursS.toFixed(2)} s (theory 8.1)`),
    });
  }
  const header = 'case,pending,events,ours_per_s,simjs_per_s,ratio,ours_heap_bytes_per_pending,ours_total_bytes_per_pending,simjs_total_bytes_per_pending,mean_wait_ours_s,mean_wait_simjs_s';
  const lines = rows.map((r) => [r.case, r.pending, r.events, Math.round(r.oursPerS), Math.round(r.simjsPerS), r.ratio.toFixed(2), r.oursHeapBytesPerPending, r.oursTotalBytesPerPending, r.simjsTotalBytesPerPending, r.meanWaitOursS, r.meanWaitSimjsS].map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '') : `"${v}"`)).join(','));
  writeAtomic(join(OUT_DIR, 'kernel.csv'), `${header}\n${lines.join('\n')}\n`);
  console.log(`  ${ns3Line()}`);
  for (const r of runCallbackBench(scale)) {
    console.log(`  B3 callbacks, ${r.pending} pending: one closure per event ${sig(r.perEntityPerS)}/s, one shared handler ${sig(r.sharedPerS)}/s, bare heap ${sig(r.bareHeapPerS)}/s`);
    out.push({
      suite: 'kernel',
      case: `B3 hold, callback events, ${r.pending.toLocaleString('en-US')} pending`,
      value: r.sharedPerS,
      unit: 'events/s',
      target: r.pending === 1_000_000 ? '≥ 1 M' : '',
      note: `one handler shared by all events (per CPU-s); one closure per event ${sig(r.perEntityPerS)}/s; bare binary heap of times ${sig(r.bareHeapPerS)}/s (ours ${(r.sharedPerS / r.bareHeapPerS).toFixed(2)}× of it)`,
    });
  }
  return out;
}

function modelsSuite(scale: number): Row[] {
  return runModelBench(scale).map((r) => ({
    suite: 'models',
    case: r.case,
    value: r.perS,
    unit: r.unit,
    target: r.unit === 'evaluations/s' ? '≥ 2 M' : '',
    note: '',
  }));
}

function runOne(scenario: string): { wallS: number; cpuUserS: number; events: number; passengers: number; taps: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, [join(HERE, 'run-one.js'), scenario], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

function scenarioRow(suite: string, file: string, target: string): Row {
  const r = runOne(file);
  console.log(`  ${file}: ${r.wallS.toFixed(2)} s, ${r.passengers} passengers, ${r.events} events, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  return {
    suite,
    case: `one replication of ${file}`,
    value: r.wallS,
    unit: 's',
    target,
    note: `${r.passengers.toLocaleString('en-US')} passengers, ${r.taps.toLocaleString('en-US')} taps, ${(r.events / 1e6).toFixed(2)} M events (${sig(r.events / r.wallS)} events/s), peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  };
}

function renderSuite(): Row[] {
  benchRender(2);
  const r = benchRender(10);
  return [{ suite: 'render', case: 'render typical figures (SVG)', value: r.msPerFigure, unit: 'ms/figure', target: '', note: `${r.figures} figures in ${r.ms.toFixed(0)} ms` }];
}

function backendSuite(scale: number): Row[] {
  const r = benchBackendOnline(Math.round(200_000 * scale));
  return [{ suite: 'backend', case: 'online authorisations through network + FEP + host', value: r.requestsPerS, unit: 'requests/s', target: '', note: `${r.eventsPerRequest.toFixed(1)} kernel events/request` }];
}

async function workersSuite(): Promise<Row[]> {
  const r = await benchPool('scenarios/metro-station-am-peak.yaml', { replications: 8, rounds: 3 });
  console.log(`  8 replications: 1 worker ${(r.oneWorkerMs / 1000).toFixed(2)} s, 2 workers ${(r.twoWorkersMs / 1000).toFixed(2)} s`);
  return [
    { suite: 'workers', case: '8 replications of metro-station-am-peak, 1 vs 2 workers', value: r.speedup, unit: '× speedup', target: '≥ 1.8×', note: `1 worker ${(r.oneWorkerMs / 1000).toFixed(2)} s (using ${r.oneWorkerCpuPerWall.toFixed(2)} CPU-s per s: V8 compiler/GC threads on the second core), 2 workers ${(r.twoWorkersMs / 1000).toFixed(2)} s; outputs identical: ${r.identical ? 'yes' : 'NO'}` },
    { suite: 'workers', case: 'pool start-up (2 threads)', value: r.startupMs, unit: 'ms', target: '≤ 200 ms', note: '' },
    ...(await wholeRunRows()),
  ];
}

/** Issue 19: whole runs (CSV rows formatted in the workers, folder and report written), with and without transactions.csv. */
async function wholeRunRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const transactions of [true, false]) {
    const r = await benchWholeRun('scenarios/metro-station-am-peak.yaml', { replications: 8, rounds: 2, transactions });
    const t = (x: WholeRunTiming): string => `${(x.ms / 1000).toFixed(2)} s (rounds ${x.roundsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; main thread busy ${x.mainBusyMsPerReplication.toFixed(0)} ms per replication, ${x.cpuPerWall.toFixed(2)} CPU-s per s)`;
    console.log(`  whole run, transactions ${transactions}: 1 worker ${t(r.one)}, 2 workers ${t(r.two)}, ${r.speedup}×`);
    rows.push({
      suite: 'workers',
      case: `tapsim run of 8 metro-station-am-peak replications${transactions ? ' with transactions.csv' : ', outputs.transactions=false'}, 1 vs 2 workers`,
      value: r.speedup,
      unit: '× speedup',
      target: transactions ? '≥ 1.7×' : '',
      note: `1 worker ${t(r.one)}, 2 workers ${t(r.two)}; CSVs byte-identical: ${r.identical ? 'yes' : 'NO'}`,
    });
  }
  return rows;
}

function startupSuite(): Row[] {
  const r = benchStartup(join(HERE, '..'), 'scenarios/gate-array.yaml');
  const [bare, version, check] = r.cases as [StartupCaseRow, StartupCaseRow, StartupCaseRow];
  const spread = (c: StartupCaseRow): string => `median of 7 after 1 warm-up, ${c.minMs.toFixed(0)}–${c.maxMs.toFixed(0)} ms`;
  for (const c of r.cases) console.log(`  ${c.case}: ${c.medianMs.toFixed(0)} ms (${spread(c)})`);
  const load = `load ${r.loadPerCore.toFixed(2)} per core at start`;
  return [
    { suite: 'startup', case: bare.case, value: bare.medianMs, unit: 'ms', target: '', note: `${spread(bare)}; ${load}` },
    { suite: 'startup', case: `${version.case} − bare node`, value: version.medianMs - bare.medianMs, unit: 'ms', target: '≤ 50 ms', note: `${version.medianMs.toFixed(0)} ms (${spread(version)})` },
    { suite: 'startup', case: `${check.case} − bare node`, value: check.medianMs - bare.medianMs, unit: 'ms', target: '≤ 300 ms', note: `${check.medianMs.toFixed(0)} ms (${spread(check)})` },
  ];
}

type StartupCaseRow = ReturnType<typeof benchStartup>['cases'][number];

/** Opt-in (`npm run bench -- scaling`): 1, 2, 4 … all cores on 4 replications per core of the metro peak. */
async function scalingSuite(scale: number): Promise<Row[]> {
  const cores = os.availableParallelism();
  const replications = Math.max(8, Math.round(4 * cores * scale));
  const points = await benchScaling('scenarios/metro-station-am-peak.yaml', { replications, maxWorkers: cores, rounds: 2 });
  return points.map((p) => ({
    suite: 'scaling',
    case: `${replications} replications of metro-station-am-peak, ${p.workers} worker${p.workers === 1 ? '' : 's'}`,
    value: p.speedup,
    unit: '× speedup',
    target: '',
    note: `${(p.ms / 1000).toFixed(2)} s, ${p.cpuPerWall.toFixed(2)} CPU-s per s, efficiency ${Math.round((100 * p.speedup) / p.workers)} %; outputs identical: ${p.identical ? 'yes' : 'NO'}`,
  }));
}

const SUITES: Record<string, (scale: number) => Row[] | Promise<Row[]>> = {
  kernel: kernelSuite,
  models: modelsSuite,
  station: () => [scenarioRow('station', 'scenarios/metro-station-am-peak.yaml', '≤ 1 s')],
  city: () => [scenarioRow('city', 'scenarios/city-day.yaml', '≤ 60 s, ≤ 1.5 GB')],
  render: renderSuite,
  backend: backendSuite,
  workers: workersSuite,
  startup: startupSuite,
  scaling: scalingSuite,
  sketch: (scale) => import('./sketch-bench.js').then((m) => m.runSketchBench(scale).map((r) => ({ suite: 'sketch', ...r }))),
  physics: async (scale) => (await import('./physics-bench.js')).physicsSuite(scale),
};

/** Suites run only when named (the others run when none is). */
const OPT_IN = new Set(['scaling']);

function markdown(rows: readonly Row[], machine: string): string {
  const lines = [
    `Measured by \`npm run bench\` on ${machine}.`,
    '',
    '| suite | case | measured | target | notes |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.suite} | ${r.case} | ${sig(r.value)} ${r.unit} | ${r.target} | ${r.note} |`),
  ];
  return lines.join('\n') + '\n';
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const scaleArg = args.find((a) => a.startsWith('--scale='));
  const scale = scaleArg === undefined ? 1 : Number(scaleArg.slice('--scale='.length));
  if (!(scale > 0)) {
    console.error(`bench: --scale must be a positive number, got "${scaleArg ?? ''}"`);
    return 2;
  }
  const unknownFlags = args.filter((a) => a.startsWith('--') && !a.startsWith('--scale=') && a !== '--update-readme');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0 || unknownFlags.length > 0) {
    console.error(`bench: unknown ${[...unknown, ...unknownFlags].join(', ')}; suites: ${Object.keys(SUITES).map((n) => (OPT_IN.has(n) ? `${n} (only when named)` : n)).join(', ')}; flags: --scale=x, --update-readme`);
    return 2;
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  console.log(`machine: ${machine}\n`);
  const rows: Row[] = [];
  const started = performance.now();
  for (const name of names.length > 0 ? names : Object.keys(SUITES).filter((n) => !OPT_IN.has(n))) {
    console.log(`${name}…`);
    pushAll(rows, await SUITES[name]!(scale));
  }
  const md = markdown(rows, machine);
  console.log('\n' + md);
  console.log(`bench wall time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const csv = ['# machine: ' + machine, 'suite,case,value,unit,target,note', ...rows.map((r) => [r.suite, r.case, String(r.value), r.unit, r.target, r.note].map((v) => `"${v.replace(/"/g, '""')}"`).join(','))].join('\n') + '\n';
  writeAtomic(join(OUT_DIR, 'bench.csv'), csv);
  writeAtomic(join(OUT_DIR, 'bench.md'), md);
  console.log(`wrote ${join(OUT_DIR, 'bench.csv')} and bench.md`);
  if (args.includes('--update-readme')) {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('<!-- bench:start -->');
    const end = readme.indexOf('<!-- bench:end -->');
    if (start < 0 || end < start) {
      console.error('bench: README.md has no <!-- bench:start --> … <!-- bench:end --> markers');
      return 2;
    }
    writeAtomic('README.md', readme.slice(0, start) + '<!-- bench:start -->\n' + md + readme.slice(end));
    console.log('updated README.md');
  }
  return 0;
}

process.exitCode = await main();
