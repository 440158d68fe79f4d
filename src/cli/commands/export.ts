/** `tapsim export service-times`: a run folder's time at the gate in the shapes pedestrian and transport simulators take (docs/export.md). */
import type { Command } from '../command.js';

/** The export formats (report/export/formats.ts EXPORT_FORMATS; repeated here so the help loads nothing more). */
const FORMATS = ['csv', 'viswalk', 'anylogic', 'legion', 'jupedsim', 'sumo', 'matsim'] as const;

export const exportCommand: Command = {
  usage: 'export <what> <dir>',
  describe: 'export a run folder\'s service times (time at the gate, capacity) for Viswalk, AnyLogic, LEGION, JuPedSim, SUMO, MATSim or as CSV',
  options: (y) =>
    y
      .positional('what', { type: 'string', describe: 'what to export: service-times' })
      .positional('dir', { type: 'string', describe: 'run folder (holds run.json, service-times.csv and gate-capacity.csv)' })
      .option('format', { type: 'string', requiresArg: true, default: 'csv', describe: `output shape: ${FORMATS.join(', ')}` })
      .option('out', { type: 'string', requiresArg: true, describe: 'file to write (default: standard output)' }),
  interruptible: false,
  run: async (args, io) => (await import('./export-run.js')).executeExport(args, io),
};
