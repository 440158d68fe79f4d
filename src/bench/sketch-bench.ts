/**
 * The quantile sketch (observe/quantile-sketch.ts) against today's log histogram
 * (observe/log-histogram.ts), side by side in one process: adds per second, memory per sketch
 * after 1 M values, merge and plain-data round-trip time, worst error against exact sorted
 * quantiles, and the memory of small per-interval sketches. Same values, same order for every
 * candidate; each timing is the best of `rounds`, candidates alternating.
 */
import { performance } from 'node:perf_hooks';
import { LogHistogram, SECONDS_SPEC, type LogHistogramSpec } from '../observe/log-histogram.js';
import { FINE_SECONDS, INTERVAL_SECONDS, QuantileSketch, type SketchOptions } from '../observe/quantile-sketch.js';
import { exponential, lognormal } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';

interface Sketch {
  add(value: number): void;
  quantile(q: number): number;
}

interface Candidate {
  name: string;
  make: () => Sketch;
  merge: (into: Sketch, from: Sketch) => void;
  /** Through plain data and back, as across a worker boundary or a shard file. */
  roundTrip: (s: Sketch) => Sketch;
}

export interface SketchBenchRow {
  case: string;
  value: number;
  unit: string;
  /** The issue's target, as text, or ''. */
  target: string;
  note: string;
}

function ours(name: string, options: SketchOptions): Candidate {
  return {
    name,
    make: () => new QuantileSketch(options),
    merge: (into, from) => (into as QuantileSketch).merge(from as QuantileSketch),
    roundTrip: (s) => QuantileSketch.fromData(JSON.parse(JSON.stringify((s as QuantileSketch).toData()))),
  };
}

function today(name: string, spec: LogHistogramSpec): Candidate {
  return {
    name,
    make: () => new LogHistogram(spec),
    merge: (into, from) => (into as LogHistogram).merge(from as LogHistogram),
    roundTrip: (s) => LogHistogram.fromData(JSON.parse(JSON.stringify((s as LogHistogram).toData()))),
  };
}

const CANDIDATES: readonly Candidate[] = [
  ours('sketch 10 bits (≤ 0.049 %)', FINE_SECONDS),
  ours('sketch 6 bits (≤ 0.78 %)', INTERVAL_SECONDS),
  today('log histogram 2 % (today)', SECONDS_SPEC),
  today('log histogram 0.2 % (≤ 0.1 %)', { ...SECONDS_SPEC, relativeResolution: 0.002 }),
];

function lognormalValues(n: number): Float64Array {
  const rng = streamFor(18, 0, 'bench:sketch:lognormal');
  return Float64Array.from({ length: n }, () => lognormal(rng, Math.log(0.3), 0.5));
}

/** Waits: 25 % exact zeros, the rest exponential with mean 30 s. */
function waitValues(n: number): Float64Array {
  const rng = streamFor(18, 0, 'bench:sketch:waits');
  return Float64Array.from({ length: n }, () => (rng.next01() < 0.25 ? 0 : exponential(rng, 30)));
}

function fill(sketch: Sketch, values: Float64Array): Sketch {
  for (let i = 0; i < values.length; i++) sketch.add(values[i] as number);
  return sketch;
}

