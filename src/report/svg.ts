/**
 * A tiny SVG string writer and the shapes the chart frame (frame.ts) is built from (docs/architecture.md#dependencies, #rule-11, #cli figures/*.svg).
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
// Geometry of the frame (drawn by frame.ts)

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

export const AXIS_FONT_PX = 12;
/** The clip extends this far past the plot area, so lines along its edges are not cut in half. */
export const CLIP_PAD = 3;
export const TICK_FONT_PX = 11;
export const TITLE_FONT_PX = 16;
