/** The work of `tapsim export`, loaded only when the command runs. */
import { EXPORT_FORMATS, exportNotes, exportServiceTimes, type ExportFormat } from '../../report/export/formats.js';
import { ExportInputError, readServiceTimes } from '../../report/export/service-times-read.js';
import { writeFileAtomic } from '../../report/write.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim export` (the command line is in export.ts). */
export async function executeExport(args: Parsed, io: CliIo): Promise<number> {
  const what = String(args['what' as keyof Parsed] ?? '');
  if (what !== 'service-times') throw new ExportInputError(`cannot export "${what}": the one export is service-times (tapsim export service-times <run-folder> --format csv)`);
  const format = String(args['format' as keyof Parsed] ?? 'csv');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ExportInputError(`--format ${format} is not an export format: use one of ${EXPORT_FORMATS.join(', ')}`);
  const dirArg = args.dir as string;
  const lines = await readServiceTimes(abs(io, dirArg));
  const text = exportServiceTimes(lines, format as ExportFormat);
  if (args.out === undefined) {
    io.stdout(text);
    return 0;
  }
  await writeFileAtomic(abs(io, args.out), text);
  io.stderr(`wrote ${args.out} (${format}, ${lines.length} gateline(s))\n${exportNotes(lines).map((l) => `  ${l}\n`).join('')}`);
  return 0;
}
