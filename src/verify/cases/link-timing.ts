/** V1–V4: ISO/IEC 14443 link timing (activation, frame delay, waiting times, bit rates). */
import { anticollisionExchange, DEFAULT_TYPE_A_ACTIVATION, exchangeCycles, reqaExchange, selectExchange, typeAActivationCycles, typeAActivationExchanges, typeAActivationTimeNs } from '../../link/activation.js';
import { bitRateKbitPerS, cyclesToMs, etuUs, ETU_CYCLES, FDT_A_LAST_BIT_0_CYCLES, FDT_A_LAST_BIT_1_CYCLES, fdtACycles, FWT_ACTIVATION_CYCLES, fwtCycles, type BitRateKbps } from '../../link/iso14443.js';
import { analyticRow, type VerifyRow } from '../row.js';
import { type VerifyCase } from '../case.js';
import { toMs } from '../../units.js';

export const V1: VerifyCase = {
  id: 'V1', title: 'ISO 14443 bit timing', family: 'link-timing', dagger: false,
  testAgainst: 'link/iso14443.ts etuUs, bitRateKbitPerS',
  run() {
    const table: Array<[BitRateKbps, string, string]> = [[106, '9.43953', '105.9375'], [212, '4.71976', '211.875'], [424, '2.35988', '423.75'], [848, '1.17994', '847.5']];
    return table.flatMap(([rate, tUs, kbps]) => [
      analyticRow('V1', 'link-timing', `t_bit (µs), D = ${ETU_CYCLES[rate]}`, tUs, etuUs(rate)),
      analyticRow('V1', 'link-timing', `rate (kbit/s), D = ${ETU_CYCLES[rate]}`, kbps, bitRateKbitPerS(rate), { kind: 'exact' }),
    ]);
  },
};

export const V2: VerifyCase = {
  id: 'V2', title: 'Type A FDT constants', family: 'link-timing', dagger: false,
  testAgainst: 'link/iso14443.ts FDT_A_*, fdtACycles',
  run() {
    return [
      analyticRow('V2', 'link-timing', 'FDT last bit 0 (cycles), constant', 1172, FDT_A_LAST_BIT_0_CYCLES, { kind: 'exact' }),
      analyticRow('V2', 'link-timing', 'FDT last bit 0 (cycles), fdtACycles(9, 0)', 1172, fdtACycles(9, 0), { kind: 'exact' }),
      analyticRow('V2', 'link-timing', 'FDT last bit 1 (cycles), constant', 1236, FDT_A_LAST_BIT_1_CYCLES, { kind: 'exact' }),
      analyticRow('V2', 'link-timing', 'FDT last bit 1 (cycles), fdtACycles(9, 1)', 1236, fdtACycles(9, 1), { kind: 'exact' }),
      analyticRow('V2', 'link-timing', 'FDT last bit 0 (µs)', '86.4307', cyclesToMs(fdtACycles(9, 0)) * 1e3),
      analyticRow('V2', 'link-timing', 'FDT last bit 1 (µs)', '91.1504', cyclesToMs(fdtACycles(9, 1)) * 1e3),
    ];
  },
};

export const V3: VerifyCase = {
  id: 'V3', title: 'FWT table', family: 'link-timing', dagger: false,
  testAgainst: 'link/iso14443.ts fwtCycles, FWT_ACTIVATION_CYCLES',
  run() {
    const table: Array<[number, string]> = [[0, '0.302065'], [4, '4.83304'], [8, '77.3286'], [14, '4949.03']];
    const rows = table.flatMap(([fwi, msText]) => [
      analyticRow('V3', 'link-timing', `FWT (cycles), FWI = ${fwi}`, 4096 * 2 ** fwi, fwtCycles(fwi), { kind: 'exact' }),
      analyticRow('V3', 'link-timing', `FWT (ms), FWI = ${fwi}`, msText, cyclesToMs(fwtCycles(fwi))),
    ]);
    rows.push(
      analyticRow('V3', 'link-timing', 'FWT activation (cycles)', 71680, FWT_ACTIVATION_CYCLES, { kind: 'exact' }),
      analyticRow('V3', 'link-timing', 'FWT activation (ms)', '5.28614', cyclesToMs(FWT_ACTIVATION_CYCLES)),
    );
    return rows;
  },
};

const V4_E = '[E] PCD turnaround 1172/fc after every PICC frame, ATS 12 B, no PPS';
export const V4: VerifyCase = {
  id: 'V4', title: 'Type A single-card activation, lower bound', family: 'link-timing', dagger: true,
  testAgainst: 'link/activation.ts typeAActivationCycles, typeAActivationTimeNs',
  run() {
    const o = DEFAULT_TYPE_A_ACTIVATION;
    const layer3 = { ...o, rats: false };
    const rats = typeAActivationExchanges(4).find((x) => x.name === 'RATS');
    const msTol = { kind: 'abs', abs: 0.00001, unit: 'ms' } as const;
    const rows: VerifyRow[] = [
      analyticRow('V4', 'link-timing', 'REQA → ATQA exchange (cycles)', 6056, exchangeCycles(reqaExchange(o)), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', 'ANTICOLLISION exchange (cycles)', 10920, exchangeCycles(anticollisionExchange(1, o)), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', 'SELECT exchange (cycles)', 16680, exchangeCycles(selectExchange(1, o)), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', `RATS → ATS exchange (cycles); ${V4_E}`, 21288, rats === undefined ? NaN : exchangeCycles(rats), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', 'one extra cascade level (cycles), 7-byte − 4-byte UID', 27600, typeAActivationCycles(7) - typeAActivationCycles(4), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', `layer 3 only, 4-byte UID (cycles); ${V4_E}`, 33656, typeAActivationCycles(4, 106, layer3), { kind: 'exact' }),
      analyticRow('V4', 'link-timing', 'layer 3 only, 4-byte UID (ms)', '2.48201', toMs(typeAActivationTimeNs(4, 106, false, layer3)), msTol),
    ];
    for (const [uid, cycles, msText] of [[4, 54944, '4.05192'], [7, 82544, '6.08732'], [10, 110144, '8.12271']] as const) {
      rows.push(
        analyticRow('V4', 'link-timing', `+ RATS/ATS, ${uid}-byte UID (cycles); ${V4_E}`, cycles, typeAActivationCycles(uid), { kind: 'exact' }),
        analyticRow('V4', 'link-timing', `+ RATS/ATS, ${uid}-byte UID (ms)`, msText, toMs(typeAActivationTimeNs(uid)), msTol),
      );
    }
    rows.push(analyticRow('V4', 'link-timing', `4-byte UID + RATS/ATS + 5.1 ms field-on guard (ms); ${V4_E}`, '9.15192', toMs(typeAActivationTimeNs(4, 106, true)), msTol));
    return rows;
  },
};
