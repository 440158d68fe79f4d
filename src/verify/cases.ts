/**
 * The analytic cases of docs/validation.md (V1–V20) as data plus the functions that check them
 * against the code the simulator runs: physics and link functions called directly, stochastic and
 * queueing cases as real simulation runs (simulations.ts). Expected values are docs/validation.md's printed
 * numbers, copied as text so the "printed digits" tolerance follows from them.
 */
import type { VerifyCase } from './case.js';
import { V1, V2, V3, V4 } from './cases/link-timing.js';
import { V5, V6, V7 } from './cases/anticollision.js';
import { V8, V14 } from './cases/radio.js';
import { V9, V10, V11, V12, V13, V20 } from './cases/physics.js';
import { V15 } from './cases/rcc.js';
import { V16 } from './cases/backend.js';
import { V17, V18, V19 } from './cases/gate.js';

export { verifyBudget, type VerifyBudget, type VerifyCase } from './case.js';

/** Every case, in the order of docs/validation.md. */
export const VERIFY_CASES: readonly VerifyCase[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20];
