/**
 * The run report, index.html (docs/architecture.md#cli): one self-contained page with inline CSS, the scenario
 * summary, summary tables, figures and the run's metadata and fingerprint. No scripts, no fonts
 * or styles from the network; figures are inline `<svg>` or linked relatively (`figures/x.svg`),
 * so the page works from file://. Pure: plain data in, strings out; write.ts writes the files.
 */
import { escapeXml } from './svg.js';

export type Cell = string | number | null;

export interface ReportTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Decimals for numeric cells that are not integers (default 3). */
  readonly decimals?: number;
  /** Optional note under the table (sources, definitions). */
  readonly note?: string;
}

export interface ReportFigure {
  /** File name under figures/, e.g. "queue-length.svg". */
  readonly file: string;
  readonly caption: string;
  /** The SVG document (from charts.ts). */
  readonly svg: string;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface RunReportInput {
  /** Page title and heading, e.g. "metro-station-am-peak — run 2024-05-01T08-00-00". */
  readonly title: string;
  /** One paragraph under the heading. */
  readonly intro?: string;
  /** Scenario summary (name, description, the parameters worth seeing). */
  readonly scenario?: { readonly name: string; readonly description?: string; readonly items: readonly KeyValue[] };
  /** Run metadata: tool version, scenario hash, seed, replications, workers, wall time, events… */
  readonly meta: readonly KeyValue[];
  /** The run's fingerprint (shown prominently, so two runs can be compared at a glance). */
  readonly fingerprint?: string;
  readonly tables: readonly ReportTable[];
  readonly figures: readonly ReportFigure[];
  /** Short notes shown above the figures (e.g. a figure left out and why). */
  readonly figureNotes?: readonly string[];
  /**
   * 'inline' (default) embeds each SVG in the page; 'link' shows it with
   * `<img src="figures/<file>">`, so figures must be written beside index.html.
   */
  readonly figureMode?: 'inline' | 'link';
  /** Shown in the footer; pass it in (no clock is read here). */
  readonly generatedAt?: string;
}

export interface ReportFile {
  /** Path relative to the run folder, "/"-separated. */
  readonly path: string;
  readonly content: string;
}

const esc = escapeXml;

/** A table cell: integers as they are, other numbers with fixed decimals, null as an en dash. */
export function formatCell(v: Cell, decimals = 3): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(decimals);
  return s === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : s;
}

/** Figure file names must stay inside figures/: a plain name ending in .svg. */
export function checkFigureFile(file: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.svg$/.test(file)) {
    throw new Error(`report: figure file ${JSON.stringify(file)} must be a plain name like "queue-length.svg"`);
  }
  return file;
}

function anchor(prefix: string, i: number): string {
  return `${prefix}-${i + 1}`;
}

