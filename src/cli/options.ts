/** The parsed command line and the options several commands share (their help text is shown as written). */
import { defaultWorkers } from '../experiment/default-workers.js';

export interface Parsed {
  _: Array<string | number>;
  scenario?: string;
  scenarios?: string[];
  out?: string;
  replications?: string;
  seed?: string;
  set?: string[];
  quiet?: boolean;
  force?: boolean;
  allowVersionMix?: boolean;
  workers?: string;
  untilCi?: string[];
  maxReplications?: string;
  shard?: string;
  resume?: boolean;
  vary?: string[];
  dirs?: string[];
  bands?: boolean;
  slo?: string;
  dir?: string;
  reader?: string;
  case?: string[];
  quick?: boolean;
  sql?: string;
  csv?: string;
  parquet?: string;
}

export const setOption = { type: 'string', array: true, describe: 'override a field: path=value (repeatable), e.g. --set stations.S01.entrances.A.gatelines.0.gates=8', requiresArg: true } as const;
export const outOption = { type: 'string', describe: 'output folder (default results/<name>/…)', requiresArg: true } as const;
export const quietOption = { type: 'boolean', describe: 'no progress bar', default: false } as const;
export const forceOption = { type: 'boolean', describe: 'allow --out to replace an existing folder (an earlier run, an unfinished one, or any other)', default: false } as const;
export const versionMixOption = { type: 'boolean', describe: 'accept partial results written by another tapsim version or build', default: false } as const;

/** --workers, its help naming this machine's core count. */
export function workersOption() {
  return { type: 'string', describe: `worker threads (default: available cores, here ${defaultWorkers()})`, requiresArg: true } as const;
}

/** The options of sweep, compare and size. */
export function commonOptions() {
  return {
    set: setOption,
    seed: { type: 'string', describe: 'master seed, integer ≥ 0 (overrides the scenario)', requiresArg: true },
    replications: { type: 'string', describe: 'replications, 1..10000 (overrides the scenario)', requiresArg: true },
    workers: workersOption(),
    out: outOption,
    quiet: quietOption,
    force: forceOption,
  } as const;
}
