/**
 * The report as a person sees it: headless Chromium opens index.html from file:// and checks that
 * nothing failed to load, nothing logged an error and every figure has a size; then it saves a
 * screenshot (report.png) beside the report — for a sample report and for the index.html of a
 * real small run folder (results/<run>/report.png; a temporary run folder here). Needs Debian's chromium at
 * /usr/bin/chromium, which `npm test`'s pretest step (scripts/ensure-browser.mjs) installs when it can; without it
 * this test fails with a message saying so, unless TAPSIM_SKIP_BROWSER=1 skips it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { renderRunReport, runReportFiles } from './html.js';
import { sampleReport } from '../testing/sample-figures.js';
import { smallRunFolder } from '../testing/report-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface FigureBox {
  readonly kind: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  readonly loaded: boolean;
}

/** Runs in the page (a string, since this project compiles without DOM types). */
const FIGURE_BOXES_JS = `Array.from(document.querySelectorAll('figure')).map((fig) => {
  const img = fig.querySelector('img');
  const svg = fig.querySelector('svg');
  const target = img ?? svg;
  const r = target ? target.getBoundingClientRect() : null;
  return {
    kind: img !== null ? 'img' : svg !== null ? 'svg' : 'none',
    caption: fig.querySelector('figcaption')?.textContent ?? '',
    width: r ? r.width : 0,
    height: r ? r.height : 0,
    loaded: img !== null ? img.complete && img.naturalWidth > 0 : svg !== null,
  };
})`;

// TAPSIM_SKIP_BROWSER=1 (set by the user, see scripts/ensure-browser.mjs) skips these tests visibly.
describe.skipIf(process.env.TAPSIM_SKIP_BROWSER === '1')('run report in a browser', () => {
  test('index.html opens from file:// with every figure shown, no errors, no failed requests', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `browser test needs Chromium at ${CHROMIUM}, which is missing: install it with "apt-get install -y chromium" (npm test's pretest step does this when it can), or set TAPSIM_SKIP_BROWSER=1 to skip this test`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'tapsim-report-'));
    const input = sampleReport('link');
    for (const f of runReportFiles(input)) {
      const path = join(dir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    // The same report with figures inline, to check that mode too.
    writeFileSync(join(dir, 'inline.html'), renderRunReport({ ...input, figureMode: 'inline' }));

    const userDataDir = mkdtempSync(join(tmpdir(), 'tapsim-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1000, height: 800 },
    });
    try {
      for (const page of ['index.html', 'inline.html']) {
        const tab = await context.newPage();
        const errors: string[] = [];
        tab.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
        });
        tab.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
        tab.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
        tab.on('response', (res) => {
          if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
        });

        await tab.goto(pathToFileURL(join(dir, page)).href, { waitUntil: 'load' });
        const boxes = (await tab.evaluate(FIGURE_BOXES_JS)) as FigureBox[];

        expect(errors, `${page}: errors`).toEqual([]);
        expect(boxes.length, `${page}: figures`).toBe(input.figures.length);
        for (const b of boxes) {
          expect(b.kind, `${page}: ${b.caption}`).toBe(page === 'index.html' ? 'img' : 'svg');
          expect(b.loaded, `${page}: ${b.caption} loaded`).toBe(true);
          expect(b.width, `${page}: ${b.caption} width`).toBeGreaterThan(100);
          expect(b.height, `${page}: ${b.caption} height`).toBeGreaterThan(50);
        }
        const title = await tab.title();
        expect(title).toBe(input.title);
        if (page === 'index.html') {
          await tab.screenshot({ path: join(dir, 'report.png'), fullPage: true });
          expect(existsSync(join(dir, 'report.png'))).toBe(true);
        }
        await tab.close();
      }
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
    console.log(`report screenshot: ${join(dir, 'report.png')}`);
  });

  test('index.html of a real run folder opens from file://: every figure shown, no errors; report.png saved in the run folder', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`browser test needs Chromium at ${CHROMIUM}, which is missing: install it with "apt-get install -y chromium"`);
    const dir = await smallRunFolder('browser-run');
    const userDataDir = mkdtempSync(join(tmpdir(), 'tapsim-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1000, height: 800 } });
    try {
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      tab.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      tab.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
      await tab.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
      const boxes = (await tab.evaluate(FIGURE_BOXES_JS)) as FigureBox[];
      expect(errors).toEqual([]);
      expect(boxes.length).toBeGreaterThanOrEqual(8);
      for (const b of boxes) {
        expect(b.kind, b.caption).toBe('img');
        expect(b.loaded, `${b.caption} loaded`).toBe(true);
        expect(b.width, `${b.caption} width`).toBeGreaterThan(100);
        expect(b.height, `${b.caption} height`).toBeGreaterThan(50);
      }
      await tab.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(existsSync(join(dir, 'report.png'))).toBe(true);
      await tab.close();
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
    console.log(`run report screenshot: ${join(dir, 'report.png')}`);
  }, 60_000);
});
