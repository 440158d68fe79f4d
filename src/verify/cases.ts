/**
 * The analytic cases of domain/VALIDATION.md (V1–V20) as data plus the functions that check them
 * against the code the simulator runs: physics and link functions called directly, stochastic and
 * queueing cases as real simulation runs (simulations.ts). Expected values are VALIDATION's printed
 * numbers, copied as text so the "printed digits" tolerance follows from them.
 */
import { erlangC } from '../backend/erlang-c.js';
import { anticollisionExchange, DEFAULT_TYPE_A_ACTIVATION, exchangeCycles, reqaExchange, selectExchange, typeAActivationCycles, typeAActivationExchanges, typeAActivationTimeNs } from '../link/activation.js';
import { expectedCollisionsTypeA, randomDistinctUids, walkAllTypeA, type TypeACard } from '../link/anticollision/type-a.js';
import { expectedSingletonsTypeB } from '../link/anticollision/type-b.js';
import { bitRateKbitPerS, cyclesToMs, etuUs, ETU_CYCLES, FDT_A_LAST_BIT_0_CYCLES, FDT_A_LAST_BIT_1_CYCLES, fdtACycles, FWT_ACTIVATION_CYCLES, fwtCycles, type BitRateKbps } from '../link/iso14443.js';
import { coaxialMutualInductanceH, couplingCoefficient, inducedVoltageRmsV, resonanceCapacitanceF, resonanceFrequencyHz } from '../physics/coupling.js';
import { DEFAULT_LF_FIELD, lfFarFieldDistanceFactor, lfHandsetTriggerDistanceM, lfThresholds, lfTriggerDistanceExactM } from '../physics/lf-field.js';
import { circularLoopFieldAPerM, circularLoopOnAxisDistanceM, circularLoopOnAxisFieldAPerM, circularLoopRequiredAmpereTurnsA, rectangularLoopFieldAPerM, rectangularLoopOnAxisFieldAPerM } from '../physics/loop-field.js';
import { friisPathLossDb, logDistancePathLossDb, wavelengthM, type LogDistanceParams } from '../physics/path-loss.js';
import { RESISTIVITY_AL_OHM_M, RESISTIVITY_CU_OHM_M, RESISTIVITY_SS304_OHM_M, skinDepthM, thicknessInSkinDepths } from '../physics/skin-depth.js';
import { pureAlohaThroughput, slottedAlohaThroughput } from '../radio/channel.js';
import { streamFor } from '../random/stream.js';
import { gatesNeeded } from '../station/sizing.js';
import { analyticRow, simulatedRow, type VerifyFamily, type VerifyRow } from './row.js';
import {
  alohaMonteCarlo,
  gateMd1,
  gateSaturatedPpm,
  hostMmc,
  overlapMechanics,
  serialMechanics,
  shadowedPathLossMonteCarlo,
  typeACollisionsMonteCarlo,
  typeBSingletonsMonteCarlo,
  VERIFY_SEED,
} from './simulations.js';

/** Trial counts; `full` meets VALIDATION's minimums, `quick` is for the test suite. */
export interface VerifyBudget {
  quick: boolean;
  /** V5 Monte Carlo trials per n (VALIDATION: ≥ 1e5). */
  v5Trials: number;
  /** V6 random UID sets per n. */
  v6Sets: number;
  /** V7 rounds per (N, n) (≥ 1e5). */
  v7Rounds: number;
  /** V8 slots / frame times per G (≥ 1e6). */
  v8Slots: number;
  /** V14 shadowing draws (≥ 1e5). */
  v14Draws: number;
  /** V16 replications, customers per replication and warm-up (≥ 1e6 after ≥ 2e4, ≥ 5 replications). */
  v16Replications: number;
  v16Customers: number;
  v16Warmup: number;
  /** V17 passengers after warm-up (≥ 1e6 after ≥ 1e4). */
  v17Passengers: number;
  v17Warmup: number;
  /** V18 saturated passengers per point (≥ 1e4). */
  v18Passengers: number;
}

