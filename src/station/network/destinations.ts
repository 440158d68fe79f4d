/**
 * Where a passenger entering at a station is going: a destination drawn from the origin's row of
 * an origin–destination matrix, or from a gravity model (Wilson 1967; Ortúzar & Willumsen,
 * "Modelling Transport", ch. 5): trips i → j ∝ entries_i · attraction_j · f(c_ij), where c_ij is the
 * generalised time of the route (itinerary.ts) and f the deterrence function — exponential
 * exp(−β·c) or power c^−γ, both stated in the scenario. For a passenger already entering at i the
 * entries_i factor is common, so the draw uses P(j | i) = A_j f(c_ij) / Σ_k A_k f(c_ik) over the
 * stations reachable from i.
 */
import type { RandomStream } from '../../random/stream.js';

export type Deterrence = { kind: 'exponential'; betaPerMin: number } | { kind: 'power'; gamma: number };

export type DestinationModel =
  | { kind: 'matrix'; /** Trips per hour, tripsPerHour[i][j] from station i to j (the diagonal is ignored). */ tripsPerHour: readonly (readonly number[])[] }
  | { kind: 'gravity'; /** Attraction of each station (e.g. its exit total). */ attraction: readonly number[]; deterrence: Deterrence };

/** One origin's destinations with their cumulative probabilities (the last is 1). */
export interface DestinationRow {
  stations: readonly number[];
  cumulative: readonly number[];
}

/** f(c) of a deterrence function, c in ns. */
export function deterrence(d: Deterrence, costNs: number): number {
  const minutes = costNs / 60e9;
  return d.kind === 'exponential' ? Math.exp(-d.betaPerMin * minutes) : minutes > 0 ? minutes ** -d.gamma : 0;
}

/**
 * The destination rows of every origin. `costNs[i][j]` is the generalised time i → j, or null
 * where no route exists (those pairs get no trips). A row with no weight is empty (nobody enters
 * there with a destination): the caller reports it.
 */
export function destinationRows(model: DestinationModel, costNs: readonly (readonly (number | null)[])[]): DestinationRow[] {
  return costNs.map((row, i) => {
    const stations: number[] = [];
    const weights: number[] = [];
    row.forEach((c, j) => {
      if (j === i || c === null) return;
      const w = model.kind === 'matrix' ? (model.tripsPerHour[i]?.[j] ?? 0) : (model.attraction[j] ?? 0) * deterrence(model.deterrence, c);
      if (w > 0) {
        stations.push(j);
        weights.push(w);
      }
    });
    let total = 0;
    for (const w of weights) total += w;
    let run = 0;
    const cumulative = weights.map((w, k) => (k === weights.length - 1 ? 1 : (run += w) / total));
    return { stations, cumulative };
  });
}

/** Draw a destination from a row (one uniform from the passenger's stream); null for an empty row. */
export function drawDestination(row: DestinationRow, rng: RandomStream): number | null {
  if (row.stations.length === 0) return null;
  const u = rng.next01();
  let k = 0;
  while (k < row.cumulative.length - 1 && u >= (row.cumulative[k] as number)) k++;
  return row.stations[k] as number;
}
