/**
 * Gate-count sizing from the peak flow (docs/sources.md#f8-1, docs/validation.md#v19):
 * design flow = peak flow / window (passengers per minute); gates = ceil(design flow / (capacity · u)).
 */

export interface GateSizingInput {
  /** Passengers in the peak window (e.g. the peak 5 minutes). */
  peakFlow: number;
  /** Length of the peak window, minutes (5 in docs/sources.md#f8-1). */
  windowMin: number;
  /** Capacity of one gate, passengers per minute. */
  capacityPpm: number;
  /** Planned utilisation of each gate, 0 < u ≤ 1. */
  utilisation: number;
}

/**
 * Number of gates needed: ceil(peakFlow / windowMin / (capacityPpm · utilisation)).
 * The quotient is formed as peakFlow / (windowMin · capacityPpm · utilisation) and snapped to the
 * nearest integer when it is within 1e-9 (relative) of one, so decimal inputs such as u = 0.8 that
 * divide exactly on paper are not pushed over by binary rounding (300 / (25 · 0.8) = 15, not 16).
 */
export function gatesNeeded(input: GateSizingInput): number {
  const { peakFlow, windowMin, capacityPpm, utilisation } = input;
  if (!(peakFlow >= 0) || !Number.isFinite(peakFlow)) throw new RangeError(`gatesNeeded: peak flow must be a finite number ≥ 0, got ${peakFlow}`);
  if (!(windowMin > 0) || !Number.isFinite(windowMin)) throw new RangeError(`gatesNeeded: window must be > 0 min, got ${windowMin}`);
  if (!(capacityPpm > 0) || !Number.isFinite(capacityPpm)) throw new RangeError(`gatesNeeded: capacity must be > 0 passengers/min, got ${capacityPpm}`);
  if (!(utilisation > 0 && utilisation <= 1)) throw new RangeError(`gatesNeeded: utilisation must be in (0, 1], got ${utilisation}`);
  const quotient = peakFlow / (windowMin * capacityPpm * utilisation);
  const nearest = Math.round(quotient);
  if (Math.abs(quotient - nearest) <= 1e-9 * Math.max(1, nearest)) return nearest;
  return Math.ceil(quotient);
}
