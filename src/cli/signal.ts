/** Ctrl-C and SIGTERM while a command runs, and the test-only fault hooks installed beside them. */
import { currentFileSystem, withFileSystem } from '../report/write.js';
import { faultyFileSystem, needsFileSystem, parseTestFaults } from '../orchestrate/test-faults.js';
import { flagError } from './flags.js';
import type { CliIo } from './io.js';

/** A command stopped by a signal (or by the test-only fault hook, as SIGINT). */
export class Interrupted extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signalName}`);
    this.name = 'AbortError';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

/**
 * Run `body` with an AbortSignal that Ctrl-C (SIGINT) or SIGTERM aborts while it runs (and the
 * caller's, if given); an abort comes out as Interrupted, naming the signal. The test-only fault
 * hooks (test-faults.ts) are installed here, on the file-system seam.
 */
export async function withSignal(io: CliIo, body: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let fired: 'SIGINT' | 'SIGTERM' | undefined;
  const stop = (name: 'SIGINT' | 'SIGTERM') => (): void => {
    fired ??= name;
    controller.abort(new Interrupted(name));
  };
  const onSigint = stop('SIGINT');
  const onSigterm = stop('SIGTERM');
  const signal = io.signal === undefined ? controller.signal : AbortSignal.any([io.signal, controller.signal]);
  if (io.signal === undefined) {
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
  }
  const faults = io.testFaults ?? parseTestFaults(process.env['TAPSIM_TEST_FAULTS']);
  if ('error' in faults) throw flagError('TAPSIM_TEST_FAULTS', faults.error);
  try {
    const run = (): Promise<number> => body(signal);
    if (!needsFileSystem(faults)) return await run();
    return await withFileSystem(faultyFileSystem(currentFileSystem(), faults, { stop: onSigint, signal, note: (line) => io.stderr(`tapsim: ${line}\n`) }), run);
  } catch (error) {
    if (signal.aborted && isAbort(error)) throw new Interrupted(fired ?? 'SIGINT');
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
  }
}

/** The test-only faults of this call that act in the worker (failing replications). */
export function failingReplications(io: CliIo): { failReplications?: number[] } {
  const faults = io.testFaults ?? parseTestFaults(process.env['TAPSIM_TEST_FAULTS']);
  return 'error' in faults || faults.failReplications === undefined ? {} : { failReplications: faults.failReplications };
}
