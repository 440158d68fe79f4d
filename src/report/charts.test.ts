import { describe, expect, test } from 'vitest';
import {
  type BarChartInput,
  type CdfChartInput,
  type ContourMapInput,
  type ForestPlotInput,
  type LineChartInput,
  type SizingChartInput,
  barChart,
  cdfChart,
  contourMap,
  ecdfPoints,
  fmtValue,
  forestPlot,
  lineChart,
  logLevels,
  sizingChart,
} from './charts.js';
import { sampleFigures } from '../testing/sample-figures.js';
import { xmlProblem } from '../testing/xml-check.js';

// Small inputs, one per chart kind: the golden files under __golden__/ are their exact output.
const line: LineChartInput = {
  title: 'Success vs height',
  x: { label: 'Dwell height', unit: 'mm' },
  y: { label: 'Success probability', domain: [0, 1], tickFormat: '.0%' },
  legendTitle: 'Band',
  series: [
    { name: 'NFC', points: [{ x: 0, y: 0.99, lo: 0.97, hi: 1 }, { x: 20, y: 0.9, lo: 0.85, hi: 0.95 }, { x: 40, y: 0.3, lo: 0.22, hi: 0.38 }] },
    { name: 'RCC', points: [{ x: 0, y: 0.97 }, { x: 20, y: 0.96 }, { x: 40, y: 0.8 }] },
  ],
};
const cdf: CdfChartInput = {
  title: 'Tap latency',
  x: { label: 'Tap latency', unit: 'ms' },
  series: [
    { name: 'Card', samples: [130, 110, 150, 120, 170] },
    { name: 'Phone', quantiles: [{ p: 0, value: 180 }, { p: 0.5, value: 240 }, { p: 0.95, value: 400 }, { p: 1, value: 480 }] },
  ],
};
const forest: ForestPlotInput = {
  title: 'RCC − NFC',
  x: { label: 'Difference', unit: '%' },
  rows: [
    { label: 'Success', estimate: -1.5, lo: -2.5, hi: -0.5, unit: '%' },
    { label: 'Wait p95', estimate: 3, lo: -2, hi: 8, unit: '%' },
  ],
};
const sizing: SizingChartInput = {
  title: 'Wait p95 vs gates',
  x: { label: 'Gates' },
  y: { label: 'Wait p95', unit: 's', includeZero: true },
  slo: { value: 60, label: 'SLO 60 s', direction: 'max' },
  chosen: { x: 4, label: '4 gates' },
  series: [{ name: 'Wait p95', points: [{ x: 2, y: 200 }, { x: 3, y: 90 }, { x: 4, y: 45 }, { x: 5, y: 30 }] }],
};
const contour: ContourMapInput = {
  title: 'Field map',
  x: { label: 'x', unit: 'mm' },
  y: { label: 'Height', unit: 'mm' },
  grid: { nx: 5, ny: 4, x: [-20, 20], y: [0, 30], values: [1, 2, 3, 2, 1, 2, 4, 6, 4, 2, 1, 3, 5, 3, 1, 0.5, 1, 2, 1, 0.5] },
  colour: { label: 'Field', unit: 'A/m', levels: [1.5, 3, 4.5] },
  emphasise: [{ value: 3, label: 'Hmin 3 A/m' }],
  rects: [{ x0: -10, y0: 0, x1: 10, y1: 5, label: 'Lane 1' }],
};
const bar: BarChartInput = {
  title: 'Failures by cause',
  value: { label: 'Failed taps', unit: 'count' },
  categoryLabel: 'Cause',
  categories: ['Out of field', 'Tear', 'Clash'],
  series: [
    { name: 'NFC', values: [12, 5, 3] },
    { name: 'RCC', values: [4, 2, 0] },
  ],
};

const charts: readonly (readonly [string, () => string])[] = [
  ['line', () => lineChart(line)],
  ['cdf', () => cdfChart(cdf)],
  ['forest', () => forestPlot(forest)],
  ['sizing', () => sizingChart(sizing)],
  ['contour', () => contourMap(contour)],
  ['bar', () => barChart(bar)],
];

