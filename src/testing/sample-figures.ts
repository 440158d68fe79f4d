/**
 * Typical figures on synthetic, deterministic data: the benchmark's workload, the browser test's
 * report and a gallery to look at. Shapes are plausible, numbers are not results of the model.
 */
import { barChart, cdfChart, contourMap, forestPlot, lineChart, sizingChart, type LinePoint } from '../report/charts.js';
import type { ReportFigure, RunReportInput } from '../report/html.js';

/** A deterministic pseudo-random sequence in [0, 1) (splitmix32), local to each call. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Tap success against dwell height per band, with CI bands. */
function successVsHeightFigure(): string {
  const heights = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50];
  return lineChart({
    title: 'Tap success vs dwell height',
    subtitle: 'Mean over replications, shaded: 95% CI',
    x: { label: 'Dwell height above reader', unit: 'mm' },
    y: { label: 'Success probability', domain: [0, 1], tickFormat: '.0%' },
    legendTitle: 'Band',
    series: [
      {
        name: '13.56 MHz NFC',
        points: heights.map((h) => {
          const p = logistic((38 - h) / 4);
          return { x: h, y: p, lo: Math.max(0, p - 0.04), hi: Math.min(1, p + 0.04) };
        }),
      },
      {
        name: '2.45 GHz RCC',
        points: heights.map((h) => {
          const p = 0.97 * logistic((46 - h) / 3);
          return { x: h, y: p, lo: Math.max(0, p - 0.05), hi: Math.min(1, p + 0.05) };
        }),
      },
    ],
  });
}

/** Queue length per gateline over an hour (step curves). */
function queueFigure(rnd: () => number): string {
  const minutes = Array.from({ length: 61 }, (_, i) => i);
  return lineChart({
    title: 'Queue length per gateline',
    x: { label: 'Time since 07:30', unit: 'min' },
    y: { label: 'Passengers queueing', includeZero: true },
    curve: 'step',
    legendTitle: 'Gateline',
    series: ['North', 'South', 'East'].map((name, k) => ({
      name,
      points: minutes.map((m) => ({ x: m, y: Math.max(0, Math.round((14 + 6 * k) * Math.exp(-(((m - 25 - 5 * k) / 12) ** 2)) + 3 * rnd())) })),
    })),
  });
}

/** Tap-latency CDFs from exponential samples. */
function latencyCdfFigure(rnd: () => number, samplesPerCdf: number): string {
  return cdfChart({
    title: 'Tap latency by carrier',
    x: { label: 'Tap latency', unit: 'ms' },
    legendTitle: 'Carrier',
    series: [
      { name: 'Transit card (NFC)', samples: Array.from({ length: samplesPerCdf }, () => 120 + 60 * -Math.log(1 - rnd())) },
      { name: 'HCE phone (NFC)', samples: Array.from({ length: samplesPerCdf }, () => 210 + 90 * -Math.log(1 - rnd())) },
      { name: 'RF-SIM phone (RCC)', samples: Array.from({ length: samplesPerCdf }, () => 260 + 120 * -Math.log(1 - rnd())) },
    ],
  });
}

/** Paired band differences. */
function forestFigure(): string {
  return forestPlot({
    title: 'RCC − NFC, paired differences',
    subtitle: 'Common random numbers; 95% CI of the mean paired difference',
    x: { label: 'Difference, RCC − NFC', unit: '% of NFC' },
    rows: [
      { label: 'Tap success', estimate: -1.8, lo: -2.9, hi: -0.7, unit: '%' },
      { label: 'Tap latency p50', estimate: 22.4, lo: 15.1, hi: 29.8, unit: '%' },
      { label: 'Tap latency p95', estimate: 31.0, lo: 18.2, hi: 43.9, unit: '%' },
      { label: 'Wait p95', estimate: 4.1, lo: -3.2, hi: 11.5, unit: '%' },
      { label: 'Card clashes per 1000 taps', estimate: -62.0, lo: -71.3, hi: -52.6, unit: '%' },
    ],
  });
}

/** Wait p95 against open gates, with the SLO. */
function sizingFigure(): string {
  const gates = [2, 3, 4, 5, 6, 7, 8];
  return sizingChart({
    title: 'Wait p95 vs gates, north gateline',
    x: { label: 'Gates open' },
    y: { label: 'Wait p95', unit: 's', log: true },
    slo: { value: 60, label: 'SLO: wait p95 ≤ 60 s', direction: 'max' },
    chosen: { x: 5, label: '5 gates suffice' },
    series: [
      {
        name: 'Wait p95',
        points: gates.map((g): LinePoint => {
          const w = 600 / (g - 1.4) ** 2;
          return { x: g, y: w, lo: w * 0.85, hi: w * 1.15 };
        }),
      },
    ],
  });
}