export function verifyBudget(quick: boolean): VerifyBudget {
  return quick
    ? { quick, v5Trials: 100_000, v6Sets: 50, v7Rounds: 100_000, v8Slots: 300_000, v14Draws: 100_000, v16Replications: 5, v16Customers: 300_000, v16Warmup: 20_000, v17Passengers: 500_000, v17Warmup: 10_000, v18Passengers: 10_000 }
    : { quick, v5Trials: 100_000, v6Sets: 500, v7Rounds: 100_000, v8Slots: 1_000_000, v14Draws: 100_000, v16Replications: 10, v16Customers: 1_000_000, v16Warmup: 20_000, v17Passengers: 1_000_000, v17Warmup: 10_000, v18Passengers: 10_000 };
}

export interface VerifyCase {
  id: string;
  title: string;
  family: VerifyFamily;
  /** † in VALIDATION: depends on [E] modelling choices (named in the rows' quantity text). */
  dagger: boolean;
  /** The tapsim code it exercises. */
  testAgainst: string;
  run(budget: VerifyBudget): VerifyRow[];
}

const CM = 0.01;
const MM = 0.001;

/** A note for simulated rows run below VALIDATION's minimum trial count (quick mode). */
function quickNote(b: VerifyBudget, n: number, minimum: number): string {
  return b.quick && n < minimum ? `quick: below VALIDATION's ${minimum.toExponential(0)}` : '';
}

// ------------------------------------------------------------------ V1–V4 link timing

