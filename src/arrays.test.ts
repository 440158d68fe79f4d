import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from './arrays.js';

/** Far more arguments than V8 passes to one call (≈ 120 000 on a default stack). */
const BIG = 200_000;

describe('array helpers', () => {
  it('agree with Math.max / Math.min on small arrays, NaN and signed zero', () => {
    const cases: number[][] = [[], [3], [1, 5, 2], [-1, -7], [0, -0], [-0, 0], [NaN, 1], [1, NaN], [Infinity, -Infinity]];
    for (const xs of cases) {
      for (const bound of [undefined, 0, -0, 4]) {
        expect(Object.is(maxOf(xs, bound), bound === undefined ? Math.max(...xs) : Math.max(bound, ...xs))).toBe(true);
        expect(Object.is(minOf(xs, bound), bound === undefined ? Math.min(...xs) : Math.min(bound, ...xs))).toBe(true);
      }
    }
  });

  it(`take ${BIG} elements, where a spread throws`, () => {
    const xs = Array.from({ length: BIG }, (_, i) => (i * 7919) % BIG);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(maxOf(xs, 0)).toBe(BIG - 1);
    expect(minOf(xs)).toBe(0);
    const target = [1];
    expect(() => target.push(...xs)).toThrow(RangeError);
    expect(pushAll(target, xs)).toHaveLength(BIG + 1);
  });
});

/**
 * Spreads into calls (`f(...xs)`, `new C(...xs)`) in a TypeScript source, found by a small lexer
 * that skips comments, strings, templates and regex literals and tells a call's argument list
 * from a rest parameter (`(...args) =>`, `function f(...args) {`) by what follows its ")".
 */
function callSpreads(source: string): number[] {
  const found: number[] = [];
  const stack: Array<{ kind: string; spreads: number[] }> = [];
  let line = 1;
  let last = ''; // last significant character, to tell a regex from a division
  let i = 0;
  const n = source.length;
  const skipString = (quote: string): void => {
    for (i++; i < n && source[i] !== quote; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '\n') line++;
    }
  };
  while (i < n) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\n') line++;
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (; i < stop; i++) if (source[i] === '\n') line++;
      continue;
    }
    if (c === "'" || c === '"') {
      skipString(c);
      last = 'a';
      i++;
      continue;
    }
    if (c === '`' || (c === '}' && stack[stack.length - 1]?.kind === '${')) {
      if (c === '}') stack.pop();
      for (i++; i < n && source[i] !== '`'; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '\n') line++;
        else if (source[i] === '$' && source[i + 1] === '{') {
          stack.push({ kind: '${', spreads: [] });
          i++;
          break;
        }
      }
      last = 'a';
      i++;
      continue;
    }
    if (c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || /\breturn\s*$/.test(source.slice(Math.max(0, i - 8), i)))) {
      let inClass = false;
      for (i++; i < n; i++) {
        const r = source[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
      }
      last = 'a';
      i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') stack.push({ kind: c, spreads: [] });
    else if (c === ')' || c === ']' || c === '}') {
      const group = stack.pop();
      if (c === ')' && group !== undefined && group.spreads.length > 0) {
        const after = source.slice(i + 1, i + 40).trimStart();
        const isParameterList = after.startsWith('=>') || after.startsWith('{') || after.startsWith(':');
        if (!isParameterList) for (const l of group.spreads) found.push(l);
      }
    } else if (c === '.' && source.startsWith('...', i)) {
      const top = stack[stack.length - 1];
      if (top?.kind === '(' && (last === '(' || last === ',')) top.spreads.push(line);
      i += 3;
      last = '.';
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return found;
}

describe('no spread into a call in src/', () => {
  it('the lexer finds call spreads and passes over rest parameters, strings and regexes', () => {
    const sample = [
      'const a = Math.max(0, ...xs);', // 1: call
      'const f = (...args: number[]) => args.length;', // 2: rest
      'function g(a: number, ...rest: string[]): void {}', // 3: rest
      "const s = 'f(...x)'; const r = /\\(...\\)/;", // 4: string and regex
      'const o = { ...x }; const l = [...x];', // 5: object and array literal
      'h(`${k(...y)}`);', // 6: call inside a template
      'type T = (...a: never[]) => unknown;', // 7: rest in a type
      'out.push(...items);', // 8: call
    ].join('\n');
    expect(callSpreads(sample)).toEqual([1, 6, 8]);
  });

  it('holds for every source file', () => {
    const root = join(import.meta.dirname, '.');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(50);
    const spreads = files.flatMap((f) => callSpreads(readFileSync(f, 'utf8')).map((l) => `${relative(root, f)}:${l}`));
    expect(spreads).toEqual([]);
  });
});
