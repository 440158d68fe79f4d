/** V15: the 2.45 GHz RCC LF trigger distances. */
import { DEFAULT_LF_FIELD, lfFarFieldDistanceFactor, lfHandsetTriggerDistanceM, lfThresholds, lfTriggerDistanceExactM } from '../../physics/lf-field.js';
import { friisPathLossDb, logDistancePathLossDb, type LogDistanceParams } from '../../physics/path-loss.js';
import { analyticRow, type VerifyRow } from '../row.js';
import { CM, type VerifyCase } from '../case.js';

export const V15: VerifyCase = {
  id: 'V15', title: 'LF distance-control trigger distance', family: 'rcc', dagger: false,
  testAgainst: 'physics/lf-field.ts lfTriggerDistanceExactM, lfHandsetTriggerDistanceM, lfFarFieldDistanceFactor; path-loss.ts (RSSI spread)',
  run() {
    const cm = { kind: 'abs', abs: 1e-4, unit: 'cm' } as const;
    const table: Array<[number, string]> = [[-6, '6.4778'], [-3, '5.7017'], [0, '5.0000'], [3, '4.3630'], [6, '3.7812']];
    const rows: VerifyRow[] = [];
    const p = { ...DEFAULT_LF_FIELD, coilRadiusM: 2 * CM, startDistanceM: 5 * CM };
    const threshold = lfThresholds(p).startFieldAPerM;
    for (const [dt, e] of table) {
      rows.push(analyticRow('V15', 'rcc', `x (cm), closed form, a = 2 cm, x0 = 5 cm, ΔT = ${dt} dB`, e, lfTriggerDistanceExactM(2 * CM, 5 * CM, dt) / CM, cm));
      // The simulator's path: a handset whose LF attenuation equals ΔT, against the T1 field threshold set at x0 (bisection on the field).
      rows.push(analyticRow('V15', 'rcc', `x (cm), simulator path lfHandsetTriggerDistanceM, handset attenuation ${dt} dB`, e, lfHandsetTriggerDistanceM(p, threshold, dt) / CM, cm));
    }
    rows.push(
      analyticRow('V15', 'rcc', 'far-field distance factor, ΔT = −6 dB', '1.25893', lfFarFieldDistanceFactor(-6)),
      analyticRow('V15', 'rcc', 'far-field distance factor, ΔT = −3 dB', '1.12202', lfFarFieldDistanceFactor(-3)),
    );
    // RSSI threshold spread over 6 dB: the distance ratio at which the code's path loss grows by 6 dB.
    const spread = (exponent: number): number => {
      const q: LogDistanceParams = { referenceDistanceM: 1, referenceLossDb: friisPathLossDb(1, 2.45e9), exponent, shadowingSigmaDb: 0 };
      const target = logDistancePathLossDb(1, q) + 6;
      let lo = 1;
      let hi = 100;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (logDistancePathLossDb(mid, q) < target) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    rows.push(
      analyticRow('V15', 'rcc', 'RSSI spread over 6 dB, distance ratio, n = 2 (log-distance inverted)', '1.99526', spread(2)),
      analyticRow('V15', 'rcc', 'RSSI spread over 6 dB, distance ratio, n = 3 (log-distance inverted)', '1.58489', spread(3)),
    );
    return rows;
  },
};
