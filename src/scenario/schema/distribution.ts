/**
 * Distribution fields of the scenario schema: a bare quantity (constant) or one of the kinds of
 * src/random/distributions.ts, checked and resolved to SI numbers.
 */
import { z } from 'zod';
import { lognormalFromMedianPercentile, meanOf, type Distribution } from '../../random/distributions.js';
import type { Dimension } from '../units.js';
import { MAX_TABLE_POINTS, tableTooLong } from './limits.js';
import { dimUnit, type Quantities } from './quantities.js';

/** The distribution kinds as objects, their quantities built by `q`. */
function distributionKinds(q: (what: string) => ReturnType<Quantities['si']>) {
  return z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('constant'), value: q('the value') }),
      z.strictObject({ kind: z.literal('uniform'), min: q('lower bound'), max: q('upper bound') }),
      z.strictObject({ kind: z.literal('exponential'), mean: q('mean (> 0)') }),
      z.strictObject({ kind: z.literal('normal'), mean: q('mean'), sd: q('standard deviation (≥ 0)'), min: q('truncate below (optional)').optional(), max: q('truncate above (optional)').optional() }),
      z.strictObject({
        kind: z.literal('lognormal'),
        mu: z.number().describe('mean of the underlying normal (log of the value in SI units); with sigma').optional(),
        sigma: z.number().describe('sd of the underlying normal; with mu').optional(),
        median: q('median; with p95 or p99').optional(),
        p95: q('95th percentile; with median').optional(),
        p99: q('99th percentile; with median').optional(),
      }),
      z.strictObject({ kind: z.literal('triangular'), min: q('lower bound'), mode: q('mode'), max: q('upper bound') }),
      z.strictObject({ kind: z.literal('gamma'), shape: z.number().describe('shape k (> 0)'), scale: q('scale θ (> 0)') }),
      z.strictObject({ kind: z.literal('weibull'), shape: z.number().describe('shape k (> 0)'), scale: q('scale λ (> 0)') }),
      z.strictObject({ kind: z.literal('erlang'), phases: z.number().int().min(1).describe('number of phases k ≥ 1'), mean: q('overall mean (> 0)') }),
      z.strictObject({
        kind: z.literal('empirical'),
        values: z.array(q('value')).min(2).max(MAX_TABLE_POINTS, tableTooLong('values')).describe('values, ascending'),
        cumulative: z.array(z.number()).min(2).max(MAX_TABLE_POINTS, tableTooLong('cumulative probabilities')).describe('cumulative probabilities, ascending from 0 to 1'),
      }),
    ]);
}

type KindInput = z.output<ReturnType<typeof distributionKinds>>;

