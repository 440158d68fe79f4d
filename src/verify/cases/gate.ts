/** V17–V19: gate service and throughput (M/D/1 queue, saturated gatelines, sizing). */
import { gatesNeeded } from '../../station/sizing.js';
import { analyticRow, simulatedRow, type VerifyRow } from '../row.js';
import { gateMd1, gateSaturatedPpm, overlapMechanics, serialMechanics } from '../simulations.js';
import { quickNote, type VerifyCase } from '../case.js';

export const V17: VerifyCase = {
  id: 'V17', title: 'M/D/1 gate queue', family: 'gate', dagger: false,
  testAgainst: 'station/gate.ts Gate (serial model) on kernel/kernel.ts',
  run(b) {
    const rows: VerifyRow[] = [];
    const note = quickNote(b, b.v17Passengers, 1e6);
    for (const [perMinute, wq, lq] of [[20, '2.00000', '0.666667'], [25, '5.00000', '2.08333']] as const) {
      const sim = gateMd1(perMinute, 0.3, 1.7, b.v17Warmup, b.v17Passengers);
      const des = `λ = ${perMinute} /min, s = 2 s (tap 0.3 s + serial headway 1.7 s), ${b.v17Passengers} passengers after ${b.v17Warmup}, 20 batch means`;
      rows.push(simulatedRow('V17', 'gate', `Wq (s), DES Gate, ${des}`, wq, sim.wqS, { rel: 0.05 }, { note, label: `V17 Wq DES λ=${perMinute}/min` }));
      rows.push(simulatedRow('V17', 'gate', `Lq time-average, DES Gate, ${des}`, lq, sim.lq, { rel: 0.05 }, { note: `tolerance: tapsim choice, V17's Wq tolerance${note !== '' ? `; ${note}` : ''}`, label: `V17 Lq DES λ=${perMinute}/min` }));
    }
    return rows;
  },
};

const V18_E = '[E] h0 = 1.4 s; t_cycle = 1.6 s, t_walk = 1.2 s';
export const V18: VerifyCase = {
  id: 'V18', title: 'Gate throughput vs transaction time', family: 'gate', dagger: true,
  testAgainst: 'station/gate.ts Gate (serial and overlap models), saturated',
  run(b) {
    const table: Array<[number, string, string]> = [
      [0.1, '40.000', '37.500'], [0.2, '37.500', '37.500'], [0.3, '35.294', '37.500'], [0.4, '33.333', '37.500'],
      [0.5, '31.579', '35.294'], [0.8, '27.273', '30.000'], [1.2, '23.077', '25.000'], [2.0, '17.647', '18.750'],
    ];
    const rows: VerifyRow[] = [];
    for (const [tx, serial, overlap] of table) {
      for (const [model, e, mech] of [['serial', serial, serialMechanics(1.4)], ['overlap', overlap, overlapMechanics(1.6, 1.2)]] as const) {
        const ppm = gateSaturatedPpm(mech, tx, b.v18Passengers);
        // Deterministic: the CI is zero; the simulated tolerance of ±0.5 % applies.
        rows.push(simulatedRow('V18', 'gate', `${model} throughput (ppm), saturated Gate, t_tx = ${tx} s; ${V18_E}`, e, { mean: ppm, halfWidth: 0, trials: b.v18Passengers }, { rel: 0.005 }, { note: 'deterministic run', label: `V18 ${model} t_tx=${tx} s` }));
      }
    }
    return rows;
  },
};

export const V19: VerifyCase = {
  id: 'V19', title: 'Gate-count sizing', family: 'gate', dagger: false,
  testAgainst: 'station/sizing.ts gatesNeeded',
  run() {
    return [
      analyticRow('V19', 'gate', 'gates, peak 1500 per 5 min, 25 ppm per gate, u = 1.0', 12, gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 1 }), { kind: 'exact' }),
      analyticRow('V19', 'gate', 'gates, peak 1500 per 5 min, 25 ppm per gate, u = 0.8', 15, gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 0.8 }), { kind: 'exact' }),
    ];
  },
};