const V1: VerifyCase = {
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

const V2: VerifyCase = {
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

const V3: VerifyCase = {
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
const V4: VerifyCase = {
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
      analyticRow('V4', 'link-timing', 'layer 3 only, 4-byte UID (ms)', '2.48201', typeAActivationTimeNs(4, 106, false, layer3) / 1e6, msTol),
    ];
    for (const [uid, cycles, msText] of [[4, 54944, '4.05192'], [7, 82544, '6.08732'], [10, 110144, '8.12271']] as const) {
      rows.push(
        analyticRow('V4', 'link-timing', `+ RATS/ATS, ${uid}-byte UID (cycles); ${V4_E}`, cycles, typeAActivationCycles(uid), { kind: 'exact' }),
        analyticRow('V4', 'link-timing', `+ RATS/ATS, ${uid}-byte UID (ms)`, msText, typeAActivationTimeNs(uid) / 1e6, msTol),
      );
    }
    rows.push(analyticRow('V4', 'link-timing', `4-byte UID + RATS/ATS + 5.1 ms field-on guard (ms); ${V4_E}`, '9.15192', typeAActivationTimeNs(4, 106, true) / 1e6, msTol));
    return rows;
  },
};

// ------------------------------------------------------------------ V5–V7 anticollision

const V5: VerifyCase = {
  id: 'V5', title: "Type A collisions on the '1' path", family: 'anticollision', dagger: false,
  testAgainst: 'link/anticollision/type-a.ts expectedCollisionsTypeA (exact), resolveTypeA (Monte Carlo)',
  run(b) {
    const exact = expectedCollisionsTypeA(10);
    const table: Array<[number, bigint, bigint, string]> = [
      [2, 1n, 1n, '1.00000'], [3, 3n, 2n, '1.50000'], [4, 13n, 7n, '1.85714'], [5, 15n, 7n, '2.14286'],
      [6, 517n, 217n, '2.38249'], [8, 10903n, 3937n, '2.76937'], [10, 6184807n, 2011807n, '3.07425'],
    ];
    const rows: VerifyRow[] = [];
    for (const [n, num, den, dec] of table) {
      const c = exact[n];
      const got = c === undefined ? NaN : Number(c.num) / Number(c.den);
      const same = c !== undefined && c.num === num && c.den === den;
      const row = analyticRow('V5', 'anticollision', `C(${n}) exact rational ${num}/${den} (got ${c === undefined ? '–' : `${c.num}/${c.den}`})`, Number(num) / Number(den), got, { kind: 'exact' });
      rows.push({ ...row, pass: row.pass && same });
      rows.push(analyticRow('V5', 'anticollision', `C(${n}) decimal`, dec, got));
    }
    for (const [n, dec] of [[3, '1.50000'], [5, '2.14286'], [8, '2.76937']] as const) {
      const est = typeACollisionsMonteCarlo(n, b.v5Trials);
      rows.push(simulatedRow('V5', 'anticollision', `C(${n}) Monte Carlo, distinct uniform 32-bit UIDs (resolveTypeA)`, dec, est, { abs: 0.01 }, { label: `V5 C(${n}) Monte Carlo` }));
    }
    const two = typeACollisionsMonteCarlo(2, b.v5Trials);
    const every = two.min === 1 && two.max === 1;
    rows.push({
      ...simulatedRow('V5', 'anticollision', `C(2) Monte Carlo: exactly 1 collision in every trial (min ${two.min}, max ${two.max})`, 1, two, { abs: 0 }, { label: 'V5 C(2) Monte Carlo' }),
      pass: every,
    });
    return rows;
  },
};

/** UIDs with a shared random prefix whose last `freeBits` transmitted bits (byte 3 MSB side) take n distinct values. */
function prefixSet(n: number, freeBits: number, key: string): TypeACard[] {
  const rng = streamFor(VERIFY_SEED, 0, key);
  const base = randomDistinctUids(rng, 1, 4)[0] as Uint8Array;
  // Transmission order is byte 0 first, LSB first: the last bits are the top bits of byte 3.
  const values = new Set<number>();
  while (values.size < n) values.add(Math.floor(rng.next01() * 2 ** freeBits));
  return [...values].map((v) => {
    const uid = Uint8Array.from(base);
    const keep = (uid[3] as number) & (0xff >> freeBits);
    uid[3] = keep | (v << (8 - freeBits));
    return { uid };
  });
}

const V6: VerifyCase = {
  id: 'V6', title: 'Type A full tree walk', family: 'anticollision', dagger: false,
  testAgainst: 'link/anticollision/type-a.ts walkAllTypeA',
  run(b) {
    const rows: VerifyRow[] = [];
    /** Walk every set; report the set that deviates most from n − 1 collisions / 2n − 1 frames. */
    const check = (label: string, n: number, sets: readonly TypeACard[][]): void => {
      let worst = { collisions: n - 1, frames: 2 * n - 1, bad: -1, complete: true };
      for (const set of sets) {
        const r = walkAllTypeA(set);
        const complete = r.order.length === n && new Set(r.order).size === n;
        const bad = Math.abs(r.collisions - (n - 1)) + Math.abs(r.frames - (2 * n - 1)) + (complete ? 0 : 1);
        if (bad > worst.bad) worst = { collisions: r.collisions, frames: r.frames, bad, complete };
      }
      const suffix = sets.length > 1 ? `, worst of ${sets.length} sets` : '';
      rows.push(analyticRow('V6', 'anticollision', `collided responses, ${label}${suffix}`, n - 1, worst.collisions, { kind: 'exact' }));
      const f = analyticRow('V6', 'anticollision', `ANTICOLLISION responses (2n − 1), ${label}${suffix}${worst.complete ? '' : '; NOT every card singulated'}`, 2 * n - 1, worst.frames, { kind: 'exact' });
      rows.push({ ...f, pass: f.pass && worst.complete });
    };
    for (const n of [1, 2, 3, 5, 8, 16, 100]) {
      const sets = Array.from({ length: b.v6Sets }, (_, i) => randomDistinctUids(streamFor(VERIFY_SEED, i, `verify:V6:n=${n}`), n, 4).map((uid) => ({ uid })));
      check(`n = ${n} random 4-byte UIDs`, n, sets);
    }
    check('n = 2 UIDs differing only in the last bit', 2, [prefixSet(2, 1, 'verify:V6:last-bit')]);
    check('n = 16 UIDs sharing a 28-bit prefix', 16, [prefixSet(16, 4, 'verify:V6:prefix28')]);
    check('n = 100 UIDs sharing a 25-bit prefix', 100, [prefixSet(100, 7, 'verify:V6:prefix25')]);
    // Long shared prefix of a 10-byte UID: only the last byte differs.
    const long = Array.from({ length: 8 }, (_, i) => {
      const uid = new Uint8Array(10).fill(0xa5);
      uid[9] = 0x80 | i;
      return { uid };
    });
    check('n = 8 10-byte UIDs sharing 72 bits', 8, [long]);
    return rows;
  },
};

const V7: VerifyCase = {
  id: 'V7', title: 'Type B singleton slots', family: 'anticollision', dagger: false,
  testAgainst: 'link/anticollision/type-b.ts expectedSingletonsTypeB, singletonsInRound',
  run(b) {
    const table: Array<[number, number, string]> = [
      [16, 2, '1.87500'], [16, 3, '2.63672'], [16, 5, '3.86238'], [16, 8, '5.09201'],
      [4, 2, '1.50000'], [4, 3, '1.68750'], [4, 5, '1.58203'], [4, 8, '1.06787'],
    ];
    const rows = table.map(([N, n, e]) => analyticRow('V7', 'anticollision', `E[singletons], N = ${N}, n = ${n}`, e, expectedSingletonsTypeB(n, N)));
    for (const [N, n, e] of table) {
      rows.push(simulatedRow('V7', 'anticollision', `singletons per round simulated, N = ${N}, n = ${n}`, e, typeBSingletonsMonteCarlo(n, N, b.v7Rounds), { abs: 0.02 }, { label: `V7 singletons N=${N} n=${n}` }));
    }
    return rows;
  },
};

// ------------------------------------------------------------------ V8, V14 radio

const V8: VerifyCase = {
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

const V14: VerifyCase = {
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
    const sigma = 8.7; // retail store, FACTS §7.3
    const shadowed = shadowedPathLossMonteCarlo(10, { ...p, shadowingSigmaDb: sigma }, b.v14Draws);
    const exact = logDistancePathLossDb(10, p);
    rows.push(simulatedRow('V14', 'radio', `shadowed PL mean (dB), d = 10 m, n = 3, σ = ${sigma} dB, vs the σ = 0 value`, exact, shadowed, { abs: (5 * sigma) / Math.sqrt(shadowed.trials) }, { note: 'tolerance 5σ/√N', label: 'V14 shadowed PL mean, 10 m' }));
    return rows;
  },
};

// ------------------------------------------------------------------ V9–V13, V20 physics

const V9: VerifyCase = {
  id: 'V9', title: 'Circular loop, on-axis field', family: 'physics', dagger: false,
  testAgainst: 'physics/loop-field.ts circularLoopOnAxisFieldAPerM, circularLoopOnAxisDistanceM, circularLoopRequiredAmpereTurnsA, circularLoopFieldAPerM',
  run() {
    const rel = { kind: 'rel', rel: 1e-5 } as const;
    const a = 35 * MM;
    const table: Array<[number, string]> = [
      [0, '7.14286'], [1, '6.34969'], [2, '4.67516'], [3, '3.12635'], [4, '2.03962'], [5, '1.34706'], [6, '0.913756'], [8, '0.459956'], [10, '0.257511'],
      [30, '0.0111149'], [50, '0.00243210'], [60, '0.00141062'],
    ];
    const rows = table.map(([x, e]) => analyticRow('V9', 'physics', `H (A/m), a = 35 mm, N·I = 0.5 A, x = ${x} cm`, e, circularLoopOnAxisFieldAPerM(0.5, a, x * CM), rel));
    rows.push(analyticRow('V9', 'physics', 'inverse: x (cm) where H = 1.5 A/m', '4.73528', circularLoopOnAxisDistanceM(0.5, a, 1.5) / CM, { kind: 'abs', abs: 1e-4, unit: 'cm' }));
    rows.push(analyticRow('V9', 'physics', 'drive N·I (A) for 1.5 A/m at 4 cm, a = 35 mm', '0.367716', circularLoopRequiredAmpereTurnsA(a, 4 * CM, 1.5), rel));
    rows.push(analyticRow('V9', 'physics', 'drive N·I (A) for 1.5 A/m at 4 cm, a = √2·4 cm', '0.311769', circularLoopRequiredAmpereTurnsA(Math.SQRT2 * 4 * CM, 4 * CM, 1.5), rel));
    // The optimum radius, found by minimising the code's drive function (golden-section search).
    const drive = (r: number): number => circularLoopRequiredAmpereTurnsA(r, 4 * CM, 1.5);
    let lo = 1 * CM;
    let hi = 20 * CM;
    const g = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
      const m1 = hi - g * (hi - lo);
      const m2 = lo + g * (hi - lo);
      if (drive(m1) < drive(m2)) hi = m2;
      else lo = m1;
    }
    rows.push(analyticRow('V9', 'physics', 'optimum radius a (cm) minimising N·I for x = 4 cm (golden search)', '5.65685', (lo + hi) / 2 / CM, { kind: 'abs', abs: 1e-4, unit: 'cm' }));
    // The exact off-axis field (elliptic integrals, used for offset cards) must meet the on-axis law near the axis.
    for (const x of [0, 2, 5]) {
      rows.push(analyticRow('V9', 'physics', `off-axis formula at ρ = 1 µm vs on-axis H (A/m), x = ${x} cm`, table.find((t) => t[0] === x)?.[1] ?? 'NaN', circularLoopFieldAPerM(0.5, a, 1e-6, x * CM).axialAPerM, rel));
    }
    return rows;
  },
};