/** A 13.56 MHz field map with Hmin/Hmax contours. */
function fieldMapFigure(): string {
  const nx = 41;
  const ny = 31;
  const values: number[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = -100 + (200 * i) / (nx - 1);
      const z = 5 + (75 * j) / (ny - 1);
      const r2 = (x / 40) ** 2 + 1;
      values.push(12 / (r2 * (1 + (z / 30) ** 3)));
    }
  }
  return contourMap({
    title: '13.56 MHz field above a gate reader',
    subtitle: 'Field strength in the reader plane (x across the lane, height above the antenna)',
    x: { label: 'Across the lane', unit: 'mm' },
    y: { label: 'Height above antenna', unit: 'mm' },
    grid: { nx, ny, values, x: [-100, 100], y: [5, 80] },
    colour: { label: 'Field strength', unit: 'A/m', log: true },
    emphasise: [
      { value: 1.5, label: 'Hmin 1.5 A/m' },
      { value: 7.5, label: 'Hmax 7.5 A/m' },
    ],
    rects: [{ x0: -60, y0: 5, x1: 60, y1: 12, label: 'Antenna' }],
    rectLegend: 'Reader antenna',
  });
}

/** Failed taps by cause per band. */
function causesFigure(): string {
  return barChart({
    title: 'Failed taps by cause',
    value: { label: 'Failed taps', unit: 'per 1000 taps' },
    categoryLabel: 'Cause',
    legendTitle: 'Band',
    categories: ['Out of field (too high)', 'Tear (left field mid-APDU)', 'Card clash', 'Backend timeout', 'Frame errors, retries exhausted'],
    series: [
      { name: '13.56 MHz NFC', values: [11.2, 6.4, 3.1, 0.8, 1.9] },
      { name: '2.45 GHz RCC', values: [4.7, 2.2, 0.4, 0.9, 3.6] },
    ],
  });
}

/** The typical figures of a run, each as { file, caption, svg }. */
export function sampleFigures(samplesPerCdf = 400): ReportFigure[] {
  const rnd = sequence(42);
  // One sequence, drawn in this order: the queue figure first, then the CDF samples.
  const successVsHeight = successVsHeightFigure();
  const queue = queueFigure(rnd);
  const cdf = latencyCdfFigure(rnd, samplesPerCdf);
  const forest = forestFigure();
  const sizing = sizingFigure();
  const contour = fieldMapFigure();
  const causes = causesFigure();
  return [
    { file: 'success-vs-height.svg', caption: 'Tap success probability vs dwell height, per band, with 95% CI.', svg: successVsHeight },
    { file: 'queue-length.svg', caption: 'Queue length over time per gateline.', svg: queue },
    { file: 'tap-latency-cdf.svg', caption: 'Tap latency CDF per carrier.', svg: cdf },
    { file: 'band-differences.svg', caption: 'Paired band differences with 95% CI.', svg: forest },
    { file: 'sizing-gates.svg', caption: 'Wait p95 against open gates, with the SLO.', svg: sizing },
    { file: 'field-map.svg', caption: '13.56 MHz field map with Hmin/Hmax contours.', svg: contour },
    { file: 'failures-by-cause.svg', caption: 'Failed taps by cause, per band.', svg: causes },
  ];
}

/** A small but complete report input around `sampleFigures`. */
export function sampleReport(figureMode: 'inline' | 'link' = 'link'): RunReportInput {
  return {
    title: 'metro-station-am-peak — sample report',
    intro: 'Synthetic data for checking the report layout; not a model result.',
    fingerprint: 'sha256:4f1c9e0b7a2d3c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
    scenario: {
      name: 'metro-station-am-peak',
      description: 'Two entrances, three gatelines, 07:30–08:30.',
      items: [
        { key: 'Gatelines', value: 'North (6 gates), South (4), East (4)' },
        { key: 'Carriers', value: 'transit card 55%, HCE phone 30%, RF-SIM phone 15%' },
        { key: 'Backend', value: 'online, 8 servers, RTT 40 ms' },
      ],
    },
    meta: [
      { key: 'tool version', value: '0.1.0' },
      { key: 'scenario hash', value: 'sha256:0d9a…' },
      { key: 'seed', value: '12345' },
      { key: 'replications', value: '20' },
      { key: 'workers', value: '2' },
      { key: 'wall time', value: '3.41 s' },
      { key: 'events', value: '1284312' },
    ],
    tables: [
      {
        caption: 'Key metrics, mean and 95% CI over 20 replications',
        columns: ['Metric', 'Unit', 'Mean', 'CI low', 'CI high'],
        rows: [
          ['Tap success', '%', 98.214, 97.9, 98.52],
          ['Wait p95', 's', 41.27, 37.9, 44.6],
          ['Passengers', 'count', 5120, 5031, 5209],
          ['Backend p99', 'ms', 183.5, null, null],
        ],
      },
    ],
    figures: sampleFigures(),
    figureMode,
    generatedAt: '2024-05-01T08:00:00Z',
  };
}
