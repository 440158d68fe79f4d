/**
 * The `experiments:` section: named studies of the scenario that `tapsim study <file>` runs into
 * one folder — sweeps, band comparisons and sizing searches, each written as its command line
 * would be (`--vary`, `--slo`, `--set`, `--replications`, `--seed`), like OMNeT++'s iteration
 * variables. `tapsim run` (and every other command) ignores the section: it is not part of the
 * resolved scenario (resolve.ts drops it), so a file's results and hashes do not change with it.
 * The texts of `vary` and `slo` are checked by `tapsim study` with the command line's own parsers
 * (orchestrate/study-plan.ts), so a bad value gets the same sentence as on the command line.
 */
import { z } from 'zod';

/** Names of experiments: they name the experiment's sub-folder of the study folder. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function common() {
  return {
    name: z
      .string()
      .regex(NAME, { message: 'an experiment name is a folder name: letters, digits, "-", "_", "." (no "/", no spaces), starting with a letter or digit, at most 64 characters' })
      .refine((n) => !n.includes('..'), { message: 'an experiment name must not contain ".."' })
      .describe('Name of the experiment: its sub-folder of the study folder (unique in the file).'),
    description: z.string().optional().describe('What the experiment asks (shown in the study report).'),
    set: z.array(z.string()).optional().describe('Overrides for this experiment only, "path=value" as for --set (after the file, before the command line\'s --set).'),
    replications: z.number().int().min(1).max(10000).optional().describe('Replications (as --replications; default: the scenario\'s).'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Master seed (as --seed; default: the scenario\'s).'),
  };
}

const sweep = z.strictObject({
  kind: z.literal('sweep').describe('A full-factorial sweep with common random numbers (tapsim sweep).'),
  ...common(),
  vary: z.array(z.string()).min(1).describe('"path=a,b,c" or "path=start:stop:step", as --vary (first varies slowest).'),
});

const compare = z.strictObject({
  kind: z.literal('compare').describe('A paired comparison with common random numbers (tapsim compare).'),
  ...common(),
  bands: z.literal(true).default(true).describe('Compare every reader on each band alone and dual (as --bands; the only comparison there is).'),
});

const size = z.strictObject({
  kind: z.literal('size').describe('The smallest integer value of a path meeting a service level with 95 % confidence (tapsim size).'),
  ...common(),
  vary: z.array(z.string()).min(1).describe('One "path=lo:hi" (integers), as --vary of tapsim size.'),
  slo: z.string().describe('"metric<=value" or "metric>=value", as --slo.'),
  maxReplications: z.number().int().min(2).max(10000).optional().describe('Cap on replications per value (as --max-replications; default 30).'),
});

export function experimentsSchema() {
  return z
    .array(z.discriminatedUnion('kind', [sweep, compare, size]))
    .superRefine((list, c) => {
      const seen = new Map<string, number>();
      list.forEach((e, i) => {
        const first = seen.get(e.name);
        if (first !== undefined) c.addIssue({ code: 'custom', path: [i, 'name'], message: `experiment name "${e.name}" is already used by experiments.${first}: give each experiment its own name (it names its folder)` });
        else seen.set(e.name, i);
      });
    })
    .describe('Studies of this scenario that `tapsim study` runs into one folder (ignored by `tapsim run`): sweeps, band comparisons, sizing searches.');
}

/** One experiment as the file declares it. */
export type ExperimentSpec = z.output<ReturnType<typeof experimentsSchema>>[number];
