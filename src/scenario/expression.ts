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
 * number or a 1/time quantity (`"100 / h"`, `"2 / min"` = 120 per hour). Expressions longer than
 * MAX_EXPRESSION_CHARS or nested deeper than MAX_EXPRESSION_NESTING are refused before parsing.
 */
export function compileRateExpression(math: MathLike, text: string): RateFunctionResult {
  const tooBig = expressionSizeProblem(text);
  if (tooBig !== undefined) return { ok: false, message: tooBig };
  try {
    return compileChecked(math, text);
  } catch (error) {
    // Backstop: the limits above keep mathjs' recursive parser and compiler far from the stack's end.
    if (isStackOverflow(error)) return { ok: false, message: 'expression is too deeply nested to compile; simplify it, or give the rate as a table {at, perHour}' };
    throw error;
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Longest rate expression, characters: mathjs parses and compiles recursively, so size is bounded. */
export const MAX_EXPRESSION_CHARS = 1000;
/** Deepest nesting of brackets in a rate expression. */
export const MAX_EXPRESSION_NESTING = 32;

/** Why `text` is too long or too deeply nested for an expression, or undefined. */
export function expressionSizeProblem(text: string): string | undefined {
  if (text.length > MAX_EXPRESSION_CHARS) {
    return `expression is ${text.length} characters long; at most ${MAX_EXPRESSION_CHARS} are allowed: simplify it, or give the rate as a table {at, perHour}`;
  }
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  if (deepest > MAX_EXPRESSION_NESTING) {
    return `expression nests brackets ${deepest} deep; at most ${MAX_EXPRESSION_NESTING} levels are allowed: simplify it, or give the rate as a table {at, perHour}`;
  }
  return undefined;
}

function compileChecked(math: MathLike, text: string): RateFunctionResult {
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    if (isStackOverflow(error)) throw error;
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
      if (isStackOverflow(error)) throw error;
      throw new Error(`expression "${text}" fails at t = ${tS} s: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof value === 'number') return value;
    if (math.isUnit(value)) {
      if (value.units.length === 0 || value.dimensions.every((d) => d === 0)) return value.toNumber();
      if (value.equalBase(perHour)) return value.toNumber('h^-1');
      throw new Error(`expression "${text}" gives ${value.toString()}, expected passengers/hour (a plain number or a 1/time quantity)`);
    }
    throw new Error(`expression "${text}" gives a ${typeof value}, expected a number of passengers/hour`);
  };
  try {
    rateAt(0);
  } catch (error) {
    if (isStackOverflow(error)) throw error;
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, rateAt };
}
