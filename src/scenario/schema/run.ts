/** The run's own fields: name, seed, duration, replications; the retry rule; the outputs. */
import { z } from 'zod';
import type { Fields } from './fields.js';
import { MAX_INTERVALS } from './limits.js';
import { DEFAULT_BACKEND } from '../../backend/backend.js';
import { timeText } from './default-text.js';

/** Top-level fields of the scenario (before the model sections). */
export function runFields(f: Fields) {
  const { timeNs, count } = f;
  return {
  $schema: z.string().optional().describe('JSON Schema reference (ignored).'),
  extends: z.string().optional().describe('Path of a scenario this one extends, relative to this file; maps merge, lists and values replace.'),
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, { message: 'name must be a slug: letters, digits, "-", "_", "." (no "/", no spaces), starting with a letter or digit' })
    .refine((n) => !n.includes('..'), { message: 'name must not contain ".."' })
    .describe('Scenario name; names the results folder results/<name>/.'),
  description: z.string().default('').describe('What question the scenario answers.'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1).describe('Master random seed (integer ≥ 0).'),
  duration: timeNs('Simulated time.', { min: 0, exclusiveMin: true }),
  warmup: timeNs('Warm-up excluded from statistics.', { min: 0 }).prefault(0),
  startTime: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, { message: 'startTime must be a clock time "HH:MM" or "HH:MM:SS" (00:00 to 23:59:59), e.g. "07:00"' })
    .optional()
    .describe('Clock time of t = 0, "HH:MM" or "HH:MM:SS" (e.g. "07:00"): the figures and the summary show clock time, the CSV `clock` columns count from it. Absent: the clock columns count from 00:00 and the figures show time since scenario start.'),
  replications: count('Independent replications.', 1, 10000).default(1),
  };
}

/** Retries after a failed tap. */
export function retrySchema(f: Fields) {
  const { count, distribution } = f;
  return z
    .strictObject({
      maxTaps: count('Tap attempts before falling back [E] (cf. ISO-DEP retransmit count 2 [S] docs/sources.md#f9-1).', 1, 20).default(3),
      representDelay: distribution('time', 'Delay before re-presenting after a failed tap, s [E].', { nonNegative: true }).prefault({ kind: 'lognormal', median: '1 s', p95: '3 s' }),
      fallback: z.enum(['other-gate', 'qr', 'service-desk']).default('other-gate').describe('What a passenger does after maxTaps failures.'),
    })
    .prefault({})
    .describe('Retries after a failed tap.');
}

/** What the run writes. */
export function outputsSchema(f: Fields) {
  const { timeNs } = f;
  return z
    .strictObject({
      transactions: z.boolean().default(true).describe('Write transactions.csv (one row per tap attempt).'),
      format: z
        .array(z.enum(['csv', 'parquet']))
        .min(1)
        .refine((f) => f.includes('csv'), { message: 'format must include csv (the report and `tapsim report` read the CSV files): give [csv] or [csv, parquet]' })
        .refine((f) => new Set(f).size === f.length, { message: 'format lists a format twice: give [csv] or [csv, parquet]' })
        .optional()
        .describe('File formats of the tables: [csv] when absent, or [csv, parquet] to write every table also as <name>.parquet (typed columns, units in the file metadata; read with `tapsim query`).'),
      pointTables: z.boolean().optional().describe('Sweeps only: keep each point\'s gates and transactions tables as points/p<point>/gates.parquet and transactions.parquet (per-tap questions across points with `tapsim query`). false when absent.'),
      interval: timeNs(`Interval of the gate and backend time series (at most ${MAX_INTERVALS} intervals over the duration).`, { min: 0, exclusiveMin: true }).prefault(timeText(DEFAULT_BACKEND.intervalNs, 'min')),
    })
    .prefault({})
    .describe('What the run writes.');
}
