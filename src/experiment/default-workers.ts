/** The default worker count: the available cores (its own file, so the command line's help needs no piscina). */
import { availableParallelism } from 'node:os';

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
