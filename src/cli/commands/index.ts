/** Every command, in the order `tapsim --help` lists them. */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { exportCommand } from './export.js';
import { fieldCommand } from './field.js';
import { mergeCommand } from './merge.js';
import { queryCommand } from './query.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { sensitivityCommand } from './sensitivity.js';
import { sizeCommand } from './size.js';
import { studyCommand } from './study.js';
import { sweepCommand } from './sweep.js';
import { verifyCliCommand } from './verify.js';

export const COMMANDS: readonly Command[] = [checkCommand, runCommand, sweepCommand, mergeCommand, compareCommand, sensitivityCommand, sizeCommand, studyCommand, reportCommand, queryCommand, exportCommand, fieldCommand, verifyCliCommand, schemaCommand];