const V10: VerifyCase = {
  id: 'V10', title: 'Rectangular loop, on-axis field', family: 'physics', dagger: false,
  testAgainst: 'physics/loop-field.ts rectangularLoopOnAxisFieldAPerM, rectangularLoopFieldAPerM',
  run() {
    const rel = { kind: 'rel', rel: 1e-5 } as const;
    const rows: VerifyRow[] = [];
    for (const [x, e] of [[0, '7.50732'], [2, '4.58381'], [4, '1.96076'], [6, '0.894589']] as const) {
      rows.push(analyticRow('V10', 'physics', `H (A/m), 80 × 50 mm, N·I = 0.5 A, x = ${x} cm`, e, rectangularLoopOnAxisFieldAPerM(0.5, 80 * MM, 50 * MM, x * CM), rel));
      rows.push(analyticRow('V10', 'physics', `H (A/m), 80 × 50 mm, x = ${x} cm, four-segment Biot–Savart`, e, rectangularLoopFieldAPerM(0.5, 80 * MM, 50 * MM, 0, 0, x * CM).hzAPerM, rel));
    }
    const sq = 5 * CM;
    for (const [x, e] of [[0, '18.0063'], [1, '14.9367'], [3, '5.62692']] as const) {
      rows.push(analyticRow('V10', 'physics', `square s = 5 cm, N·I = 1 A, H (A/m), x = ${x} cm`, e, rectangularLoopOnAxisFieldAPerM(1, sq, sq, x * CM), rel));
    }
    const centre = (2 * Math.SQRT2 * 1) / (Math.PI * sq);
    rows.push(analyticRow('V10', 'physics', 'square centre H = 2√2·N·I/(π·s) (A/m)', centre.toPrecision(12), rectangularLoopOnAxisFieldAPerM(1, sq, sq, 0), rel));
    for (const x of [1, 3, 7]) {
      const xm = x * CM;
      const limit = (sq * sq * 1) / (2 * Math.PI * (sq * sq / 4 + xm * xm) * Math.sqrt(sq * sq / 2 + xm * xm));
      rows.push(analyticRow('V10', 'physics', `a = b: general formula = square form s²N·I/(2π(s²/4+x²)√(s²/2+x²)), x = ${x} cm`, limit.toPrecision(12), rectangularLoopOnAxisFieldAPerM(1, sq, sq, xm), rel));
    }
    return rows;
  },
};