/** The marks inside the clipped plot group. */
function plotPart(svg: string): string {
  const start = svg.indexOf('<g class="plot"');
  const end = svg.indexOf('<g class="axis x-axis"');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return svg.slice(start, end);
}

function expectChart(svg: string, title: string, xLabel: string, yLabel: string): void {
  const p = xmlProblem(svg);
  expect(p, p === null ? '' : `${p.message} at ${p.offset}: ${svg.slice(p.offset - 40, p.offset + 40)}`).toBeNull();
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500"')).toBe(true);
  expect(svg).toMatch(new RegExp(`^<svg[^>]*><title id="[^"]+">${title}</title>`));
  expect(svg).toContain(`class="axis-label x-label"`);
  expect(svg).toMatch(new RegExp(`class="axis-label x-label"[^>]*>${xLabel}</text>`));
  expect(svg).toMatch(new RegExp(`class="axis-label y-label"[^>]*>${yLabel}</text>`));
  // Tick labels on both axes.
  expect(svg).toMatch(/<g class="axis x-axis"[^>]*>.*<text[^>]*>[^<]+<\/text>/);
  expect(svg).toMatch(/<g class="axis y-axis"[^>]*>.*<text[^>]*>[^<]+<\/text>/);
  // A non-empty plot: a path with data, a bar or a marker.
  const plot = plotPart(svg);
  expect(plot).toMatch(/<path [^>]*d="M[-\d.]+,[-\d.]+L|<rect class="(?:bar|estimate)"|<circle /);
  expect(plot).not.toContain('No data');
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
}

describe('every chart kind', () => {
  test.each(charts)('%s: well formed, titled, labelled, non-empty', (name, render) => {
    const svg = render();
    const expected: Record<string, [string, string, string]> = {
      line: ['Success vs height', 'Dwell height \\(mm\\)', 'Success probability'],
      cdf: ['Tap latency', 'Tap latency \\(ms\\)', 'Cumulative probability'],
      forest: ['RCC − NFC', 'Difference \\(%\\)', 'Metric'],
      sizing: ['Wait p95 vs gates', 'Gates', 'Wait p95 \\(s\\)'],
      contour: ['Field map', 'x \\(mm\\)', 'Height \\(mm\\)'],
      bar: ['Failures by cause', 'Failed taps \\(count\\)', 'Cause'],
    };
    const [title, x, y] = expected[name]!;
    expectChart(svg, title, x, y);
  });

  test.each(charts)('%s: deterministic output matches the golden file', async (name, render) => {
    const svg = render();
    expect(render()).toBe(svg);
    await expect(svg).toMatchFileSnapshot(`./__golden__/${name}.svg`);
  });

  test.each(charts)('%s: every coordinate has at most 2 decimals', (_name, render) => {
    const svg = render();
    for (const m of svg.matchAll(/(?:^|[\s"(,MLZHVCSQTA])(-?\d+\.\d+)/g)) {
      expect(m[1]!.split('.')[1]!.length, m[1]).toBeLessThanOrEqual(2);
    }
  });

  test('the sample figures (typical run) are all well formed and non-empty', () => {
    const figs = sampleFigures(200);
    expect(figs.length).toBe(7);
    const ids = new Set<string>();
    for (const f of figs) {
      expect(xmlProblem(f.svg), f.file).toBeNull();
      expect(plotPart(f.svg)).toMatch(/<path [^>]*d="M|<rect class="(?:bar|estimate)"|<circle /);
      const id = /clipPath id="([^"]+)"/.exec(f.svg)![1]!;
      expect(ids.has(id), `clip id ${id} is shared`).toBe(false);
      ids.add(id);
    }
  });
});

describe('lineChart', () => {
  test('CI bands are drawn under the lines, one per series that has them', () => {
    const svg = lineChart(line);
    expect(svg.match(/class="ci-band"/g)?.length).toBe(1);
    expect(svg.indexOf('class="ci-band"')).toBeLessThan(svg.indexOf('class="series"'));
  });

  test('step curve for time series', () => {
    const svg = lineChart({ ...line, curve: 'step', series: [{ name: 'q', points: [{ x: 0, y: 1 }, { x: 1, y: 3 }] }] });
    const d = /class="series" d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/L/g)?.length).toBe(2); // horizontal then vertical
  });

  test('non-finite points break the line instead of poisoning it', () => {
    const svg = lineChart({ ...line, series: [{ name: 'a', points: [{ x: 0, y: 1 }, { x: 1, y: Number.NaN }, { x: 2, y: 2 }, { x: 3, y: 3 }] }] });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).not.toContain('NaN');
  });

  test('no series at all: a frame saying "No data"', () => {
    const svg = lineChart({ ...line, series: [] });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('No data');
  });

  test('a single point still gets a usable domain', () => {
    const svg = lineChart({ title: 'one', x: { label: 'x' }, y: { label: 'y' }, series: [{ name: 's', points: [{ x: 5, y: 5 }], markers: true }] });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('<circle ');
  });

  test('degenerate and bad domains', () => {
    const zeros = barChart({ ...bar, series: [{ name: 'All', values: [0, 0, 0] }] });
    expect(xmlProblem(zeros)).toBeNull();
    expect(zeros).not.toContain('>−1</text>');
    expect(xmlProblem(lineChart({ ...line, y: { label: 'y', domain: [2, 2] } }))).toBeNull();
    expect(() => lineChart({ ...line, y: { label: 'Wait', log: true, domain: [0, 10] } })).toThrow(/axis "Wait".*log scale/);
  });

  test('log axis', () => {
    const svg = lineChart({ title: 'log', x: { label: 'x' }, y: { label: 'y', log: true }, series: [{ name: 's', points: [{ x: 1, y: 1 }, { x: 2, y: 1000 }, { x: 3, y: 0 }] }] });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('>1k</text>');
  });

  test('the legend names every series, long names truncated with the full name kept', () => {
    const long = 'A very long series name that will not fit in the legend';
    const svg = lineChart({ ...line, series: [{ name: long, points: [{ x: 0, y: 1 }, { x: 1, y: 2 }] }] });
    expect(svg).toContain(`<title>${long}</title>`);
    expect(svg).toContain('…</text>');
  });
});

