/** The work of `tapsim sensitivity`, loaded only when the command runs. */
import { runSensitivity, sensitivityDesign } from '../../orchestrate/sensitivity.js';
import { SENSITIVITY_PARAMS } from '../../orchestrate/sensitivity-params.js';
import { writeSensitivity } from '../../orchestrate/sensitivity-output.js';
import { checkOutFlag, overridesFrom, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim sensitivity` (the command line is in sensitivity.ts). */
export async function executeSensitivity(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const started = performance.now();
  const design = await sensitivityDesign(abs(io, file), overrides, SENSITIVITY_PARAMS);
  const base = design.points[0]!.configs[0].scenario;
  for (const s of design.skipped) io.stderr(`tapsim: warning: sensitivity: ${s.param} left out: ${s.reason}\n`);
  if (args.quiet !== true) io.stderr(`tapsim: sensitivity: ${design.points.length} points (base and ${design.points.length - 1} parameter levels) × 2 bands × ${base.replications} replication(s)\n`);
  const outDir = await resolveOutDir(args, io, file, base.name, base.seed, 'sensitivity-');
  const run = await withBar(args, io, 'replications', (onProgress) =>
    runSensitivity(design, { signal, ...(workers === undefined ? {} : { workers }), ...(onProgress === undefined ? {} : { onProgress }) }),
  );
  const { markdown } = await writeSensitivity(outDir, design, run, {
    scenarioName: base.name,
    scenarioFile: file,
    seed: base.seed,
    replications: base.replications,
    params: SENSITIVITY_PARAMS.filter((p) => !design.skipped.some((s) => s.param === p.id)),
    wallTimeS: Math.round((performance.now() - started) / 10) / 100,
  });
  io.stdout(`band comparison ${design.bands[1]} − ${design.bands[0]} at each parameter's low / high value, ${base.replications} replication(s) per point, seed ${base.seed}; largest swings first\n\n`);
  io.stdout(markdown);
  io.stdout(`\nwrote ${shown(io, args, outDir)} (sensitivity.csv, sensitivity-tornado.svg)\n`);
  for (const f of run.failures) io.stderr(`tapsim: ${design.points[f.point]?.param ?? '?'} ${f.config} replication ${f.replication} failed: ${f.message}\n`);
  return run.failures.length > 0 ? 1 : 0;
}
