/**
 * The one success rule of a tap attempt, under its two names:
 * - the gate opened (`gate_open_rate`): cause `ok`, `wrong-gate` or `wrong-card` — a transaction
 *   bound to another person's carrier (a 2.45 GHz phone, a 13.56 MHz card in reach) still opens the
 *   gate in front of the tapper, and so does one that a selecting 13.56 MHz reader ran with the
 *   tapper's other card (a wallet): a valid fare medium paid, the wrong one;
 * - the right person paid (`paid_correctly_rate`): cause `ok` only, the intended carrier paid at
 *   the intended reader (radio/tap-outcome.ts).
 * gates.csv `failed_taps` and transactions.csv `outcome` follow the first; the per-band and
 * per-carrier rates the second.
 */
import type { TapCause } from '../radio/tap-outcome.js';

/** Causes after which the gate opens. */
export const GATE_OPEN_CAUSES: readonly TapCause[] = ['ok', 'wrong-gate', 'wrong-card'];

/** The gate opened for the tapper (ok, wrong-gate or wrong-card). */
export function opensGate(cause: TapCause): boolean {
  return cause === 'ok' || cause === 'wrong-gate' || cause === 'wrong-card';
}

/** The intended carrier paid at the intended reader (ok only). */
export function paidCorrectly(cause: TapCause): boolean {
  return cause === 'ok';
}
