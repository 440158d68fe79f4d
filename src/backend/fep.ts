/**
 * A station's front-end processor (FEP): the station-side concentrator between the terminals
 * (gates, POS) and the wide-area link to the host.
 *
 * - Online messages pass through its own multi-server FIFO queue (`servers`, `serviceS`,
 *   `queueCapacity`; a full queue rejects → 'overload'). Responses pass back without service.
 * - Deferred records (transit e-purse records, offline-accepted fallbacks) queue here and are
 *   uploaded in batches (docs/sources.md#f9-1: "records upload in batch" [S] S89): a tick every
 *   `batchIntervalNs` (aligned to a per-station random phase) sends up to `maxBatchRecords`
 *   of the oldest records, one batch in flight at a time. The records leave the backlog only
 *   when the host acknowledges; a lost or rejected batch stays and goes again at a later tick.
 *   Ticks are scheduled only while records wait, so an idle backend lets the kernel drain.
 * - Measured: backlog (records waiting, time-weighted, max, per interval) and the age of the
 *   oldest waiting record (current and maximum).
 */
import type { Kernel } from '../kernel/kernel.js';
import { TimeWeighted } from '../observe/time-weighted.js';
import type { Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { HostQueue, type HostStats, type JobDone } from './host.js';
import { IntervalLevel } from '../observe/interval-level.js';

export interface FepParams {
  /** Message-processing servers. */
  servers: number;
  /** Per-message service time, seconds. */
  serviceS: Distribution;
  /** Messages allowed to wait. */
  queueCapacity: number;
  /** Period of deferred-record uploads, ns. */
  batchIntervalNs: number;
  /** Most records in one batch. */
  maxBatchRecords: number;
  /** Host work per uploaded record, ns (a batch of n occupies one host server n × this). */
  recordServiceNs: number;
  /** The FEP gives up on an unacknowledged batch after this long, ns. */
  batchTimeoutNs: number;
}

/** Sends `records` to the host; calls back once with true (acknowledged) or false (failed). */
export type BatchUploader = (records: number, onResult: (ok: boolean) => void) => void;

export interface FepStats {
  backlog: number;
  backlogMax: number;
  backlogMean: number;
  oldestAgeNs: number;
  oldestAgeMaxNs: number;
  recordsIn: number;
  recordsUploaded: number;
  batches: number;
  batchFailures: number;
  queue: HostStats;
}

export class Fep {
  readonly queue: HostQueue;
  private recordTimesNs: Float64Array = new Float64Array(256);
  private head = 0;
  private size = 0;
  private inFlight = 0;
  private tickPending = false;
  private readonly phaseNs: number;
  private readonly backlogTw: TimeWeighted;
  readonly backlogByInterval: IntervalLevel;
  private recordsIn = 0;
  private recordsUploaded = 0;
  private batches = 0;
  private batchFailures = 0;
  private oldestAgeMaxNs = 0;

  constructor(
    private readonly kernel: Kernel,
    readonly params: FepParams,
    rng: RandomStream,
    private readonly upload: BatchUploader,
    intervalNs = Infinity,
    private readonly onBacklogChange: ((deltaRecords: number) => void) | undefined = undefined,
    /** End of the run for the interval series (interval-series.ts end rule); Infinity: none. */
    endNs = Infinity,
  ) {
    if (!(params.batchIntervalNs > 0)) throw new RangeError(`fep: batchIntervalNs must be > 0, got ${params.batchIntervalNs}`);
    if (!Number.isInteger(params.maxBatchRecords) || params.maxBatchRecords < 1) throw new RangeError(`fep: maxBatchRecords must be an integer ≥ 1`);
    this.queue = new HostQueue(
      kernel,
      { servers: params.servers, serviceS: params.serviceS, queueCapacity: params.queueCapacity, kneeUtilisation: 1, slowdownSlope: 0, utilisationWindowNs: 0 },
      rng,
      intervalNs,
      endNs,
    );
    this.phaseNs = Math.floor(rng.next01() * params.batchIntervalNs);
    this.backlogTw = new TimeWeighted(kernel.nowNs);
    this.backlogByInterval = new IntervalLevel(intervalNs, kernel.nowNs, endNs);
  }

  /** Records waiting (including a batch in flight). */
  get backlog(): number {
    return this.size;
  }

  /** Pass an online message through the FEP's queue. */
  process(done: JobDone): void {
    this.queue.submit(done);
  }

  /** Queue one deferred record for batch upload. */
  addRecord(): void {
    const now = this.kernel.nowNs;
    if (this.size === this.recordTimesNs.length) {
      const old = this.recordTimesNs;
      const grown = new Float64Array(old.length * 2);
      for (let i = 0; i < this.size; i++) grown[i] = old[(this.head + i) % old.length] as number;
      this.recordTimesNs = grown;
      this.head = 0;
    }
    this.recordTimesNs[(this.head + this.size) % this.recordTimesNs.length] = now;
    this.size++;
    this.recordsIn++;
    this.setBacklog(now);
    if (this.onBacklogChange !== undefined) this.onBacklogChange(1);
    this.ensureTick();
  }

  private setBacklog(now: number): void {
    this.backlogTw.set(now, this.size);
    this.backlogByInterval.set(now, this.size);
  }

  private ensureTick(): void {
    if (this.tickPending || this.size === 0) return;
    const now = this.kernel.nowNs;
    const period = this.params.batchIntervalNs;
    const k = Math.floor((now - this.phaseNs) / period) + 1;
    const nextNs = Math.max(now, this.phaseNs + k * period);
    this.tickPending = true;
    this.kernel.scheduleAt(nextNs, () => this.tick());
  }

  private tick(): void {
    this.tickPending = false;
    if (this.inFlight === 0 && this.size > 0) {
      const n = Math.min(this.size, this.params.maxBatchRecords);
      this.inFlight = n;
      this.batches++;
      this.upload(n, (ok) => this.batchDone(n, ok));
    }
    this.ensureTick();
  }

  private batchDone(n: number, ok: boolean): void {
    this.inFlight = 0;
    if (!ok) {
      this.batchFailures++;
      this.ensureTick();
      return;
    }
    const now = this.kernel.nowNs;
    const oldestNs = this.recordTimesNs[this.head] as number;
    if (now - oldestNs > this.oldestAgeMaxNs) this.oldestAgeMaxNs = now - oldestNs;
    this.head = (this.head + n) % this.recordTimesNs.length;
    this.size -= n;
    this.recordsUploaded += n;
    this.setBacklog(now);
    if (this.onBacklogChange !== undefined) this.onBacklogChange(-n);
    this.ensureTick();
  }

  /** Age of the oldest waiting record now, ns (0 when none). */
  oldestAgeNs(): number {
    return this.size > 0 ? this.kernel.nowNs - (this.recordTimesNs[this.head] as number) : 0;
  }

  stats(): FepStats {
    const now = this.kernel.nowNs;
    const oldest = this.oldestAgeNs();
    return {
      backlog: this.size,
      backlogMax: this.backlogTw.max,
      backlogMean: this.backlogTw.meanTo(now),
      oldestAgeNs: oldest,
      oldestAgeMaxNs: Math.max(this.oldestAgeMaxNs, oldest),
      recordsIn: this.recordsIn,
      recordsUploaded: this.recordsUploaded,
      batches: this.batches,
      batchFailures: this.batchFailures,
      queue: this.queue.stats(),
    };
  }
}
