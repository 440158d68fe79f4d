/** Limits on what a scenario may ask for, and the id rule shared by every section. */
import { z } from 'zod';
import { NS_PER_S } from '../../units.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const id = (what: string) =>
  z
    .string()
    .regex(ID, { message: 'ids use letters, digits, "-", "_" and "." and start with a letter or digit' })
    .max(64)
    .describe(`${what} id (letters, digits, - _ .; unique among its siblings)`);

/** Largest arrival rate of one entrance (entries or exits), passengers/hour: 278 per second. */
export const MAX_RATE_PER_HOUR = 1_000_000;
/** Largest group of passengers arriving or leaving together. */
export const MAX_GROUP = 1000;
/** Most intervals of the gate and backend time series over a run. */
export const MAX_INTERVALS = 1_000_000;
/** Most points in a table (a rate table {at, perHour}, an empirical distribution). */
export const MAX_TABLE_POINTS = 100_000;
/** Largest time a scenario may give, s: whole nanoseconds below 2^53 (≈ 104 days). */
export const MAX_TIME_S = Math.floor(Number.MAX_SAFE_INTEGER / NS_PER_S);

/** The error of a table's `.max(MAX_TABLE_POINTS)`: states the limit and the fix. */
export const tableTooLong = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    `${Array.isArray(issue.input) ? issue.input.length : 'too many'} ${what}; a table has at most ${MAX_TABLE_POINTS} points: thin it (a longer step between points)${what === 'times' || what === 'rates' ? ', or give the rate as an expression' : ''}`,
});
