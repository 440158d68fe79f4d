/** The work of `tapsim study`, loaded only when the command runs. */
import { loadScenario } from '../../scenario/load.js';
import { planStudy } from '../../orchestrate/study-plan.js';
import { runStudy } from '../../orchestrate/study.js';
import { checkOutFlag, flagError, overridesFrom, parseShardFlag, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import type { CommandState } from '../resume-hint.js';

/** Runs `tapsim study` (the command line is in study.ts). */
export async function executeStudy(args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const shard = parseShardFlag(args);
  if (args.resume === true && args.out === undefined) throw flagError('--resume', 'needs --out DIR: the folder to resume');
  const base = await loadScenario(abs(io, file), { overrides });
  const plans = await planStudy(abs(io, file), base, overrides, io.stderr);
  const outDir = await resolveOutDir(args, io, file, base.scenario.name, base.scenario.seed, 'study-');
  state.outDir = outDir;
  state.keepsJobs = true;
  const outcome = await withBar(args, io, 'jobs', (onProgress) =>
    runStudy(abs(io, file), base, plans, {
      outDir,
      scenarioFile: file,
      signal,
      ...(workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      ...(args.resume === true ? { resume: true } : {}),
      ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}),
      ...(io.pool === undefined ? {} : { pool: io.pool }),
      ...(onProgress === undefined ? {} : { onProgress: (_name: string, p: Parameters<typeof onProgress>[0]) => onProgress(p) }),
    }),
  );
  const where = shown(io, args, outDir);
  if (outcome.alreadyComplete) {
    io.stdout(`${where} already holds this finished study: ${outcome.studyJson.experiments.length} experiment(s); nothing to run (use --force instead of --resume to run it again)\n`);
    return 0;
  }
  for (const e of outcome.studyJson.experiments) io.stdout(`  ${e.name.padEnd(16)} ${e.kind.padEnd(8)} ${e.status === 'complete' ? '' : `[${e.status}] `}${e.summary}\n`);
  if (outcome.studyJson.status === 'complete') io.stdout(`wrote ${where}: ${plans.length} experiment(s); report ${where}/index.html, each experiment in ${where}/<name>/\n`);
  else io.stdout(`wrote partial folder ${where} (shard ${shard?.index ?? 0}/${shard?.count ?? 1}); combine the shards with "tapsim merge"\n`);
  for (const f of outcome.failures) io.stderr(`tapsim: ${f.experiment}: ${f.where} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}
