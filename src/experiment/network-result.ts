/**
 * The network part of a replication's result (only with origin–destination travel): counts per
 * line, direction and station, the load by interval, and the scalar metrics of summary.csv —
 * plain data that merges across replications like the rest of ReplicationResult.
 */
import type { TripRoom } from '../station/world/trips.js';
import type { LineCounts } from '../station/network/train-service.js';
import type { WorldConfig } from '../station/world-config.js';
import { NS_PER_S } from '../units.js';

export interface NetworkSeries {
  lines: string[];
  /** Station ids along each line. */
  stations: string[][];
  capacity: number[];
  /** counts[line][0: along the line, 1: against it] */
  counts: LineCounts[][];
  intervalNs: number;
  /** Per line and interval (segment departures in it): riders, seats, boardings. */
  intervalRiders: number[][];
  intervalCapacity: number[][];
  intervalBoarded: number[][];
}

export function networkSeries(cfg: WorldConfig, trips: TripRoom): NetworkSeries {
  const net = cfg.network!.net;
  const s = trips.service;
  return {
    lines: net.lines.map((l) => l.id),
    stations: net.lines.map((l) => l.stations.map((i) => cfg.stationIds[i]!)),
    capacity: net.lines.map((l) => l.capacity),
    counts: s.counts.map((d) => d.map((c) => ({ boarded: [...c.boarded], alighted: [...c.alighted], leftBehind: [...c.leftBehind], segmentDepartures: [...c.segmentDepartures], segmentRiders: [...c.segmentRiders] }))),
    intervalNs: cfg.intervalNs,
    intervalRiders: s.intervalRiders.map((r) => [...r]),
    intervalCapacity: s.intervalCapacity.map((r) => [...r]),
    intervalBoarded: s.intervalBoarded.map((r) => [...r]),
  };
}

/** summary.csv columns of the network (present only in scenarios with network.od). */
export function networkScalars(cfg: WorldConfig, trips: TripRoom): Record<string, number> {
  const s = trips.service;
  let leftBehind = 0;
  for (const line of s.counts) for (const d of line) for (const x of d.leftBehind) leftBehind += x;
  let peak = 0;
  s.intervalRiders.forEach((row, li) => row.forEach((riders, k) => {
    const seats = s.intervalCapacity[li]![k]!;
    if (seats > 0 && riders / seats > peak) peak = riders / seats;
  }));
  return {
    trips_started: trips.counts.started,
    trips_completed: trips.counts.completed,
    fare_irregularities: trips.counts.fareIrregular,
    left_behind: leftBehind,
    ride_time_mean_s: s.ridesCompleted > 0 ? s.rideSumNs / s.ridesCompleted / NS_PER_S : NaN,
    in_trains_mean: s.inTrains.meanTo(cfg.durationNs),
    on_platforms_mean: s.onPlatforms.meanTo(cfg.durationNs),
    load_factor_peak: peak,
  };
}
