/** A rate function sampled into a per-step table, and the interpolation of rate tables. */
import { NS_PER_S, toS } from '../../units.js';
import { MAX_RATE_PER_HOUR } from './limits.js';

const NS_PER_HOUR = 3600 * NS_PER_S;

/** Upper bound on rate-table length (guards a tiny step over a long duration). */
export const MAX_RATE_SAMPLES = 1_000_000;

/**
 * Sample a rate function (passengers/hour, t in s) at the middle of each step over [0, duration).
 * ratesPerHour[i] holds for [i·step, (i+1)·step). expectedPassengers = Σ rate·step.
 */
export function sampleRate(
  rateAt: (tS: number) => number,
  durationNs: number,
  stepNs: number,
  report: (message: string) => void,
): { stepNs: number; ratesPerHour: number[]; expectedPassengers: number } {
  const steps = Math.ceil(durationNs / stepNs);
  if (!(steps <= MAX_RATE_SAMPLES)) {
    report(`demand step gives ${steps} samples over the duration (max ${MAX_RATE_SAMPLES}); use a longer step`);
    return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
  }
  const ratesPerHour: number[] = [];
  let expected = 0;
  for (let i = 0; i < steps; i++) {
    const tS = toS((i + 0.5) * stepNs);
    let value: number;
    try {
      value = rateAt(tS);
    } catch (error) {
      report(error instanceof Error ? error.message : String(error));
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    if (!Number.isFinite(value) || value < 0) {
      report(`rate is ${value} at t = ${tS} s; it must be a finite number ≥ 0 passengers/hour`);
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    if (value > MAX_RATE_PER_HOUR) {
      report(`rate is ${value} passengers/hour at t = ${tS} s; one entrance takes at most ${MAX_RATE_PER_HOUR} per hour (278 per second): spread the demand over more entrances`);
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    ratesPerHour.push(value);
    expected += (value * Math.min(stepNs, durationNs - i * stepNs)) / NS_PER_HOUR;
  }
  return { stepNs, ratesPerHour, expectedPassengers: expected };
}

/** Piecewise-linear interpolation, constant outside the points (`at` ascending; binary search). */
export function interpolate(at: readonly number[], values: readonly number[], x: number): number {
  const n = at.length;
  if (x <= (at[0] as number)) return values[0] as number;
  if (x >= (at[n - 1] as number)) return values[n - 1] as number;
  // The first i ≥ 1 with at[i] ≥ x.
  let lo = 1;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  const x0 = at[i - 1] as number;
  const x1 = at[i] as number;
  const y0 = values[i - 1] as number;
  const y1 = values[i] as number;
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}
