/**
 * `npm run bench [-- suite...]`: performance suites. Prints a table per suite and writes
 * `results/bench/<suite>.csv`. Suites: kernel.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runKernelBench, type KernelBenchRow } from './kernel-bench.js';

const OUT_DIR = join('results', 'bench');

function writeAtomic(path: string, text: string): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toPrecision(digits) : '');

function kernelSuite(scale: number): void {
  console.log(`kernel: our typed-array heap + generator processes vs simjs 2.0.3 (same models, one process, one core)`);
  const rows: KernelBenchRow[] = runKernelBench(scale, (line) => console.log(line));
  console.log('');
  console.log('| case | ours (/s) | simjs (/s) | ours/simjs | heap B/pending | total B/pending ours | total B/pending simjs | mean wait ours / simjs (s, theory 8.1) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.case} | ${(r.oursPerS / 1e6).toFixed(2)} M | ${(r.simjsPerS / 1e6).toFixed(3)} M | ${r.ratio.toFixed(1)}× | ${fmt(r.oursHeapBytesPerPending)} | ${fmt(r.oursTotalBytesPerPending)} | ${fmt(r.simjsTotalBytesPerPending)} | ${Number.isFinite(r.meanWaitOursS) ? `${r.meanWaitOursS.toFixed(2)} / ${r.meanWaitSimjsS.toFixed(2)}` : ''} |`);
  }
  const header = 'case,pending,events,ours_per_s,simjs_per_s,ratio,ours_heap_bytes_per_pending,ours_total_bytes_per_pending,simjs_total_bytes_per_pending,mean_wait_ours_s,mean_wait_simjs_s';
  const lines = rows.map((r) =>
    [r.case, r.pending, r.events, Math.round(r.oursPerS), Math.round(r.simjsPerS), r.ratio.toFixed(2), fmt(r.oursHeapBytesPerPending), fmt(r.oursTotalBytesPerPending), fmt(r.simjsTotalBytesPerPending), fmt(r.meanWaitOursS, 4), fmt(r.meanWaitSimjsS, 4)]
      .map((v) => (typeof v === 'string' && v.includes(',') ? `"${v}"` : String(v)))
      .join(','),
  );
  writeAtomic(join(OUT_DIR, 'kernel.csv'), `${header}\n${lines.join('\n')}\n`);
  console.log(`\nwrote ${join(OUT_DIR, 'kernel.csv')}`);
}

const SUITES: Record<string, (scale: number) => void> = { kernel: kernelSuite };

function main(): number {
  const args = process.argv.slice(2);
  const scaleArg = args.find((a) => a.startsWith('--scale='));
  const scale = scaleArg === undefined ? 1 : Number(scaleArg.slice('--scale='.length));
  if (!(scale > 0)) {
    console.error(`bench: --scale must be a positive number, got ${scaleArg ?? ''}`);
    return 2;
  }
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    console.error(`bench: unknown suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
    return 2;
  }
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}\n`);
  for (const name of names.length > 0 ? names : Object.keys(SUITES)) SUITES[name]!(scale);
  return 0;
}

process.exitCode = main();
