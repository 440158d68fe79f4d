/** latency.csv: tap-latency sketches per carrier and band, merged exactly over replications, as quantiles. */
import { LogHistogram, type LogHistogramData } from '../observe/log-histogram.js';
import { csvText } from './csv-text.js';
import { formatNumber } from './write.js';

// ------------------------------------------------------------------ latency.csv

export const LATENCY_COLUMNS = ['carrier', 'band', 'p', 'latency_ms'] as const;

/** Probabilities written to latency.csv: 0.01, 0.02, …, 0.99. */
export const LATENCY_PROBABILITIES: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** Tap-latency sketches ("carrier|band" → histogram in seconds), merged over replications. */
export class LatencySketches {
  private readonly merged = new Map<string, LogHistogram>();

  add(sketches: Readonly<Record<string, LogHistogramData>>): void {
    for (const [key, data] of Object.entries(sketches)) {
      const h = this.merged.get(key);
      if (h === undefined) this.merged.set(key, LogHistogram.fromData(data));
      else h.merge(data);
    }
  }

  /** latency.csv text: keys sorted, quantiles of each merged sketch in ms. */
  csv(): string {
    const rows: string[][] = [[...LATENCY_COLUMNS]];
    for (const key of [...this.merged.keys()].sort()) {
      const h = this.merged.get(key) as LogHistogram;
      if (h.count === 0) continue;
      const bar = key.indexOf('|');
      const carrier = bar < 0 ? key : key.slice(0, bar);
      const band = bar < 0 ? '' : key.slice(bar + 1);
      for (const p of LATENCY_PROBABILITIES) rows.push([carrier, band, formatNumber(p), formatNumber(h.quantile(p) * 1e3)]);
    }
    return csvText(rows);
  }
}
