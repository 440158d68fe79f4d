/**
 * The plain-JSON form of a QuantileSketch (job files, shard files, worker → main thread) and its
 * check on reading. The form is canonical: equal sketches give equal objects, key for key in the
 * same order, so JSON.stringify gives identical bytes. Counts are integers, the sum is an exact
 * integer in decimal text, and the buckets are runs of consecutive keys:
 *
 *   0, 0.25, 0.5, 0.5, 0.75 → {"format":"tapsim-sketch/1","mantissaBits":10,"sumScale":1000000000,"count":5,
 *   "zeros":1,"min":0,"max":0.75,"sum":"2000000000","runs":[[1045504,1],[1046528,2],[1047040,1]]}
 *
 * A run is [first key, count, count, …] with every count ≥ 1 (keys as in sketch-key.ts); runs are
 * ascending and separated by at least one empty key.
 */
import { MAX_EXACT_SUM } from './exact-sum.js';
import { MAX_MANTISSA_BITS, MIN_MANTISSA_BITS, bucketLower, bucketUpper, isBucketKey, keyOf } from './sketch-key.js';

export const SKETCH_FORMAT = 'tapsim-sketch/1';

export interface QuantileSketchData {
  format: typeof SKETCH_FORMAT;
  mantissaBits: number;
  sumScale: number;
  count: number;
  zeros: number;
  /** null when empty. */
  min: number | null;
  max: number | null;
  /** The exact sum of round(value·sumScale), as decimal digits. */
  sum: string;
  runs: number[][];
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `runs` is not canonical, or its bucket total. */
function checkRuns(runs: unknown, bits: number): string | { total: number; first: number; last: number } {
  if (!Array.isArray(runs)) return 'has no "runs" list';
  let total = 0;
  let next = -Infinity; // the smallest key the next run may start at
  let first = -1;
  let last = -1;
  for (let r = 0; r < runs.length; r++) {
    const run: unknown = runs[r];
    if (!Array.isArray(run) || run.length < 2) return `has a bucket run (number ${r + 1}) that is not [first key, count, …]`;
    const start: unknown = run[0];
    if (typeof start !== 'number' || !isBucketKey(start, bits) || !isBucketKey(start + run.length - 2, bits)) return `has a bucket run (number ${r + 1}) whose keys are not bucket keys for ${bits} mantissa bits`;
    if (start < next) return `has bucket runs out of order or touching (run ${r + 1} starts at key ${start})`;
    for (let i = 1; i < run.length; i++) {
      const c: unknown = run[i];
      if (!isCount(c) || c === 0) return `has a bucket count that is not a whole number ≥ 1 (${JSON.stringify(c)} in run ${r + 1})`;
      total += c;
    }
    if (first < 0) first = start;
    last = start + run.length - 2;
    next = last + 2;
  }
  return { total, first, last };
}

function checkExtremes(v: Record<string, unknown>, bits: number, zeros: number, keys: { first: number; last: number }): string | undefined {
  const { min, max } = v;
  if (v['count'] === 0) return min === null && max === null ? undefined : 'is empty but has a min or max';
  if (typeof min !== 'number' || typeof max !== 'number' || !(min >= 0 && min <= max && max < Infinity)) return 'has no valid min ≤ max';
  if (zeros > 0 ? min !== 0 : keyOf(min, bits) !== keys.first) return `has a min (${min}) outside its lowest bucket`;
  if (keys.last < 0 ? max !== 0 : keyOf(max, bits) !== keys.last) return `has a max (${max}) outside its highest bucket`;
  return undefined;
}

/** The exact sum must lie between the bucket edges' sums (each value scaled and rounded). */
function checkSum(v: Record<string, unknown>, bits: number, scale: number): string | undefined {
  const text = v['sum'];
  if (typeof text !== 'string' || !/^(0|[1-9][0-9]*)$/.test(text) || BigInt(text) >= MAX_EXACT_SUM) return 'has no exact sum (decimal digits below 2^84)';
  let low = 0;
  let high = 0;
  for (const run of v['runs'] as number[][]) {
    for (let i = 1; i < run.length; i++) {
      const key = (run[0] as number) + i - 1;
      low += (run[i] as number) * Math.round(bucketLower(key, bits) * scale);
      high += (run[i] as number) * Math.round(bucketUpper(key, bits) * scale);
    }
  }
  const sum = Number(text);
  const slack = 1e-9 * high + (v['count'] as number);
  return sum >= low - slack && sum <= high + slack ? undefined : `has a sum (${text} at scale ${scale}) that its buckets cannot give (${low.toPrecision(6)} … ${high.toPrecision(6)})`;
}

/**
 * What is wrong with `v` as QuantileSketchData, as the end of a sentence that starts with the
 * sketch's name ("… is not a tapsim quantile sketch"), or undefined when it is sound.
 */
export function sketchDataProblem(v: unknown): string | undefined {
  if (!isRecord(v) || v['format'] !== SKETCH_FORMAT) return `is not a tapsim quantile sketch (no "format": "${SKETCH_FORMAT}")`;
  const bits = v['mantissaBits'];
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < MIN_MANTISSA_BITS || bits > MAX_MANTISSA_BITS) return `has mantissaBits ${JSON.stringify(bits)}, not a whole number ${MIN_MANTISSA_BITS} … ${MAX_MANTISSA_BITS}`;
  const scale = v['sumScale'];
  if (typeof scale !== 'number' || !(scale > 0 && scale < Infinity)) return `has sumScale ${JSON.stringify(scale)}, not a positive number`;
  const { count, zeros } = v;
  if (!isCount(count) || !isCount(zeros)) return 'has a count or zero count that is not a whole number ≥ 0';
  const runs = checkRuns(v['runs'], bits);
  if (typeof runs === 'string') return runs;
  if (zeros + runs.total !== count) return `has bucket counts and zeros adding up to ${zeros + runs.total}, not its count ${count}`;
  return checkExtremes(v, bits, zeros, runs) ?? checkSum(v, bits, scale);
}
