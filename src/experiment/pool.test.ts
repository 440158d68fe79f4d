import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { cappedWorkers, createPool, runInOrder, workerEntry } from './pool.js';
import { smallScenarioDir } from '../testing/test-helpers.js';

/** Modules a file reaches through value imports (not `import type`), and the packages it imports. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
    for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]/g)) packages.add(m[1] as string);
  }
  return { files, packages };
}

describe('worker', () => {
  it('never loads mathjs or the scenario loader (the scenario arrives resolved); nor does the run pool\'s CSV-formatting worker', () => {
    for (const entry of [join(import.meta.dirname, 'worker.ts'), join(import.meta.dirname, '..', 'orchestrate', 'replication-worker.ts')]) {
      const { files, packages } = importGraph(entry);
      expect([...packages].filter((p) => p.includes('mathjs'))).toEqual([]);
      const names = [...files].map((f) => f.split(/[\\/]/).slice(-2).join('/'));
      expect(names).not.toContain('scenario/load.ts');
      expect(names).not.toContain('scenario/units.ts');
      expect(names).not.toContain('scenario/expression.ts');
      expect(names).toContain('experiment/replication.ts');
    }
  });

  it('resolves the worker file beside pool.js in dist, and worker.ts through tsx from source', () => {
    expect(workerEntry('file:///x/dist/experiment/pool.js')).toEqual({ filename: 'file:///x/dist/experiment/worker.js', execArgv: [] });
    const fromSource = workerEntry(new URL('./pool.ts', import.meta.url).href);
    expect(fromSource.filename).toMatch(/src\/experiment\/worker\.ts$/);
    expect(fromSource.execArgv[0]).toBe('--import');
  });

  it('the resolved scenario is plain data: it survives structuredClone unchanged', async () => {
    const { file } = smallScenarioDir('clone');
    const { scenario } = await loadScenario(file);
    expect(structuredClone(scenario)).toEqual(scenario);
  });
});

describe('pool', () => {
  it('runs on threads with progress, hands results over in order, and reports a failing task alone', async () => {
    const { file } = smallScenarioDir('pool');
    const { scenario } = await loadScenario(file);
    const pool = createPool({ workers: 2, progressEveryMs: 0 });
    await pool.ready();
    const broken = { ...scenario, stations: [] } as unknown as typeof scenario;
    const tasks = [0, 1, 2, 3].map((r) => ({ scenario: r === 2 ? broken : scenario, replication: r, seed: scenario.seed, detail: 'metrics' as const }));
    const order: number[] = [];
    let progressed = 0;
    const outcomes: boolean[] = [];
    await runInOrder(pool, tasks, {
      onProgress: () => progressed++,
      onOutcome: (i, o) => {
        order.push(i);
        outcomes.push(o.ok);
        if (o.ok) expect(o.result.replication).toBe(i);
      },
    });
    await pool.close();
    expect(order).toEqual([0, 1, 2, 3]);
    expect(outcomes).toEqual([true, true, false, true]);
    expect(progressed).toBeGreaterThan(4);
  });
});

describe('cappedWorkers', () => {
  it('never more threads than jobs, at least one, the request otherwise', () => {
    expect(cappedWorkers(999, 2)).toBe(2);
    expect(cappedWorkers(4, 10)).toBe(4);
    expect(cappedWorkers(4, 0)).toBe(1);
    expect(cappedWorkers(3, undefined)).toBe(3);
  });
});
