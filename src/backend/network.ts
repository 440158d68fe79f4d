/**
 * The wide-area link between a station (its FEP) or a retail POS and a host (docs/sources.md#f9-1).
 *
 * A one-way message's fate is decided when it is sent, so a transit costs no extra events:
 * - delay = RTT/2 with RTT drawn from the link type's distribution (seconds);
 * - each transmission is lost with `lossProbability`, or surely if it is sent inside an outage
 *   window; a lost transmission is re-sent after the retransmission timeout, which grows by
 *   `rtoBackoff` each time (TCP-like), at most `maxRetransmits` times; after that the message
 *   is lost for good and the sender (the terminal or the FEP) sees its own timeout;
 * - an outage is checked at each transmission's send time only: a message already in flight
 *   when an outage starts is delivered.
 */
import { lognormalFromMedianPercentile, sample, type Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { NS_PER_S } from '../units.js';

/** A window during which every transmission on the link is lost. */
export interface OutageWindow {
  startNs: number;
  durationNs: number;
}

export type LinkKind = 'fibre' | '4g' | '5g-backhaul';

export interface LinkParams {
  /** Label only (presets below). */
  kind: LinkKind | 'custom';
  /** Round-trip time, seconds. */
  rttS: Distribution;
  /** Probability that one transmission is lost. */
  lossProbability: number;
  /** First retransmission timeout, ns. */
  rtoNs: number;
  /** RTO multiplier per retransmission (2 = exponential backoff). */
  rtoBackoff: number;
  /** Retransmissions after the first send before the message counts as lost. */
  maxRetransmits: number;
  outages: readonly OutageWindow[];
}

/** A lost message. */
export const LOST = -1;

function lognormalRtt(medianS: number, p95S: number): Distribution {
  const { mu, sigma } = lognormalFromMedianPercentile(medianS, p95S, 0.95);
  return { kind: 'lognormal', mu, sigma };
}

/** Transport retransmission defaults shared by the presets. */
const RTO_NS = 200_000_000; // [E] docs/sources.md#f9 gives none: 200 ms, the usual TCP minimum RTO (general knowledge, [U])
const RTO_BACKOFF = 2; // [E] exponential backoff, TCP-like
const MAX_RETRANSMITS = 2; // [E] docs/sources.md#f9 gives no transport retry count

/** Link-type presets. */
export const LINK_PRESETS: Readonly<Record<LinkKind, LinkParams>> = {
  // Wired ≈ 15–20 ms per 1000 km [S] S88 (docs/sources.md#f9-1); median 10 ms, p95 25 ms for a
  // regional path of a few hundred km plus switching: [E] docs/sources.md#f9-1.
  fibre: { kind: 'fibre', rttS: lognormalRtt(0.010, 0.025), lossProbability: 1e-4 /* [E] */, rtoNs: RTO_NS, rtoBackoff: RTO_BACKOFF, maxRetransmits: MAX_RETRANSMITS, outages: [] },
  // Wireless round trip ≥ 30–70 ms "to eternity" [S] S87 (docs/sources.md#f9-1): median 50 ms (middle of
  // the range), p95 150 ms for the long tail: [E] docs/sources.md#f9-1.
  '4g': { kind: '4g', rttS: lognormalRtt(0.050, 0.150), lossProbability: 0.01 /* [E] */, rtoNs: RTO_NS, rtoBackoff: RTO_BACKOFF, maxRetransmits: MAX_RETRANSMITS, outages: [] },
  // 5G backhaul: not in docs/sources.md; between fibre and 4G, median 20 ms, p95 50 ms: [E] docs/sources.md#f9-1.
  '5g-backhaul': { kind: '5g-backhaul', rttS: lognormalRtt(0.020, 0.050), lossProbability: 0.002 /* [E] */, rtoNs: RTO_NS, rtoBackoff: RTO_BACKOFF, maxRetransmits: MAX_RETRANSMITS, outages: [] },
};

/** Counters of one link (plain data). */
export interface LinkStats {
  messages: number;
  delivered: number;
  lost: number;
  retransmissions: number;
  /** Transmissions dropped because they were sent inside an outage. */
  outageDrops: number;
}

export class NetworkLink {
  private readonly outages: readonly OutageWindow[];
  private messages = 0;
  private lostCount = 0;
  private retransmissionCount = 0;
  private outageDropCount = 0;

  constructor(
    readonly params: LinkParams,
    private readonly rng: RandomStream,
  ) {
    if (!(params.lossProbability >= 0 && params.lossProbability < 1)) throw new RangeError(`link: lossProbability must be in [0, 1), got ${params.lossProbability}`);
    if (!(params.rtoNs >= 0) || !(params.rtoBackoff >= 1)) throw new RangeError('link: rtoNs must be ≥ 0 and rtoBackoff ≥ 1');
    if (!Number.isInteger(params.maxRetransmits) || params.maxRetransmits < 0) throw new RangeError(`link: maxRetransmits must be an integer ≥ 0, got ${params.maxRetransmits}`);
    for (const o of params.outages) {
      if (!(o.durationNs >= 0) || !Number.isFinite(o.startNs)) throw new RangeError(`link: bad outage window ${JSON.stringify(o)}`);
    }
    this.outages = [...params.outages].sort((a, b) => a.startNs - b.startNs);
  }

  /** True when `timeNs` lies inside an outage window [start, start + duration). */
  inOutage(timeNs: number): boolean {
    for (const o of this.outages) {
      if (timeNs < o.startNs) return false;
      if (timeNs < o.startNs + o.durationNs) return true;
    }
    return false;
  }

  /** Delay (ns, ≥ 0) of a one-way message sent at `sendNs`, or `LOST`. */
  oneWayNs(sendNs: number): number {
    this.messages++;
    const p = this.params;
    let offsetNs = 0;
    let rtoNs = p.rtoNs;
    for (let attempt = 0; attempt <= p.maxRetransmits; attempt++) {
      if (attempt > 0) {
        this.retransmissionCount++;
        offsetNs += rtoNs;
        rtoNs *= p.rtoBackoff;
      }
      const t = sendNs + offsetNs;
      if (this.outages.length > 0 && this.inOutage(t)) {
        this.outageDropCount++;
        continue;
      }
      if (p.lossProbability > 0 && this.rng.next01() < p.lossProbability) continue;
      const rttS = sample(this.rng, p.rttS);
      return Math.round(offsetNs + Math.max(0, rttS) * 0.5 * NS_PER_S);
    }
    this.lostCount++;
    return LOST;
  }

  stats(): LinkStats {
    return {
      messages: this.messages,
      delivered: this.messages - this.lostCount,
      lost: this.lostCount,
      retransmissions: this.retransmissionCount,
      outageDrops: this.outageDropCount,
    };
  }
}
