/** One command of the command line: its yargs line, help text, options and what it does. */
import type { Argv } from 'yargs';
import type { CliIo } from './io.js';
import type { Parsed } from './options.js';
import type { CommandState } from './resume-hint.js';

interface CommandLine {
  /** The yargs command line, e.g. `run <scenario>`; its first word names the command. */
  usage: string;
  describe: string;
  /** Positionals and options (none: the command takes none). */
  options?: (y: Argv) => Argv<unknown>;
}

/** A command that Ctrl-C / SIGTERM can stop: it gets the signal and records where its output goes. */
interface Interruptible extends CommandLine {
  interruptible: true;
  run: (args: Parsed, io: CliIo, signal: AbortSignal, state: CommandState) => Promise<number>;
}

interface Plain extends CommandLine {
  interruptible: false;
  run: (args: Parsed, io: CliIo) => Promise<number>;
}

export type Command = Interruptible | Plain;

export function commandName(command: Command): string {
  return command.usage.split(' ')[0] as string;
}