describe('cdfChart', () => {
  test('ECDF steps from unsorted samples, ties collapsed', () => {
    expect(ecdfPoints([3, 1, 2, 2])).toEqual([
      { x: 1, y: 0 },
      { x: 1, y: 0.25 },
      { x: 2, y: 0.75 },
      { x: 3, y: 1 },
    ]);
    expect(ecdfPoints([])).toEqual([]);
  });

  test('large samples are thinned to maxPoints quantiles', () => {
    const samples = Array.from({ length: 10_000 }, (_, i) => i);
    const pts = ecdfPoints(samples, 100);
    expect(pts.length).toBe(101);
    expect(pts[50]).toEqual({ x: 4999, y: 0.5 });
    expect(pts[100]).toEqual({ x: 9999, y: 1 });
  });

  test('p50 and p95 guides', () => {
    const svg = cdfChart(cdf);
    expect(svg).toContain('>p50</text>');
    expect(svg).toContain('>p95</text>');
  });
});

describe('forestPlot', () => {
  test('zero line, one row per metric, CI text with a true minus', () => {
    const svg = forestPlot(forest);
    expect(svg).toContain('class="zero-line"');
    expect(svg.match(/class="forest-row"/g)?.length).toBe(2);
    expect(svg).toContain('>−1.5 [−2.5, −0.5] %</text>');
    expect(svg).toContain('>3 [−2, 8] %</text>');
  });

  test('rows whose CI excludes zero are coloured differently from those that include it', () => {
    const svg = forestPlot(forest);
    const rows = [...svg.matchAll(/<g class="forest-row">(.*?)<\/g>/g)].map((m) => /stroke="(#[0-9A-Fa-f]+)"/.exec(m[1]!)![1]);
    expect(rows[0]).not.toBe(rows[1]);
  });

  test('a row marked not significant is drawn as such even when its interval excludes 0', () => {
    const colours = (rows: ReadonlyArray<{ label: string; estimate: number; lo: number; hi: number; significant?: boolean }>): string[] =>
      [...forestPlot({ ...forest, rows }).matchAll(/<g class="forest-row">(.*?)<\/g>/g)].map((m) => /stroke="(#[0-9A-Fa-f]+)"/.exec(m[1]!)![1]!);
    const [excludes, marked, includes] = colours([
      { label: 'excludes 0', estimate: 5, lo: 5, hi: 5 },
      { label: 'excludes 0, marked not significant', estimate: 5, lo: 5, hi: 5, significant: false },
      { label: 'includes 0', estimate: 1, lo: -1, hi: 3 },
    ]);
    expect(excludes).not.toBe(includes);
    expect(marked).toBe(includes);
  });
});

