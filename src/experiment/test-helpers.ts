/** Shared fixtures of the experiment tests (not part of the build's public surface). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A 4-minute gate-array (ten RCC dual-band gates), 3 replications: ≈ 0.1 s per replication. */
export function smallScenarioDir(prefix: string, extra = ''): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), `tapsim-${prefix}-`));
  const file = join(dir, 'small.yaml');
  const replications = /^replications: .*$/m.test(extra) ? '' : 'replications: 3\n';
  writeFileSync(file, `extends: ${JSON.stringify(join(ROOT, 'scenarios', 'gate-array.yaml'))}\nname: small-array\nduration: 4 min\nwarmup: 1 min\n${replications}${extra}`);
  return { dir, file };
}

/** name → bytes of every CSV in a folder. */
export function csvFiles(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.csv')).sort().map((n) => [n, readFileSync(join(dir, n))]));
}
