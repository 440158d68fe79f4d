import { describe, expect, test } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { OKABE_ITO, el, escapeXml, fmt, idFrom, pathData, scaleTicks, seriesColour, text } from './svg.js';
import { frame } from './frame.js';
import { xmlProblem } from '../testing/xml-check.js';

describe('fmt: fixed decimals, stable output', () => {
  test.each([
    [1 / 3, '0.33'],
    [2 / 3, '0.67'],
    [2.5, '2.5'],
    [10, '10'],
    [-0.001, '0'],
    [-0, '0'],
    [-1.005, '-1'],
    [1234567.891, '1234567.89'],
    [1e-9, '0'],
    [0.125, '0.13'],
  ])('fmt(%s) = %s', (n, s) => {
    expect(fmt(n)).toBe(s);
  });

  test('other decimal counts', () => {
    expect(fmt(Math.PI, 4)).toBe('3.1416');
    expect(fmt(Math.PI, 0)).toBe('3');
  });

  test('never exponent notation for coordinates in range', () => {
    for (const v of [1e-7, 123456789.123, 0.1 + 0.2, 799.999999]) expect(fmt(v)).not.toMatch(/e/i);
  });

  test('non-finite numbers are an error, not a silent NaN in the figure', () => {
    expect(() => fmt(Number.NaN)).toThrow(/non-finite/);
    expect(() => fmt(Number.POSITIVE_INFINITY)).toThrow(/non-finite/);
  });
});

describe('element writer', () => {
  test('escapes text and attributes', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;');
    expect(el('text', { x: 1 / 3, title: 'A "quoted" <b> & c' }, text('x < y & z'))).toBe(
      '<text x="0.33" title="A &quot;quoted&quot; &lt;b&gt; &amp; c">x &lt; y &amp; z</text>',
    );
  });

  test('drops null/undefined/false attributes and self-closes empty elements', () => {
    expect(el('rect', { x: 0, y: undefined, fill: null, hidden: false, visible: true })).toBe('<rect x="0" visible="visible"/>');
  });

  test('rejects bad names', () => {
    expect(() => el('a b')).toThrow(/bad element name/);
    expect(() => el('a', { 'on click': '1' })).toThrow(/bad attribute name/);
  });

  test('control characters are dropped, so output stays well formed', () => {
    const s = el('t', {}, text('bell\u0007 tab\t'));
    expect(s).toBe('<t>bell tab\t</t>');
    expect(xmlProblem(s)).toBeNull();
  });

  test('pathData with breaks', () => {
    expect(pathData([[0, 0], [1.234, 5.678], null, [3, 4]])).toBe('M0,0L1.23,5.68M3,4');
    expect(pathData([[0, 0], [1, 0], [1, 1]], true)).toBe('M0,0L1,0L1,1Z');
  });

  test('ids are stable and differ between titles', () => {
    expect(idFrom('Queue length')).toBe(idFrom('Queue length'));
    expect(idFrom('Queue length')).not.toBe(idFrom('Queue length 2'));
    expect(idFrom('Queue length')).toMatch(/^tap-queue-length-[0-9a-f]{8}$/);
  });
});

describe('palette', () => {
  test('Okabe–Ito, eight distinct colours, cycling', () => {
    expect(new Set(OKABE_ITO.map((c) => c.hex)).size).toBe(8);
    expect(seriesColour(0)).toBe('#0072B2');
    expect(seriesColour(8)).toBe(seriesColour(0));
  });
});

describe('frame', () => {
  test('is well-formed, titled, with axes, labels and legend', () => {
    const x = scaleLinear().domain([0, 10]).range([76, 700]);
    const y = scaleLinear().domain([0, 1]).range([442, 58]);
    const svg = frame({
      title: 'T & <t>',
      subtitle: 'sub',
      margin: { top: 58, right: 100, bottom: 58, left: 76 },
      xTicks: scaleTicks(x, 5),
      yTicks: scaleTicks(y, 5, '.0%'),
      xLabel: 'Time (s)',
      yLabel: 'Share',
      legend: [{ label: 'A', swatch: { kind: 'line', colour: '#000' } }],
      plot: el('circle', { cx: 100, cy: 100, r: 3 }),
    });
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 500"/);
    expect(svg).toContain('<title id="tap-t-t-');
    expect(svg).toContain('>T &amp; &lt;t&gt;</title>');
    expect(svg).toContain('>Time (s)</text>');
    expect(svg).toContain('>Share</text>');
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('class="legend"');
  });
});
