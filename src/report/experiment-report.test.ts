import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderExperimentReport } from './experiment-report.js';
import { NotARunFolderError } from './run-folder.js';

describe('renderExperimentReport on a damaged folder', () => {
  test('a cut report.json is refused with the file named and the way out; a folder of neither kind is named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tapsim-exp-report-'));
    try {
      await expect(renderExperimentReport(dir)).rejects.toThrow(/is not a sweep or compare folder/);
      await writeFile(join(dir, 'compare.json'), '{}');
      await writeFile(join(dir, 'report.json'), '{"title": "tapsim comp');
      const error = await renderExperimentReport(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotARunFolderError);
      expect((error as Error).message).toBe(`${join(dir, 'report.json')} is not valid JSON (cut short or edited): delete it to re-render the page from compare.csv alone`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
