/**
 * Kernel benchmark: our kernel vs simjs 2.0.3 on the same models, in one process.
 *  B1 — hold loop: N processes each wait an exponential time, forever; events/s and bytes per
 *       pending event, N = 1 k, 100 k, 1 M.
 *  B2 — M/M/1 at ρ = 0.9 (λ = 1/s, mean service 0.9 s): customers/s and mean wait vs theory 8.1 s.
 *  B3 — hold loop of plain callback events (kernel.schedule), N = 1 k and 1 M: one closure per
 *       pending event (as simjs's entities), one handler shared by all, and a bare binary heap of
 *       float64 times in the same run (the floor: no payload, no tie key, no call).
 * Delays come from one precomputed table of exponential draws so both kernels do the same work.
 * Rates are per CPU second of the process (process.cpuUsage), not per wall second: on a shared
 * machine the wall clock also counts the time other processes ran.
 */
import { Kernel } from '../kernel/kernel.js';
import { spawn, type ProcessBody } from '../kernel/process.js';
import { Resource } from '../kernel/resource.js';
import { exponential } from '../random/distributions.js';
import { streamFor, type RandomStream } from '../random/stream.js';
import { loadSimjs, type SimjsEntity, type SimjsModule } from './simjs-peer.js';

export interface KernelBenchRow {
  case: string;
  pending: number;
  events: number;
  oursPerS: number;
  simjsPerS: number;
  ratio: number;
  oursHeapBytesPerPending: number;
  oursTotalBytesPerPending: number;
  simjsTotalBytesPerPending: number;
  meanWaitOursS: number;
  meanWaitSimjsS: number;
}

const TABLE_SIZE = 1 << 16;

function delayTable(meanNs: number, key: string): Float64Array {
  const rng = streamFor(1, 0, key);
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = Math.round(exponential(rng, meanNs));
  return table;
}

/** CPU seconds of this process since `from` (process.cpuUsage()). */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
const heapUsed = (): number => process.memoryUsage().heapUsed;

function holdOurs(pending: number, events: number): { perS: number; heapBytes: number; totalBytes: number } {
  const delays = delayTable(1000, 'hold');
  gc();
  const before = heapUsed();
  const kernel = new Kernel(pending);
  let index = 0;
  function* holder(): ProcessBody {
    for (;;) yield delays[index++ & (TABLE_SIZE - 1)] as number;
  }
  for (let i = 0; i < pending; i++) spawn(kernel, holder(), 'holder');
  kernel.run(0); // start every process: each is now pending on its first hold
  const totalBytes = (heapUsed() - before) / pending;
  const startEvents = kernel.eventCount;
  const t0 = process.cpuUsage();
  kernel.run(Infinity, events);
  const seconds = cpuSecondsSince(t0);
  return { perS: (kernel.eventCount - startEvents) / seconds, heapBytes: kernel.heapBytes / pending, totalBytes };
}

function holdSimjs(simjs: SimjsModule, pending: number, events: number): { perS: number; totalBytes: number } {
  const delays = delayTable(1000, 'hold');
  let index = 0;
  let count = 0;
  class Holder extends simjs.Entity {
    start(): void {
      count++;
      (this as unknown as SimjsEntity).setTimer(delays[index++ & (TABLE_SIZE - 1)] as number).done(this.start);
    }
  }
  gc();
  const before = heapUsed();
  const sim = new simjs.Sim();
  for (let i = 0; i < pending; i++) sim.addEntity(Holder);
  const totalBytes = (heapUsed() - before) / pending;
  count = 0;
  const t0 = process.cpuUsage();
  sim.simulate(Infinity, events);
  const seconds = cpuSecondsSince(t0);
  return { perS: count / seconds, totalBytes };
}

/** Fresh exponential draws (same stream in both kernels), rounded to whole ns. */
function drawNs(rng: RandomStream, meanNs: number): number {
  return Math.round(exponential(rng, meanNs));
}

