/** The work of `tapsim verify`, loaded only when the command runs. */
import { verifyCommand } from '../../verify/command.js';
import { checkOutFlag } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim verify` (the command line is in verify.ts). */
export async function executeVerify(args: Parsed, io: CliIo): Promise<number> {
  checkOutFlag(args);
  return verifyCommand(
    { out: (s) => io.stdout(`${s}\n`), err: (s) => io.stderr(`tapsim: ${s}\n`) },
    {
      outDir: abs(io, args.out ?? 'results/verify'),
      quick: args.quick === true,
      ...(args.case === undefined ? {} : { cases: args.case }),
    },
  );
}
