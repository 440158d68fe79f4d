/** `tapsim field`: field maps of one reader across its gates, as SVG files and an HTML page. */
import { loadScenario } from '../../scenario/load.js';
import { checkOutDir, writeFolderAtomic } from '../../report/write.js';
import { fieldMapFigures } from '../../report/field-map.js';
import { renderRunReport as renderReportHtml } from '../../report/html.js';
import { toolVersion } from '../../orchestrate/run-scenario.js';
import type { Command } from '../command.js';
import { checkOutFlag, flagError, overridesFrom } from '../flags.js';
import { abs } from '../io.js';
import { forceOption, outOption, setOption } from '../options.js';

function slugOf(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'reader';
}

export const fieldCommand: Command = {
  usage: 'field <scenario>',
  describe: 'field maps of one reader across its gates (13.56 MHz field / Hmin, RCC LF field vs T1/T3/T2)',
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('reader', { type: 'string', requiresArg: true, demandOption: true, describe: 'reader id (scenario readers[].id)' })
      .option('out', { ...outOption, describe: 'output folder (default results/<name>/field-<reader>)' })
      .option('set', setOption)
      .option('force', forceOption),
  interruptible: false,
  run: async (args, io) => {
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
  },
};
