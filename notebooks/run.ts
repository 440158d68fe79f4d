/**
 * Run one notebook at full size (or --scale s) and print where its report went:
 *   npm run notebook -- band-comparison [--scale 0.1] [--out DIR]
 *   npm run notebook -- all
 */
import { resolve } from 'node:path';
import type { FindingsBase, NotebookOptions } from './lib.js';

type Notebook = { run(options: NotebookOptions): Promise<FindingsBase> };
export const NOTEBOOKS: Record<string, () => Promise<Notebook>> = {
  'band-comparison': () => import('./band-comparison.js'),
  'gate-sizing': () => import('./gate-sizing.js'),
  'backend-sizing': () => import('./backend-sizing.js'),
};

function usage(message?: string): never {
  if (message !== undefined) console.error(`notebook: ${message}`);
  console.error(`usage: npm run notebook -- <${Object.keys(NOTEBOOKS).join('|')}|all> [--scale S] [--out DIR]`);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<void> {
  const names: string[] = [];
  let scale = 1;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') scale = Number(argv[++i]);
    else if (a === '--out') out = argv[++i];
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else names.push(a);
  }
  if (!(scale > 0 && scale <= 1)) usage('--scale must be in (0, 1]');
  if (names.length !== 1) usage(names.length === 0 ? 'name a notebook' : 'name one notebook (or all)');
  const which = names[0] === 'all' ? Object.keys(NOTEBOOKS) : names;
  if (out !== undefined && which.length > 1) usage('--out needs a single notebook');
  for (const name of which) {
    const load = NOTEBOOKS[name];
    if (load === undefined) usage(`unknown notebook "${name}"`);
    const outDir = resolve(out ?? `results/notebooks/${name}`);
    const nb = await load();
    const f = await nb.run({ scale, outDir, log: (line) => console.log(line) });
    console.log(`${name}: ${f.files.length} files in ${f.outDir} (${f.wallS.toFixed(1)} s)`);
  }
}

await main(process.argv.slice(2));
