/** The demand section: arrival (and exit) rates and group sizes at an entrance. */
import { z } from 'zod';
import type { SchemaContext } from './context.js';
import type { Fields } from './fields.js';
import { MAX_GROUP, MAX_TABLE_POINTS, tableTooLong } from './limits.js';
import { interpolate } from './rate-table.js';

export function demandSchema(f: Fields, ctx: SchemaContext) {
  const { si, timeNs, plain, distribution } = f;
  const rateSchema = z
    .union([
      z.number().min(0).describe('constant rate, passengers/hour'),
      z.string().describe('mathjs expression in t (a time), passengers/hour, e.g. "2500 + 9000*exp(-((t - 1.5 h)/(35 min))^2)"'),
      z
        .strictObject({
          at: z.array(si('time', 'time of the point (bare number = seconds)', { min: 0 })).min(1).max(MAX_TABLE_POINTS, tableTooLong('times')).describe('times, ascending'),
          perHour: z.array(z.number().min(0)).min(1).max(MAX_TABLE_POINTS, tableTooLong('rates')).describe('rates at those times, passengers/hour'),
        })
        .describe('table: piecewise linear between points, held constant before the first and after the last'),
    ])
    .transform((v, c): { source: string; rateAt: (tS: number) => number } => {
      if (typeof v === 'number') return { source: String(v), rateAt: () => v };
      if (typeof v === 'string') {
        const r = ctx.rateExpression(v);
        if (!r.ok) {
          c.addIssue({ code: 'custom', message: r.message + (r.hint === undefined ? '' : ` (did you mean ${r.hint}?)`) });
          return z.NEVER;
        }
        return { source: v, rateAt: r.rateAt };
      }
      const { at, perHour } = v;
      if (at.length !== perHour.length) {
        c.addIssue({ code: 'custom', message: `table has ${at.length} times but ${perHour.length} rates` });
        return z.NEVER;
      }
      for (let i = 1; i < at.length; i++) {
        if (!((at[i] as number) > (at[i - 1] as number))) {
          c.addIssue({ code: 'custom', path: ['at', i], message: 'times must strictly ascend' });
          return z.NEVER;
        }
      }
      return { source: 'table', rateAt: (tS) => interpolate(at, perHour, tS) };
    })
    .describe('Arrival rate, passengers/hour: a number, a mathjs expression in t, or a table {at, perHour}. Sampled into a per-step table before the run.');

  return z
    .strictObject({
      rate: rateSchema,
      step: timeNs('Step of the sampled rate table.', { min: 0.001, max: 86400 }).prefault('1 min'),
      groupSize: distribution('dimensionless', `Passengers arriving together (rounded, ≥ 1; at most ${MAX_GROUP}) [E].`, { nonNegative: true, atMost: MAX_GROUP }).prefault(1),
      exitRate: rateSchema.optional().describe('Exit flow through this entrance, passengers/hour (number, expression in t, or table): passengers leaving the station tap out at gatelines with direction out or both. Default: no exits.'),
      exitGroupSize: distribution('dimensionless', `Passengers leaving together, e.g. a platoon from one train door (rounded, ≥ 1; at most ${MAX_GROUP}) [E].`, { nonNegative: true, atMost: MAX_GROUP }).prefault(1),
      carrierMix: z
        .array(z.strictObject({ carrier: z.string().describe('carrier id'), share: plain('share 0..1', { min: 0, max: 1 }) }))
        .optional()
        .describe('Carrier shares at this entrance, overriding the population shares; must sum to 1.'),
    })
    .describe('Demand at an entrance.');
}
