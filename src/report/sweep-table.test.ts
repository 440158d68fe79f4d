import { describe, expect, test } from 'vitest';
import { sweepTableLines } from './sweep-table.js';

const CSV = `point,carriers.0.gesture.dwellHeightM,n,gate_open_rate_mean,gate_open_rate_ci95,wait_p95_s_mean,wait_p95_s_ci95,other_mean,other_ci95
0,0.01,3,0.995,0.002,1.25,0.31,1,0
1,0.03,3,0.81,0,2.5,NaN,1,0
2,0.05,3,0.4,0.05,7.75,1.2,1,0
`;

describe('sweep results table (golden)', () => {
  test('one line per point, mean ± half, "no spread", the bare mean without an interval, the rest counted', () => {
    expect(sweepTableLines(CSV, 2)).toEqual([
      '  point  dwellHeightM  n  gate open %     wait p95 s',
      '  0      0.01          3  99.5 ± 0.2      1.25 ± 0.31',
      '  1      0.03          3  81 (no spread)  2.5',
      '  … and 1 more point(s) in sweep.csv',
    ]);
  });
});
