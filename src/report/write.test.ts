import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir, formatNumber, parseJsonExact, stringifyJsonExact, summaryCsv, writeFolderAtomic, writeRunFolder } from './write.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'], [-0, '0'], [42, '42'], [-7, '-7'], [0.1 + 0.2, '0.3'], [1 / 3, '0.333333'], [123456.789, '123457'],
    [1234.5678, '1234.57'], [0.000123456789, '0.000123457'], [1e-7, '1e-7'], [1.23456789e20, '1.23457e+20'],
    [NaN, 'NaN'], [Infinity, 'Inf'], [-Infinity, '-Inf'], [2.5e-6, '0.0000025'],
  ])('%d → %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });
});

describe('summaryCsv', () => {
  it('has a fixed column order: replication, seed, events, then metrics sorted', () => {
    const csv = summaryCsv([
      { replication: 0, seed: 1, events: 10, metrics: { zeta: 1, alpha: 0.5 } },
      { replication: 1, seed: 1, events: 12, metrics: { alpha: 2 / 3, zeta: 2 } },
    ]);
    expect(csv).toBe('replication,seed,events,alpha,zeta\n0,1,10,0.5,1\n1,1,12,0.666667,2\n');
  });
});

describe('writeFolderAtomic', () => {
  it('writes into subfolders (figures/…) and makes empty ones; refuses names that leave the folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tapsim-sub-')), 'out');
    await writeFolderAtomic(dir, async (w) => {
      await w.makeFolder('empty');
      await w.writeFile('figures/a.svg', '<svg/>\n');
      await w.writeFile('index.html', 'x');
    });
    expect(readdirSync(dir).sort()).toEqual(['empty', 'figures', 'index.html']);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
    expect(readFileSync(join(dir, 'figures', 'a.svg'), 'utf8')).toBe('<svg/>\n');
    for (const bad of ['../x', 'figures/../x', 'figures/.hidden', 'a//b', '/abs']) {
      await expect(writeFolderAtomic(join(dir, 'bad'), (w) => w.writeFile(bad, 'x'))).rejects.toThrow(/bad file name/);
    }
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });
});

describe('writeRunFolder', () => {
  it('writes all files via a temporary folder, replaces an existing run folder, leaves no temp behind', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tapsim-write-'));
    const dir = join(parent, 'run');
    await writeRunFolder(dir, { 'run.json': '{}\n', 'summary.csv': 'a\n' });
    expect(readdirSync(dir).sort()).toEqual(['run.json', 'summary.csv']);
    await writeRunFolder(dir, { 'run.json': '{"x":1}\n' });
    expect(readdirSync(dir)).toEqual(['run.json']);
    expect(readFileSync(join(dir, 'run.json'), 'utf8')).toBe('{"x":1}\n');
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it('checkOutDir refuses a non-run folder unless forced, accepts missing, empty and run folders', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tapsim-out-'));
    expect(await checkOutDir(join(parent, 'missing'), false)).toEqual({ ok: true, replaces: 'nothing' });
    mkdirSync(join(parent, 'empty'));
    expect(await checkOutDir(join(parent, 'empty'), false)).toEqual({ ok: true, replaces: 'empty-folder' });
    mkdirSync(join(parent, 'other'));
    writeFileSync(join(parent, 'other', 'notes.txt'), 'keep me');
    expect((await checkOutDir(join(parent, 'other'), false)).ok).toBe(false);
    expect((await checkOutDir(join(parent, 'other'), true)).ok).toBe(true);
    mkdirSync(join(parent, 'run'));
    writeFileSync(join(parent, 'run', 'run.json'), '{}');
    expect(await checkOutDir(join(parent, 'run'), false)).toEqual({ ok: true, replaces: 'run-folder' });
    expect(existsSync(join(parent, 'other', 'notes.txt'))).toBe(true);
  });
});

describe('stringifyJsonExact / parseJsonExact', () => {
  it('keep NaN and ±Infinity through JSON, nested anywhere, with the same text as a replacer gives', () => {
    const value = { a: 1, b: [NaN, 2, Infinity, { c: -Infinity, d: [1, NaN] }], e: 'x', f: null, g: [[-0, 3.5]], h: new Float64Array([1, NaN]) };
    const replacer = (_k: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? '\u0000NaN' : v > 0 ? '\u0000Inf' : '\u0000-Inf') : v);
    const text = stringifyJsonExact(value);
    expect(text).toBe(JSON.stringify(value, replacer));
    const { h: _typed, ...plain } = value;
    expect(stringifyJsonExact(plain)).toBe(JSON.stringify(plain, replacer));
    const back = parseJsonExact(stringifyJsonExact(plain)) as typeof plain;
    expect(back.b[0]).toBeNaN();
    expect(back.b[2]).toBe(Infinity);
    expect((back.b[3] as { c: number; d: number[] }).c).toBe(-Infinity);
    expect((back.b[3] as { c: number; d: number[] }).d[1]).toBeNaN();
    expect(back.e).toBe('x');
    expect(back.f).toBeNull();
    expect(parseJsonExact('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });
});
