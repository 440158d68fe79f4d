#!/usr/bin/env node
/** tapsim command line: the only place that reads process.argv and sets the exit code (the commands are in src/cli/). */
import { main } from './cli/main.js';

// `tapsim run … | head`: a reader that closes the pipe early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
