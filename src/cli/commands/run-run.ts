/** The work of `tapsim run`, loaded only when the command runs. */
import { loadScenario } from '../../scenario/load.js';
import { loadRunFolder } from '../../report/run-report.js';
import { runSummaryLines, untilCiLines } from '../../report/run-summary.js';
import { runScenario } from '../../orchestrate/run-scenario.js';
import { checkOutFlag, flagError, overridesFrom, parseCount, parseShardFlag, parseUntilCi, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import { failingReplications } from '../signal.js';
import type { Parsed } from '../options.js';
import type { CommandState } from '../resume-hint.js';

/** Runs `tapsim run` (the command line is in run.ts). */
export async function executeRun(args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const shard = parseShardFlag(args);
  const untilCi = parseUntilCi(args, io);
  const maxReplications = parseCount('--max-replications', args.maxReplications, 1, 10000);
  if (args.resume === true && args.out === undefined) throw flagError('--resume', 'needs --out DIR: the folder to resume');
  if (untilCi !== undefined && (shard !== undefined || args.resume === true)) throw flagError('--until-ci', 'cannot be combined with --shard or --resume (the replications must be known up front)');
  const loaded = await loadScenario(abs(io, file), { overrides });
  const { scenario } = loaded;
  const outDir = await resolveOutDir(args, io, file, scenario.name, scenario.seed, '');
  // With --out, every finished replication is kept in <out>/jobs/ until the folder is complete.
  const keepJobs = args.out !== undefined && untilCi === undefined;
  state.outDir = outDir;
  state.keepsJobs = keepJobs || shard !== undefined || args.resume === true;
  const outcome = await withBar(args, io, 'replications', (onProgress) =>
    runScenario(loaded, {
      outDir,
      scenarioFile: file,
      signal,
      ...(io.inThread === true ? { workers: 1, inThread: true } : workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      ...(args.resume === true ? { resume: true } : {}),
      ...(keepJobs ? { keepJobs: true } : {}),
      ...(io.pool === undefined ? {} : { pool: io.pool }),
      ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}),
      ...failingReplications(io),
      ...(untilCi === undefined ? {} : { untilCi }),
      ...(maxReplications === undefined ? {} : { maxReplications }),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  const { runJson, failures } = outcome;
  if (outcome.alreadyComplete === true) {
    io.stdout(`${shown(io, args, outDir)} already holds this finished run: ${runJson.replications} replication(s), fingerprint ${runJson.fingerprint.slice(0, 16)}; nothing to run (use --force instead of --resume to run it again)\n`);
    return 0;
  }
  if (outcome.partial) io.stdout(`wrote partial folder ${shown(io, args, outDir)} (shard ${shard?.index ?? 0}/${shard?.count ?? 1}): ${runJson.replications} replication(s), ${runJson.events} events; combine with "tapsim merge"\n`);
  else {
    io.stdout(`wrote ${shown(io, args, outDir)}: ${runJson.replications} replication(s), ${runJson.events} events in ${runJson.wallTimeS} s, fingerprint ${runJson.fingerprint.slice(0, 16)}\n`);
    try {
      io.stdout(runSummaryLines(await loadRunFolder(outDir), shown(io, args, outDir)).join('\n') + '\n');
    } catch (error) {
      io.stderr(`tapsim: could not summarise the run folder: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (!outcome.partial && (runJson.untilCi ?? []).length > 0) {
    const { ci } = await loadRunFolder(outDir).catch(() => ({ ci: new Map() }));
    for (const line of untilCiLines(runJson, ci)) io.stdout(line + '\n');
  }
  for (const f of failures) io.stderr(`tapsim: replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return failures.length > 0 ? 1 : 0;
}
