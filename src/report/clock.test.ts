import { describe, expect, test } from 'vitest';
import { clockText, clockTextShort, startTimeS } from './clock.js';
import { GATE_COLUMNS, GATE_CSV_COLUMNS, withClockColumn, withClockRows } from './csv-rows.js';
import { timeAxis, timeXAxis } from './run-figures.js';
import { lineChart } from './charts.js';

describe('clock time of the outputs (golden)', () => {
  test('startTime to seconds; clock text with +1 d past midnight', () => {
    expect(startTimeS(undefined)).toBe(0);
    expect(startTimeS('07:00')).toBe(25200);
    expect(startTimeS('23:59:30')).toBe(86370);
    expect(clockText(0, 0)).toBe('00:00:00');
    expect(clockText(25200, 754.9)).toBe('07:12:34');
    expect(clockText(86370, 45)).toBe('00:00:15 +1 d');
    expect(clockText(0, 2 * 86400 + 3600)).toBe('01:00:00 +2 d');
    expect(clockTextShort(25200, 1800)).toBe('07:30');
    expect(clockTextShort(86370, 45)).toBe('00:00 +1 d');
  });

  test('a clock column right after the seconds column; the seconds kept', () => {
    expect(withClockColumn(['replication', 't_start_s', 'gateline'], 't_start_s')).toEqual(['replication', 't_start_s', 'clock', 'gateline']);
    expect(GATE_CSV_COLUMNS.slice(0, 4)).toEqual(['replication', 't_start_s', 'clock', 'gateline']);
    expect(GATE_CSV_COLUMNS.length).toBe(GATE_COLUMNS.length + 1);
    const rows = [...withClockRows([['0', '0', 'S/A'], ['0', '86100', 'S/A']], 1, startTimeS('22:00'))];
    expect(rows).toEqual([['0', '0', '22:00:00', 'S/A'], ['0', '86100', '21:55:00 +1 d', 'S/A']]);
  });

  test('time axes: since start without a startTime, clock ticks with one', () => {
    expect(timeXAxis(timeAxis(3 * 3600), 3 * 3600)).toEqual({ label: 'Time since scenario start', unit: 'min', domain: [0, 180] });
    const clock = timeXAxis(timeAxis(3 * 3600, '07:00'), 3 * 3600);
    expect(clock.label).toBe('Clock time');
    expect(clock.domain).toEqual([7, 10]);
    const svg = lineChart({ title: 'q', x: clock, y: { label: 'y' }, series: [{ name: 'a', points: [{ x: 7, y: 1 }, { x: 10, y: 2 }] }] });
    const ticks = [...svg.matchAll(/>(\d\d:\d\d)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00']);
  });
});
