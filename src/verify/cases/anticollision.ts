/** V5–V7: anticollision (Type A collisions and tree walk, Type B slot singletons). */
import { expectedCollisionsTypeA, randomDistinctUids, walkAllTypeA, type TypeACard } from '../../link/anticollision/type-a.js';
import { expectedSingletonsTypeB } from '../../link/anticollision/type-b.js';
import { streamFor } from '../../random/stream.js';
import { analyticRow, simulatedRow, type VerifyRow } from '../row.js';
import { typeACollisionsMonteCarlo, typeBSingletonsMonteCarlo, VERIFY_SEED } from '../simulations.js';
import { type VerifyCase } from '../case.js';

export const V5: VerifyCase = {
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

export const V6: VerifyCase = {
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

export const V7: VerifyCase = {
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
