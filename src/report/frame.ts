/**
 * The shared chart frame: the complete 800×500 SVG document around a chart's marks — title,
 * subtitle, grid, axes with ticks, axis labels, legend — with the plot clipped to its area.
 */
import { legendBlock, type LegendItem } from './legend.js';
import { pushAll } from '../arrays.js';
import { AXIS_FONT_PX, CLIP_PAD, el, FONT_FAMILY, fmt, idFrom, plotArea, text, TICK_FONT_PX, TITLE_FONT_PX, VIEW_HEIGHT, VIEW_WIDTH, type Margin, type PlotArea, type Tick } from './svg.js';

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

/** Title and subtitle above the plot. */
function titles(spec: FrameSpec, a: PlotArea): string[] {
  const parts: string[] = [];
  parts.push(
    el('text', { x: a.x0, y: 24, 'font-size': TITLE_FONT_PX, 'font-weight': 'bold', class: 'chart-title' }, text(spec.title)),
  );
  if (spec.subtitle !== undefined && spec.subtitle !== '') {
    parts.push(el('text', { x: a.x0, y: 42, 'font-size': TICK_FONT_PX, fill: '#444444' }, text(spec.subtitle)));
  }
  return parts;
}

/** Grid lines at the labelled ticks ('' when there are none). */
function grid(spec: FrameSpec, a: PlotArea): string {
  const lines: string[] = [];
  if (spec.yGrid !== false) {
    for (const t of spec.yTicks) if (t.label !== '') lines.push(el('line', { x1: a.x0, y1: t.pos, x2: a.x1, y2: t.pos }));
  }
  if (spec.xGrid !== false) {
    for (const t of spec.xTicks) if (t.label !== '') lines.push(el('line', { x1: t.pos, y1: a.y0, x2: t.pos, y2: a.y1 }));
  }
  return lines.length > 0 ? el('g', { class: 'grid', stroke: '#e3e3e3', 'stroke-width': 1 }, lines.join('')) : '';
}

/** Both axes with their ticks and tick labels. */
function axes(spec: FrameSpec, a: PlotArea): string[] {
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
  return [
    el('g', { class: 'axis x-axis', stroke: '#333333', 'font-size': TICK_FONT_PX }, xAxis.join('')),
    el('g', { class: 'axis y-axis', stroke: '#333333', 'font-size': TICK_FONT_PX }, yAxis.join('')),
  ];
}

/** The x-axis label under the plot and the rotated y-axis label left of it. */
function axisLabels(spec: FrameSpec, a: PlotArea): string[] {
  const yl = { x: 18, y: (a.y0 + a.y1) / 2 };
  return [
    el(
      'text',
      { class: 'axis-label x-label', x: (a.x0 + a.x1) / 2, y: spec.xLabelY ?? VIEW_HEIGHT - 14, 'text-anchor': 'middle', 'font-size': AXIS_FONT_PX },
      text(spec.xLabel),
    ),
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
  ];
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
  pushAll(parts, titles(spec, a));
  const gridLines = grid(spec, a);
  if (gridLines !== '') parts.push(gridLines);
  parts.push(el('g', { class: 'plot', 'clip-path': `url(#${id}-clip)` }, spec.plot));
  pushAll(parts, axes(spec, a));
  pushAll(parts, axisLabels(spec, a));
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
