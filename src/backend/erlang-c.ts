/**
 * Analytic M/M/c (Erlang C) — the oracle for the host queue (docs/sources.md#f9-2, docs/validation.md#v16).
 *
 * P(wait) is computed from the Erlang B recursion
 *   B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1)),
 *   C = c·B(c) / (c − A·(1 − B(c))),
 * which never forms A^c or c! and is stable for thousands of servers.
 * Then Wq = C/(cμ − λ), W = Wq + 1/μ, Lq = λ·Wq, L = Lq + A.
 */

export interface ErlangCResult {
  /** Offered load A = λ/μ, Erlang. */
  offeredErlang: number;
  /** Server utilisation ρ = A/c. */
  utilisation: number;
  /** Erlang B blocking probability with c servers (no waiting room). */
  erlangB: number;
  /** Probability an arrival waits, C(c, A). */
  pWait: number;
  /** Mean wait in queue, s. */
  wqS: number;
  /** Mean time in system, s. */
  wS: number;
  /** Mean number waiting. */
  lq: number;
  /** Mean number in system. */
  l: number;
}

/** Erlang B by the stable recursion. */
export function erlangB(servers: number, offeredErlang: number): number {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`erlangB: servers must be an integer ≥ 0, got ${servers}`);
  if (!(offeredErlang >= 0)) throw new RangeError(`erlangB: offered load must be ≥ 0, got ${offeredErlang}`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredErlang * b) / (k + offeredErlang * b);
  return b;
}

/**
 * M/M/c with arrival rate `arrivalRatePerS` and mean service time `serviceMeanS`.
 * Throws when the queue is unstable (ρ ≥ 1).
 */
export function erlangC(servers: number, arrivalRatePerS: number, serviceMeanS: number): ErlangCResult {
  if (!(serviceMeanS > 0)) throw new RangeError(`erlangC: mean service time must be > 0 s, got ${serviceMeanS}`);
  if (!(arrivalRatePerS >= 0)) throw new RangeError(`erlangC: arrival rate must be ≥ 0 /s, got ${arrivalRatePerS}`);
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`erlangC: servers must be an integer ≥ 1, got ${servers}`);
  const serviceRatePerS = 1 / serviceMeanS;
  const a = arrivalRatePerS * serviceMeanS;
  const rho = a / servers;
  if (!(rho < 1)) throw new RangeError(`erlangC: unstable queue, utilisation ${rho} ≥ 1 (A = ${a} Erl, c = ${servers})`);
  const b = erlangB(servers, a);
  const pWait = (servers * b) / (servers - a * (1 - b));
  const wqS = pWait / (servers * serviceRatePerS - arrivalRatePerS);
  const lq = arrivalRatePerS * wqS;
  return { offeredErlang: a, utilisation: rho, erlangB: b, pWait, wqS, wS: wqS + serviceMeanS, lq, l: lq + a };
}

/** P(Wq > t) = C·exp(−(cμ − λ)·t) for M/M/c FIFO. */
export function erlangCWaitExceeds(servers: number, arrivalRatePerS: number, serviceMeanS: number, tS: number): number {
  const r = erlangC(servers, arrivalRatePerS, serviceMeanS);
  return r.pWait * Math.exp(-(servers / serviceMeanS - arrivalRatePerS) * tS);
}

/** Smallest number of servers with P(wait) ≤ `maxPWait` (sizing helper). */
export function serversForPWait(arrivalRatePerS: number, serviceMeanS: number, maxPWait: number): number {
  let c = Math.max(1, Math.floor(arrivalRatePerS * serviceMeanS) + 1);
  while (erlangC(c, arrivalRatePerS, serviceMeanS).pWait > maxPWait) c++;
  return c;
}
