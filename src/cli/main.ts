/**
 * The command line as a function: `main(argv, io)` parses, runs and returns the exit code
 * (exit-codes.ts: 0 ok, 1 a run failed, 2 bad input or a file-system error, 130 Ctrl-C / SIGINT,
 * 143 SIGTERM). src/cli.ts is the only caller that touches process.argv and process.exitCode. Bad
 * input prints each issue as `file:line:col path: message`, never a stack trace, and writes nothing.
 * Only yargs and the command lines load up front; a command's work, the exit-code mapping and the
 * signal handling are imported when needed (start-up: `npm run bench -- startup`).
 */
import { toolVersion } from '../experiment/version.js';
import { commandName } from './command.js';
import { COMMANDS } from './commands/index.js';
import { completeIo, type CliIo } from './io.js';
import { parseArgv } from './parse.js';
import type { CommandState } from './resume-hint.js';

export type { CliIo } from './io.js';

export async function main(argv: readonly string[], ioIn: Partial<CliIo> = {}): Promise<number> {
  if (ioIn.fs !== undefined) {
    const { fs, ...rest } = ioIn;
    const { withFileSystem } = await import('../report/write.js');
    return withFileSystem(fs, () => main(argv, rest));
  }
  const io = completeIo(ioIn);
  const parsed = await parseArgv(argv, await toolVersion(), COMMANDS);
  if ('failure' in parsed) {
    io.stderr(`tapsim: ${parsed.failure}\nRun "tapsim --help" for usage.\n`);
    return 2;
  }
  if ('output' in parsed) {
    io.stdout(parsed.output.endsWith('\n') ? parsed.output : parsed.output + '\n');
    return 0;
  }
  const { args } = parsed;
  const name = String(args._[0]);
  const state: CommandState = {};
  try {
    const { checkSingleValued } = await import('./flags.js');
    checkSingleValued(args);
    const command = COMMANDS.find((c) => commandName(c) === name);
    if (command === undefined) {
      io.stderr(`tapsim: unknown command "${name}"\n`);
      return 2;
    }
    if (command.interruptible) {
      const { withSignal } = await import('./signal.js');
      return await withSignal(io, (signal) => command.run(args, io, signal, state));
    }
    return await command.run(args, io);
  } catch (error) {
    const { exitFor } = await import('./exit-codes.js');
    return exitFor(error, { argv, io, state });
  }
}
