import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VERIFY_CASES } from './cases.js';
import { verifyCommand, verifyTable } from './command.js';
import { formatVerifyNumber, verifyCsv, writeVerifyReport } from './report.js';
import { analyticRow, halfUnitOfLastDigit, simulatedRow, VERIFY_FAMILIES, type VerifyRow } from './row.js';
import { allPass, runVerify } from './run-verify.js';

let rows: VerifyRow[] = [];
let dir = '';

beforeAll(async () => {
  rows = runVerify({ quick: true });
  dir = await mkdtemp(join(tmpdir(), 'tapsim-verify-'));
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('tapsim verify (quick) against docs/validation.md', () => {
  test('every case V1–V20 has rows', () => {
    const ids = new Set(rows.map((r) => r.caseId));
    for (let i = 1; i <= 20; i++) expect(ids.has(`V${i}`), `V${i} missing`).toBe(true);
    expect(VERIFY_CASES.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `V${i + 1}`));
  });

  test('every row passes', () => {
    const failed = rows.filter((r) => !r.pass).map((r) => `${r.caseId} ${r.quantity}: expected ${r.expected}, got ${r.simulated} (${r.tolerance})`);
    expect(failed).toEqual([]);
    expect(allPass(rows)).toBe(true);
  });

  test('stochastic and queueing cases are simulated with a CI, and † cases name their [E] inputs', () => {
    for (const id of ['V5', 'V7', 'V8', 'V14', 'V16', 'V17', 'V18']) {
      const sim = rows.filter((r) => r.caseId === id && r.kind === 'simulated');
      expect(sim.length, id).toBeGreaterThan(0);
      for (const r of sim) {
        expect(r.ciHalfWidth, `${id} ${r.quantity}`).toBeGreaterThanOrEqual(0);
        expect(r.tolerance).toMatch(/95% CI/);
      }
    }
    for (const c of VERIFY_CASES.filter((x) => x.dagger)) {
      expect(rows.some((r) => r.caseId === c.id && r.quantity.includes('[E]')), c.id).toBe(true);
    }
  });

  test('the quick run is deterministic (fixed seeds)', () => {
    const again = runVerify({ quick: true, cases: ['V5', 'V7', 'V8'] });
    const before = rows.filter((r) => ['V5', 'V7', 'V8'].includes(r.caseId));
    expect(again.map((r) => r.simulated)).toEqual(before.map((r) => r.simulated));
  });
});

describe('verify rows', () => {
  test('printed-digit tolerance', () => {
    expect(halfUnitOfLastDigit('9.43953')).toBeCloseTo(5e-6, 18);
    expect(halfUnitOfLastDigit('4949.03')).toBeCloseTo(0.005, 15);
    expect(halfUnitOfLastDigit('12')).toBe(0.5);
    expect(halfUnitOfLastDigit('2.5e-3')).toBeCloseTo(5e-5, 18);
    expect(analyticRow('V1', 'link-timing', 't', '9.43953', 9.439528).pass).toBe(true);
    expect(analyticRow('V1', 'link-timing', 't', '9.43953', 9.43954).pass).toBe(false);
    expect(analyticRow('V2', 'link-timing', 'c', 1172, 1173, { kind: 'exact' }).pass).toBe(false);
    expect(analyticRow('V2', 'link-timing', 'c', 1172, NaN, { kind: 'exact' }).pass).toBe(false);
    // Relative tolerance is widened to the printed digits, never tighter than the rounding of the printed value.
    const r = analyticRow('V16', 'backend', 'W', '12.8396', 12.83963, { kind: 'rel', rel: 1e-6 });
    expect(r.pass).toBe(true);
    expect(r.toleranceAbs).toBeCloseTo(5e-5, 15);
  });

  test('a simulated row fails outside its tolerance, whatever its CI', () => {
    expect(simulatedRow('V8', 'radio', 's', '0.303265', { mean: 0.3, halfWidth: 0.01, trials: 10 }, { abs: 0.003 }).pass).toBe(false);
    expect(simulatedRow('V8', 'radio', 's', '0.303265', { mean: 0.301, halfWidth: 0.01, trials: 10 }, { abs: 0.003 }).pass).toBe(true);
    expect(simulatedRow('V17', 'gate', 'w', 5, { mean: 5.3, halfWidth: 0.1, trials: 10 }, { rel: 0.05 }).pass).toBe(false);
  });

  test('number format keeps 10 significant digits', () => {
    expect(formatVerifyNumber(9.439528023598821)).toBe('9.439528024');
    expect(formatVerifyNumber(105.9375)).toBe('105.9375');
    expect(formatVerifyNumber(0.0024321)).toBe('0.0024321');
    expect(formatVerifyNumber(4949.030110837)).toBe('4949.030111');
    expect(formatVerifyNumber(1e-9)).toBe('1e-9');
    expect(formatVerifyNumber(NaN)).toBe('NaN');
  });
});

describe('verify report', () => {
  test('verify.csv, index.html and one figure per family', async () => {
    const out = join(dir, 'report');
    await writeVerifyReport(rows, out, { quick: true, wallTimeS: 1 });
    const csv = await readFile(join(out, 'verify.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('case,quantity,expected,simulated,tolerance,pass');
    expect(lines.length).toBe(rows.length + 1);
    expect(csv).toBe(verifyCsv(rows));
    const figures = (await readdir(join(out, 'figures'))).sort();
    expect(figures).toEqual([...[...VERIFY_FAMILIES].map((f) => `${f}.svg`), 'gate-throughput-vs-transaction-time.svg'].sort());
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain(`${rows.length} of ${rows.length} rows pass`);
    expect((html.match(/<figure /g) ?? []).length).toBe(VERIFY_FAMILIES.length + 1);
    // Rewriting replaces the folder in place (no temporary folders left behind).
    await writeVerifyReport(rows.slice(0, 5), out);
    expect((await readFile(join(out, 'verify.csv'), 'utf8')).trimEnd().split('\n').length).toBe(6);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('the text table lists every row with its verdict', () => {
    const text = verifyTable(rows);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^case\s+quantity\s+expected\s+simulated\s+pass$/);
    expect(lines.length).toBe(rows.length + 2);
    expect(text).not.toContain('FAIL');
  });

  test('verifyCommand: exit codes, table and report path', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const target = join(dir, 'cmd');
    expect(await verifyCommand(io, { outDir: target, cases: ['V1', 'V19'] })).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/10 of 10 rows pass/);
    expect(out.join('\n')).toContain(join(target, 'index.html'));
    expect(await verifyCommand(io, { outDir: target, cases: ['V99'] })).toBe(2);
    // A folder that is not a verify report is not replaced.
    const foreign = join(dir, 'foreign');
    await mkdir(foreign);
    await writeFile(join(foreign, 'notes.txt'), 'keep me');
    expect(await verifyCommand(io, { outDir: foreign, cases: ['V1'] })).toBe(2);
    expect(err.join('\n')).toMatch(/not a verify report folder/);
    expect(await readFile(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
