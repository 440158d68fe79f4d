import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/errors.js';
import { FileSystemError } from '../report/write.js';
import { NotARunFolderError } from '../report/run-report.js';
import { UnknownReaderError } from '../report/field-map.js';
import { ExperimentInputError } from '../orchestrate/shard.js';
import { ERROR_EXITS, exitFor } from './exit-codes.js';
import { Interrupted } from './signal.js';

async function exit(error: unknown): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await exitFor(error, { argv: ['run', 's.yaml'], io: { stdout: () => {}, stderr: (t) => (err += t), cwd: '/w' }, state: {} });
  return { code, err };
}

describe('the error kind → exit code table', () => {
  it.each([
    ['bad scenario or flag', new ScenarioError([{ file: '/w/s.yaml', line: 3, col: 5, path: 'seed', message: 'must be an integer' }]), 2, 's.yaml:3:5 seed: must be an integer\n'],
    ['not a run folder', new NotARunFolderError('x'), 2, 'tapsim: report: x is not a tapsim run folder (no run.json)\n'],
    ['unknown reader', new UnknownReaderError('r', ['a']), 2, 'tapsim: --reader: '],
    ['bad experiment input', new ExperimentInputError('/w/out', 'bad in /w/out/jobs'), 2, 'tapsim: out: bad in out/jobs\n'],
    ['file system', new FileSystemError('/w/out', 'EACCES', 'permission denied', 'fix it', 'write'), 2, 'tapsim: cannot write out: permission denied (EACCES); fix it\n'],
    ['interrupted', new Interrupted('SIGINT'), 130, 'tapsim: interrupted (SIGINT); the output folder was not written.\n'],
    ['interrupted', new Interrupted('SIGTERM'), 143, 'tapsim: interrupted (SIGTERM); the output folder was not written.\n'],
    ['internal error', new Error('boom'), 1, 'tapsim: internal error: boom\n'],
  ])('%s (row %#)', async (kind, error, code, message) => {
    expect(ERROR_EXITS.find((e) => e.matches(error))?.kind).toBe(kind);
    const r = await exit(error);
    expect(r.code).toBe(code);
    expect(r.err.startsWith(message)).toBe(true);
  });

  it('the last row takes anything, even what is not an Error', async () => {
    expect(await exit('text')).toEqual({ code: 1, err: 'tapsim: internal error: text\n' });
  });
});