/** One distribution object, checked: the distribution, or what is wrong with it. */
function resolveKind(v: KindInput): Distribution | string {
  let d: Distribution;
  switch (v.kind) {
    case 'constant':
      d = { kind: 'constant', value: v.value };
      break;
    case 'uniform':
      if (!(v.min <= v.max)) return `uniform needs min ≤ max (got ${v.min}, ${v.max})`;
      d = { kind: 'uniform', min: v.min, max: v.max };
      break;
    case 'exponential':
      if (!(v.mean > 0)) return `exponential needs mean > 0 (got ${v.mean})`;
      d = { kind: 'exponential', mean: v.mean };
      break;
    case 'normal':
      if (!(v.sd >= 0)) return `normal needs sd ≥ 0 (got ${v.sd})`;
      if (v.min !== undefined && v.max !== undefined && !(v.min <= v.max)) return 'normal needs min ≤ max';
      d = { kind: 'normal', mean: v.mean, sd: v.sd, ...(v.min === undefined ? {} : { min: v.min }), ...(v.max === undefined ? {} : { max: v.max }) };
      break;
    case 'lognormal': {
      const byMuSigma = v.mu !== undefined && v.sigma !== undefined && v.median === undefined && v.p95 === undefined && v.p99 === undefined;
      const byMedian = v.mu === undefined && v.sigma === undefined && v.median !== undefined && (v.p95 === undefined) !== (v.p99 === undefined);
      if (byMuSigma) {
        if (!(v.sigma! >= 0)) return `lognormal needs sigma ≥ 0 (got ${v.sigma})`;
        d = { kind: 'lognormal', mu: v.mu!, sigma: v.sigma! };
      } else if (byMedian) {
        const pValue = (v.p95 ?? v.p99)!;
        if (!(v.median! > 0) || !(pValue > v.median!)) return `lognormal needs 0 < median < ${v.p95 !== undefined ? 'p95' : 'p99'} (got ${v.median}, ${pValue})`;
        d = { kind: 'lognormal', ...lognormalFromMedianPercentile(v.median!, pValue, v.p95 !== undefined ? 0.95 : 0.99) };
      } else {
        return 'lognormal takes either mu and sigma, or median with exactly one of p95 / p99';
      }
      break;
    }
    case 'triangular':
      if (!(v.min <= v.mode && v.mode <= v.max && v.min < v.max)) return `triangular needs min ≤ mode ≤ max and min < max (got ${v.min}, ${v.mode}, ${v.max})`;
      d = { kind: 'triangular', min: v.min, mode: v.mode, max: v.max };
      break;
    case 'gamma':
    case 'weibull':
      if (!(v.shape > 0 && v.scale > 0)) return `${v.kind} needs shape > 0 and scale > 0`;
      d = { kind: v.kind, shape: v.shape, scale: v.scale };
      break;
    case 'erlang':
      if (!(v.mean > 0)) return `erlang needs mean > 0 (got ${v.mean})`;
      d = { kind: 'erlang', phases: v.phases, mean: v.mean };
      break;
    case 'empirical': {
      const { values, cumulative } = v;
      if (values.length !== cumulative.length) return 'empirical needs as many cumulative probabilities as values';
      for (let i = 1; i < values.length; i++) {
        if (!((values[i] as number) >= (values[i - 1] as number))) return 'empirical values must ascend';
        if (!((cumulative[i] as number) >= (cumulative[i - 1] as number))) return 'empirical cumulative probabilities must ascend';
      }
      if (cumulative[0] !== 0 || cumulative[cumulative.length - 1] !== 1) return 'empirical cumulative probabilities must run from 0 to 1';
      d = { kind: 'empirical', values, cumulative };
      break;
    }
  }
  return d;
}

/** A distribution field builder over the quantities of `q`. */
export function makeDistribution(q: Quantities) {
  const { rawQuantity, si, toSi } = q;
  /** A distribution over quantities of `dim` (time: SI seconds). A bare quantity means constant. */
  return (dim: Dimension, help: string, options: { nonNegative?: boolean; atMost?: number } = {}) => {
    const unitNote = dim === 'time' ? 'seconds (resolved in SI seconds, not ns)' : dimUnit(dim) === '' ? 'plain numbers' : dimUnit(dim);
    const kinds = distributionKinds((what) => si(dim, what));
    return z
      .union([rawQuantity, kinds])
      .transform((v, c): Distribution => {
        const fail = (message: string): never => {
          c.addIssue({ code: 'custom', message });
          return z.NEVER as never;
        };
        let d: Distribution;
        if (typeof v === 'number' || typeof v === 'string') {
          const value = toSi(v, dim, c);
          if (value === undefined) return z.NEVER;
          d = { kind: 'constant', value };
        } else {
          const resolved = resolveKind(v);
          if (typeof resolved === 'string') return fail(resolved);
          d = resolved;
        }
        if (options.nonNegative === true) {
          const low = lowerBound(d);
          if (low < 0) return fail(`must not go below 0 (lower bound ${low})`);
        }
        if (options.atMost !== undefined) {
          const high = upperBound(d);
          if (!(high.value <= options.atMost)) return fail(`must stay at most ${options.atMost} (${high.what} ${high.value})`);
        }
        return d;
      })
      .describe(`${help} A distribution: a bare quantity (constant) or {kind: constant|uniform|exponential|normal|lognormal|triangular|gamma|weibull|erlang|empirical, …}; values in ${unitNote}.`);
  };
}

/** The largest value `d` can give, or its mean where it has no largest value. */
function upperBound(d: Distribution): { what: string; value: number } {
  switch (d.kind) {
    case 'constant':
      return { what: 'value', value: d.value };
    case 'uniform':
    case 'triangular':
      return { what: 'upper bound', value: d.max };
    case 'empirical':
      return { what: 'upper bound', value: d.values[d.values.length - 1] ?? 0 };
    case 'normal':
      return d.max === undefined ? { what: 'mean', value: d.mean } : { what: 'upper bound', value: d.max };
    default:
      return { what: 'mean', value: meanOf(d) };
  }
}

function lowerBound(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.min;
    case 'empirical':
      return d.values[0] ?? 0;
    case 'normal':
      return d.min ?? 0;
    default:
      return 0;
  }
}
