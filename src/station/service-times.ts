/**
 * Service time at the gate, per visit: from the start of service (the passenger reaches the
 * reader, after the queue) to the gate being free for the next one — every tap attempt with its
 * re-present delays, the authorisation and the gate's cycle (opening, the walk through; the serial
 * headway) — or to the give-up. One FINE sketch (quantile-sketch.ts, ≤ 0.0489 %) per
 * (gateline, carrier, band, branch), merged exactly over replications, workers and shards, so it
 * exists whatever the transaction log does.
 *
 * Branches: `pass` (the visit ended with the passenger through), or the fallback taken after
 * giving up at this gate: `other-gate`, `qr`, `service-desk`. The carrier is `qr-fallback` for a
 * visit made with a QR code after the fallback (as latency.csv); the band is that of the visit's
 * last tap. A second sketch per gateline keeps the visits of passengers who had queued: their
 * service began the instant the previous one at that gate ended, so those visits tile the spans
 * in which the gate ran back to back without idling (saturated), and visits / their total time
 * is the gate's measured saturated throughput (docs/export.md#capacity).
 */
import { FINE_SECONDS, QuantileSketch, type QuantileSketchData } from '../observe/quantile-sketch.js';
import { BANDS } from '../radio/bands.js';
import type { Band } from '../radio/tap-outcome.js';

export const SERVICE_BRANCHES = ['pass', 'other-gate', 'qr', 'service-desk'] as const;
export type ServiceBranch = (typeof SERVICE_BRANCHES)[number];
/** The carrier id of a visit made with a QR code after the fallback (latency.csv's name too). */
export const QR_FALLBACK_CARRIER = 'qr-fallback';

/** Key of a service-time sketch: "gateline|carrier|band|branch" (ids never hold "|"). */
export function serviceKey(gateline: string, carrier: string, band: string, branch: string): string {
  return `${gateline}|${carrier}|${band}|${branch}`;
}

export class ServiceTimes {
  /** Flat index ((gateline · carriers + carrier) · bands + band) · branches + branch. */
  private readonly sketches: Array<QuantileSketch | undefined> = [];
  private readonly queued: Array<QuantileSketch | undefined> = [];
  private readonly carriers: readonly string[];

  /** `carrierIds` in the world's carrier order; the QR fallback takes the slot after them. */
  constructor(private readonly gatelineKeys: readonly string[], carrierIds: readonly string[]) {
    this.carriers = [...carrierIds, QR_FALLBACK_CARRIER];
  }

  /** The carrier slot of a visit: the carrier's index, or the QR-fallback slot. */
  carrierSlot(carrierIndex: number, qrFallback: boolean): number {
    return qrFallback ? this.carriers.length - 1 : carrierIndex;
  }

  /** One visit of `seconds` at a gate of gateline `gateline`; `queued`: the passenger had waited in its queue. */
  add(gateline: number, carrierSlot: number, band: Band, branch: number, seconds: number, queued: boolean): void {
    const bandIndex = Math.max(0, BANDS.indexOf(band));
    const i = ((gateline * this.carriers.length + carrierSlot) * BANDS.length + bandIndex) * SERVICE_BRANCHES.length + branch;
    (this.sketches[i] ??= new QuantileSketch(FINE_SECONDS)).add(seconds);
    if (queued) (this.queued[gateline] ??= new QuantileSketch(FINE_SECONDS)).add(seconds);
  }

  /** Plain data, keys "gateline|carrier|band|branch" sorted. */
  toData(): Record<string, QuantileSketchData> {
    const out: Array<[string, QuantileSketchData]> = [];
    const per = this.carriers.length * BANDS.length * SERVICE_BRANCHES.length;
    this.sketches.forEach((h, i) => {
      if (h === undefined) return;
      const gateline = Math.floor(i / per);
      const rest = i % per;
      const branch = rest % SERVICE_BRANCHES.length;
      const band = Math.floor(rest / SERVICE_BRANCHES.length) % BANDS.length;
      const carrier = Math.floor(rest / (SERVICE_BRANCHES.length * BANDS.length));
      out.push([serviceKey(this.gatelineKeys[gateline]!, this.carriers[carrier]!, BANDS[band]!, SERVICE_BRANCHES[branch]!), h.toData()]);
    });
    return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** Visits of queued passengers per gateline key (sorted): the saturated cycles. */
  queuedData(): Record<string, QuantileSketchData> {
    const out: Array<[string, QuantileSketchData]> = [];
    this.queued.forEach((h, i) => {
      if (h !== undefined) out.push([this.gatelineKeys[i]!, h.toData()]);
    });
    return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
