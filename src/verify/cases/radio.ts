/** V8, V14: radio channel (ALOHA throughput, path loss with shadowing). */
import { friisPathLossDb, logDistancePathLossDb, wavelengthM, type LogDistanceParams } from '../../physics/path-loss.js';
import { pureAlohaThroughput, slottedAlohaThroughput } from '../../radio/channel.js';
import { analyticRow, simulatedRow, type VerifyRow } from '../row.js';
import { alohaMonteCarlo, shadowedPathLossMonteCarlo } from '../simulations.js';
import { quickNote, type VerifyCase } from '../case.js';

export const V8: VerifyCase = {
  id: 'V8', title: 'ALOHA throughput', family: 'radio', dagger: false,
  testAgainst: 'radio/channel.ts pure/slottedAlohaThroughput, simulatePureAloha, simulateSlottedAloha',
  run(b) {
    const table: Array<[number, string, string]> = [[0.5, '0.183940', '0.303265'], [1, '0.135335', '0.367879'], [2, '0.0366313', '0.270671']];
    const rows: VerifyRow[] = [];
    for (const [g, pure, slotted] of table) {
      rows.push(
        analyticRow('V8', 'radio', `pure S, G = ${g}`, pure, pureAlohaThroughput(g)),
        analyticRow('V8', 'radio', `slotted S, G = ${g}`, slotted, slottedAlohaThroughput(g)),
      );
    }
    const note = quickNote(b, b.v8Slots, 1e6);
    for (const [g, pure, slotted] of table) {
      rows.push(
        simulatedRow('V8', 'radio', `pure S simulated, G = ${g} (10 streams)`, pure, alohaMonteCarlo('pure', g, b.v8Slots), { abs: 0.003 }, { note, label: `V8 pure ALOHA G=${g}` }),
        simulatedRow('V8', 'radio', `slotted S simulated, G = ${g} (10 streams)`, slotted, alohaMonteCarlo('slotted', g, b.v8Slots), { abs: 0.003 }, { note, label: `V8 slotted ALOHA G=${g}` }),
      );
    }
    return rows;
  },
};

export const V14: VerifyCase = {
  id: 'V14', title: '2.45 GHz path loss', family: 'radio', dagger: false,
  testAgainst: 'physics/path-loss.ts wavelengthM, friisPathLossDb, logDistancePathLossDb, shadowedPathLossDb',
  run(b) {
    const f = 2.45e9;
    const db = { kind: 'abs', abs: 0.0001, unit: 'dB' } as const;
    const rows: VerifyRow[] = [analyticRow('V14', 'radio', 'λ = c/f (m), f = 2.45 GHz', '0.1223643', wavelengthM(f))];
    const table: Array<[number, string, string]> = [[0.05, '5 cm', '14.2105'], [0.1, '10 cm', '20.2311'], [0.2, '20 cm', '26.2517'], [1, '1 m', '40.2311'], [3, '3 m', '49.7735'], [10, '10 m', '60.2311'], [30, '30 m', '69.7735']];
    for (const [d, label, e] of table) rows.push(analyticRow('V14', 'radio', `FSPL (dB), d = ${label}`, e, friisPathLossDb(d, f), db));
    const p: LogDistanceParams = { referenceDistanceM: 1, referenceLossDb: friisPathLossDb(1, f), exponent: 3, shadowingSigmaDb: 0 };
    rows.push(analyticRow('V14', 'radio', 'log-distance PL (dB), d = 10 m, n = 3, d0 = 1 m', '70.2311', logDistancePathLossDb(10, p), db));
    const sigma = 8.7; // retail store, docs/sources.md#f7-3
    const shadowed = shadowedPathLossMonteCarlo(10, { ...p, shadowingSigmaDb: sigma }, b.v14Draws);
    const exact = logDistancePathLossDb(10, p);
    rows.push(simulatedRow('V14', 'radio', `shadowed PL mean (dB), d = 10 m, n = 3, σ = ${sigma} dB, vs the σ = 0 value`, exact, shadowed, { abs: (5 * sigma) / Math.sqrt(shadowed.trials) }, { note: 'tolerance 5σ/√N', label: 'V14 shadowed PL mean, 10 m' }));
    return rows;
  },
};
