/** The work of `tapsim field`, loaded only when the command runs. */
import { loadScenario } from '../../scenario/load.js';
import { checkOutDir, writeFolderAtomic } from '../../report/write.js';
import { fieldMapFigures } from '../../report/field-map.js';
import { renderRunReport as renderReportHtml } from '../../report/html.js';
import { toolVersion } from '../../orchestrate/run-scenario.js';
import { checkOutFlag, flagError, overridesFrom } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

function slugOf(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'reader';
}

/** Runs `tapsim field` (the command line is in field.ts). */
export async function executeField(args: Parsed, io: CliIo): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const loaded = await loadScenario(abs(io, file), { overrides });
  const { scenario } = loaded;
  const readerId = args.reader as string;
  const maps = fieldMapFigures(scenario, readerId); // throws UnknownReaderError (exit 2)
  const outDir = abs(io, args.out ?? `results/${scenario.name}/field-${slugOf(readerId)}`);
  const check = await checkOutDir(outDir, args.force === true);
  if (!check.ok) throw flagError('--out', check.message);
  const html = renderReportHtml({
    title: `${scenario.name} — field maps of reader ${readerId}`,
    intro: `Field maps of reader ${readerId} across its gates, from ${file}. Each gate has its own reader at the lane centre; a point shows the strongest reader's field.`,
    meta: [
      { key: 'Tool', value: `tapsim ${await toolVersion()}` },
      { key: 'Scenario file', value: file },
      { key: 'Scenario SHA-256', value: loaded.hash },
      { key: 'Reader', value: readerId },
    ],
    tables: [],
    figures: maps.figures,
    figureNotes: maps.notes,
    figureMode: 'inline',
  }).replace(/<a class="file" href="figures\//g, '<a class="file" href="');
  await writeFolderAtomic(outDir, async (w) => {
    for (const f of maps.figures) await w.writeFile(f.file, f.svg.endsWith('\n') ? f.svg : `${f.svg}\n`);
    await w.writeFile('index.html', html);
    await w.writeFile('field.json', JSON.stringify({ tool: 'tapsim', version: await toolVersion(), scenario: { name: scenario.name, file, sha256: loaded.hash }, reader: readerId, figures: maps.figures.map((f) => f.file) }, null, 2) + '\n');
  });
  const shownDir = args.out ?? outDir.slice(abs(io, '.').length + 1);
  io.stdout(`wrote ${shownDir}: ${maps.figures.map((f) => f.file).join(', ') || 'no map'} and index.html\n`);
  for (const n of maps.notes) io.stdout(`note: ${n}\n`);
  return 0;
}
