/** The legend block of a chart: a swatch (line, rectangle or point) and a label per item. */
import { el, text, TICK_FONT_PX, truncate, type Margin } from './svg.js';

export type LegendSwatch =
  | { readonly kind: 'line'; readonly colour: string; readonly dash?: string; readonly width?: number; readonly band?: boolean }
  | { readonly kind: 'rect'; readonly colour: string; readonly stroke?: string }
  | { readonly kind: 'point'; readonly colour: string };

export interface LegendItem {
  readonly label: string;
  readonly swatch: LegendSwatch;
}

const LEGEND_ROW_PX = 18;

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
