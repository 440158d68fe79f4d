import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvNumber, parseCsv, readCsvTable } from './csv-read.js';

describe('parseCsv', () => {
  test('plain, quoted, embedded commas, quotes and line breaks; LF and CRLF', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('"x,y","say ""hi""","two\nlines",\n')).toEqual([['x,y', 'say "hi"', 'two\nlines', '']]);
    expect(parseCsv(',\n')).toEqual([['', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('""\n')).toEqual([['']]);
  });

  test('rejects malformed quoting', () => {
    expect(() => parseCsv('"abc\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a"b\n')).toThrow(/quote inside/);
    expect(() => parseCsv('"a"b\n')).toThrow(/after a closing quote/);
  });

  test('round-trips csv-stringify output', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\n', '\r\n', ' x ', 'a"b', '1e-7'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })), (rows) => {
        // A single empty field on a line is ambiguous in CSV; csv-stringify quotes it only when asked.
        const text = stringify(rows, { record_delimiter: '\n', quoted_empty: true });
        expect(parseCsv(text)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  test('readCsvTable and csvNumber', () => {
    const t = readCsvTable('m,v\nx,1.5\ny,NaN\nz,-Inf\nw\n');
    expect(t.col('v')).toBe(1);
    expect(t.col('nope')).toBe(-1);
    expect(t.rows.map((r) => csvNumber(r[1]))).toEqual([1.5, NaN, -Infinity, NaN]);
    expect(csvNumber('Inf')).toBe(Infinity);
    expect(csvNumber('abc')).toBeNaN();
  });
});
