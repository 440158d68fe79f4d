/** The work of `tapsim size`, loaded only when the command runs. */
import { loadScenario } from '../../scenario/load.js';
import { parseIntRange, parseSlo, runSize } from '../../orchestrate/size.js';
import { boundText } from '../../report/ci-text.js';
import { checkOutFlag, flagError, overridesFrom, parseCount, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim size` (the command line is in size.ts). */
export async function executeSize(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const maxReplications = parseCount('--max-replications', args.maxReplications, 2, 10000);
  if ((args.vary ?? []).length !== 1) throw flagError('--vary', 'size takes exactly one --vary path=lo:hi');
  const range = parseIntRange((args.vary ?? [])[0] as string);
  if ('error' in range) throw flagError('--vary', range.error);
  const slo = parseSlo(args.slo ?? '', io.stderr);
  if ('error' in slo) throw flagError('--slo', slo.error);
  // Validate the path and both ends before running anything.
  await loadScenario(abs(io, file), { overrides: [...overrides, { path: range.path, value: String(range.lo), source: '--vary' }] });
  const loaded = await loadScenario(abs(io, file), { overrides: [...overrides, { path: range.path, value: String(range.hi), source: '--vary' }] });
  const outDir = await resolveOutDir(args, io, file, loaded.scenario.name, loaded.scenario.seed, 'size-');
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runSize(abs(io, file), overrides, range, slo, {
      outDir,
      scenarioFile: file,
      signal,
      ...(workers === undefined ? {} : { workers }),
      ...(maxReplications === undefined ? {} : { maxReplications }),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  for (const e of outcome.evaluations) io.stdout(`${range.path}=${e.value}: ${slo.metric} ${boundText(e)}: ${e.verdict}\n`);
  io.stdout(
    outcome.answer === null
      ? `no value in ${range.lo}..${range.hi} meets ${slo.metric}${slo.op}${slo.threshold} with 95% confidence\n`
      : `smallest ${range.path} meeting ${slo.metric}${slo.op}${slo.threshold} with 95% confidence: ${outcome.answer}\n`,
  );
  io.stdout(`wrote ${shown(io, args, outDir)}\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: ${range.path}=${f.value} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}
