/**
 * The host as an M/M/c queue on the kernel — Poisson arrivals, exponential service, no slowdown,
 * no cap — for checks against Erlang C (docs/validation.md#v16): one replication, statistics after warm-up.
 */
import { Kernel } from '../kernel/kernel.js';
import { exponential } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';
import { NS_PER_S } from '../units.js';
import { HostQueue } from './host.js';

export interface MmcReplication {
  /** Fraction of customers that waited. */
  pWait: number;
  /** Mean wait in queue, s. */
  wqS: number;
  /** Time-average queue length. */
  lq: number;
}

/** Streams are keyed `${keyPrefix}host` and `${keyPrefix}arrivals` under (seed, replication). */
export function mmcReplication(
  servers: number,
  arrivalRatePerS: number,
  serviceMeanS: number,
  warmup: number,
  customers: number,
  seed: number,
  replication: number,
  keyPrefix = '',
): MmcReplication {
  const kernel = new Kernel();
  const host = new HostQueue(
    kernel,
    { servers, serviceS: { kind: 'exponential', mean: serviceMeanS }, queueCapacity: Number.MAX_SAFE_INTEGER, kneeUtilisation: 1, slowdownSlope: 0, utilisationWindowNs: 0 },
    streamFor(seed, replication, `${keyPrefix}host`),
  );
  const arrivals = streamFor(seed, replication, `${keyPrefix}arrivals`);
  const meanGapNs = NS_PER_S / arrivalRatePerS;
  let n = 0;
  const noop = (): void => {};
  const arrive = (): void => {
    n++;
    if (n === warmup + 1) host.resetStats();
    host.submit(noop);
    if (n < warmup + customers) kernel.schedule(exponential(arrivals, meanGapNs), arrive);
  };
  kernel.schedule(exponential(arrivals, meanGapNs), arrive);
  kernel.run();
  const st = host.stats();
  return { pWait: st.pWait, wqS: st.meanWaitNs / NS_PER_S, lq: st.meanQueue };
}
