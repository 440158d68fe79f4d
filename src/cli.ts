#!/usr/bin/env node
/** tapsim command line: the only place that reads process.argv and sets the exit code. */
import { main } from './cli-main.js';

process.exitCode = await main(process.argv.slice(2));
