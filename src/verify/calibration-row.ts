/**
 * One row of the field-calibration family: a published field figure, the model quantity that
 * matches it, the acceptance fixed in the code with its reason, and the status. The status is
 * `within` or `miss`, reported only: calibration rows never decide verify's exit code.
 */
import { csvText } from '../report/csv.js';

/** How a published figure is compared: an upper bound, a range, or a relative band around it. */
export type Acceptance = { kind: 'max'; limit: number } | { kind: 'range'; lo: number; hi: number } | { kind: 'rel'; rel: number };

export type CalibrationStatus = 'within' | 'miss';

export interface CalibrationRow {
  id: string;
  figure: string;
  source: string;
  /** The model quantity compared (which one and why). */
  quantity: string;
  published: number;
  unit: string;
  /** The model's estimate, its 95 % CI, and what it rests on (taps or replications). */
  model: number;
  ciLo: number;
  ciHi: number;
  basis: string;
  /** The acceptance in words with its reason, and as an interval. */
  tolerance: string;
  lo: number;
  hi: number;
  status: CalibrationStatus;
}

/** The accepted interval [lo, hi] of a published value. */
export function acceptedInterval(published: number, a: Acceptance): { lo: number; hi: number } {
  switch (a.kind) {
    case 'max':
      return { lo: -Infinity, hi: a.limit };
    case 'range':
      return { lo: a.lo, hi: a.hi };
    case 'rel':
      return { lo: published * (1 - a.rel), hi: published * (1 + a.rel) };
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : x > 0 ? 'Inf' : x < 0 ? '-Inf' : 'NaN';
}

export function acceptanceText(a: Acceptance, unit: string): string {
  switch (a.kind) {
    case 'max':
      return `≤ ${fmt(a.limit)} ${unit}`;
    case 'range':
      return `${fmt(a.lo)}–${fmt(a.hi)} ${unit}`;
    case 'rel':
      return `±${fmt(a.rel * 100)} %`;
  }
}

/** The status: within when the model mean lies in the accepted interval (a NaN model value is a miss). */
export function calibrationStatus(model: number, lo: number, hi: number): CalibrationStatus {
  return Number.isFinite(model) && model >= lo && model <= hi ? 'within' : 'miss';
}

export const CALIBRATION_CSV_COLUMNS = ['id', 'figure', 'source', 'model_quantity', 'unit', 'published', 'model', 'model_ci95_lo', 'model_ci95_hi', 'model_basis', 'tolerance', 'accepted_lo', 'accepted_hi', 'status'] as const;

/** calibration.csv text. */
export function calibrationCsv(rows: readonly CalibrationRow[]): string {
  return csvText([
    [...CALIBRATION_CSV_COLUMNS],
    ...rows.map((r) => [r.id, r.figure, r.source, r.quantity, r.unit, fmt(r.published), fmt(r.model), fmt(r.ciLo), fmt(r.ciHi), r.basis, r.tolerance, fmt(r.lo), fmt(r.hi), r.status]),
  ]);
}

/** The model value with its 95 % CI, as the report and the console print it (the basis, n, is in the table beside it). */
export function modelText(r: CalibrationRow): string {
  const ci = Number.isFinite(r.ciLo) && Number.isFinite(r.ciHi) ? ` [${fmt(r.ciLo)}, ${fmt(r.ciHi)}]` : ' (95% CI n/a)';
  return `${fmt(r.model)}${ci}`;
}

/** Rows for the console and the HTML table: id, figure, published, model [95% CI], n, tolerance, status. */
export function calibrationCells(rows: readonly CalibrationRow[]): string[][] {
  return rows.map((r) => [r.id, r.figure, `${fmt(r.published)} ${r.unit}`, modelText(r), r.basis, r.tolerance, r.status]);
}

export const CALIBRATION_NOTE = 'Field calibration: reported, not a pass/fail gate — a miss never changes the exit code; docs/validation.md#calibration explains each miss.';