const V11: VerifyCase = {
  id: 'V11', title: 'Mutual inductance and coupling coefficient', family: 'physics', dagger: false,
  testAgainst: 'physics/coupling.ts coaxialMutualInductanceH, couplingCoefficient',
  run() {
    const rel = { kind: 'rel', rel: 1e-5 } as const;
    const table: Array<[number, string, string]> = [[0, '180.473', '0.114141'], [1, '160.432', '0.101466'], [2, '118.123', '0.0747078'], [4, '51.5333', '0.0325925'], [6, '23.0871', '0.0146016']];
    return table.flatMap(([x, m, k]) => {
      const mh = coaxialMutualInductanceH(2, 35 * MM, 4, 20 * MM, x * CM);
      return [
        analyticRow('V11', 'physics', `M (nH), N1 = 2, a1 = 35 mm, N2 = 4, a2 = 20 mm, x = ${x} cm`, m, mh * 1e9, rel),
        analyticRow('V11', 'physics', `k, L1 = 1 µH, L2 = 2.5 µH, x = ${x} cm`, k, couplingCoefficient(mh, 1e-6, 2.5e-6), rel),
      ];
    });
  },
};

const V12: VerifyCase = {
  id: 'V12', title: 'Induced open-circuit voltage', family: 'physics', dagger: false,
  testAgainst: 'physics/coupling.ts inducedVoltageRmsV',
  run() {
    const table: Array<[number, number, string]> = [[0.004, 1.5, '2.56957'], [0.004, 7.5, '12.8479'], [0.0024, 1.5, '1.54174'], [0.0024, 7.5, '7.70871']];
    return table.map(([area, h, e]) => analyticRow('V12', 'physics', `V_rms (V), N = 4, A = ${area} m², H = ${h} A/m`, e, inducedVoltageRmsV(13.56e6, 4, area, h), { kind: 'rel', rel: 1e-5 }));
  },
};

