import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRunFolder, NotARunFolderError, renderRunReport, sig } from './run-report.js';
import { runSummaryLines } from './run-summary.js';
import { smallRunFolder } from '../testing/report-fixture.js';
import { xmlProblem } from '../testing/xml-check.js';

let dir = '';
beforeAll(async () => {
  dir = await smallRunFolder('report');
}, 30_000);

const EXPECTED_FIGURES = [
  'backend-tps.svg',
  'failure-rate-by-band.svg',
  'failures-by-cause.svg',
  'field-lf-gate-dual.svg',
  'field-nfc-gate-nfc.svg',
  'gate-throughput.svg',
  'host-p99-response.svg',
  'host-utilisation.svg',
  'queue-length.svg',
  'tap-latency-cdf.svg',
  'wait-p95.svg',
];

describe('renderRunReport on a real run folder', () => {
  test('the run writes backend.csv, latency.csv, figures/*.svg and index.html', () => {
    const files = readdirSync(dir);
    for (const f of ['backend.csv', 'latency.csv', 'index.html', 'figures']) expect(files).toContain(f);
    expect(readdirSync(join(dir, 'figures')).sort()).toEqual(EXPECTED_FIGURES);
    const latency = readFileSync(join(dir, 'latency.csv'), 'utf8').trim().split('\n');
    expect(latency[0]).toBe('carrier,band,p,latency_ms');
    // 99 quantiles per carrier|band, non-decreasing in p.
    const byKey = new Map<string, number[]>();
    for (const line of latency.slice(1)) {
      const [c, b, , v] = line.split(',');
      const key = `${c}|${b}`;
      byKey.set(key, [...(byKey.get(key) ?? []), Number(v)]);
    }
    expect(byKey.size).toBeGreaterThanOrEqual(3);
    for (const [key, values] of byKey) {
      expect(values.length, key).toBe(99);
      for (let i = 1; i < values.length; i++) expect(values[i]!, key).toBeGreaterThanOrEqual(values[i - 1]!);
    }
    const backend = readFileSync(join(dir, 'backend.csv'), 'utf8').trim().split('\n');
    expect(backend[0]).toBe('replication,t_start_s,clock,offered_tps,served_tps,local_checks_tps,host_utilisation,host_queue_mean,backlog_mean,p99_response_ms');
    expect(backend.length).toBeGreaterThan(10);
    const columns = readFileSync(join(dir, 'columns.md'), 'utf8');
    for (const col of ['offered_tps', 'p99_response_ms', 'latency_ms']) expect(columns).toContain(`| \`${col}\` |`);
  });

  test('every figure is well-formed SVG with a <title> and a non-empty plot', () => {
    for (const f of EXPECTED_FIGURES) {
      const svg = readFileSync(join(dir, 'figures', f), 'utf8');
      expect(xmlProblem(svg), f).toBeNull();
      expect(svg, f).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*>\s*<title[^>]*>[^<]{8,}<\/title>/);
      expect(svg, f).not.toContain('>No data<');
      expect(svg, f).toMatch(/class="(series|bar|contour-fill)"/);
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const f of EXPECTED_FIGURES) expect(html).toContain(`src="figures/${f}"`);
    expect(html).toMatch(/Key results: mean ± 95% CI half-width over n = \d+ replications/);
    expect(html).toMatch(/Gate opened \(ok \+ wrong-gate \+ wrong-card\)<\/td><td>[\d.]+ ± [\d.]+<\/td>/);
    expect(html).toMatch(/Paid correctly \(ok\)<\/td><td>[\d.]+ ± [\d.]+<\/td>/);
    expect(html).toContain('Fingerprint');
  });

  test('re-rendering from the folder\'s files gives byte-identical index.html and figures', async () => {
    const before = new Map([['index.html', readFileSync(join(dir, 'index.html'))], ...EXPECTED_FIGURES.map((f) => [`figures/${f}`, readFileSync(join(dir, 'figures', f))] as const)]);
    const written = await renderRunReport(dir);
    expect(written.sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(readFileSync(join(dir, ...name.split('/'))).equals(bytes), name).toBe(true);
    // No temporary files left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(dir, 'figures')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('the run summary has passengers, gate-open rate, wait, worst gateline, failures, host p99 and wall time', async () => {
    const lines = runSummaryLines(await loadRunFolder(dir));
    expect(lines.length).toBeLessThanOrEqual(12);
    const text = lines.join('\n');
    for (const re of [/passengers\s+\d+( ± [\d.]+)? arrived, \d+( ± [\d.]+)? passed/, /warm-up\s+first 1 min not counted/, /gate opened\s+[\d.]+( ± [\d.]+)? % of \d+( ± [\d.]+)? taps \(paid correctly [\d.]+( ± [\d.]+)? %/, /wait p95\s+[\d.]+( ± [\d.]+)? s/, /worst gateline\s+S\/(north|south)/, /failed taps/, /host p99\s+[\d.]+( ± [\d.]+)? ms/, /wall time/]) expect(text).toMatch(re);
  });

  test('a folder without run.json is refused', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tapsim-notrun-'));
    await expect(renderRunReport(empty)).rejects.toBeInstanceOf(NotARunFolderError);
    await expect(renderRunReport(join(empty, 'missing'))).rejects.toThrow(/not a tapsim run folder \(no run\.json\)/);
    expect(readdirSync(empty)).toEqual([]);
  });

  test('sig formats for people', () => {
    expect(sig(NaN)).toBe('–');
    expect(sig(34843)).toBe('34843');
    expect(sig(0.96712)).toBe('0.967');
    expect(sig(-2.5)).toBe('−2.5');
    expect(sig(1.2e-5)).toBe('1.20e-5');
  });
});
