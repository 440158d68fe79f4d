/**
 * Runs the field-calibration family (cases/calibration.ts) against the model (calibration-model.ts)
 * and returns its rows. Separate from the analytic cases: asynchronous (the scenario schema loads
 * mathjs) and never part of verify's pass/fail decision.
 */
import { BenchRunner, calibrationBudget, MODEL_QUANTITIES, modelEstimate, scenarioResolver } from './calibration-model.js';
import { acceptanceText, acceptedInterval, calibrationStatus, type CalibrationRow } from './calibration-row.js';
import { CALIBRATION_FIGURES, type CalibrationFigure } from './cases/calibration.js';

export interface RunCalibrationOptions {
  quick?: boolean;
  /** The figures to compare (default CALIBRATION_FIGURES; a test adds its own). */
  figures?: readonly CalibrationFigure[];
}

/** One row per figure, in the given order; each bench runs once, shared by the figures that use it. */
export async function runCalibration(options: RunCalibrationOptions = {}): Promise<CalibrationRow[]> {
  const figures = options.figures ?? CALIBRATION_FIGURES;
  if (figures.length === 0) return [];
  const runner = new BenchRunner(await scenarioResolver(), calibrationBudget(options.quick === true));
  return figures.map((f) => {
    const est = modelEstimate(runner, f.model, f.minus);
    const { lo, hi } = acceptedInterval(f.published, f.acceptance);
    const q = MODEL_QUANTITIES[f.model];
    const quantity = f.minus === undefined ? q.text : `${q.text} minus ${MODEL_QUANTITIES[f.minus].text}`;
    return {
      id: f.id,
      figure: f.figure,
      source: f.source,
      quantity: `${quantity} — ${f.why}`,
      published: f.published,
      unit: f.unit,
      model: est.value,
      ciLo: est.ciLo,
      ciHi: est.ciHi,
      basis: est.basis,
      tolerance: `${acceptanceText(f.acceptance, f.unit)}: ${f.reason}`,
      lo,
      hi,
      status: calibrationStatus(est.value, lo, hi),
    };
  });
}

/** Calibration ids (C1 …) among verify's --case ids. */
export function isCalibrationId(id: string): boolean {
  return /^C\d+$/.test(id);
}
