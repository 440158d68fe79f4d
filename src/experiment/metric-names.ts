/**
 * Names of the success-rule metrics (station/success-rule.ts) and the old names still accepted
 * for one release where a metric is named on the command line (`--slo`, `--until-ci`): they
 * resolve to the new name with a warning.
 */
import { closestNames, quotedAlternatives } from '../scenario/did-you-mean.js';

/** Share of tap attempts after which the gate opened (ok + wrong-gate + wrong-card), 0–1. */
export const GATE_OPEN_RATE = 'gate_open_rate';
/** Share of tap attempts where the right person paid (ok only), 0–1; also per band and per carrier with a suffix. */
export const PAID_CORRECTLY_RATE = 'paid_correctly_rate';

/** Old exact names → new names. */
const RENAMED: Readonly<Record<string, string>> = { tap_success_rate: GATE_OPEN_RATE };
/** Old prefix (per band `success_rate_nfc`, per carrier `success_rate_carrier_<id>`) → new prefix. */
const OLD_PREFIX = 'success_rate_';
const NEW_PREFIX = `${PAID_CORRECTLY_RATE}_`;

/** The metric an old or current name stands for, with a warning to print when the name is an old one. */
export function resolveMetricName(name: string): { metric: string; warning?: string } {
  const renamed = RENAMED[name] ?? (name.startsWith(OLD_PREFIX) ? NEW_PREFIX + name.slice(OLD_PREFIX.length) : undefined);
  if (renamed === undefined) return { metric: name };
  return { metric: renamed, warning: `metric "${name}" is now "${renamed}"; the old name is accepted for this release only` };
}

/** A metric named in a command-line flag: the current name, after `warn` is told (one line) when an old one was used. */
export function metricFromFlag(name: string, flag: string, warn: (line: string) => void): string {
  const { metric, warning } = resolveMetricName(name);
  if (warning !== undefined) warn(`tapsim: warning: ${flag}: ${warning}\n`);
  return metric;
}

/** The sentence for a metric that no replication has: the one to three closest names, not the whole list. */
export function unknownMetricSentence(name: string, known: readonly string[]): string {
  const close = closestNames(name, known);
  if (close.length === 0) return `no metric "${name}": this run has no metrics`;
  return `no metric "${name}"; did you mean ${quotedAlternatives(close)}? (every metric: the Metrics table of columns.md in a run folder)`;
}