const V13: VerifyCase = {
  id: 'V13', title: 'Resonance capacitance', family: 'physics', dagger: false,
  testAgainst: 'physics/coupling.ts resonanceCapacitanceF, resonanceFrequencyHz',
  run() {
    const table: Array<[number, number, string]> = [
      [1, 13.56, '137.759'], [1, 15, '112.579'], [1, 16.5, '93.0406'],
      [2.5, 13.56, '55.1037'], [2.5, 15, '45.0316'], [2.5, 16.5, '37.2162'],
      [3.5, 13.56, '39.3598'], [3.5, 15, '32.1655'], [3.5, 16.5, '26.5830'],
    ];
    return table.flatMap(([lUh, fMhz, e]) => {
      const c = resonanceCapacitanceF(lUh * 1e-6, fMhz * 1e6);
      return [
        analyticRow('V13', 'physics', `C (pF), L = ${lUh} µH, f = ${fMhz} MHz`, e, c * 1e12, { kind: 'rel', rel: 1e-5 }),
        analyticRow('V13', 'physics', `round trip f_res(L, C) (MHz), L = ${lUh} µH, f = ${fMhz} MHz`, fMhz, resonanceFrequencyHz(lUh * 1e-6, c) / 1e6, { kind: 'abs', abs: fMhz * 1e-9, unit: 'MHz (relative 1e-9)' }),
      ];
    });
  },
};

const V20: VerifyCase = {
  id: 'V20', title: 'Skin depth', family: 'physics', dagger: false,
  testAgainst: 'physics/skin-depth.ts skinDepthM, thicknessInSkinDepths',
  run() {
    const rel = { kind: 'rel', rel: 1e-4 } as const;
    const freqs: Array<[number, string]> = [[1e3, '1 kHz'], [2e3, '2 kHz'], [10e3, '10 kHz'], [13.56e6, '13.56 MHz'], [2.45e9, '2.45 GHz']];
    const metals: Array<[string, number, string[]]> = [
      ['Al', RESISTIVITY_AL_OHM_M, ['2.5909', '1.8320', '0.81930', '22.249', '1.6552']],
      ['Cu', RESISTIVITY_CU_OHM_M, ['2.0629', '1.4587', '0.65234', '17.715', '1.3179']],
      ['stainless 304 [U ρ]', RESISTIVITY_SS304_OHM_M, ['13.505', '9.5493', '4.2706', '115.97', '8.6279']],
    ];
    const rows: VerifyRow[] = [];
    for (const [name, rho, values] of metals) {
      freqs.forEach(([f, label], i) => {
        const unitMm = f < 1e6;
        const d = skinDepthM(rho, f);
        rows.push(analyticRow('V20', 'physics', `δ (${unitMm ? 'mm' : 'µm'}), ${name}, ${label}`, values[i] as string, unitMm ? d * 1e3 : d * 1e6, rel));
      });
    }
    rows.push(
      analyticRow('V20', 'physics', '1 mm Al shell in skin depths, 1 kHz', '0.38597', thicknessInSkinDepths(1e-3, RESISTIVITY_AL_OHM_M, 1e3), rel),
      analyticRow('V20', 'physics', '1 mm Al shell in skin depths, 13.56 MHz', '44.946', thicknessInSkinDepths(1e-3, RESISTIVITY_AL_OHM_M, 13.56e6), rel),
    );
    return rows;
  },
};

