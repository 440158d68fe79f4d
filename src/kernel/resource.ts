/**
 * A resource with `capacity` identical units (servers, gates, lanes). Requests are granted in
 * priority order (lower first), FIFO among equal priorities. Tracks time-weighted queue length
 * and units busy.
 */
import type { Kernel } from './kernel.js';
import type { Awaitable } from './process.js';
import { TimeWeighted } from '../observe/time-weighted.js';

export class Request implements Awaitable<Request> {
  granted = false;
  cancelled = false;
  /** @internal */ settle: ((ok: boolean, value: unknown) => void) | undefined = undefined;

  constructor(
    readonly priority: number,
    readonly sequence: number,
    readonly requestedAtNs: number,
  ) {}

  subscribe(settle: (ok: boolean, value: unknown) => void): void {
    if (this.granted) settle(true, this);
    else this.settle = settle;
  }
}

export class Resource {
  private inUse = 0;
  private sequence = 0;
  private readonly waiting: Request[] = [];
  readonly queueLength: TimeWeighted;
  readonly busy: TimeWeighted;
  private grantedCount = 0;
  private waitTotalNs = 0;

  constructor(
    private readonly kernel: Kernel,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`resource capacity must be an integer ≥ 1, got ${capacity}`);
    this.queueLength = new TimeWeighted(kernel.nowNs);
    this.busy = new TimeWeighted(kernel.nowNs);
  }

  get count(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Requests granted so far and their mean wait, ns. */
  get grants(): number {
    return this.grantedCount;
  }
  get meanWaitNs(): number {
    return this.grantedCount > 0 ? this.waitTotalNs / this.grantedCount : 0;
  }

  /** Ask for one unit; `yield` the returned request to wait until it is granted. */
  request(priority = 0): Request {
    const request = new Request(priority, this.sequence++, this.kernel.nowNs);
    if (this.inUse < this.capacity && this.waiting.length === 0) this.grant(request);
    else {
      let i = this.waiting.length;
      while (i > 0 && (this.waiting[i - 1] as Request).priority > priority) i--;
      this.waiting.splice(i, 0, request);
      this.queueLength.set(this.kernel.nowNs, this.waiting.length);
    }
    return request;
  }

  /** Give a granted unit back, or withdraw a waiting request (reneging). */
  release(request: Request): void {
    if (!request.granted) {
      const index = this.waiting.indexOf(request);
      if (index >= 0) {
        this.waiting.splice(index, 1);
        request.cancelled = true;
        this.queueLength.set(this.kernel.nowNs, this.waiting.length);
      }
      return;
    }
    if (request.cancelled) throw new Error('resource: request released twice');
    request.cancelled = true;
    this.inUse--;
    this.busy.set(this.kernel.nowNs, this.inUse);
    const next = this.waiting.shift();
    if (next !== undefined) {
      this.queueLength.set(this.kernel.nowNs, this.waiting.length);
      this.grant(next);
    }
  }

  private grant(request: Request): void {
    request.granted = true;
    this.inUse++;
    this.grantedCount++;
    this.waitTotalNs += this.kernel.nowNs - request.requestedAtNs;
    this.busy.set(this.kernel.nowNs, this.inUse);
    const settle = request.settle;
    if (settle !== undefined) {
      request.settle = undefined;
      this.kernel.schedule(0, () => settle(true, request), -1);
    }
  }
}
