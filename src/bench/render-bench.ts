/**
 * Rendering benchmark (docs/architecture.md#performance: measured in a benchmark, never in a timed test): render the
 * typical figures of a run `rounds` times plus one index.html, and report the time.
 */
import { performance } from 'node:perf_hooks';
import { renderRunReport } from '../report/html.js';
import { renderRunReport as renderRunFolderReport } from '../report/run-report.js';
import { sampleFigures, sampleReport } from '../testing/sample-figures.js';

export interface RenderBenchResult {
  /** Figures rendered in total. */
  readonly figures: number;
  /** Wall time for all of them and the reports, in ms. */
  readonly ms: number;
  /** Mean per figure, in ms. */
  readonly msPerFigure: number;
  /** Size of one round of figures, in bytes (UTF-16 code units). */
  readonly bytesPerRound: number;
}

/** Render `rounds` rounds of the seven typical figures (with `samplesPerCdf` samples per CDF). */
export function benchRender(rounds = 10, samplesPerCdf = 2000): RenderBenchResult {
  sampleFigures(50); // warm-up: module init and JIT outside the measurement
  let figures = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const figs = sampleFigures(samplesPerCdf);
    figures += figs.length;
    if (r === 0) bytes = figs.reduce((n, f) => n + f.svg.length, 0);
  }
  renderRunReport(sampleReport('inline'));
  const ms = performance.now() - t0;
  return { figures, ms, msPerFigure: figures === 0 ? 0 : ms / figures, bytesPerRound: bytes };
}

/**
 * Time `renderRunReport(dir)` on an existing run folder — read its CSV files, render every figure
 * and index.html, write them (atomically) — and return the wall time in ms. The target:
 * ≤ 2 s for a metro-station-am-peak run folder with one replication
 * (`node dist/cli.js run scenarios/metro-station-am-peak.yaml --out DIR --quiet`, then this).
 * The first call includes module warm-up; pass `rounds` > 1 to get the best of several.
 */
export async function benchRunFolderRender(dir: string, rounds = 1): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < Math.max(1, rounds); r++) {
    const t0 = performance.now();
    await renderRunFolderReport(dir);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
