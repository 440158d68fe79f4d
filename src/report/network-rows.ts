/**
 * Row builders of the network tables (scenarios with network.od): network.csv — per line,
 * direction and station: boarded, alighted, left behind, departures and the load on the segment
 * that follows — and line-load.csv — per interval and line: riders, seats and load factor of the
 * segment departures in the interval, and boardings. Same number format as the other tables.
 */
import type { NetworkSeries } from '../experiment/network-result.js';
import { formatNumber } from './write.js';

export const NETWORK_COLUMNS = ['replication', 'line', 'direction', 'position', 'station', 'boarded', 'alighted', 'left_behind', 'departures', 'riders_departing', 'load_factor'] as const;

export function* networkRows(replication: number, n: NetworkSeries): Generator<string[]> {
  const rep = formatNumber(replication);
  for (let li = 0; li < n.lines.length; li++) {
    const stations = n.stations[li]!;
    for (const dir of [0, 1]) {
      const c = n.counts[li]![dir]!;
      for (let k = 0; k < stations.length; k++) {
        const pos = dir === 0 ? k : stations.length - 1 - k;
        const departures = c.segmentDepartures[pos]!;
        yield [
          rep,
          n.lines[li]!,
          dir === 0 ? 'forward' : 'backward',
          formatNumber(k),
          stations[pos]!,
          formatNumber(c.boarded[pos]!),
          formatNumber(c.alighted[pos]!),
          formatNumber(c.leftBehind[pos]!),
          formatNumber(departures),
          formatNumber(c.segmentRiders[pos]!),
          departures > 0 ? formatNumber(c.segmentRiders[pos]! / (departures * n.capacity[li]!)) : '',
        ];
      }
    }
  }
}

export const LINE_LOAD_COLUMNS = ['replication', 't_start_s', 'line', 'riders_departing', 'seats_departing', 'load_factor', 'boarded'] as const;

export function* lineLoadRows(replication: number, n: NetworkSeries, durationNs: number): Generator<string[]> {
  const rep = formatNumber(replication);
  const intervals = n.intervalRiders[0]?.length ?? 0;
  for (let k = 0; k < intervals && k * n.intervalNs < durationNs; k++) {
    for (let li = 0; li < n.lines.length; li++) {
      const riders = n.intervalRiders[li]![k]!;
      const seats = n.intervalCapacity[li]![k]!;
      yield [rep, formatNumber((k * n.intervalNs) / 1e9), n.lines[li]!, formatNumber(riders), formatNumber(seats), seats > 0 ? formatNumber(riders / seats) : '', formatNumber(n.intervalBoarded[li]![k]!)];
    }
  }
}
