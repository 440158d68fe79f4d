import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quantileWithCi } from './calibration-model.js';
import { acceptedInterval, calibrationStatus, CALIBRATION_CSV_COLUMNS, type CalibrationRow } from './calibration-row.js';
import { CALIBRATION_FIGURES, type CalibrationFigure } from './cases/calibration.js';
import { verifyCommand } from './command.js';
import { runCalibration } from './run-calibration.js';

let rows: CalibrationRow[] = [];
let dir = '';

beforeAll(async () => {
  rows = await runCalibration({ quick: true });
  dir = await mkdtemp(join(tmpdir(), 'tapsim-calibration-'));
}, 120_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('field-calibration family (quick)', () => {
  test('every figure gives a row with model, published, tolerance and status', () => {
    expect(rows.map((r) => r.id)).toEqual(CALIBRATION_FIGURES.map((f) => f.id));
    for (const r of rows) {
      expect(Number.isFinite(r.model), `${r.id} model`).toBe(true);
      expect(Number.isFinite(r.published), `${r.id} published`).toBe(true);
      expect(r.ciLo, `${r.id} CI`).toBeLessThan(r.ciHi);
      expect(r.basis, r.id).toMatch(/^n = \d+ /);
      expect(r.tolerance.length, r.id).toBeGreaterThan(10);
      expect(r.lo, r.id).toBeLessThanOrEqual(r.hi);
      expect(['within', 'miss']).toContain(r.status);
      expect(r.status).toBe(r.model >= r.lo && r.model <= r.hi ? 'within' : 'miss');
      expect(r.source, r.id).toMatch(/^docs\/sources\.md#f/);
    }
  });

  test('figures store published values and acceptances only; the model value comes from the run', () => {
    for (const f of CALIBRATION_FIGURES) expect(Object.keys(f).some((k) => /model(Value|Ms)|expected/i.test(k)), f.id).toBe(false);
    // Two figures on the same model quantity get the same model value from one bench run.
    const c2 = rows.find((r) => r.id === 'C2');
    const c3 = rows.find((r) => r.id === 'C3');
    expect(Number.isFinite(c2?.model)).toBe(true);
    expect(c2?.model).toBe(c3?.model);
  });
});

describe('calibration rows never gate verify', () => {
  test('a miss (an impossible tolerance through the same code path) leaves the exit code at 0', async () => {
    const c1 = CALIBRATION_FIGURES.find((f) => f.id === 'C1') as CalibrationFigure;
    const impossible: CalibrationFigure = { ...c1, id: 'C99', figure: 'test only: an impossible tolerance', acceptance: { kind: 'range', lo: -2, hi: -1 }, reason: 'test only' };
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const target = join(dir, 'cmd');
    expect(await verifyCommand(io, { outDir: target, quick: true, cases: ['V1', 'C1', 'C99'], calibration: [c1, impossible] })).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/C99 .* miss/);
    expect(out.join('\n')).toContain('reported, not a pass/fail gate');
    const csv = (await readFile(join(target, 'calibration.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe(CALIBRATION_CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(3);
    expect(csv[2]).toMatch(/^C99,.*,miss$/);
    const html = await readFile(join(target, 'index.html'), 'utf8');
    expect(html).toContain('Field calibration (reported, not a pass/fail gate)');
    expect(html).toContain('1 of 2 within tolerance');
    // The analytic rows alone decide: only V1 here, all passing.
    expect((await readFile(join(target, 'verify.csv'), 'utf8')).trimEnd().split('\n').slice(1).every((l) => l.startsWith('V1,'))).toBe(true);
    // Calibration rows only, no analytic case: still 0.
    expect(await verifyCommand(io, { outDir: target, quick: true, cases: ['C99'], calibration: [impossible] })).toBe(0);
    expect(await verifyCommand(io, { outDir: target, cases: ['C98'], calibration: [impossible] })).toBe(2);
    expect(err.join('\n')).toMatch(/unknown calibration row C98/);
  }, 60_000);
});

describe('calibration helpers', () => {
  test('accepted intervals and status', () => {
    expect(acceptedInterval(300, { kind: 'max', limit: 300 })).toEqual({ lo: -Infinity, hi: 300 });
    expect(acceptedInterval(200, { kind: 'rel', rel: 0.5 })).toEqual({ lo: 100, hi: 300 });
    expect(acceptedInterval(250, { kind: 'range', lo: 200, hi: 300 })).toEqual({ lo: 200, hi: 300 });
    expect(calibrationStatus(300, -Infinity, 300)).toBe('within');
    expect(calibrationStatus(300.001, -Infinity, 300)).toBe('miss');
    expect(calibrationStatus(NaN, -Infinity, Infinity)).toBe('miss');
  });

  test('quantile with a distribution-free CI', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i + 1);
    const m = quantileWithCi(x, 0.5);
    expect(m.value).toBe(500);
    expect(m.lo).toBe(469);
    expect(m.hi).toBe(531); // ranks 500 ∓ 1.96·√250 = 469.0 … 531.0
    expect(quantileWithCi([], 0.5).value).toBeNaN();
  });
});
