/**
 * The central authorisation host as a multi-server FIFO queue (M/G/c) driven by the kernel
 * (docs/sources.md#f9-2; oracle docs/validation.md#v16 when the service time is exponential and there is no
 * slowdown). The same class serves as a station FEP's message queue (fep.ts).
 *
 * - Service time: a `Distribution` in seconds, drawn when service starts (or a fixed amount of
 *   work given by the caller, e.g. a batch of records).
 * - Load-dependent slowdown: service × (1 + slope·(u − knee)) when u > knee. u is the servers'
 *   busy fraction, either smoothed over a sliding exponential window of time constant
 *   `utilisationWindowNs` (u ← u·e^(−Δt/τ) + (busy/c)·(1 − e^(−Δt/τ)), updated at every change
 *   of the busy count — O(1), no extra events), or, with `utilisationWindowNs = 0`, the
 *   instantaneous busy fraction including the job that starts.
 * - Admission: a job that arrives when `queueCapacity` jobs are already waiting is rejected at
 *   once (its callback runs synchronously with `served = false`) — the caller maps it to
 *   'overload'.
 * - Statistics: time-weighted queue length and busy servers (overall and per interval),
 *   arrivals finding all servers busy, mean wait, sojourn-time quantiles (log histogram).
 */
import type { Kernel } from '../kernel/kernel.js';
import { TimeWeighted } from '../observe/time-weighted.js';
import { sample, type Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { NS_PER_S } from '../units.js';
import { IntervalLevel } from '../observe/interval-level.js';
import { IntervalSeries } from '../observe/interval-series.js';
import { LogHistogram, NANOSECONDS_SPEC, type LogHistogramData } from '../observe/log-histogram.js';

/** Parameters of a multi-server FIFO queue (host or FEP). */
export interface QueueParams {
  /** Servers c (concurrent authorisations). */
  servers: number;
  /** Service time, seconds. */
  serviceS: Distribution;
  /** Jobs allowed to wait; one more is rejected ('overload'). */
  queueCapacity: number;
  /** Utilisation above which service slows down (1 = never). */
  kneeUtilisation: number;
  /** Slowdown slope: service × (1 + slope·(u − knee)) for u > knee. */
  slowdownSlope: number;
  /** Time constant of the smoothed utilisation, ns; 0 = instantaneous busy fraction. */
  utilisationWindowNs: number;
}

/** A host: a queue plus the issuer's decision. */
export interface HostParams extends QueueParams {
  /** Probability the issuer declines an authorisation it processes. */
  declineProbability: number;
}

/** Called when a job leaves: served (true) or rejected on admission (false), with its time in the host. */
export type JobDone = (served: boolean, sojournNs: number) => void;

/** Plain-data statistics of one queue. */
export interface HostStats {
  servers: number;
  arrivals: number;
  served: number;
  rejected: number;
  /** Arrivals that found every server busy. */
  waited: number;
  /** Fraction of admitted arrivals that waited. */
  pWait: number;
  /** Mean wait in queue of jobs that started service, ns. */
  meanWaitNs: number;
  /** Time-averaged queue length and its maximum. */
  meanQueue: number;
  maxQueue: number;
  /** Time-averaged busy fraction. */
  utilisation: number;
  /** Raw integrals for exact merging: busy server·ns and queue job·ns over `spanNs`. */
  busyServerNs: number;
  queueJobNs: number;
  spanNs: number;
  sojournP50Ns: number;
  sojournP99Ns: number;
  sojourn: LogHistogramData;
}

const NO_OVERRIDE = -1;

export class HostQueue {
  private busyCount = 0;
  // FIFO ring of waiting jobs (parallel arrays; no per-job object).
  private ringDone: Array<JobDone | undefined>;
  private ringArrivalNs: Float64Array;
  private ringServiceNs: Float64Array;
  private head = 0;
  private size = 0;

  private smoothedUtil = 0;
  private utilLastNs: number;

  private arrivalCount = 0;
  private servedCount = 0;
  private rejectedCount = 0;
  private waitedCount = 0;
  private startedCount = 0;
  private waitSumNs = 0;
  private statsStartNs: number;
  private busyTw: TimeWeighted;
  private queueTw: TimeWeighted;
  private readonly sojourn = new LogHistogram(NANOSECONDS_SPEC);

  /** Per-interval series (busy server·ns, queue job·ns, arrivals, completions). */
  readonly busyByInterval: IntervalLevel;
  readonly queueByInterval: IntervalLevel;
  /** Counts per interval (one channel each). */
  readonly arrivalsByInterval: IntervalSeries;
  readonly completionsByInterval: IntervalSeries;

  constructor(
    private readonly kernel: Kernel,
    readonly params: QueueParams,
    private readonly rng: RandomStream,
    intervalNs = Infinity,
    /** End of the run for the interval series (interval-series.ts end rule); Infinity: none. */
    endNs = Infinity,
  ) {
    if (!Number.isInteger(params.servers) || params.servers < 1) throw new RangeError(`host: servers must be an integer ≥ 1, got ${params.servers}`);
    if (!(params.queueCapacity >= 0)) throw new RangeError(`host: queueCapacity must be ≥ 0, got ${params.queueCapacity}`);
    if (!(params.utilisationWindowNs >= 0)) throw new RangeError(`host: utilisationWindowNs must be ≥ 0, got ${params.utilisationWindowNs}`);
    const capacity = 64;
    this.ringDone = new Array<JobDone | undefined>(capacity).fill(undefined);
    this.ringArrivalNs = new Float64Array(capacity);
    this.ringServiceNs = new Float64Array(capacity);
    const now = kernel.nowNs;
    this.utilLastNs = now;
    this.statsStartNs = now;
    this.busyTw = new TimeWeighted(now);
    this.queueTw = new TimeWeighted(now);
    this.busyByInterval = new IntervalLevel(intervalNs, now, endNs);
    this.queueByInterval = new IntervalLevel(intervalNs, now, endNs);
    this.arrivalsByInterval = new IntervalSeries(intervalNs, endNs, 1);
    this.completionsByInterval = new IntervalSeries(intervalNs, endNs, 1);
  }

  get busy(): number {
    return this.busyCount;
  }

  get queued(): number {
    return this.size;
  }

  /** Current utilisation as used by the slowdown (smoothed or instantaneous). */
  utilisationNow(): number {
    if (this.params.utilisationWindowNs === 0) return this.busyCount / this.params.servers;
    this.updateUtil(this.kernel.nowNs);
    return this.smoothedUtil;
  }

  /**
   * Offer a job. `serviceNs` (≥ 0) fixes its work instead of drawing from `serviceS`; the
   * slowdown applies either way.
   */
  submit(done: JobDone, serviceNs = NO_OVERRIDE): void {
    const now = this.kernel.nowNs;
    this.arrivalCount++;
    this.arrivalsByInterval.add(0, now);
    if (this.busyCount < this.params.servers) {
      this.start(done, now, serviceNs, now);
      return;
    }
    if (this.size >= this.params.queueCapacity) {
      this.rejectedCount++;
      done(false, 0);
      return;
    }
    this.waitedCount++;
    this.enqueue(done, now, serviceNs);
    this.queueTw.set(now, this.size);
    this.queueByInterval.set(now, this.size);
  }

  private enqueue(done: JobDone, arrivalNs: number, serviceNs: number): void {
    if (this.size === this.ringDone.length) this.growRing();
    const cap = this.ringDone.length;
    const tail = (this.head + this.size) % cap;
    this.ringDone[tail] = done;
    this.ringArrivalNs[tail] = arrivalNs;
    this.ringServiceNs[tail] = serviceNs;
    this.size++;
  }

  private growRing(): void {
    const oldCap = this.ringDone.length;
    const cap = oldCap * 2;
    const done = new Array<JobDone | undefined>(cap).fill(undefined);
    const arrival = new Float64Array(cap);
    const service = new Float64Array(cap);
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) % oldCap;
      done[i] = this.ringDone[j];
      arrival[i] = this.ringArrivalNs[j] as number;
      service[i] = this.ringServiceNs[j] as number;
    }
    this.ringDone = done;
    this.ringArrivalNs = arrival;
    this.ringServiceNs = service;
    this.head = 0;
  }

  private updateUtil(now: number): void {
    const dt = now - this.utilLastNs;
    if (dt > 0) {
      const keep = Math.exp(-dt / this.params.utilisationWindowNs);
      this.smoothedUtil = this.smoothedUtil * keep + (this.busyCount / this.params.servers) * (1 - keep);
      this.utilLastNs = now;
    }
  }

  private setBusy(now: number, busy: number): void {
    if (this.params.utilisationWindowNs > 0) this.updateUtil(now);
    this.busyCount = busy;
    this.busyTw.set(now, busy);
    this.busyByInterval.set(now, busy);
  }

  private start(done: JobDone, arrivalNs: number, serviceOverrideNs: number, now: number): void {
    this.setBusy(now, this.busyCount + 1);
    this.startedCount++;
    this.waitSumNs += now - arrivalNs;
    const p = this.params;
    let serviceNs = serviceOverrideNs >= 0 ? serviceOverrideNs : sample(this.rng, p.serviceS) * NS_PER_S;
    if (p.slowdownSlope !== 0) {
      const u = p.utilisationWindowNs === 0 ? this.busyCount / p.servers : this.smoothedUtil;
      if (u > p.kneeUtilisation) serviceNs *= 1 + p.slowdownSlope * (u - p.kneeUtilisation);
    }
    if (!(serviceNs >= 0)) serviceNs = 0;
    this.kernel.schedule(serviceNs, () => this.finish(done, arrivalNs));
  }

  private finish(done: JobDone, arrivalNs: number): void {
    const now = this.kernel.nowNs;
    this.servedCount++;
    this.completionsByInterval.add(0, now);
    const sojournNs = now - arrivalNs;
    this.sojourn.add(sojournNs);
    this.setBusy(now, this.busyCount - 1);
    if (this.size > 0) {
      const h = this.head;
      const next = this.ringDone[h] as JobDone;
      const nextArrivalNs = this.ringArrivalNs[h] as number;
      const nextServiceNs = this.ringServiceNs[h] as number;
      this.ringDone[h] = undefined;
      this.head = (h + 1) % this.ringDone.length;
      this.size--;
      this.queueTw.set(now, this.size);
      this.queueByInterval.set(now, this.size);
      this.start(next, nextArrivalNs, nextServiceNs, now);
    }
    done(true, sojournNs);
  }

  /** Restart the statistics at the current time (warm-up deletion); the queue's state is kept. */
  resetStats(): void {
    const now = this.kernel.nowNs;
    this.arrivalCount = 0;
    this.servedCount = 0;
    this.rejectedCount = 0;
    this.waitedCount = 0;
    this.startedCount = 0;
    this.waitSumNs = 0;
    this.statsStartNs = now;
    this.busyTw = new TimeWeighted(now);
    this.busyTw.set(now, this.busyCount);
    this.queueTw = new TimeWeighted(now);
    this.queueTw.set(now, this.size);
    this.sojourn.reset();
  }

  stats(): HostStats {
    const now = this.kernel.nowNs;
    const spanNs = now - this.statsStartNs;
    const admitted = this.arrivalCount - this.rejectedCount;
    const busyServerNs = this.busyTw.integralTo(now);
    const queueJobNs = this.queueTw.integralTo(now);
    return {
      servers: this.params.servers,
      arrivals: this.arrivalCount,
      served: this.servedCount,
      rejected: this.rejectedCount,
      waited: this.waitedCount,
      pWait: admitted > 0 ? this.waitedCount / admitted : 0,
      meanWaitNs: this.startedCount > 0 ? this.waitSumNs / this.startedCount : 0,
      meanQueue: spanNs > 0 ? queueJobNs / spanNs : this.size,
      maxQueue: this.queueTw.max,
      utilisation: spanNs > 0 ? busyServerNs / (spanNs * this.params.servers) : this.busyCount / this.params.servers,
      busyServerNs,
      queueJobNs,
      spanNs,
      sojournP50Ns: this.sojourn.quantile(0.5),
      sojournP99Ns: this.sojourn.quantile(0.99),
      sojourn: this.sojourn.toData(),
    };
  }
}
