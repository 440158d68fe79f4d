/** What every chart shares: axis and base inputs, scales from data, "No data", number labels, haloed text. */
import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { AXIS_FONT_PX, el, fmt, scaleTicks, text, type ContinuousScale, type PlotArea, type Tick } from '../svg.js';

/** One axis of a chart. */
export interface AxisInput {
  /** What is measured, e.g. "Dwell height". */
  readonly label: string;
  /** Unit shown in brackets after the label, e.g. "mm". */
  readonly unit?: string;
  /** Fixed domain; otherwise the data's extent, made nice. */
  readonly domain?: readonly [number, number];
  /** Logarithmic scale (positive values only). */
  readonly log?: boolean;
  /** d3-format specifier for tick labels, e.g. ".0%" or "~s". */
  readonly tickFormat?: string;
  /** Approximate tick count (default 8 on x, 6 on y). */
  readonly ticks?: number;
  /** Extend the domain to include zero. */
  readonly includeZero?: boolean;
  /** Only integer ticks (gate counts). */
  readonly integerTicks?: boolean;
  /** Tick label of a value, in place of the d3 number format (clock times "07:30"). */
  readonly tickText?: (value: number) => string;
}

/** Common to every chart. */
export interface ChartBase {
  /** Shown on top of the chart and as its `<title>`. */
  readonly title: string;
  /** Shown under the title and as its `<desc>`. */
  readonly subtitle?: string;
  /** Id prefix for clip paths; defaults to one derived from the title (unique per title). */
  readonly id?: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function finite(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

export function makeScale(axis: AxisInput, values: readonly number[], range: readonly [number, number], defaultCount = 6): ContinuousScale {
  const niceCount = axis.ticks ?? defaultCount;
  const isLog = axis.log === true;
  const usable = values.filter((v) => Number.isFinite(v) && (!isLog || v > 0));
  let lo: number;
  let hi: number;
  if (axis.domain !== undefined) {
    [lo, hi] = axis.domain;
  } else {
    const [a, b] = extent(usable);
    lo = a ?? (isLog ? 1 : 0);
    hi = b ?? (isLog ? 10 : 1);
    if (axis.includeZero === true && !isLog) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || (isLog && (lo <= 0 || hi <= 0))) {
    throw new Error(`axis "${axis.label}": domain [${lo}, ${hi}] is not usable${isLog ? ' on a log scale (must be > 0)' : ''}`);
  }
  if (lo === hi) {
    if (isLog) {
      lo /= 2;
      hi *= 2;
    } else if (lo === 0) {
      hi = 1;
    } else {
      const pad = Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
  }
  if (isLog) {
    const s = scaleLog().domain([lo, hi]).range([range[0], range[1]]);
    return axis.domain === undefined ? s.nice() : s;
  }
  const s = scaleLinear().domain([lo, hi]).range([range[0], range[1]]);
  return axis.domain === undefined ? s.nice(niceCount) : s;
}

export function axisTicks(axis: AxisInput, scale: ContinuousScale, defaultCount: number): Tick[] {
  const tickText = axis.tickText;
  if (tickText !== undefined) return scale.ticks(axis.ticks ?? defaultCount).map((v) => ({ pos: scale(v), label: tickText(v) }));
  return scaleTicks(scale, axis.ticks ?? defaultCount, axis.tickFormat, axis.integerTicks === true);
}

export function noData(a: PlotArea): string {
  return el(
    'text',
    { x: (a.x0 + a.x1) / 2, y: (a.y0 + a.y1) / 2, 'text-anchor': 'middle', 'font-size': AXIS_FONT_PX, fill: '#777777' },
    text('No data'),
  );
}

/**
 * A number for a label: `decimals` fixed decimals, or else at least 3 significant digits and
 * no decimals past them (no exponent between 1e-3 and 1e7); negative numbers with a typographic minus, like d3's tick labels.
 */
export function fmtValue(v: number, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  let s: string;
  if (decimals !== undefined) {
    s = fmt(v, decimals);
  } else if (v === 0) {
    s = '0';
  } else {
    const abs = Math.abs(v);
    if (abs >= 1e-3 && abs < 1e7) {
      const d = Math.max(0, 2 - Math.floor(Math.log10(abs)));
      s = fmt(v, d);
    } else {
      s = v.toPrecision(3);
    }
  }
  return s.replace(/^-/, '\u2212');
}

/** Text with a white halo, readable on any fill. */
export function haloText(attrs: Readonly<Record<string, string | number | undefined>>, s: string): string {
  return el(
    'text',
    { ...attrs, stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
    text(s),
  );
}
