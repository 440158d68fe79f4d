/** argv → the parsed options, or yargs' own output (help, version) or its error message. */
import yargs from 'yargs';
import { commandName, type Command } from './command.js';
import type { Parsed } from './options.js';

export type ParseResult = { failure: string } | { output: string } | { args: Parsed };

export async function parseArgv(argv: readonly string[], version: string, commands: readonly Command[]): Promise<ParseResult> {
  let parser = yargs([...argv]).scriptName('tapsim').usage('$0 <command> [options]');
  for (const c of commands) parser = c.options === undefined ? parser.command(c.usage, c.describe) : parser.command(c.usage, c.describe, c.options);
  parser = parser
    .demandCommand(1, `give a command: ${commands.slice(0, -1).map(commandName).join(', ')} or ${commandName(commands[commands.length - 1] as Command)}`)
    .strict()
    .version(version)
    .help()
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(100);
  let failure: string | undefined;
  let output = '';
  let args: Parsed;
  try {
    args = (await parser.parseAsync([...argv], {}, (error: Error | null | undefined, _argv: unknown, out: string) => {
      if (error) failure = error.message;
      output = out;
    })) as unknown as Parsed;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    args = { _: [] };
  }
  if (failure !== undefined) return { failure };
  if (output !== '') return { output };
  return { args };
}
