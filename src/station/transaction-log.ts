/**
 * One row per tap attempt, kept column by column (numbers in typed-array-friendly arrays,
 * repeated strings interned) so a million rows stay compact and cross a worker boundary as
 * plain data. Only kept when the scenario asks for transactions.csv.
 */
import type { TapOutcome } from '../radio/tap-outcome.js';

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
}

export class TransactionLog {
  readonly columns: TransactionColumns = {
    strings: [], tNs: [], passenger: [], carrier: [], band: [], reader: [], gate: [], cause: [],
    heightM: [], offsetM: [], latencyNs: [], durationNs: [], frames: [], retransmissions: [], collisions: [],
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

  add(tNs: number, passenger: string, carrier: string, o: TapOutcome, reader: string, gate: string): void {
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
  }

  get size(): number {
    return this.columns.tNs.length;
  }
}
