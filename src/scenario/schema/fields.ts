/** Everything a schema section builds its fields from: quantities, distributions, ids. */
import type { z } from 'zod';
import type { Distribution } from '../../random/distributions.js';
import type { SchemaContext } from './context.js';
import { makeDistribution } from './distribution.js';
import { id } from './limits.js';
import { makeQuantities } from './quantities.js';

/** The field builders of one schema (one `ctx`). */
export function makeFields(ctx: SchemaContext) {
  const q = makeQuantities(ctx);
  return { ...q, id, distribution: makeDistribution(q) };
}

export type Fields = ReturnType<typeof makeFields>;
/** Input side of a distribution field (a default written as the scenario file would). */
export type DistIn = z.input<ReturnType<Fields['distribution']>>;
export const asInput = (d: Distribution): DistIn => d as unknown as DistIn;
