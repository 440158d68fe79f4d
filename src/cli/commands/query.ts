/** `tapsim query`: SQL (DuckDB) over the tables of a run, sweep or compare folder. */
import type { Command } from '../command.js';

export const queryCommand: Command = {
  usage: 'query <dir> <sql>',
  describe: 'run SQL (DuckDB) over the tables of a run, sweep or compare folder (one view per table); print the result as a table, or write it with --csv / --parquet',
  options: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'run folder (run.json), sweep folder (sweep.json) or compare folder (compare.json)' })
      .positional('sql', { type: 'string', describe: 'the query, e.g. "SELECT band, cause, count(*) FROM transactions GROUP BY ALL"' })
      .option('csv', { type: 'string', requiresArg: true, describe: 'write the result to this CSV file instead of printing it' })
      .option('parquet', { type: 'string', requiresArg: true, describe: 'write the result to this Parquet file instead of printing it' }),
  interruptible: false,
  run: async (args, io) => (await import('./query-run.js')).executeQuery(args, io),
};
