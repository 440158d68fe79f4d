/**
 * One row per tap attempt, kept column by column (numbers in typed-array-friendly arrays,
 * repeated strings interned) so a million rows stay compact and cross a worker boundary as
 * plain data. Only kept when the scenario asks for transactions.csv.
 */
import type { TapOutcome } from '../radio/tap-outcome.js';
import { TAP_COMPONENTS, type TapComponent } from '../link/tap-timeline.js';

export interface TransactionColumns {
  strings: string[];
  tNs: number[];
  passenger: string[];
  /** Indices into `strings`. */
  carrier: number[];
  band: number[];
  reader: number[];
  gate: number[];
  cause: number[];
  heightM: number[];
  offsetM: number[];
  latencyNs: number[];
  durationNs: number[];
  frames: number[];
  retransmissions: number[];
  collisions: number[];
  /** The latency's components (link/tap-timeline.ts), ns, one array each. */
  components: Record<TapComponent, number[]>;
  /** For a tap that opened the gate: authorisation (tap end → decision), gate (decision → opening) and tap-to-open (presentation → opening), ns; NaN otherwise. */
  authNs: number[];
  gateNs: number[];
  tapToOpenNs: number[];
}

export class TransactionLog {
  readonly columns: TransactionColumns = {
    strings: [], tNs: [], passenger: [], carrier: [], band: [], reader: [], gate: [], cause: [],
    heightM: [], offsetM: [], latencyNs: [], durationNs: [], frames: [], retransmissions: [], collisions: [],
    components: { waitNs: [], activationNs: [], anticollisionNs: [], airNs: [], seNs: [], readerNs: [] },
    authNs: [], gateNs: [], tapToOpenNs: [],
  };
  private readonly index = new Map<string, number>();

  private intern(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.columns.strings.length;
      this.columns.strings.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** Log a tap attempt; returns its row (for `passed`). */
  add(tNs: number, passenger: string, carrier: string, o: TapOutcome, reader: string, gate: string): number {
    const c = this.columns;
    c.tNs.push(tNs);
    c.passenger.push(passenger);
    c.carrier.push(this.intern(carrier));
    c.band.push(this.intern(o.band));
    c.reader.push(this.intern(reader));
    c.gate.push(this.intern(gate));
    c.cause.push(this.intern(o.cause));
    c.heightM.push(o.heightM);
    c.offsetM.push(o.offsetM);
    c.latencyNs.push(o.latencyNs);
    c.durationNs.push(o.durationNs);
    c.frames.push(o.frames);
    c.retransmissions.push(o.retransmissions);
    c.collisions.push(o.collisions);
    for (const k of TAP_COMPONENTS) c.components[k].push(o.components[k]);
    c.authNs.push(NaN);
    c.gateNs.push(NaN);
    c.tapToOpenNs.push(NaN);
    return c.tNs.length - 1;
  }

  /** The tap of `row` opened the gate: its authorisation, gate and tap-to-open times, ns. */
  passed(row: number, authNs: number, gateNs: number, tapToOpenNs: number): void {
    this.columns.authNs[row] = authNs;
    this.columns.gateNs[row] = gateNs;
    this.columns.tapToOpenNs[row] = tapToOpenNs;
  }

  get size(): number {
    return this.columns.tNs.length;
  }
}
