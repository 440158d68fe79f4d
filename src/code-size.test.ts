/**
 * Small rooms: no source file over 300 lines and no function over 80 lines (tests excluded), except
 * the exceptions below, each with its reason. Functions are found by parsing (swc): declarations,
 * expressions, arrows, methods and constructors; a nested function counts inside its parent too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from '@swc/core';
import { describe, expect, test } from 'vitest';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

/** "file" or "file:function" → why it may be longer. Empty it; every entry needs a reason. */
const ALLOWED: Readonly<Record<string, string>> = {
};

const SRC = join(import.meta.dirname, '.');
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'Constructor', 'PrivateMethod', 'GetterProperty', 'SetterProperty', 'MethodProperty']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__golden__' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Found {
  name: string;
  lines: number;
}

/** Every function of a file with its length in lines. */
function functionsOf(text: string): Found[] {
  const bytes = Buffer.from(text);
  const lineStarts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lineStarts.push(i + 1);
  const lineOf = (offset1: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset1 - 1) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found: Found[] = [];
  const walk = (node: unknown, name: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, name);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string; span?: { start: number; end: number } };
    let here = name;
    const key = (k: unknown): string | undefined => (k !== null && typeof k === 'object' && 'value' in k ? String((k as { value: unknown }).value) : undefined);
    if (n.type === 'VariableDeclarator') here = key(n['id']) ?? name;
    if (n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration') here = key(n['identifier']) ?? name;
    if (n.type === 'ClassMethod' || n.type === 'MethodProperty' || n.type === 'KeyValueProperty' || n.type === 'GetterProperty') here = `${name}.${key(n['key']) ?? '?'}`;
    if (n.type === 'Constructor') here = `${name}.constructor`;
    if (n.type !== undefined && FUNCTION_TYPES.has(n.type) && n.span !== undefined) {
      found.push({ name: here, lines: lineOf(n.span.end) - lineOf(n.span.start) + 1 });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'span' && typeof v === 'object') walk(v, here);
  };
  walk(parseSync(text, { syntax: 'typescript', target: 'es2022' }).body, '');
  return found;
}

describe('code size', () => {
  const files = sourceFiles(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  test(`no source file over ${MAX_FILE_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(100);
    const long = files.map((f) => ({ rel: f.rel, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > MAX_FILE_LINES && ALLOWED[f.rel] === undefined);
    expect(long.map((f) => `${f.rel}: ${f.lines} lines`)).toEqual([]);
  });

  test(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) => functionsOf(f.text).filter((fn) => fn.lines > MAX_FUNCTION_LINES && ALLOWED[`${f.rel}:${fn.name}`] === undefined).map((fn) => `${f.rel}:${fn.name}: ${fn.lines} lines`));
    expect(long).toEqual([]);
  });

  test('every exception is still needed and has a reason', () => {
    for (const [key, reason] of Object.entries(ALLOWED)) {
      expect(reason.length, key).toBeGreaterThan(10);
      const [rel, fn] = key.split(':') as [string, string | undefined];
      const file = files.find((f) => f.rel === rel);
      expect(file, `${key}: no such file`).toBeDefined();
      if (fn === undefined) expect(file!.text.split('\n').length, key).toBeGreaterThan(MAX_FILE_LINES);
      else expect(functionsOf(file!.text).some((f) => f.name === fn && f.lines > MAX_FUNCTION_LINES), key).toBe(true);
    }
  });

  test('the function finder measures what it should', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const found = functionsOf(`// c\nexport function big(): void {\n${body}\n}\nconst small = (x: number) => x + 1;\nclass K { m(): number { return 1; } }\n`);
    expect(found).toEqual([
      { name: 'big', lines: 92 },
      { name: 'small', lines: 1 },
      { name: 'K.m', lines: 1 },
    ]);
  });
});
