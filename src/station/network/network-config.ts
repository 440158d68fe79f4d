/**
 * A network of metro lines as the station layer runs it: lines as ordered stations with segment
 * travel times and a dwell, a headway table by time of day and a train capacity, and transfers
 * between lines at shared stations with a walking time. Plain data in integer ns; the scenario
 * layer builds it from `network.lines` (src/scenario/schema/stations.ts).
 */
import type { TimeNs } from '../../units.js';

/** Headway as a step function of time: `headwayNs[i]` applies from `fromNs[i]` (ascending, starting at 0). */
export interface HeadwayTable {
  fromNs: readonly TimeNs[];
  headwayNs: readonly TimeNs[];
}

export interface LineConfig {
  id: string;
  /** Station indices (the world's station order) along the line. */
  stations: readonly number[];
  /** Travel time of segment k, stations[k] → stations[k+1] (the same both ways), ns. */
  segmentNs: readonly TimeNs[];
  /** Time a train stands at each station (alighting, then boarding), ns. */
  dwellNs: TimeNs;
  headway: HeadwayTable;
  /** Passengers one train carries. */
  capacity: number;
}

export interface TransferConfig {
  /** Station index where both lines stop. */
  station: number;
  /** Walk between the two lines' platforms, ns (both ways). */
  walkNs: TimeNs;
}

export interface NetworkConfig {
  lines: readonly LineConfig[];
  /** Walking time between platforms at a station served by more than one line; a station not listed uses `defaultTransferNs`. */
  transfers: readonly TransferConfig[];
  defaultTransferNs: TimeNs;
}

/** The headway in force at `tNs`. */
export function headwayAtNs(table: HeadwayTable, tNs: TimeNs): TimeNs {
  let i = 0;
  while (i + 1 < table.fromNs.length && (table.fromNs[i + 1] as number) <= tNs) i++;
  return table.headwayNs[i] as number;
}

/** Departure times from a terminus over [0, endNs): the first at 0, then every headway in force at the last departure. */
export function departuresNs(table: HeadwayTable, endNs: TimeNs): TimeNs[] {
  const out: TimeNs[] = [];
  for (let t = 0; t < endNs; ) {
    out.push(t);
    const h = headwayAtNs(table, t);
    if (!(h > 0)) throw new Error(`headway must be > 0 (got ${h} ns at ${t} ns)`);
    t += h;
  }
  return out;
}

/** Check a network's shape: a sentence naming the first problem, or null. */
export function networkProblem(n: NetworkConfig): string | null {
  for (const l of n.lines) {
    if (l.stations.length < 2) return `line ${l.id} needs at least two stations`;
    if (l.segmentNs.length !== l.stations.length - 1) return `line ${l.id} has ${l.stations.length} stations and needs ${l.stations.length - 1} segment travel times (got ${l.segmentNs.length})`;
    if (l.segmentNs.some((t) => !(t > 0))) return `line ${l.id}: every segment travel time must be > 0`;
    if (new Set(l.stations).size !== l.stations.length) return `line ${l.id} visits a station twice (loops are not modelled)`;
    if (!(l.capacity >= 1)) return `line ${l.id}: train capacity must be at least 1`;
    if (l.headway.fromNs[0] !== 0 || l.headway.fromNs.length !== l.headway.headwayNs.length) return `line ${l.id}: the headway table must start at 0 and give one headway per row`;
  }
  return null;
}
