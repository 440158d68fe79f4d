/** The README's Layout block names every folder of src/ (and the top-level folders), and nothing that is not there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function folders(dir: string, rel: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [`${rel}${e.name}/`, ...folders(join(dir, e.name), `${rel}${e.name}/`)]);
}

/** The paths named at the start of each line of the Layout section's code block ("a, b  text"). */
export function layoutPaths(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Layout'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').flatMap((line) => {
    const head = /^([^\s,]+(?:, [^\s,]+)*)/.exec(line)?.[1];
    return head === undefined ? [] : head.split(', ');
  });
}

describe('README Layout', () => {
  const named = layoutPaths(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  test('parses the block (a block without paths would pass anything)', () => {
    expect(named.length).toBeGreaterThan(20);
    expect(layoutPaths('## Layout\n\n```\nsrc/a/   x\n          more text\nb.ts, c/  y\n```\n')).toEqual(['src/a/', 'b.ts', 'c/']);
  });

  test('every folder of src/ is named', () => {
    const missing = folders('src', 'src/').filter((f) => !named.includes(f));
    expect(missing).toEqual([]);
  });

  test('everything named exists', () => {
    expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
