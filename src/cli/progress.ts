/** The progress bar of long commands (none with --quiet). */
import cliProgress from 'cli-progress';
import type { RunProgress } from '../orchestrate/run-scenario.js';
import type { CliIo } from './io.js';
import type { Parsed } from './options.js';

function progressBar(io: CliIo): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      stream: io.progressStream ?? process.stderr,
      format: 'tapsim [{bar}] {percentage}% | {label} {jobsDone}/{jobsTotal} | {eventsPerS} events/s | ETA {eta_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
      fps: 5,
      etaBuffer: 50,
      hideCursor: false,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
}

function formatRate(perS: number): string {
  if (perS >= 1e6) return `${(perS / 1e6).toFixed(2)}M`;
  if (perS >= 1e3) return `${(perS / 1e3).toFixed(1)}k`;
  return perS.toFixed(0);
}

/** Runs `body` with a progress callback that drives the bar (undefined with --quiet). */
export async function withBar<T>(args: Parsed, io: CliIo, label: string, body: (onProgress: ((p: RunProgress) => void) | undefined) => Promise<T>): Promise<T> {
  const bar = args.quiet === true ? undefined : progressBar(io);
  const started = performance.now();
  let last = 0;
  const onProgress = bar === undefined ? undefined : (p: RunProgress): void => {
    const t = performance.now();
    if (t - last < 100 && p.done < p.total) return;
    last = t;
    const elapsedS = (t - started) / 1000;
    bar.update(Math.round(p.fraction * 1000), { label, jobsDone: p.done, jobsTotal: p.total, eventsPerS: formatRate(elapsedS > 0 ? p.events / elapsedS : 0) });
  };
  bar?.start(1000, 0, { label, jobsDone: 0, jobsTotal: 0, eventsPerS: '0' });
  try {
    return await body(onProgress);
  } finally {
    bar?.stop();
  }
}
