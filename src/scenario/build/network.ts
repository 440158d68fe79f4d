/**
 * Resolved network section → the world's origin–destination travel (station/network/), or null
 * when the scenario gives no `network.od` (the stations then run independently, as before).
 * Routes are planned once per origin (one-to-all); destinations come from the OD matrix or the
 * gravity model over the route times, among stations that have a gateline serving exits.
 */
import { expectedArrivals } from '../../station/demand.js';
import { planItineraries, type Itinerary } from '../../station/network/itinerary.js';
import { destinationRows, type DestinationModel } from '../../station/network/destinations.js';
import type { HeadwayTable, NetworkConfig } from '../../station/network/network-config.js';
import type { EntranceConfig, GatelineConfig, NetworkWorld } from '../../station/world-config.js';
import type { ResolvedScenario } from '../schema.js';

function headwayTable(h: number | ReadonlyArray<{ from: number; headway: number }>): HeadwayTable {
  return typeof h === 'number' ? { fromNs: [0], headwayNs: [h] } : { fromNs: h.map((r) => r.from), headwayNs: h.map((r) => r.headway) };
}

export function networkWorld(s: ResolvedScenario, entrances: readonly EntranceConfig[], gatelines: readonly GatelineConfig[]): NetworkWorld | null {
  const n = s.network;
  if (n.od === undefined) return null;
  const stationIndex = new Map(s.stations.map((st, i) => [st.id, i]));
  const at = (sid: string): number => stationIndex.get(sid) as number;
  const net: NetworkConfig = {
    lines: n.lines.map((l) => ({ id: l.id, stations: l.stations.map(at), segmentNs: [...(l.travelTimes ?? [])], dwellNs: l.dwell, headway: headwayTable(l.headway), capacity: l.capacity })),
    transfers: n.transfers.map((t) => ({ station: at(t.station), walkNs: t.walk })),
    defaultTransferNs: n.transferWalk,
  };
  const stations = s.stations.length;
  const exitEntrances: number[][] = Array.from({ length: stations }, () => []);
  entrances.forEach((e, i) => {
    if (e.gatelines.some((li) => gatelines[li]!.direction !== 'in')) exitEntrances[e.stationIndex]!.push(i);
  });
  const itineraries: Array<Array<Itinerary | null>> = Array.from({ length: stations }, (_, o) => planItineraries(net, o, stations));
  // Destinations only where passengers can tap out.
  const costNs = itineraries.map((row) => row.map((it, d) => (it === null || exitEntrances[d]!.length === 0 ? null : it.costNs)));
  return {
    net,
    destinations: destinationRows(destinationModel(s, entrances, at), costNs),
    itineraries,
    platformWalkS: n.platformWalk,
    evasionShare: n.evasionShare,
    exitEntrances,
  };
}

function destinationModel(s: ResolvedScenario, entrances: readonly EntranceConfig[], at: (sid: string) => number): DestinationModel {
  const od = s.network.od!;
  if ('matrix' in od) {
    const tripsPerHour = s.stations.map(() => s.stations.map(() => 0));
    od.stations.forEach((o, i) => od.stations.forEach((d, j) => (tripsPerHour[at(o)]![at(d)] = od.matrix[i]![j]!)));
    return { kind: 'matrix', tripsPerHour };
  }
  // Attraction: the station's exit totals where the scenario gives exit flows, else its entries.
  const exits = s.stations.map(() => 0);
  const entries = s.stations.map(() => 0);
  for (const e of entrances) {
    exits[e.stationIndex]! += expectedArrivals(e.exitTable, s.duration);
    entries[e.stationIndex]! += expectedArrivals(e.table, s.duration);
  }
  const anyExits = exits.some((x) => x > 0);
  const g = od.gravity;
  return { kind: 'gravity', attraction: anyExits ? exits : entries, deterrence: g.deterrence === 'exponential' ? { kind: 'exponential', betaPerMin: g.beta } : { kind: 'power', gamma: g.gamma } };
}
