/**
 * The one success rule of a tap attempt, under its two names:
 * - the gate opened (`gate_open_rate`): cause `ok` or `wrong-gate` — a 2.45 GHz transaction
 *   bound to another phone still opens the gate in front of the tapper;
 * - the right person paid (`paid_correctly_rate`): cause `ok` only, the intended carrier paid at
 *   the intended reader (radio/tap-outcome.ts).
 * gates.csv `failed_taps` and transactions.csv `outcome` follow the first; the per-band and
 * per-carrier rates the second.
 */
import type { TapCause } from '../radio/tap-outcome.js';

/** Causes after which the gate opens. */
export const GATE_OPEN_CAUSES: readonly TapCause[] = ['ok', 'wrong-gate'];

/** The gate opened for the tapper (ok or wrong-gate). */
export function opensGate(cause: TapCause): boolean {
  return cause === 'ok' || cause === 'wrong-gate';
}

/** The intended carrier paid at the intended reader (ok only). */
export function paidCorrectly(cause: TapCause): boolean {
  return cause === 'ok';
}