function renderTable(t: ReportTable, i: number): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = t.rows
    .map((row) => {
      const cells = t.columns.map((_, ci) => {
        const v = row[ci] ?? null;
        const cls = typeof v === 'number' ? ' class="num"' : '';
        return `<td${cls}>${esc(formatCell(v, t.decimals ?? 3))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const note = t.note !== undefined ? `\n<p class="note">${esc(t.note)}</p>` : '';
  return (
    `<section class="table" id="${anchor('table', i)}">\n<table>\n<caption>Table ${i + 1}. ${esc(t.caption)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}\n</section>`
  );
}

/** Strip an XML declaration or doctype so the SVG can sit inside HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

function renderFigure(f: ReportFigure, i: number, mode: 'inline' | 'link'): string {
  const file = checkFigureFile(f.file);
  const href = `figures/${file}`;
  const body =
    mode === 'inline'
      ? `<div class="svg">${inlineSvg(f.svg)}</div>`
      : `<img src="${esc(href)}" alt="${esc(f.caption)}" width="800" height="500">`;
  return (
    `<figure id="${anchor('figure', i)}">\n${body}\n` +
    `<figcaption>Figure ${i + 1}. ${esc(f.caption)} <a class="file" href="${esc(href)}">${esc(href)}</a></figcaption>\n</figure>`
  );
}

function renderKeyValues(items: readonly KeyValue[], cls: string): string {
  const rows = items.map((kv) => `<tr><th scope="row">${esc(kv.key)}</th><td>${esc(kv.value)}</td></tr>`).join('\n');
  return `<table class="${cls}">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.45; color: #1d1d1d; background: #f6f6f4; }
main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #dddddd; }
p.intro { margin: 0 0 12px; color: #333333; }
.fingerprint { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; background: #f0f0ee; padding: 6px 8px; border-radius: 3px; overflow-wrap: anywhere; }
nav ol { margin: 6px 0 0; padding-left: 22px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
.table table { min-width: 60%; }
caption { text-align: left; font-weight: bold; padding: 4px 0 6px; }
th, td { border: 1px solid #d8d8d8; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f0f0ee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.kv th { background: #f7f7f5; font-weight: normal; color: #444444; white-space: nowrap; }
table.kv td { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.table { overflow-x: auto; }
p.note { font-size: 12px; color: #555555; margin: 2px 0 0; }
figure { margin: 18px 0 26px; }
figure .svg svg, figure img { display: block; width: 100%; max-width: 800px; height: auto; border: 1px solid #e4e4e4; }
figcaption { font-size: 13px; color: #333333; margin-top: 6px; }
figcaption a.file { color: #0060a0; font-size: 12px; margin-left: 6px; }
footer { margin-top: 36px; font-size: 12px; color: #666666; }
@media print { body { background: #ffffff; } main { padding: 0; } figure { break-inside: avoid; } }
`.trim();

/** The self-contained index.html of a run. */
export function renderRunReport(input: RunReportInput): string {
  const mode = input.figureMode ?? 'inline';
  const parts: string[] = [];
  parts.push(`<h1>${esc(input.title)}</h1>`);
  if (input.intro !== undefined) parts.push(`<p class="intro">${esc(input.intro)}</p>`);
  if (input.fingerprint !== undefined) {
    parts.push(`<p class="fingerprint">Fingerprint: ${esc(input.fingerprint)}</p>`);
  }

  const toc: string[] = [];
  if (input.scenario !== undefined) toc.push('<li><a href="#scenario">Scenario</a></li>');
  input.tables.forEach((t, i) => toc.push(`<li><a href="#${anchor('table', i)}">Table ${i + 1}. ${esc(t.caption)}</a></li>`));
  input.figures.forEach((f, i) => toc.push(`<li><a href="#${anchor('figure', i)}">Figure ${i + 1}. ${esc(f.caption)}</a></li>`));
  toc.push('<li><a href="#run">Run metadata</a></li>');
  parts.push(`<nav aria-label="Contents"><ol>\n${toc.join('\n')}\n</ol></nav>`);

  if (input.scenario !== undefined) {
    const s = input.scenario;
    parts.push(`<h2 id="scenario">Scenario: ${esc(s.name)}</h2>`);
    if (s.description !== undefined) parts.push(`<p>${esc(s.description)}</p>`);
    if (s.items.length > 0) parts.push(renderKeyValues(s.items, 'kv'));
  }
  if (input.tables.length > 0) {
    parts.push('<h2 id="tables">Summary</h2>');
    input.tables.forEach((t, i) => parts.push(renderTable(t, i)));
  }
  const figureNotes = input.figureNotes ?? [];
  if (input.figures.length > 0 || figureNotes.length > 0) {
    parts.push('<h2 id="figures">Figures</h2>');
    for (const n of figureNotes) parts.push(`<p class="note">${esc(n)}</p>`);
    input.figures.forEach((f, i) => parts.push(renderFigure(f, i, mode)));
  }
  parts.push('<h2 id="run">Run metadata</h2>');
  parts.push(renderKeyValues(input.meta, 'kv'));
  const generated = input.generatedAt !== undefined ? ` on ${esc(input.generatedAt)}` : '';
  parts.push(`<footer>Generated by tapsim${generated}. Figures use the Okabe–Ito and viridis colour-blind-safe palettes.</footer>`);

  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    // No network and no scripts: the page is a document, even when opened from file://.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">\n` +
    `<title>${esc(input.title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}

/**
 * Every file of the report, relative to the run folder: index.html and figures/<file> for each
 * figure (written in both modes, so the figures can be used on their own). For write.ts.
 */
export function runReportFiles(input: RunReportInput): ReportFile[] {
  const seen = new Set<string>();
  const files: ReportFile[] = [{ path: 'index.html', content: renderRunReport(input) }];
  for (const f of input.figures) {
    const file = checkFigureFile(f.file);
    if (seen.has(file)) throw new Error(`report: two figures named ${JSON.stringify(file)}`);
    seen.add(file);
    files.push({ path: `figures/${file}`, content: f.svg.endsWith('\n') ? f.svg : `${f.svg}\n` });
  }
  return files;
}
