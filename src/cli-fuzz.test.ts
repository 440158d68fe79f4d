/**
 * Fuzz of the command line (issue 14): mutated shipped scenarios through `tapsim check`, and a
 * short run of each one that passes, in-process through `main()` with io captured. Seeded, so
 * the same 500 files every time. Nothing may end in an internal error or a stack trace.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './cli/main.js';
import { streamFor } from './random/stream.js';

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

async function cli(args: string[], cwd: string, io: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { ...io, stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('fuzz: mutated shipped scenarios through check and a tiny run, in-process (issue 14)', () => {
  const texts = shipped.map((name) => ({ name, text: readFileSync(join(SCENARIOS, name), 'utf8') }));
  // city-day takes ≈ 5× longer to load than the others: it gets one mutation in fifty, the others share the rest.
  const sourceOf = (i: number): { name: string; text: string } => {
    const others = texts.filter((t) => t.name !== 'city-day.yaml');
    return i % 50 === 0 ? (texts.find((t) => t.name === 'city-day.yaml') as { name: string; text: string }) : (others[i % others.length] as { name: string; text: string });
  };
  const flat = Array.from({ length: 20_001 }, () => '1').join('+'); // 40 001 characters (issue 14 row 6)
  const replacements = [
    '-1', '.nan', '.inf', '-.inf', 'abc', '1e400', '1e308', '-1e308', '1e-300', '0', '-0', '0x1F', '1_000', '""', '[]', '{}', 'null', '~', 'true',
    '8 kg', '3 A/m', '0 dBm', '"100 / h"', '"2 /min"', '5 furlong', '1e9 h', '-3 ms', '1 ns', '"t +"', 'import(1)', '{ kind: nope }', '{ kind: uniform, min: 5, max: 1 }',
    '1.5 h', `"${'x'.repeat(5000)}"`, `"${'9'.repeat(400)}"`, `"${flat}"`, `"${'('.repeat(40)}1${')'.repeat(40)}"`, '&a 1', '*a', '!!binary AAAA', '"\\u0000"',
    `${'['.repeat(70)}${']'.repeat(70)}`, '{ a: { b: { c: [1, [2, [3]]] } } }', '[1, 2, 3]', '2000000', '1e6 / h', '"0.001 s"', '1e20', '0.999999',
  ];
  const TARGETS = /\b(rate|exitRate|step|duration|interval|groupSize|exitGroupSize|gates|copies|replications|batchInterval|servers|walkTime|dwellHeightM): ([^,}\n]+)/;
  const junk = ['\0', '\u00ff', '\uFFFD', '\u0007', '\t', '\u2028', '\ud800', '%', '@', '`', '|', '>'];
  function mutate(text: string, i: number): Buffer {
    const rng = streamFor(20240719, i, 'cli-fuzz');
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng.next01() * list.length)] as T;
    let lines = text.split('\n');
    const ops = 1 + Math.floor(rng.next01() * 2);
    for (let k = 0; k < ops; k++) {
      // A line with content (comments and blank lines would mostly give harmless mutations).
      const content = lines.flatMap((l, j) => (l.trim() === '' || l.trim().startsWith('#') ? [] : [j]));
      const n = content.length > 0 ? (content[Math.floor(rng.next01() * content.length)] as number) : 0;
      const line = lines[n] ?? '';
      const colon = line.indexOf(': ');
      switch (Math.floor(rng.next01() * 16)) {
        case 0: lines.splice(n, 1); break; // delete a line
        case 1: lines.splice(n, 0, line); break; // duplicate a line (often a duplicate key)
        case 2: if (colon >= 0) lines[n] = line.slice(0, colon + 2) + pick(replacements); break; // a hostile value
        case 3: { // corrupt one character
          const p = Math.floor(rng.next01() * Math.max(1, line.length));
          lines[n] = line.slice(0, p) + pick([...'x:{}[]-#"\' 9.,&*!|>', ...junk]) + line.slice(p + 1);
          break;
        }
        case 4: lines.splice(n, 0, `${'  '.repeat(Math.floor(rng.next01() * 4))}bogusKey${k}: 1`); break; // unknown key
        case 5: lines[n] = line.replace(/\d+(\.\d+)?/, () => String(Math.floor(rng.next01() * 2e6) - 1e6)); break; // odd number
        case 6: lines[n] = line.replace(/^(\s*)/, '$1 '); break; // indentation
        case 7: if (colon >= 0) lines[n] = `${line.slice(0, colon + 2)}${pick(['[', '{ v: '])}${line.slice(colon + 2)}${pick([']', ' }'])}`; break; // retype a value
        case 8: if (colon >= 0) lines[n] = `${line.slice(0, colon)}${pick(['', 'x', 'Ms', 'S'])}${line.slice(colon)}`; break; // rename a key
        case 9: lines = lines.slice(0, Math.max(1, n)); lines.push(line.slice(0, Math.floor(line.length / 2))); break; // truncation
        case 10: lines[n] = line + Array.from({ length: 1 + Math.floor(rng.next01() * 20) }, () => pick(junk)).join(''); break; // binary junk
        case 11: if (colon >= 0) lines[n] = `${line.slice(0, colon + 2)}${'{ a: '.repeat(80)}1${' }'.repeat(80)}`; break; // deep nesting
        case 12: lines.splice(n, 0, `${line.slice(0, line.length - line.trimStart().length)}${'k'.repeat(3000)}: ${'v'.repeat(3000)}`); break; // a long line
        default: { // a hostile value for a key the model leans on (inside flow maps too)
          const keyed = lines.flatMap((l, j) => (TARGETS.test(l) ? [j] : []));
          const t = keyed.length > 0 ? (keyed[Math.floor(rng.next01() * keyed.length)] as number) : n;
          const value = pick(replacements);
          lines[t] = (lines[t] ?? '').replace(TARGETS, (_m, key: string) => `${key}: ${value}`);
          break;
        }
      }
    }
    const eol = rng.next01();
    const joined = lines.join('\n');
    const text2 = eol < 0.05 ? joined.replace(/\n/g, '\r') : eol < 0.1 ? joined.replace(/\n/g, '\r\n') : joined; // wrong line endings
    const bytes = Buffer.from(text2, 'utf8');
    if (rng.next01() >= 0.05) return bytes;
    const at = Math.floor(rng.next01() * bytes.length); // raw bytes that are not UTF-8
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), bytes.subarray(at)]);
  }

  const clean = (label: string, r: { code: number; out: string; err: string }): void => {
    expect(r.err, label).not.toMatch(/internal error/);
    expect(r.err, label).not.toMatch(/\n\s+at |Error: /); // no stack trace, no raw exception
  };

  it('500 mutations: check exits 0 or 2, a tiny run of each that passes exits 0 or 2 (1 only for a failed replication, said in a sentence)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-cli-fuzz-'));
    let passed = 0;
    let rejected = 0;
    const runCodes = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const source = sourceOf(i);
      const file = `m${i}-${source.name}`;
      writeFileSync(join(dir, file), mutate(source.text, i));
      const label = `mutation ${i} of ${source.name}:\n${readFileSync(join(dir, file), 'utf8').slice(0, 4000)}`;
      const checked = await cli(['check', file], dir);
      clean(label, checked);
      expect([0, 2], label + checked.err).toContain(checked.code);
      if (checked.code === 2) {
        expect(checked.err.trim().split('\n').every((l) => l.startsWith(file) || l.startsWith('--set')), label + checked.err).toBe(true);
        rejected++;
        continue;
      }
      passed++;
      const ran = await cli(['run', file, '--set', 'duration=3 s', '--set', 'warmup=0', '--replications', '1', '--out', `o${i}`, '--quiet'], dir, { inThread: true });
      clean(label, ran);
      runCodes.set(ran.code, (runCodes.get(ran.code) ?? 0) + 1);
      if (ran.code === 1) expect(ran.err, label).toMatch(/^tapsim: replication 0 \(seed \d+\) failed: \S/m);
      else expect([0, 2], label + ran.err).toContain(ran.code);
      if (ran.code === 0) expect(existsSync(join(dir, `o${i}`, 'run.json')), label).toBe(true);
    }
    expect(passed + rejected).toBe(500);
    // Seeded: 461 rejected by check, 39 passed and ran (all exit 0) when written.
    expect(rejected).toBeGreaterThan(300);
    expect(passed).toBeGreaterThan(30);
    expect(runCodes.get(0) ?? 0).toBeGreaterThan(30);
  }, 300_000);
});
