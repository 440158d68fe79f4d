/** The work of `tapsim compare`, loaded only when the command runs. */
import { bandConfigs, compareTable, runCompare } from '../../orchestrate/compare.js';
import { checkOutFlag, flagError, overridesFrom, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim compare` (the command line is in compare.ts). */
export async function executeCompare(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  if (args.bands !== true) throw flagError('compare', 'say what to compare: --bands (13.56MHz only vs 2.45GHz RCC only vs dual)');
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const configs = await bandConfigs(abs(io, file), overrides);
  const base = configs[0]?.scenario;
  if (base === undefined) throw flagError('compare', 'no configurations');
  const outDir = await resolveOutDir(args, io, file, base.name, base.seed, 'compare-bands-');
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runCompare(configs, { outDir, scenarioFile: file, signal, ...(workers === undefined ? {} : { workers }), ...(onProgress === undefined ? {} : { onProgress }) }),
  );
  io.stdout(`paired differences over ${base.replications} replication(s), seed ${base.seed} (mean ± 95% CI half-width)\n\n`);
  io.stdout(compareTable(outcome.rows, outcome.infeasible));
  io.stdout(`\nwrote ${shown(io, args, outDir)}\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: ${f.config} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}
