/**
 * Arrivals at an entrance: a non-homogeneous Poisson process by thinning (Lewis & Shedler 1979)
 * over a rate table sampled before the run, with group arrivals.
 * Candidates come at the maximum rate λmax; each is kept with probability λ(t)/λmax. The
 * loop runs inside one event until the next accepted arrival, so rejected candidates cost no events.
 */
import type { RandomStream } from '../random/stream.js';

export interface RateTable {
  /** Rate in passengers/hour on [i·stepNs, (i+1)·stepNs). */
  ratesPerHour: readonly number[];
  stepNs: number;
}

/** Time of the next arrival after `nowNs`, or Infinity if none before `endNs`. */
export function nextArrivalNs(rng: RandomStream, table: RateTable, nowNs: number, endNs: number): number {
  let maxPerHour = 0;
  for (const r of table.ratesPerHour) if (r > maxPerHour) maxPerHour = r;
  return nextArrivalWithMax(rng, table, nowNs, endNs, maxPerHour);
}

/** As `nextArrivalNs` with λmax precomputed (passengers/hour). */
export function nextArrivalWithMax(rng: RandomStream, table: RateTable, nowNs: number, endNs: number, maxPerHour: number): number {
  if (!(maxPerHour > 0)) return Infinity;
  const meanGapNs = 3.6e12 / maxPerHour;
  let t = nowNs;
  for (;;) {
    t += -meanGapNs * Math.log(1 - rng.next01());
    if (t >= endNs) return Infinity;
    const index = Math.min(table.ratesPerHour.length - 1, Math.floor(t / table.stepNs));
    const rate = table.ratesPerHour[index] ?? 0;
    if (rng.next01() * maxPerHour < rate) return Math.round(t);
  }
}

/** Expected arrivals (passengers, before group size) over [0, endNs). */
export function expectedArrivals(table: RateTable, endNs: number): number {
  let total = 0;
  table.ratesPerHour.forEach((rate, i) => {
    const from = i * table.stepNs;
    const to = Math.min(endNs, from + table.stepNs);
    if (to > from) total += (rate * (to - from)) / 3.6e12;
  });
  return total;
}
