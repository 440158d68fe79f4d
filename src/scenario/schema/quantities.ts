/**
 * Quantity fields of the scenario schema: strings with units or bare numbers, resolved to SI
 * numbers (times outside distributions to integer ns), with range checks and help texts.
 */
import { z } from 'zod';
import { s as nsFromS } from '../../units.js';
import type { Dimension } from '../units.js';
import type { SchemaContext } from './context.js';
import { MAX_TIME_S } from './limits.js';

export interface Range {
  min?: number;
  max?: number;
  /** Strictly greater than min. */
  exclusiveMin?: boolean;
  /** Strictly less than max. */
  exclusiveMax?: boolean;
}

export function checkRange(value: number, range: Range | undefined, unit: string, c: z.RefinementCtx): boolean {
  if (range === undefined) return true;
  const shown = unit === '' ? String(value) : `${value} ${unit}`;
  if (range.min !== undefined && (range.exclusiveMin === true ? !(value > range.min) : !(value >= range.min))) {
    c.addIssue({ code: 'custom', message: `must be ${range.exclusiveMin === true ? '>' : '≥'} ${range.min}${unit === '' ? '' : ` ${unit}`} (got ${shown})` });
    return false;
  }
  if (range.max !== undefined && (range.exclusiveMax === true ? !(value < range.max) : !(value <= range.max))) {
    c.addIssue({ code: 'custom', message: `must be ${range.exclusiveMax === true ? '<' : '≤'} ${range.max}${unit === '' ? '' : ` ${unit}`} (got ${shown})` });
    return false;
  }
  return true;
}

/** Quantity field builders; unit conversion goes through `ctx` (mathjs). */
export function makeQuantities(ctx: SchemaContext) {
  const rawQuantity = z.union([z.number(), z.string()]);

  const toSi = (v: number | string, dim: Dimension, c: z.RefinementCtx): number | undefined => {
    if (typeof v === 'number') return v;
    const r = ctx.quantity.parse(v, dim);
    if (!r.ok) {
      c.addIssue({ code: 'custom', message: r.message });
      return undefined;
    }
    return r.value;
  };

  /** A quantity resolved to its SI number (unit of `dim`). */
  const si = (dim: Dimension, help: string, range?: Range) =>
    rawQuantity
      .transform((v, c) => {
        const value = toSi(v, dim, c);
        if (value === undefined || !checkRange(value, range, dimUnit(dim), c)) return z.NEVER;
        return value;
      })
      .describe(help);

  /** A time resolved to integer nanoseconds (TimeNs); bare numbers are seconds. */
  const timeNs = (help: string, range?: Range) =>
    rawQuantity
      .transform((v, c) => {
        const seconds = toSi(v, 'time', c);
        if (seconds === undefined || !checkRange(seconds, range, 's', c)) return z.NEVER;
        const ns = nsFromS(seconds);
        if (!Number.isSafeInteger(ns)) {
          c.addIssue({ code: 'custom', message: `time ${seconds} s is out of range: times are whole nanoseconds and must lie within ±${MAX_TIME_S} s (≈ 104 days)` });
          return z.NEVER;
        }
        return ns;
      })
      .describe(`${help} Bare number = seconds; resolved to integer ns.`);

  const plain = (help: string, range?: Range) =>
    z
      .number()
      .superRefine((v, c) => {
        checkRange(v, range, '', c);
      })
      .describe(help);
  const count = (help: string, min: number, max: number) => z.number().int().min(min).max(max).describe(help);
  return { rawQuantity, toSi, si, timeNs, plain, count };
}

/** The field builders of `makeQuantities`. */
export type Quantities = ReturnType<typeof makeQuantities>;

export function dimUnit(dim: Dimension): string {
  switch (dim) {
    case 'time':
      return 's';
    case 'length':
      return 'm';
    case 'current':
      return 'A';
    case 'field':
      return 'A/m';
    case 'frequency':
      return 'Hz';
    case 'power':
      return 'dBm';
    case 'speed':
      return 'm/s';
    case 'angle':
      return 'deg';
    case 'voltage':
      return 'V';
    case 'inductance':
      return 'H';
    case 'dimensionless':
      return '';
  }
}
