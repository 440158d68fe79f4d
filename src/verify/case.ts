/** One verification case, the trial budgets the cases run with, and the helpers the case families share. */
import { type VerifyFamily, type VerifyRow } from './row.js';

/** Trial counts; `full` meets the minimums of docs/validation.md, `quick` is for the test suite. */
export interface VerifyBudget {
  quick: boolean;
  /** V5 Monte Carlo trials per n (docs/validation.md: ≥ 1e5). */
  v5Trials: number;
  /** V6 random UID sets per n. */
  v6Sets: number;
  /** V7 rounds per (N, n) (≥ 1e5). */
  v7Rounds: number;
  /** V8 slots / frame times per G (≥ 1e6). */
  v8Slots: number;
  /** V14 shadowing draws (≥ 1e5). */
  v14Draws: number;
  /** V16 replications, customers per replication and warm-up (≥ 1e6 after ≥ 2e4, ≥ 5 replications). */
  v16Replications: number;
  v16Customers: number;
  v16Warmup: number;
  /** V17 passengers after warm-up (≥ 1e6 after ≥ 1e4). */
  v17Passengers: number;
  v17Warmup: number;
  /** V18 saturated passengers per point (≥ 1e4). */
  v18Passengers: number;
}

export function verifyBudget(quick: boolean): VerifyBudget {
  return quick
    ? { quick, v5Trials: 100_000, v6Sets: 50, v7Rounds: 100_000, v8Slots: 300_000, v14Draws: 100_000, v16Replications: 5, v16Customers: 300_000, v16Warmup: 20_000, v17Passengers: 500_000, v17Warmup: 10_000, v18Passengers: 10_000 }
    : { quick, v5Trials: 100_000, v6Sets: 500, v7Rounds: 100_000, v8Slots: 1_000_000, v14Draws: 100_000, v16Replications: 10, v16Customers: 1_000_000, v16Warmup: 20_000, v17Passengers: 1_000_000, v17Warmup: 10_000, v18Passengers: 10_000 };
}

export interface VerifyCase {
  id: string;
  title: string;
  family: VerifyFamily;
  /** † in docs/validation.md: depends on [E] modelling choices (named in the rows' quantity text). */
  dagger: boolean;
  /** The tapsim code it exercises. */
  testAgainst: string;
  run(budget: VerifyBudget): VerifyRow[];
}

export const CM = 0.01;
export const MM = 0.001;

/** A note for simulated rows run below the minimum trial count of docs/validation.md (quick mode). */
export function quickNote(b: VerifyBudget, n: number, minimum: number): string {
  return b.quick && n < minimum ? `quick: below the docs/validation.md minimum ${minimum.toExponential(0)}` : '';
}
