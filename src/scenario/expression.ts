/**
 * Demand-rate expressions in `t`, e.g. `"2500 + 9000*exp(-((t - 1.5 h)/(35 min))^2)"`
 * (passengers/hour). `t` is the simulated time as a mathjs time quantity, so units such as
 * `1.5 h` or `35 min` may appear. An expression is parsed and checked against a small allow-list
 * (no import, createUnit, evaluate, parse, assignment, property access …), compiled once, and
 * then sampled into a table before the run — never evaluated in a hot loop or a worker.
 */
import { didYouMean } from './did-you-mean.js';
import type { MathLike, MathNode } from './units.js';

/** Functions an expression may call. */
export const ALLOWED_FUNCTIONS = [
  'exp', 'log', 'log10', 'log2', 'sqrt', 'cbrt', 'abs', 'min', 'max', 'pow', 'sin', 'cos', 'tan', 'tanh',
  'floor', 'ceil', 'round', 'sign',
] as const;
/** Constants an expression may use besides `t` and unit names. */
export const ALLOWED_CONSTANTS = ['pi', 'e'] as const;
const ALLOWED_OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal',
]);
const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode', 'RelationalNode']);

export type RateFunctionResult =
  | { ok: true; rateAt: (tS: number) => number }
  | { ok: false; message: string; hint?: string };

/**
 * Check and compile a rate expression. `rateAt(tS)` evaluates it at `tS` seconds and returns
 * passengers/hour; it throws an Error with a readable message if the value is not a finite
 * number or a 1/time quantity.
 */
export function compileRateExpression(math: MathLike, text: string): RateFunctionResult {
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    return { ok: false, message: `cannot parse expression "${text}": ${error instanceof Error ? error.message : String(error)}` };
  }
  const names = [...ALLOWED_FUNCTIONS, ...ALLOWED_CONSTANTS, 't'];
  const problems: Array<{ message: string; hint?: string }> = [];
  node.traverse((n, path) => {
    if (!ALLOWED_NODES.has(n.type)) {
      problems.push({ message: `${n.type.replace(/Node$/, '').toLowerCase()} "${n.toString()}" is not allowed in a demand expression (only arithmetic, comparisons, t, units and ${ALLOWED_FUNCTIONS.join(', ')})` });
      return;
    }
    if (n.type === 'ConstantNode' && typeof n.value !== 'number') {
      problems.push({ message: `only numbers may appear as constants (got ${n.toString()})` });
    } else if (n.type === 'OperatorNode' && !ALLOWED_OPERATORS.has(String(n.fn))) {
      problems.push({ message: `operator "${n.op ?? String(n.fn)}" is not allowed in a demand expression` });
    } else if (n.type === 'FunctionNode') {
      const fn = n.fn as MathNode | undefined;
      const name = fn?.type === 'SymbolNode' ? (fn.name ?? '') : '';
      if (!(ALLOWED_FUNCTIONS as readonly string[]).includes(name)) {
        const hint = didYouMean(name, ALLOWED_FUNCTIONS);
        problems.push({
          message: `call of "${name || n.toString()}" is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`,
          ...(hint === undefined ? {} : { hint: `"${hint}"` }),
        });
      }
    } else if (n.type === 'SymbolNode' && path !== 'fn') {
      const name = n.name ?? '';
      if (name !== 't' && !(ALLOWED_CONSTANTS as readonly string[]).includes(name) && !math.Unit.isValuelessUnit(name)) {
        const hint = didYouMean(name, names);
        problems.push({ message: `unknown symbol "${name}" (use t, pi, e, unit names or ${ALLOWED_FUNCTIONS.join(', ')})`, ...(hint === undefined ? {} : { hint: `"${hint}"` }) });
      }
    }
  });
  const first = problems[0];
  if (first !== undefined) return { ok: false, ...first };

  // Unit names (not in call position) become unit constants, so `35 min` is a time, not min().
  const bound = node.transform((n, path) => {
    if (n.type === 'SymbolNode' && path !== 'fn' && n.name !== undefined && n.name !== 't' && !(ALLOWED_CONSTANTS as readonly string[]).includes(n.name)) {
      return new math.ConstantNode(math.unit(1, n.name));
    }
    return n;
  });
  const compiled = bound.compile();
  const perHour = math.unit(1, '1/h');
  const rateAt = (tS: number): number => {
    let value: unknown;
    try {
      value = compiled.evaluate({ t: math.unit(tS, 's') });
    } catch (error) {
      throw new Error(`expression "${text}" fails at t = ${tS} s: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof value === 'number') return value;
    if (math.isUnit(value)) {
      if (value.units.length === 0 || value.dimensions.every((d) => d === 0)) return value.toNumber();
      if (value.equalBase(perHour)) return value.toNumber('1/h');
      throw new Error(`expression "${text}" gives ${value.toString()}, expected passengers/hour (a plain number or a 1/time quantity)`);
    }
    throw new Error(`expression "${text}" gives a ${typeof value}, expected a number of passengers/hour`);
  };
  try {
    rateAt(0);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, rateAt };
}
