/**
 * Cross-field rules of the network section, on the raw document (cross-check.ts calls it): lines,
 * transfers and OD matrices reference defined stations (copies by their expanded ids
 * "<id>-001", …); with `od`, every line has one travel time per segment; an OD matrix is square in
 * its station list; a headway table starts at 0 and ascends.
 */
type Issue = { path: Array<string | number>; message: string; hint?: string };

const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Station ids after copies are expanded (resolve.ts names copies "<id>-001", …). */
export function expandedStationIds(stations: unknown[]): string[] {
  return stations.flatMap((st) => {
    const o = obj(st);
    const sid = o?.['id'];
    if (typeof sid !== 'string') return [];
    const copies = typeof o?.['copies'] === 'number' ? (o['copies'] as number) : 1;
    return copies === 1 ? [sid] : Array.from({ length: Math.min(copies, 10000) }, (_, k) => `${sid}-${String(k + 1).padStart(3, '0')}`);
  });
}

export function crossCheckNetwork(network: unknown, stationIds: readonly string[], suggest: (word: string, candidates: readonly string[]) => string | undefined): Issue[] {
  const issues: Issue[] = [];
  const n = obj(network);
  if (n === undefined) return issues;
  const known = new Set(stationIds);
  const station = (sid: unknown, path: Array<string | number>): void => {
    if (typeof sid === 'string' && !known.has(sid)) {
      const hint = suggest(sid, stationIds);
      issues.push({ path, message: `station "${sid}" is not defined in stations`, ...(hint === undefined ? {} : { hint }) });
    }
  };
  const od = obj(n['od']);
  arr(n['lines']).forEach((line, i) => {
    const l = obj(line);
    const stations = arr(l?.['stations']);
    stations.forEach((sid, k) => station(sid, ['network', 'lines', i, 'stations', k]));
    const times = l?.['travelTimes'];
    if (od !== undefined && !Array.isArray(times)) issues.push({ path: ['network', 'lines', i, 'travelTimes'], message: `line "${String(l?.['id'])}" needs travelTimes (one per segment, ${Math.max(0, stations.length - 1)} here) because network.od is given` });
    else if (Array.isArray(times) && times.length !== stations.length - 1) issues.push({ path: ['network', 'lines', i, 'travelTimes'], message: `line "${String(l?.['id'])}" has ${stations.length} stations and needs ${stations.length - 1} travel times (got ${times.length})` });
    const headway = l?.['headway'];
    if (Array.isArray(headway) && headway.length > 0 && obj(headway[0])?.['from'] !== 0 && obj(headway[0])?.['from'] !== '0 s' && obj(headway[0])?.['from'] !== '0 h') {
      issues.push({ path: ['network', 'lines', i, 'headway', 0, 'from'], message: 'a headway table starts at 0 (from: 0)' });
    }
  });
  arr(n['transfers']).forEach((t, i) => station(obj(t)?.['station'], ['network', 'transfers', i, 'station']));
  const matrix = arr(od?.['matrix']);
  if (od !== undefined && od['matrix'] !== undefined) {
    const ids = arr(od['stations']);
    ids.forEach((sid, k) => station(sid, ['network', 'od', 'stations', k]));
    if (matrix.length !== ids.length || matrix.some((row) => arr(row).length !== ids.length)) {
      issues.push({ path: ['network', 'od', 'matrix'], message: `the OD matrix must be ${ids.length} × ${ids.length} (one row and one column per station of od.stations)` });
    }
  }
  return issues;
}
