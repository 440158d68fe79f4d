/**
 * Loops for what `Math.max(...xs)` and `a.push(...xs)` would do. A spread passes every element as
 * a call argument on the stack, so a data-sized array (a rate table of 150 000 samples, a time
 * series of 100 days) throws "Maximum call stack size exceeded"; these never do. src/ uses no
 * spread in a call (src/arrays.test.ts checks).
 */

/** `Math.max(floor, ...values)` without the spread: NaN if any is NaN, +0 above −0. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let best = floor;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v > best || (v === 0 && best === 0 && Object.is(best, -0))) best = v;
  }
  return best;
}

/** `Math.min(ceiling, ...values)` without the spread: NaN if any is NaN, −0 below +0. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let best = ceiling;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v < best || (v === 0 && best === 0 && Object.is(v, -0))) best = v;
  }
  return best;
}

/** Append every item of `items` to `target` (in place); returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
