/**
 * Small helpers shared by the notebooks: confidence intervals, number formatting, markdown
 * tables, and writing a notebook's folder (README.md + SVG figures + CSV tables) atomically.
 *
 * Notebooks use the public API (`../src/index.js`). The few things the index does not export
 * yet are imported here and in the notebooks from their modules, each named in notebooks/README.md:
 * charts (src/report/charts.ts), the atomic folder writer (src/report/write.ts), Student-t
 * summaries (src/experiment/stats.ts) and the V19 rule of thumb (src/station/sizing.ts).
 */
import { writeFolderAtomic } from '../src/index.js';
import { oneSidedBound, pairedDifference, summarize, type Summary } from '../src/index.js';

export { summarize, oneSidedBound, pairedDifference, type Summary };

/** What every notebook's `run` takes. */
export interface NotebookOptions {
  /** 1 = full size; smaller values shrink replications, durations and grids (tests use 0.1). */
  scale: number;
  /** Folder the notebook writes (README.md, figures, tables); replaced atomically. */
  outDir: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What every notebook's findings carry besides its own numbers. */
export interface FindingsBase {
  name: string;
  outDir: string;
  /** Files written into outDir (sorted). */
  files: string[];
  /** The generated README text. */
  readme: string;
  wallS: number;
  scale: number;
}

/** Replications for a given scale: `full` at scale 1, never fewer than `min`. */
export function scaled(full: number, scale: number, min: number): number {
  return Math.max(min, Math.round(full * scale));
}

/** A number for prose and tables: `digits` significant digits, no exponent for ordinary sizes. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '–' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 10 ** digits) return Math.round(x).toLocaleString('en-US').replace(/,/g, ' ');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return x.toFixed(Math.min(decimals, 6)).replace(/^-/, '−');
}

/** Fixed decimals (for rates, percentages). */
export function fix(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  return x.toFixed(decimals).replace(/^-/, '−');
}

/** "mean [lo, hi]" of a Student-t summary. */
export function ci(s: Summary, decimals: number): string {
  if (!Number.isFinite(s.halfWidth)) return fix(s.mean, decimals);
  return `${fix(s.mean, decimals)} [${fix(s.lower, decimals)}, ${fix(s.upper, decimals)}]`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A CSV text (values are numbers or plain identifiers; no quoting needed). */
export function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number): string => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v);
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/**
 * Write the notebook folder atomically (temporary folder, then rename): README.md plus the other
 * files. Returns the sorted file names.
 */
export async function writeNotebook(outDir: string, readme: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  const names = ['README.md', ...Object.keys(files)].sort();
  await writeFolderAtomic(outDir, async (w) => {
    await w.writeFile('README.md', readme);
    for (const [name, content] of Object.entries(files)) await w.writeFile(name, content);
  });
  return names;
}

/** Wall-clock seconds since `t0` (performance.now() milliseconds). */
export function since(t0: number): number {
  return (performance.now() - t0) / 1e3;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}
