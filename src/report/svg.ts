/**
 * A tiny SVG string writer and the shared chart frame (DESIGN §1, §4 rule 11, §6 figures/*.svg).
 *
 * No DOM: elements are built as strings, attribute values are XML-escaped and every coordinate is
 * written with a fixed number of decimals so that figures diff cleanly between runs.
 *
 * Palette: Okabe–Ito (Okabe & Ito 2008, "Color Universal Design"), safe for the common forms of
 * colour-vision deficiency; yellow is last because it is hard to see on white. Sequential data
 * (contour maps) use viridis from d3-scale-chromatic, also colour-blind safe and perceptually
 * uniform. Series are additionally told apart by dash pattern, so figures survive greyscale print.
 */
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';

/** Decimals written for every coordinate. */
export const COORD_DECIMALS = 2;

export const VIEW_WIDTH = 800;
export const VIEW_HEIGHT = 500;

export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, Helvetica, sans-serif';

/** Okabe–Ito, in the order series use them (names as in the original paper). */
export const OKABE_ITO: readonly { readonly name: string; readonly hex: string }[] = [
  { name: 'blue', hex: '#0072B2' },
  { name: 'vermillion', hex: '#D55E00' },
  { name: 'bluish green', hex: '#009E73' },
  { name: 'reddish purple', hex: '#CC79A7' },
  { name: 'orange', hex: '#E69F00' },
  { name: 'sky blue', hex: '#56B4E9' },
  { name: 'black', hex: '#000000' },
  { name: 'yellow', hex: '#F0E442' },
];

/** Dash patterns paired with the palette, so series differ in more than colour. */
export const DASHES: readonly string[] = ['', '6 3', '2 2', '8 3 2 3', '12 4', '4 4', '1 3', '10 2 2 2 2 2'];

export function seriesColour(i: number): string {
  const n = OKABE_ITO.length;
  return OKABE_ITO[((i % n) + n) % n]!.hex;
}

export function seriesDash(i: number): string {
  const n = DASHES.length;
  return DASHES[((i % n) + n) % n]!;
}

// ---------------------------------------------------------------------------------------------
// Writer

/**
 * A number with a fixed number of decimals, trailing zeros and "-0" removed: `fmt(1/3) === '0.33'`,
 * `fmt(2.5) === '2.5'`, `fmt(-0.001) === '0'`. Throws on NaN/Infinity: a non-finite coordinate
 * is a bug upstream, not something to hide in a figure.
 */
export function fmt(n: number, decimals: number = COORD_DECIMALS): string {
  if (!Number.isFinite(n)) throw new Error(`svg: non-finite number ${String(n)}`);
  let s = n.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text or an attribute value for XML/HTML. Also drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function attrString(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (!NAME_RE.test(k)) throw new Error(`svg: bad attribute name ${JSON.stringify(k)}`);
    const value = v === true ? k : typeof v === 'number' ? fmt(v) : escapeXml(v);
    out += ` ${k}="${value}"`;
  }
  return out;
}

/** Escaped text content. */
export function text(s: string): string {
  return escapeXml(s);
}

/**
 * One element. Children are strings already produced by `el` or `text`; they are not escaped
 * again. An element with no children is self-closed.
 */
