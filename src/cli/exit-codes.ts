/**
 * The one table from error kind to exit code (0 ok, 1 a run failed, 2 bad input or a file-system
 * error, 130 Ctrl-C / SIGINT, 143 SIGTERM), with what each kind prints. Bad input prints each issue
 * as `file:line:col path: message`, never a stack trace. The first matching row wins; the last row
 * matches everything.
 */
import { sep } from 'node:path';
import { formatIssue, isScenarioError, type ScenarioError } from '../scenario/errors.js';
import { isFileSystemError, type FileSystemError } from '../report/write.js';
import { NotARunFolderError } from '../report/run-report.js';
import { UnknownReaderError } from '../report/field-map.js';
import { ExportInputError } from '../report/export/service-times-read.js';
import { ExperimentInputError } from '../orchestrate/shard.js';
import { abs, relativeIssue, type CliIo } from './io.js';
import { resumeHint, type CommandState } from './resume-hint.js';
import { Interrupted, isAbort } from './signal.js';

/** What the failing command knew, for the message. */
export interface FailureContext {
  argv: readonly string[];
  io: CliIo;
  state: CommandState;
}

interface ErrorExit {
  kind: string;
  matches: (error: unknown) => boolean;
  code: (error: unknown) => number;
  /** Writes the message to io.stderr. */
  report: (error: unknown, context: FailureContext) => Promise<void> | void;
}

function row<E>(kind: string, matches: (error: unknown) => error is E, code: number | ((error: E) => number), report: (error: E, context: FailureContext) => Promise<void> | void): ErrorExit {
  return { kind, matches, code: (e) => (typeof code === 'number' ? code : code(e as E)), report: (e, c) => report(e as E, c) };
}

const interruption = (error: unknown): error is Error => error instanceof Interrupted || isAbort(error);
const signalName = (error: Error): 'SIGINT' | 'SIGTERM' => (error instanceof Interrupted ? error.signalName : 'SIGINT');
const anything = (_error: unknown): _error is unknown => true;

export const ERROR_EXITS: readonly ErrorExit[] = [
  row('bad scenario or flag', (e): e is ScenarioError => isScenarioError(e), 2, (error, { io }) => {
    for (const issue of error.issues) io.stderr(formatIssue(relativeIssue(issue, io)) + '\n');
  }),
  row('not a run folder', (e): e is NotARunFolderError => e instanceof NotARunFolderError, 2, (error, { io }) => io.stderr(`tapsim: report: ${error.message}\n`)),
  row('bad export input', (e): e is ExportInputError => e instanceof ExportInputError, 2, (error, { io }) => io.stderr(`tapsim: export: ${error.message}\n`)),
  row('unknown reader', (e): e is UnknownReaderError => e instanceof UnknownReaderError, 2, (error, { io }) => io.stderr(`tapsim: --reader: ${error.message}\n`)),
  row('bad experiment input', (e): e is ExperimentInputError => e instanceof ExperimentInputError, 2, (error, { io }) => {
    const base = abs(io, '.') + sep;
    io.stderr(`tapsim: ${error.flag.split(base).join('')}: ${error.message.split(base).join('')}\n`);
  }),
  row('file system', (e): e is FileSystemError => isFileSystemError(e), 2, async (error, { argv, io, state }) => {
    io.stderr(`tapsim: ${error.replacing(abs(io, '.') + sep, '').message}\n${await resumeHint(argv, io, state, 'once that is fixed, ')}`);
  }),
  row('interrupted', interruption, (error) => (signalName(error) === 'SIGTERM' ? 143 : 130), async (error, { argv, io, state }) => {
    io.stderr(`tapsim: interrupted (${signalName(error)}); the output folder was not written.\n${await resumeHint(argv, io, state, '')}`);
  }),
  row('internal error', anything, 1, (error, { io }) => {
    io.stderr(`tapsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['TAPSIM_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) io.stderr(error.stack + '\n');
  }),
];

/** Prints the failure as its row says and returns the exit code. */
export async function exitFor(error: unknown, context: FailureContext): Promise<number> {
  const exit = ERROR_EXITS.find((e) => e.matches(error)) as ErrorExit;
  await exit.report(error, context);
  return exit.code(error);
}
