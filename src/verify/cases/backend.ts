/** V16: the backend hosts as M/M/c (Erlang C). */
import { erlangC } from '../../backend/erlang-c.js';
import { analyticRow, simulatedRow, type VerifyRow } from '../row.js';
import { hostMmc } from '../simulations.js';
import { quickNote, type VerifyCase } from '../case.js';

export const V16: VerifyCase = {
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
