import { describe, expect, test } from 'vitest';
import { GATE_OPEN_CAUSES, opensGate, paidCorrectly } from '../station/success-rule.js';
import { TAP_CAUSES } from '../radio/tap-outcome.js';
import { GATE_OPEN_RATE, metricFromFlag, PAID_CORRECTLY_RATE, resolveMetricName, unknownMetricSentence } from './metric-names.js';

describe('the success rule and its names', () => {
  test('the gate opens on ok, wrong-gate and wrong-card; only ok is paid correctly', () => {
    expect(TAP_CAUSES.filter(opensGate)).toEqual(['ok', 'wrong-gate', 'wrong-card']);
    expect(TAP_CAUSES.filter(opensGate)).toEqual([...GATE_OPEN_CAUSES]);
    expect(TAP_CAUSES.filter(paidCorrectly)).toEqual(['ok']);
  });

  test('old names resolve to the new ones with a warning; current names pass silently', () => {
    expect(resolveMetricName('tap_success_rate')).toEqual({ metric: GATE_OPEN_RATE, warning: expect.stringContaining('"tap_success_rate" is now "gate_open_rate"') });
    expect(resolveMetricName('success_rate_rcc').metric).toBe(`${PAID_CORRECTLY_RATE}_rcc`);
    expect(resolveMetricName('success_rate_carrier_rf-sim').metric).toBe('paid_correctly_rate_carrier_rf-sim');
    expect(resolveMetricName('gate_open_rate')).toEqual({ metric: 'gate_open_rate' });
    expect(resolveMetricName('wait_p95_s')).toEqual({ metric: 'wait_p95_s' });
    const warnings: string[] = [];
    expect(metricFromFlag('tap_success_rate', '--slo', (w) => warnings.push(w))).toBe('gate_open_rate');
    expect(metricFromFlag('host_p99_ms', '--slo', (w) => warnings.push(w))).toBe('host_p99_ms');
    expect(warnings).toEqual(['tapsim: warning: --slo: metric "tap_success_rate" is now "gate_open_rate"; the old name is accepted for this release only\n']);
  });
});

describe('a wrong metric name: did you mean, not the whole list', () => {
  const known = ['gate_open_rate', 'paid_correctly_rate', 'wait_max_s', 'wait_mean_s', 'wait_p50_s', 'wait_p95_s', 'wait_p99_s', 'host_p99_ms', 'taps'];
  test('one close name alone; several equally close ones, at most three; always a name', () => {
    expect(unknownMetricSentence('wait_p59_s', known)).toMatch(/^no metric "wait_p59_s"; did you mean "wait_p50_s", "wait_p99_s" or "wait_p95_s"\? \(every metric: /);
    expect(unknownMetricSentence('gate_opn_rate', known)).toMatch(/^no metric "gate_opn_rate"; did you mean "gate_open_rate"\? /);
    expect(unknownMetricSentence('host_p99', known)).toMatch(/did you mean "host_p99_ms"\?/);
    expect(unknownMetricSentence('zzz', known)).toMatch(/did you mean "[a-z_0-9]+"(, "[a-z_0-9]+")?( or "[a-z_0-9]+")?\?/);
    expect(unknownMetricSentence('zzz', [])).toMatch(/no metrics/);
  });
});
