#!/usr/bin/env node
// Coverage and bias of the 95 % CIs over replications for the host as M/M/c (issue 18; no pass/fail):
// the p95 and the mean of the wait in queue Wq, per replication from the FINE sketch, against
// Erlang C: P(Wq > t) = C(c, a)·e^{−(cμ−λ)t}, so p95 = ln(C/0.05)/(cμ−λ) (C > 0.05) and E[Wq] = C/(cμ−λ).
// Each replication starts empty, drops `warmup` customers, then measures `customers` customers.
//   npm run build && node scripts/mmc-coverage.mjs [experiments=100]
// Service times are drawn here (exponential, whole ns) and handed to the host, so Wq = sojourn − service exactly.
import { Kernel } from '../dist/kernel/kernel.js';
import { HostQueue } from '../dist/backend/host.js';
import { erlangC } from '../dist/backend/erlang-c.js';
import { exponential } from '../dist/random/distributions.js';
import { streamFor } from '../dist/random/stream.js';
import { FINE_NANOSECONDS, QuantileSketch } from '../dist/observe/quantile-sketch.js';
import { summarize } from '../dist/experiment/stats.js';

const experiments = Number(process.argv[2] ?? 100);
const REPS = 10;
const SERVICE_MEAN_S = 0.01;
const SERVERS = 10;

function replication(lambda, warmup, customers, seed, rep, sketch) {
  const kernel = new Kernel();
  const host = new HostQueue(kernel, { servers: SERVERS, serviceS: { kind: 'exponential', mean: SERVICE_MEAN_S }, queueCapacity: Number.MAX_SAFE_INTEGER, kneeUtilisation: 1, slowdownSlope: 0, utilisationWindowNs: 0 }, streamFor(seed, rep, 'host'));
  const arrivals = streamFor(seed, rep, 'arrivals');
  const service = streamFor(seed, rep, 'service');
  const gapNs = 1e9 / lambda;
  let n = 0;
  sketch.reset();
  const arrive = () => {
    n++;
    const serviceNs = Math.max(1, Math.round(exponential(service, SERVICE_MEAN_S * 1e9)));
    const measured = n > warmup;
    host.submit((served, sojournNs) => { if (measured && served) sketch.add(Math.max(0, sojournNs - serviceNs)); }, serviceNs);
    if (n < warmup + customers) kernel.schedule(Math.max(1, Math.round(exponential(arrivals, gapNs))), arrive);
  };
  kernel.schedule(Math.round(exponential(arrivals, gapNs)), arrive);
  kernel.run();
  return { p95: sketch.quantile(0.95) / 1e9, mean: sketch.mean / 1e9 };
}

function study(rho, warmup, customers) {
  const lambda = (rho * SERVERS) / SERVICE_MEAN_S;
  const C = erlangC(SERVERS, lambda, SERVICE_MEAN_S).pWait;
  const rate = SERVERS / SERVICE_MEAN_S - lambda;
  const exact = { p95: Math.log(C / 0.05) / rate, mean: C / rate };
  const sketch = new QuantileSketch(FINE_NANOSECONDS);
  const cover = { p95: 0, mean: 0 };
  const bias = { p95: 0, mean: 0 };
  const half = { p95: 0, mean: 0 };
  const started = performance.now();
  for (let e = 0; e < experiments; e++) {
    const runs = Array.from({ length: REPS }, (_, r) => replication(lambda, warmup, customers, 20261202 + e, r, sketch));
    for (const k of ['p95', 'mean']) {
      const s = summarize(runs.map((x) => x[k]));
      if (s.lower <= exact[k] && exact[k] <= s.upper) cover[k]++;
      bias[k] += (s.mean - exact[k]) / exact[k] / experiments;
      half[k] += s.halfWidth / exact[k] / experiments;
    }
  }
  const pct = (x) => `${(x * 100).toFixed(2)} %`;
  console.log(`ρ ${rho}, c ${SERVERS}, 1/μ ${SERVICE_MEAN_S * 1e3} ms, C(c,a) ${C.toFixed(4)}; warm-up ${warmup} customers, run ${customers} customers; ${REPS} replications × ${experiments} experiments (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const k of ['p95', 'mean']) console.log(`  Wq ${k}: exact ${(exact[k] * 1e3).toPrecision(5)} ms; coverage ${cover[k]}/${experiments} = ${pct(cover[k] / experiments)}; bias ${pct(bias[k])}; mean half-width ${pct(half[k])} of the exact value`);
}

study(0.8, 10_000, 50_000);
study(0.8, 0, 10_000);
study(0.9, 10_000, 50_000);