function mm1Ours(customers: number): { perS: number; meanWaitS: number } {
  const rng = streamFor(1, 0, 'mm1');
  const kernel = new Kernel();
  const server = new Resource(kernel, 1);
  let served = 0;
  let waitSumNs = 0;
  function* customer(serviceNs: number): ProcessBody {
    const arrivedNs = kernel.nowNs;
    const request = server.request();
    yield request;
    waitSumNs += kernel.nowNs - arrivedNs;
    yield serviceNs;
    server.release(request);
    served++;
  }
  function* source(): ProcessBody {
    for (let i = 0; i < customers; i++) {
      yield drawNs(rng, 1e9);
      spawn(kernel, customer(drawNs(rng, 0.9e9)), 'customer');
    }
  }
  spawn(kernel, source(), 'source');
  const t0 = process.cpuUsage();
  kernel.run();
  const seconds = cpuSecondsSince(t0);
  return { perS: served / seconds, meanWaitS: waitSumNs / served / 1e9 };
}

function mm1Simjs(simjs: SimjsModule, customers: number): { perS: number; meanWaitS: number } {
  const rng = streamFor(1, 0, 'mm1');
  const server = new simjs.Facility('server', simjs.Facility.FCFS, 1);
  let served = 0;
  let waitSum = 0;
  class Source extends simjs.Entity {
    private i = 0;
    start(): void {
      const self = this as unknown as SimjsEntity;
      if (this.i >= customers) return;
      self.setTimer(drawNs(rng, 1e9) / 1e9).done(() => {
        const serviceS = drawNs(rng, 0.9e9) / 1e9;
        const arrived = self.time();
        this.i++;
        self.useFacility(server, serviceS).done(() => {
          waitSum += self.time() - arrived - serviceS;
          served++;
        });
        this.start();
      });
    }
  }
  const sim = new simjs.Sim();
  sim.addEntity(Source);
  const t0 = process.cpuUsage();
  sim.simulate(Infinity);
  const seconds = cpuSecondsSince(t0);
  return { perS: served / seconds, meanWaitS: waitSum / served };
}

/** Run the suite. `scale` < 1 shrinks event counts (for a quick smoke run). */
export function runKernelBench(scale = 1, log: (line: string) => void = () => undefined): KernelBenchRow[] {
  const simjs = loadSimjs();
  const rows: KernelBenchRow[] = [];
  holdOurs(1000, 200_000); // warm up the JIT for both
  holdSimjs(simjs, 1000, 200_000);
  for (const pending of [1_000, 100_000, 1_000_000]) {
    const events = Math.round(3_000_000 * scale);
    // simjs runs ~50 k events/s at 1 M pending: give it fewer events so the suite stays short.
    const simjsEvents = pending >= 1_000_000 ? Math.round(events / 10) : events;
    const ours = holdOurs(pending, events);
    gc();
    const peer = holdSimjs(simjs, pending, simjsEvents);
    gc();
    rows.push({
      case: `B1 hold, ${pending.toLocaleString('en-US')} pending`,
      pending,
      events,
      oursPerS: ours.perS,
      simjsPerS: peer.perS,
      ratio: ours.perS / peer.perS,
      oursHeapBytesPerPending: ours.heapBytes,
      oursTotalBytesPerPending: ours.totalBytes,
      simjsTotalBytesPerPending: peer.totalBytes,
      meanWaitOursS: NaN,
      meanWaitSimjsS: NaN,
    });
    log(`  ${rows[rows.length - 1]!.case}: ours ${(ours.perS / 1e6).toFixed(2)} M ev/s, simjs ${(peer.perS / 1e6).toFixed(2)} M ev/s`);
  }
  const customers = Math.round(1_000_000 * scale);
  const ours = mm1Ours(customers);
  const peer = mm1Simjs(simjs, customers);
  rows.push({
    case: 'B2 M/M/1 rho=0.9 (customers/s)',
    pending: 0,
    events: customers,
    oursPerS: ours.perS,
    simjsPerS: peer.perS,
    ratio: ours.perS / peer.perS,
    oursHeapBytesPerPending: NaN,
    oursTotalBytesPerPending: NaN,
    simjsTotalBytesPerPending: NaN,
    meanWaitOursS: ours.meanWaitS,
    meanWaitSimjsS: peer.meanWaitS,
  });
  return rows;
}
