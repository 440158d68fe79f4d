/** latency.csv: tap-latency sketches per carrier and band, merged exactly over replications, as quantiles. */
import { QuantileSketch, type QuantileSketchData } from '../observe/quantile-sketch.js';
import { csvText } from './csv-text.js';
import { formatNumber } from './write.js';

// ------------------------------------------------------------------ latency.csv

export const LATENCY_COLUMNS = ['carrier', 'band', 'p', 'latency_ms'] as const;

/** Probabilities written to latency.csv: 0.01, 0.02, …, 0.99. */
export const LATENCY_PROBABILITIES: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** Tap-latency sketches ("carrier|band" → FINE sketch in seconds, ≤ 0.0489 %), merged over replications. */
export class LatencySketches {
  private readonly merged = new Map<string, QuantileSketch>();

  add(sketches: Readonly<Record<string, QuantileSketchData>>): void {
    for (const [key, data] of Object.entries(sketches)) {
      const h = this.merged.get(key);
      if (h === undefined) this.merged.set(key, QuantileSketch.fromData(data, `the tap-latency sketch ${key}`));
      else h.merge(QuantileSketch.fromData(data, `the tap-latency sketch ${key}`));
    }
  }

  /** latency.csv text: keys sorted, quantiles of each merged sketch in ms. */
  csv(): string {
    const rows: string[][] = [[...LATENCY_COLUMNS]];
    for (const key of [...this.merged.keys()].sort()) {
      const h = this.merged.get(key) as QuantileSketch;
      if (h.count === 0) continue;
      const bar = key.indexOf('|');
      const carrier = bar < 0 ? key : key.slice(0, bar);
      const band = bar < 0 ? '' : key.slice(bar + 1);
      for (const p of LATENCY_PROBABILITIES) rows.push([carrier, band, formatNumber(p), formatNumber(h.quantile(p) * 1e3)]);
    }
    return csvText(rows);
  }
}
