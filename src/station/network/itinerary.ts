/**
 * Routes through a network: for an origin and a destination station, the legs a passenger rides
 * (line, direction, board and alight positions) with the transfers between them. The route is the
 * least generalised time — ride (segments plus the dwells passed), plus for each line boarded the
 * expected wait of half its first headway, plus the transfer walk — found by Dijkstra over
 * (station, line) states; ties go to fewer legs, then to the lower line index, so routes are
 * deterministic. Computed once per origin–destination pair, not per passenger.
 */
import type { TimeNs } from '../../units.js';
import type { LineConfig, NetworkConfig } from './network-config.js';

export interface Leg {
  line: number;
  /** +1 along the line's station order, −1 against it. */
  direction: 1 | -1;
  /** Positions in the line's station list. */
  fromPos: number;
  toPos: number;
}

export interface Itinerary {
  legs: readonly Leg[];
  /** Transfer walk before legs[i] for i ≥ 1 (walkNs[0] = 0), ns. */
  walkNs: readonly TimeNs[];
  /** Generalised time of the route, ns (what the route minimises). */
  costNs: number;
}

function transferNs(n: NetworkConfig, station: number): TimeNs {
  return n.transfers.find((t) => t.station === station)?.walkNs ?? n.defaultTransferNs;
}

interface State {
  cost: number;
  legs: number;
  station: number;
  line: number;
  /** Back-pointer: the state index this was reached from and the ride that did it. */
  from: number;
  leg: Leg | null;
}

const better = (a: { cost: number; legs: number }, b: { cost: number; legs: number }): boolean => a.cost < b.cost || (a.cost === b.cost && a.legs < b.legs);

/** Rides from position `from` on `line` to every other position, with their cost (no wait). */
function rides(l: LineConfig, from: number): Array<{ toPos: number; direction: 1 | -1; rideNs: number }> {
  const out: Array<{ toPos: number; direction: 1 | -1; rideNs: number }> = [];
  for (const direction of [1, -1] as const) {
    let rideNs = 0;
    for (let p = from + direction; p >= 0 && p < l.stations.length; p += direction) {
      const segment = direction === 1 ? p - 1 : p;
      rideNs += (l.segmentNs[segment] as number) + (p === from + direction ? 0 : l.dwellNs);
      out.push({ toPos: p, direction, rideNs });
    }
  }
  return out;
}

/** The least-time itinerary from `origin` to `destination` (station indices), or null when no line joins them. */
export function planItinerary(n: NetworkConfig, origin: number, destination: number): Itinerary | null {
  if (origin === destination) return null;
  return planItineraries(n, origin, Math.max(origin, destination) + 1)[destination] ?? null;
}

/** Itineraries from `origin` to every station 0…stations−1 (one Dijkstra); null for the origin itself and unreachable stations. */
export function planItineraries(n: NetworkConfig, origin: number, stations: number): Array<Itinerary | null> {
  const states: State[] = [{ cost: 0, legs: 0, station: origin, line: -1, from: -1, leg: null }];
  const best = new Map<string, number>([[`${origin}:-1`, 0]]);
  const settled = new Set<number>();
  const out: Array<Itinerary | null> = new Array<Itinerary | null>(stations).fill(null);
  const heap = new StateHeap(states);
  heap.push(0);
  for (let pick = heap.pop(); pick !== undefined; pick = heap.pop()) {
    if (settled.has(pick)) continue;
    settled.add(pick);
    const s = states[pick]!;
    if (s.station !== origin && s.station < stations && out[s.station] === null) out[s.station] = unwind(n, states, pick);
    n.lines.forEach((l, li) => {
      if (li === s.line) return;
      const pos = l.stations.indexOf(s.station);
      if (pos < 0) return;
      const boardNs = (s.line >= 0 ? transferNs(n, s.station) : 0) + (l.headway.headwayNs[0] as number) / 2;
      for (const r of rides(l, pos)) {
        const next: State = { cost: s.cost + boardNs + r.rideNs, legs: s.legs + 1, station: l.stations[r.toPos] as number, line: li, from: pick, leg: { line: li, direction: r.direction, fromPos: pos, toPos: r.toPos } };
        const key = `${next.station}:${li}`;
        const seen = best.get(key);
        if (seen === undefined || (!settled.has(seen) && better(next, states[seen]!))) {
          best.set(key, states.length);
          states.push(next);
          heap.push(states.length - 1);
        }
      }
    });
  }
  return out;
}

/** A binary min-heap of state indices by (cost, legs, index): deterministic ties. */
class StateHeap {
  private readonly items: number[] = [];
  constructor(private readonly states: readonly State[]) {}
  private less(a: number, b: number): boolean {
    const x = this.states[a]!;
    const y = this.states[b]!;
    return better(x, y) || (x.cost === y.cost && x.legs === y.legs && a < b);
  }
  push(i: number): void {
    const h = this.items;
    h.push(i);
    for (let k = h.length - 1; k > 0; ) {
      const parent = (k - 1) >> 1;
      if (!this.less(h[k]!, h[parent]!)) break;
      [h[k], h[parent]] = [h[parent]!, h[k]!];
      k = parent;
    }
  }
  pop(): number | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === k) break;
        [h[k], h[m]] = [h[m]!, h[k]!];
        k = m;
      }
    }
    return top;
  }
}

function unwind(n: NetworkConfig, states: readonly State[], end: number): Itinerary {
  const legs: Leg[] = [];
  for (let i = end; states[i]!.leg !== null; i = states[i]!.from) legs.unshift(states[i]!.leg as Leg);
  const walkNs = legs.map((leg, i) => (i === 0 ? 0 : transferNs(n, n.lines[leg.line]!.stations[leg.fromPos] as number)));
  return { legs, walkNs, costNs: states[end]!.cost };
}