// ------------------------------------------------------------------ V15 RCC

const V15: VerifyCase = {
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

// ------------------------------------------------------------------ V16 backend

const V16: VerifyCase = {
  id: 'V16', title: 'Erlang C host queue', family: 'backend', dagger: false,
  testAgainst: 'backend/erlang-c.ts erlangC; backend/host.ts HostQueue on kernel/kernel.ts',
  run(b) {
    const rel = { kind: 'rel', rel: 1e-6 } as const;
    const table: Array<[number, string, string, string, string, string]> = [
      [22, '0.909091', '0.567915', '2.83958', '12.8396', '5.67915'],
      [25, '0.800000', '0.209103', '0.418206', '10.4182', '0.836411'],
      [30, '0.666667', '0.0249505', '0.0249505', '10.0250', '0.0499009'],
    ];
    const rows: VerifyRow[] = [];
    for (const [c, rho, pw, wq, w, lq] of table) {
      const r = erlangC(c, 2000, 0.01);
      const at = `λ = 2000 /s, 1/μ = 10 ms, c = ${c}`;
      rows.push(
        analyticRow('V16', 'backend', `ρ, ${at}`, rho, r.utilisation, rel),
        analyticRow('V16', 'backend', `P(wait), ${at}`, pw, r.pWait, rel),
        analyticRow('V16', 'backend', `Wq (ms), ${at}`, wq, r.wqS * 1e3, rel),
        analyticRow('V16', 'backend', `W (ms), ${at}`, w, r.wS * 1e3, rel),
        analyticRow('V16', 'backend', `Lq, ${at}`, lq, r.lq, rel),
      );
    }
    const note = quickNote(b, b.v16Customers, 1e6);
    for (const [c, , pw, wq] of table) {
      const sim = hostMmc(c, 2000, 0.01, b.v16Warmup, b.v16Customers, b.v16Replications);
      const des = `DES HostQueue, c = ${c}, ${b.v16Replications} reps × ${b.v16Customers} after ${b.v16Warmup} warm-up`;
      rows.push(
        simulatedRow('V16', 'backend', `P(wait), ${des}`, pw, sim.pWait, { abs: 0.01 }, { note, label: `V16 P(wait) DES c=${c}` }),
        simulatedRow('V16', 'backend', `Wq (ms), ${des}`, wq, { mean: sim.wqS.mean * 1e3, halfWidth: sim.wqS.halfWidth * 1e3, trials: sim.wqS.trials }, { rel: c === 30 ? 0.1 : 0.05 }, { note, label: `V16 Wq DES c=${c}` }),
      );
    }
    return rows;
  },
};

// ------------------------------------------------------------------ V17–V19 gate

const V17: VerifyCase = {
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
const V18: VerifyCase = {
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

const V19: VerifyCase = {
  id: 'V19', title: 'Gate-count sizing', family: 'gate', dagger: false,
  testAgainst: 'station/sizing.ts gatesNeeded',
  run() {
    return [
      analyticRow('V19', 'gate', 'gates, peak 1500 per 5 min, 25 ppm per gate, u = 1.0', 12, gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 1 }), { kind: 'exact' }),
      analyticRow('V19', 'gate', 'gates, peak 1500 per 5 min, 25 ppm per gate, u = 0.8', 15, gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 0.8 }), { kind: 'exact' }),
    ];
  },
};

/** Every case, in VALIDATION order. */
export const VERIFY_CASES: readonly VerifyCase[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20];