describe('sizingChart', () => {
  test('SLO line, shaded violation and chosen gate count', () => {
    const svg = sizingChart(sizing);
    expect(svg).toContain('>SLO 60 s</text>');
    expect(svg).toContain('class="slo-violation"');
    expect(svg).toContain('>4 gates</text>');
    // Integer ticks only on the gates axis.
    const xAxis = /<g class="axis x-axis"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    for (const m of xAxis.matchAll(/>([^<]+)<\/text>/g)) expect(m[1]).toMatch(/^\d+$/);
  });
});

describe('contourMap', () => {
  test('filled contours, emphasised threshold, lane and colour legend', () => {
    const svg = contourMap(contour);
    expect(svg.match(/class="contour-fill"/g)?.length).toBe(3);
    expect(svg).toContain('<g class="threshold"><title>Hmin 3 A/m</title>');
    expect(svg).toContain('>Lane 1</text>');
    expect(svg).toContain('class="colour-legend"');
    expect(svg).toContain('>Field (A/m)</text>');
  });

  test('log colour scale picks round levels', () => {
    expect(logLevels(-1.2, 1.1, 10).map((t) => Number((10 ** t).toPrecision(3)))).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    const svg = contourMap({ ...contour, colour: { label: 'Field', unit: 'A/m', log: true } });
    expect(xmlProblem(svg)).toBeNull();
  });

  test('bad grids are rejected with a clear message', () => {
    expect(() => contourMap({ ...contour, grid: { ...contour.grid, nx: 6 } })).toThrow(/nx\*ny values/);
  });

  test('undefined samples (NaN) do not break it', () => {
    const values = contour.grid.values.map((v, i) => (i === 7 ? Number.NaN : v));
    expect(xmlProblem(contourMap({ ...contour, grid: { ...contour.grid, values } }))).toBeNull();
  });
});

describe('barChart', () => {
  test('one bar per (category, series) with values written at the ends', () => {
    const svg = barChart(bar);
    expect(svg.match(/<rect class="bar"/g)?.length).toBe(6);
    expect(svg).toContain('>12</text>');
    expect(svg).toContain('<title>Out of field — NFC: 12</title>');
  });

  test('a single series has no legend', () => {
    const svg = barChart({ ...bar, series: [{ name: 'All', values: [1, 2, 3] }] });
    expect(svg).not.toContain('class="legend"');
  });
});

describe('fmtValue', () => {
  test.each([
    [0, undefined, '0'],
    [1234.5678, undefined, '1235'],
    [0.012345, undefined, '0.0123'],
    [-2.5, undefined, '−2.5'],
    [3, 2, '3'],
    [3.14159, 2, '3.14'],
    [1.5e9, undefined, '1.50e+9'],
  ])('fmtValue(%s, %s) = %s', (v, d, s) => {
    expect(fmtValue(v, d)).toBe(s);
  });
});