export function el(name: string, attrs: Attrs = {}, ...children: readonly string[]): string {
  if (!NAME_RE.test(name)) throw new Error(`svg: bad element name ${JSON.stringify(name)}`);
  const a = attrString(attrs);
  const body = children.join('');
  return body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** SVG path data from points, fixed decimals; a point that is null breaks the line. */
export function pathData(points: readonly (readonly [number, number] | null)[], close = false): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(p[0])},${fmt(p[1])}`;
    pen = true;
  }
  if (close && d !== '') d += 'Z';
  return d;
}

/** A stable id prefix from text (FNV-1a), so several inline SVGs on one page never share ids. */
export function idFrom(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const slug = seed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  return `tap-${slug === '' ? 'fig' : slug}-${h.toString(16).padStart(8, '0')}`;
}

/** Rough text width in px for the frame's font (DejaVu Sans is wide: ≈0.6 em per char). */
export function textWidthPx(s: string, fontSizePx: number): number {
  return s.length * fontSizePx * 0.6;
}

/** Truncate with an ellipsis to at most `maxChars` characters. */
export function truncate(s: string, maxChars: number): string {
  return s.length <= maxChars ? s : `${s.slice(0, Math.max(1, maxChars - 1))}…`;
}

// ---------------------------------------------------------------------------------------------
// Frame

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Plot area in view-box coordinates. */
export interface PlotArea {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly width: number;
  readonly height: number;
}

export function plotArea(m: Margin): PlotArea {
  const x0 = m.left;
  const y0 = m.top;
  const x1 = VIEW_WIDTH - m.right;
  const y1 = VIEW_HEIGHT - m.bottom;
  return { x0, y0, x1, y1, width: x1 - x0, height: y1 - y0 };
}

/** A tick: position in view-box coordinates along its axis, and its label. */
export interface Tick {
  readonly pos: number;
  readonly label: string;
}

export type ContinuousScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** Ticks of a continuous scale, labelled with d3's tick format (optionally a d3-format specifier). */
export function scaleTicks(scale: ContinuousScale, count: number, specifier?: string, integerOnly = false): Tick[] {
  let values = scale.ticks(count);
  if (integerOnly) values = values.filter((v) => Number.isInteger(v));
  const format = specifier === undefined ? scale.tickFormat(count) : scale.tickFormat(count, specifier);
  return values.map((v) => ({ pos: scale(v), label: format(v) }));
}

export function axisTitle(label: string, unit: string | undefined): string {
  return unit === undefined || unit === '' ? label : `${label} (${unit})`;
}

export type LegendSwatch =
  | { readonly kind: 'line'; readonly colour: string; readonly dash?: string; readonly width?: number; readonly band?: boolean }
  | { readonly kind: 'rect'; readonly colour: string; readonly stroke?: string }
  | { readonly kind: 'point'; readonly colour: string };

export interface LegendItem {
  readonly label: string;
  readonly swatch: LegendSwatch;
}

export interface FrameSpec {
  /** Shown on top and as the SVG `<title>`. */
  readonly title: string;
  /** Optional second line under the title, and the SVG `<desc>`. */
  readonly subtitle?: string;
  readonly margin: Margin;
  /** Ticks along the bottom axis (positions in view-box x). */
  readonly xTicks: readonly Tick[];
  /** Ticks along the left axis (positions in view-box y). */
  readonly yTicks: readonly Tick[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Vertical grid lines at x ticks (default true). */
  readonly xGrid?: boolean;
  /** Horizontal grid lines at y ticks (default true). */
  readonly yGrid?: boolean;
  readonly legend?: readonly LegendItem[];
  /** Legend title, e.g. "Band". */
  readonly legendTitle?: string;
  /** Marks inside the plot area (already in view-box coordinates), clipped to it. */
  readonly plot: string;
  /** Marks drawn above the plot, not clipped (labels, colour bars). */
  readonly overlay?: string;
  /** Id prefix; defaults to one derived from the title. */
  readonly id?: string;
  /** How far the clip extends past the plot area (default CLIP_PAD; 0 for filled maps). */
  readonly clipPad?: number;
  /** Baseline of the x-axis label (default: 14 px above the bottom). */
  readonly xLabelY?: number;
}

export const AXIS_FONT_PX = 12;
/** The clip extends this far past the plot area, so lines along its edges are not cut in half. */
export const CLIP_PAD = 3;
export const TICK_FONT_PX = 11;
export const TITLE_FONT_PX = 16;
const LEGEND_ROW_PX = 18;

/** Margins for a chart with a legend of these labels on the right. */
export function defaultMargin(legendLabels: readonly string[] = [], extra: Partial<Margin> = {}): Margin {
  const longest = legendLabels.reduce((m, s) => Math.max(m, Math.min(s.length, LEGEND_MAX_CHARS)), 0);
  const legendW = legendLabels.length === 0 ? 0 : 34 + longest * TICK_FONT_PX * 0.6 + 16;
  return {
    top: extra.top ?? 58,
    right: extra.right ?? Math.max(28, Math.ceil(legendW) + 16),
    bottom: extra.bottom ?? 58,
    left: extra.left ?? 76,
  };
}

export const LEGEND_MAX_CHARS = 30;

function legendSwatch(sw: LegendSwatch, x: number, y: number): string {
  switch (sw.kind) {
    case 'line': {
      const band = sw.band === true ? el('rect', { x, y: y - 6, width: 26, height: 12, fill: sw.colour, 'fill-opacity': 0.18 }) : '';
      return (
        band +
        el('line', {
          x1: x,
          y1: y,
          x2: x + 26,
          y2: y,
          stroke: sw.colour,
          'stroke-width': sw.width ?? 2,
          'stroke-dasharray': sw.dash === undefined || sw.dash === '' ? undefined : sw.dash,
        })
      );
    }
    case 'rect':
      return el('rect', { x: x + 4, y: y - 6, width: 18, height: 12, fill: sw.colour, stroke: sw.stroke ?? 'none' });
    case 'point':
      return el('circle', { cx: x + 13, cy: y, r: 4, fill: sw.colour });
  }
}

/** Legend block with its top-left corner at (x, y). */
export function legendBlock(items: readonly LegendItem[], x: number, y: number, title?: string): string {
  const rows: string[] = [];
  let cy = y;
  if (title !== undefined && title !== '') {
    rows.push(el('text', { x, y: cy + 10, 'font-size': TICK_FONT_PX, 'font-weight': 'bold' }, text(title)));
    cy += LEGEND_ROW_PX;
  }
  for (const item of items) {
    const label = truncate(item.label, LEGEND_MAX_CHARS);
    const full = label === item.label ? '' : el('title', {}, text(item.label));
    rows.push(
      el(
        'g',
        { class: 'legend-item' },
        full,
        legendSwatch(item.swatch, x, cy + 6),
        el('text', { x: x + 34, y: cy + 10, 'font-size': TICK_FONT_PX }, text(label)),
      ),
    );
    cy += LEGEND_ROW_PX;
  }
  return el('g', { class: 'legend' }, rows.join(''));
}

/** The complete SVG document: title, axes, grid, legend and the plot clipped to its area. */
export function frame(spec: FrameSpec): string {
  const id = spec.id ?? idFrom(spec.title);
  const a = plotArea(spec.margin);
  const pad = spec.clipPad ?? CLIP_PAD;
  const parts: string[] = [];
  parts.push(el('title', { id: `${id}-title` }, text(spec.title)));
  if (spec.subtitle !== undefined) parts.push(el('desc', { id: `${id}-desc` }, text(spec.subtitle)));
  parts.push(el('defs', {}, el('clipPath', { id: `${id}-clip` }, el('rect', { x: a.x0 - pad, y: a.y0 - pad, width: a.width + 2 * pad, height: a.height + 2 * pad }))));
  parts.push(el('rect', { x: 0, y: 0, width: VIEW_WIDTH, height: VIEW_HEIGHT, fill: '#ffffff' }));

  // Title and subtitle.
  parts.push(
    el('text', { x: a.x0, y: 24, 'font-size': TITLE_FONT_PX, 'font-weight': 'bold', class: 'chart-title' }, text(spec.title)),
  );
  if (spec.subtitle !== undefined && spec.subtitle !== '') {
    parts.push(el('text', { x: a.x0, y: 42, 'font-size': TICK_FONT_PX, fill: '#444444' }, text(spec.subtitle)));
  }

  // Grid.
  const grid: string[] = [];
  if (spec.yGrid !== false) {
    for (const t of spec.yTicks) if (t.label !== '') grid.push(el('line', { x1: a.x0, y1: t.pos, x2: a.x1, y2: t.pos }));
  }
  if (spec.xGrid !== false) {
    for (const t of spec.xTicks) if (t.label !== '') grid.push(el('line', { x1: t.pos, y1: a.y0, x2: t.pos, y2: a.y1 }));
  }
  if (grid.length > 0) parts.push(el('g', { class: 'grid', stroke: '#e3e3e3', 'stroke-width': 1 }, grid.join('')));

  // Plot, clipped.
  parts.push(el('g', { class: 'plot', 'clip-path': `url(#${id}-clip)` }, spec.plot));

  // Axes.
  const xAxis: string[] = [el('line', { x1: a.x0, y1: a.y1, x2: a.x1, y2: a.y1 })];
  for (const t of spec.xTicks) {
    xAxis.push(el('line', { x1: t.pos, y1: a.y1, x2: t.pos, y2: a.y1 + 5 }));
    if (t.label === '') continue;
    xAxis.push(el('text', { x: t.pos, y: a.y1 + 18, 'text-anchor': 'middle', stroke: 'none', fill: '#222222' }, text(t.label)));
  }
  const yAxis: string[] = [el('line', { x1: a.x0, y1: a.y0, x2: a.x0, y2: a.y1 })];
  for (const t of spec.yTicks) {
    yAxis.push(el('line', { x1: a.x0 - 5, y1: t.pos, x2: a.x0, y2: t.pos }));
    if (t.label === '') continue;
    yAxis.push(
      el('text', { x: a.x0 - 8, y: t.pos + 4, 'text-anchor': 'end', stroke: 'none', fill: '#222222' }, text(t.label)),
    );
  }
  parts.push(el('g', { class: 'axis x-axis', stroke: '#333333', 'font-size': TICK_FONT_PX }, xAxis.join('')));
  parts.push(el('g', { class: 'axis y-axis', stroke: '#333333', 'font-size': TICK_FONT_PX }, yAxis.join('')));
  parts.push(
    el(
      'text',
      { class: 'axis-label x-label', x: (a.x0 + a.x1) / 2, y: spec.xLabelY ?? VIEW_HEIGHT - 14, 'text-anchor': 'middle', 'font-size': AXIS_FONT_PX },
      text(spec.xLabel),
    ),
  );
  const yl = { x: 18, y: (a.y0 + a.y1) / 2 };
  parts.push(
    el(
      'text',
      {
        class: 'axis-label y-label',
        x: yl.x,
        y: yl.y,
        transform: `rotate(-90 ${fmt(yl.x)} ${fmt(yl.y)})`,
        'text-anchor': 'middle',
        'font-size': AXIS_FONT_PX,
      },
      text(spec.yLabel),
    ),
  );

  if (spec.legend !== undefined && spec.legend.length > 0) {
    parts.push(legendBlock(spec.legend, a.x1 + 16, a.y0, spec.legendTitle));
  }
  if (spec.overlay !== undefined) parts.push(spec.overlay);

  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`,
      width: VIEW_WIDTH,
      height: VIEW_HEIGHT,
      role: 'img',
      'aria-labelledby': spec.subtitle !== undefined ? `${id}-title ${id}-desc` : `${id}-title`,
      'font-family': FONT_FAMILY,
      'font-size': AXIS_FONT_PX,
      fill: '#222222',
    },
    parts.join(''),
  );
}
