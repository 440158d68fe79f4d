/** After a run or sweep stopped: what its folder keeps and the command that resumes it. */
import { join, sep } from 'node:path';
import { pathExists } from '../report/write.js';
import { finishedJobs } from '../orchestrate/shard.js';
import { abs, type CliIo } from './io.js';

/** What a run, sweep or study command knew when it failed: where its finished jobs are kept. */
export interface CommandState {
  outDir?: string;
  keepsJobs?: boolean;
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,/:=+@%^-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * After a run or sweep stopped (a signal, a file-system error): how many finished jobs its
 * folder keeps and the exact command that resumes it (the same command with --resume, without
 * --force, with --out when the folder was a default one); or that nothing was kept.
 */
export async function resumeHint(argv: readonly string[], io: CliIo, state: CommandState, when: string): Promise<string> {
  if (state.outDir === undefined) return '';
  if (state.keepsJobs !== true) return `Nothing was kept: ${argv.some((w) => w.startsWith('--until-ci')) ? '--until-ci runs cannot resume' : 'give --out DIR to keep finished replications for --resume'}.\n`;
  let kept = 0;
  const words = argv.filter((w) => w !== '--force' && w !== '--no-resume');
  const shownDir = state.outDir.startsWith(abs(io, '.') + sep) ? state.outDir.slice(abs(io, '.').length + 1) : state.outDir;
  if (!words.includes('--out') && !words.some((w) => w.startsWith('--out='))) words.push('--out', shownDir);
  if (!words.includes('--resume')) words.push('--resume');
  const command = `  tapsim ${words.map(shellWord).join(' ')}\n`;
  try {
    if (await pathExists(join(state.outDir, 'study.json'))) return `The finished experiments and the jobs of unfinished sweeps are kept in ${shownDir}/; ${when}resume with:\n${command}`;
    if (!(await pathExists(join(state.outDir, 'partial.json')))) return '';
    kept = (await finishedJobs(state.outDir)).size;
  } catch {
    return '';
  }
  return `${kept} finished job(s) are kept in ${shownDir}/jobs/; ${when}resume with:\n${command}`;
}
