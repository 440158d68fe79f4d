#!/usr/bin/env node
/**
 * tapsim command line: the only place that reads process.argv and sets the exit code (the commands are in src/cli/).
 * `tapsim --version` alone is answered here, before yargs, zod, mathjs, d3 or piscina are loaded
 * (the same line yargs prints); everything else goes through main().
 */
// `tapsim run … | head`: a reader that closes the pipe early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  const { toolVersion } = await import('./experiment/version.js');
  process.stdout.write(`${await toolVersion()}\n`);
  process.exitCode = 0;
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(argv);
}
