/** The work of `tapsim sweep`, loaded only when the command runs. */
import { ScenarioError, type ScenarioIssue } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import { loadPoints, parseVary, runSweep, sweepJobsProblem, sweepPointsProblem, type VarySpec } from '../../orchestrate/sweep.js';
import { checkOutFlag, flagError, overridesFrom, parseShardFlag, parseWorkers, shown } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';
import { resolveOutDir } from '../out-dir.js';
import { withBar } from '../progress.js';
import { failingReplications } from '../signal.js';
import { join } from 'node:path';
import { readTextOptional } from '../../report/files.js';
import { sweepTableLines } from '../../report/sweep-table.js';
import type { CommandState } from '../resume-hint.js';

function parseVaryFlags(args: Parsed): VarySpec[] {
  const issues: ScenarioIssue[] = [];
  const specs: VarySpec[] = [];
  for (const text of args.vary ?? []) {
    const v = parseVary(text);
    if ('error' in v) issues.push({ file: '--vary', line: 0, col: 0, path: '', message: v.error });
    else if (specs.some((s) => s.path === v.path)) issues.push({ file: '--vary', line: 0, col: 0, path: v.path, message: 'path varied twice' });
    else specs.push(v);
  }
  const tooMany = issues.length === 0 ? sweepPointsProblem(specs) : undefined;
  if (tooMany !== undefined) issues.push({ file: '--vary', line: 0, col: 0, path: '', message: tooMany });
  if (issues.length > 0) throw new ScenarioError(issues);
  return specs;
}

/** Runs `tapsim sweep` (the command line is in sweep.ts). */
export async function executeSweep(args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState): Promise<number> {
  const file = args.scenario as string;
  const overrides = overridesFrom(args);
  checkOutFlag(args);
  const workers = parseWorkers(args, io);
  const shard = parseShardFlag(args);
  const vary = parseVaryFlags(args);
  if (args.resume === true && args.out === undefined) throw flagError('--resume', 'needs --out DIR: the folder to resume');
  const loaded = await loadScenario(abs(io, file), { overrides });
  const tooBig = sweepJobsProblem(vary, loaded.scenario, JSON.stringify(loaded.scenario).length);
  if (tooBig !== undefined) throw flagError('--vary', tooBig);
  const points = await loadPoints(abs(io, file), overrides, vary);
  const outDir = await resolveOutDir(args, io, file, loaded.scenario.name, loaded.scenario.seed, 'sweep-');
  state.outDir = outDir;
  state.keepsJobs = true;
  const outcome = await withBar(args, io, 'jobs', (onProgress) =>
    runSweep(loaded, {
      outDir,
      scenarioFile: file,
      vary,
      points,
      signal,
      ...(workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      ...(args.resume === true ? { resume: true } : {}),
      ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}),
      ...(io.pool === undefined ? {} : { pool: io.pool }),
      ...failingReplications(io),
      ...(onProgress === undefined ? {} : { onProgress }),
    }),
  );
  if (outcome.alreadyComplete === true) {
    io.stdout(`${shown(io, args, outDir)} already holds this finished sweep: ${outcome.sweepJson?.jobs ?? 0} job(s), fingerprint ${(outcome.sweepJson?.fingerprint ?? '').slice(0, 16)}; nothing to run (use --force instead of --resume to run it again)\n`);
    return 0;
  }
  if (outcome.partial) io.stdout(`wrote partial folder ${shown(io, args, outDir)} (shard ${shard?.index ?? 0}/${shard?.count ?? 1}): ${outcome.jobsRun} job(s) run; combine with "tapsim merge"\n`);
  else {
    io.stdout(`wrote ${shown(io, args, outDir)}: ${points.length} point(s), ${outcome.sweepJson?.jobs ?? 0} job(s) (${outcome.jobsRun} run now), fingerprint ${(outcome.sweepJson?.fingerprint ?? '').slice(0, 16)}\n`);
    const table = await readTextOptional(join(outDir, 'sweep.csv'));
    if (table !== null) io.stdout(`results (mean ± 95 % CI half-width over each point's replications):\n${sweepTableLines(table).join('\n')}\n`);
    io.stdout(`  report          ${shown(io, args, outDir)}/index.html (figures/, sweep.csv beside it)\n`);
  }
  for (const f of outcome.failures) io.stderr(`tapsim: point ${f.point} replication ${f.replication} (seed ${f.seed}) failed: ${f.message}\n`);
  return outcome.failures.length > 0 ? 1 : 0;
}
