/**
 * Clock time of the outputs: the scenario's `startTime` ("07:00", the clock time of t = 0) plus the
 * simulated seconds, as "HH:MM:SS", with " +1 d" (" +2 d" …) past midnight. Without a startTime the
 * clock starts at 00:00 (the CSV `clock` columns) and the figures keep "time since scenario start". Pure.
 */

const SECONDS_PER_DAY = 86400;

/** Seconds after midnight of "HH:MM" or "HH:MM:SS" (already validated by the schema); 0 when absent. */
export function startTimeS(startTime: string | undefined): number {
  if (startTime === undefined) return 0;
  const [h = 0, m = 0, s = 0] = startTime.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

function two(v: number): string {
  return String(v).padStart(2, '0');
}

/** "HH:MM:SS" of `startS + tS` (rounded down to the second), " +N d" from the next day on. */
export function clockText(startS: number, tS: number): string {
  const total = Math.floor(startS + tS);
  const days = Math.floor(total / SECONDS_PER_DAY);
  const inDay = total - days * SECONDS_PER_DAY;
  const text = `${two(Math.floor(inDay / 3600))}:${two(Math.floor((inDay % 3600) / 60))}:${two(inDay % 60)}`;
  return days > 0 ? `${text} +${days} d` : text;
}

/** "HH:MM" for axis ticks and summaries (seconds dropped), " +N d" from the next day on. */
export function clockTextShort(startS: number, tS: number): string {
  const full = clockText(startS, tS);
  return full.slice(0, 5) + full.slice(8);
}
