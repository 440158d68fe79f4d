/** What the scenario schema needs from the outside world (mathjs, behind two functions). */
import type { QuantityParser } from '../units.js';
import type { RateFunctionResult } from '../expression.js';

/** What the schema needs from the outside world (mathjs, behind two functions). */
export interface SchemaContext {
  quantity: QuantityParser;
  rateExpression(text: string): RateFunctionResult;
}

/** A context for building the schema only to describe it (JSON Schema): converts nothing. */
export const DESCRIBE_ONLY_CONTEXT: SchemaContext = {
  quantity: { parse: () => ({ ok: false, message: 'unit conversion is not available in this context' }) },
  rateExpression: () => ({ ok: false, message: 'expressions are not available in this context' }),
};
