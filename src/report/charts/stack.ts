/** stackCharts: several complete chart documents (frame.ts, 800×500 each) one under the other in one SVG. */
import { escapeXml, VIEW_HEIGHT, VIEW_WIDTH } from '../svg.js';

/** One SVG document holding `charts` top to bottom, each as a nested `<svg>` placed at its row. */
export function stackCharts(charts: readonly string[], title: string): string {
  const height = VIEW_HEIGHT * charts.length;
  const nested = charts.map((svg, k) => svg.replace(/^<svg /, `<svg x="0" y="${VIEW_HEIGHT * k}" `)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW_WIDTH} ${height}" width="${VIEW_WIDTH}" height="${height}" role="img"><title>${escapeXml(title)}</title>${nested}</svg>`;
}