function bestMs(rounds: number, run: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function gc(): boolean {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  return collect !== undefined;
}

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes per sketch (heap + ArrayBuffers, after gc) of `copies` sketches of the same values. */
function bytesPerSketch(candidate: Candidate, values: Float64Array, copies: number): number {
  gc();
  const before = heapBytes();
  const kept = Array.from({ length: copies }, () => fill(candidate.make(), values));
  gc();
  const bytes = (heapBytes() - before) / copies;
  if (kept.length !== copies) throw new Error('bench: sketches lost');
  return bytes;
}

/** Worst relative error over q = 0.001 … 0.999 where the exact quantile is > 0, and the largest estimate where it is an exact 0. */
function accuracy(candidate: Candidate, values: Float64Array): { worst: number; atZero: number } {
  const s = fill(candidate.make(), values);
  const sorted = Float64Array.from(values).sort();
  let worst = 0;
  let atZero = 0;
  for (let i = 1; i < 1000; i++) {
    const q = i / 1000;
    const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
    const estimate = s.quantile(q);
    if (exact === 0) atZero = Math.max(atZero, estimate);
    else worst = Math.max(worst, Math.abs(estimate / exact - 1));
  }
  return { worst, atZero };
}

/** Merge `shards` sketches of the values (cut in consecutive pieces) into one; ms per merge. */
function mergeMs(candidate: Candidate, values: Float64Array, shards: number, rounds: number): { mergeMs: number; roundTripMs: number } {
  const size = Math.ceil(values.length / shards);
  const parts = Array.from({ length: shards }, (_, i) => fill(candidate.make(), values.subarray(i * size, (i + 1) * size)));
  const merge = bestMs(rounds, () => {
    const total = candidate.make();
    for (const p of parts) candidate.merge(total, p);
  });
  const trip = bestMs(rounds, () => {
    for (const p of parts) candidate.roundTrip(p);
  });
  return { mergeMs: merge / shards, roundTripMs: trip / shards };
}

/** Bytes per small sketch: `sketches` sketches of `perSketch` waits each (a gateline's interval). */
function smallSketchBytes(options: SketchOptions, sketches: number, perSketch: number): number {
  const values = waitValues(sketches * perSketch);
  gc();
  const before = heapBytes();
  const kept: Sketch[] = [];
  for (let i = 0; i < sketches; i++) kept.push(fill(new QuantileSketch(options), values.subarray(i * perSketch, (i + 1) * perSketch)));
  gc();
  const bytes = (heapBytes() - before) / kept.length;
  if (values.length !== sketches * perSketch) throw new Error('bench: values lost'); // keeps them alive through the gc above
  return bytes;
}

const perS = (n: number, ms: number): number => (n / ms) * 1000;

export function runSketchBench(scale = 1): SketchBenchRow[] {
  const n = Math.max(100_000, Math.round(2_000_000 * scale));
  const sets = [
    { name: 'lognormal latencies', values: lognormalValues(n) },
    { name: 'waits, 25 % zeros', values: waitValues(n) },
  ];
  const rows: SketchBenchRow[] = [];
  const hasGc = gc();
  for (const set of sets) {
    const adds = new Map<string, number>();
    for (let round = 0; round < 3; round++) for (const c of CANDIDATES) adds.set(c.name, Math.min(adds.get(c.name) ?? Infinity, bestMs(1, () => fill(c.make(), set.values))));
    const million = set.values.subarray(0, Math.min(1_000_000, n));
    const base = adds.get('log histogram 2 % (today)') as number;
    for (const c of CANDIDATES) {
      const ms = adds.get(c.name) as number;
      const bytes = bytesPerSketch(c, million, 10);
      const merged = mergeMs(c, million, 16, 3);
      const { worst, atZero } = accuracy(c, million);
      rows.push({
        case: `${c.name}: adds, ${set.name}`,
        value: perS(n, ms),
        unit: 'values/s',
        target: c.name.startsWith('sketch 10') ? 'error ≤ 0.1 %, ≈ ≤ 200 KB per 1 M values' : '',
        note: `${(base / ms).toFixed(2)}× today's; ${(bytes / 1024).toFixed(1)} KB per sketch of ${million.length.toLocaleString('en-US')} values${hasGc ? '' : ' (no --expose-gc: heap not collected)'}; merge ${(merged.mergeMs * 1000).toFixed(0)} µs, JSON round trip ${(merged.roundTripMs * 1000).toFixed(0)} µs per shard of ${Math.ceil(million.length / 16).toLocaleString('en-US')}; worst error over q = 0.001…0.999 ${(100 * worst).toFixed(4)} %${atZero > 0 ? `, and ${atZero.toExponential(1)} where the exact quantile is 0` : ''}`,
      });
    }
  }
  for (const options of [INTERVAL_SECONDS, FINE_SECONDS]) {
    for (const perSketch of [1, 70, 300, 2700]) {
      const sketches = 5000;
      rows.push({ case: `${options.mantissaBits}-bit sketch holding ${perSketch} wait${perSketch === 1 ? '' : 's'}`, value: smallSketchBytes(options, sketches, perSketch), unit: 'B/sketch', target: '', note: `mean of ${sketches.toLocaleString('en-US')} sketches, heap + ArrayBuffers (today's per-interval histogram: 63 Float64 counts = 504 B per gateline interval at 20 %, dense)` });
    }
  }
  return rows;
}
