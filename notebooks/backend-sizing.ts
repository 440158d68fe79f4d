/**
 * # Backend sizing: host servers vs city-wide peak TPS, online vs deferred authorisation
 *
 * Question: how many concurrent authorisation servers does the central host need for a
 * city-wide peak of taps so that online authorisation stays within p99 ≤ 1 s (the gate's
 * terminal timeout), how does the Erlang C (M/M/c) baseline compare, and what does deferred
 * authorisation (the transit default: approve locally, upload records in batches, docs/sources.md#f9-1–#f9-2)
 * ask of the same host?
 *
 * Method: the backend library itself (createBackend on a Kernel), 320 stations, a Poisson stream
 * of authorisation requests spread uniformly over the stations, default transit backend
 * (fibre links, station FEPs, 1 s terminal timeout with one retry, log-normal host service of
 * median 200 ms, σ 0.5, load-dependent slowdown above 80 % utilisation). One change from the
 * default host: its utilisation is smoothed over 1 s instead of 10 s, so that a short simulated
 * window reaches steady state (the slowdown then follows the load within ≈ 4 s; with thousands
 * of servers the busy fraction hardly fluctuates, so the steady state is the same).
 *
 * - Online: for each TPS level, the smallest server count whose simulated p99 response
 *   (authorise call → answer at the terminal, after warm-up) is ≤ 1 s and whose host is not
 *   saturating (≤ 5 % of requests find every server busy — past the slowdown knee the busy
 *   fraction runs away to 1 and the queue grows, which a short window would not yet show in p99):
 *   a bracket over servers / offered load, then bisection to 0.5 %.
 * - Erlang C baseline: the smallest c with P(Wq + S > 1 s − 14 ms) ≤ 1 %, Wq the M/M/c waiting
 *   time (erlangC from the public API), S the host's log-normal service, 14 ms the mean network
 *   and FEP overhead.
 * - Validation (docs/validation.md#v16): exponential service, no slowdown, no terminal retries —
 *   simulated P(wait) against erlangC across server counts.
 * - Deferred: every request approved locally; the host's only load is the FEPs' batch uploads
 *   (0.5 ms of host work per record, a batch every 60 s per station). Smallest c with no failed
 *   batch and every record uploaded within 90 s (batch interval + batch timeout).
 */
import { createBackend, DEFAULT_BACKEND, erlangC, exponential, Kernel, LogHistogram, streamFor, type BackendParams } from '../src/index.js';
import { lineChart, sizingChart, type LineSeries } from '../src/index.js';
import { ci, csv, fix, fmt, normalCdf, scaled, since, summarize, table, writeNotebook, type FindingsBase, type NotebookOptions, type Summary } from './lib.js';

export const STATIONS = 320;
export const TPS_LEVELS = [2000, 5000, 10000, 20000, 40000] as const;
const TPS_LEVELS_SMALL = [2000, 5000, 10000] as const;
export const P99_SLO_S = 1;
/** A host where more requests than this find every server busy is saturating (its queue grows). */
export const MAX_PWAIT = 0.05;
/** Mean terminal→host→terminal overhead outside the host: LAN 2 × 1 ms, fibre RTT median 10 ms, FEP 2 ms. */
export const OVERHEAD_S = 0.014;
const SEED = 9160;

const HOST = DEFAULT_BACKEND.channels[0]!.host;
const SERVICE = HOST.serviceS;
if (SERVICE.kind !== 'lognormal') throw new Error('backend-sizing expects the default log-normal host service');
const SERVICE_MU = SERVICE.mu;
const SERVICE_SIGMA = SERVICE.sigma;
export const SERVICE_MEAN_S = Math.exp(SERVICE_MU + (SERVICE_SIGMA * SERVICE_SIGMA) / 2);

function backendWith(servers: number, host: Partial<BackendParams['channels'][number]['host']> = {}, terminal: Partial<BackendParams['terminal']> = {}): BackendParams {
  return {
    ...DEFAULT_BACKEND,
    terminal: { ...DEFAULT_BACKEND.terminal, ...terminal },
    channels: [{ ...DEFAULT_BACKEND.channels[0]!, host: { ...HOST, utilisationWindowNs: 1e9, ...host, servers } }],
  };
}

interface Drive {
  tps: number;
  params: BackendParams;
  mode: 'online' | 'deferred';
  warmupS: number;
  measureS: number;
  /** Extra time after the last arrival (answers in flight, uploads). */
  drainS: number;
  replication: number;
}

interface DriveResult {
  p99S: number;
  p50S: number;
  samples: number;
  hostUtilisation: number;
  pWait: number;
  meanWaitS: number;
  timedOut: number;
  offered: number;
  batchFailures: number;
  oldestAgeMaxS: number;
  recordsUploaded: number;
  recordsQueued: number;
}

/** One replication: a Poisson stream at `tps` for warm-up + measure seconds into a fresh backend. */
function drive(d: Drive): DriveResult {
  const kernel = new Kernel(1 << 14);
  const backend = createBackend(kernel, d.params, (key) => streamFor(SEED, d.replication, `backend:${key}`), STATIONS);
  const arrivals = streamFor(SEED, d.replication, 'arrivals');
  const response = new LogHistogram();
  const warmNs = d.warmupS * 1e9;
  const endNs = (d.warmupS + d.measureS) * 1e9;
  const meanGapS = 1 / d.tps;
  let id = 0;
  const arrive = (): void => {
    const startNs = kernel.nowNs;
    const station = Math.min(STATIONS - 1, Math.floor(arrivals.next01() * STATIONS));
    backend.authorise(station, { mode: d.mode, valueCents: 300, requestId: id++ }, (r) => {
      if (startNs >= warmNs) response.add(r.responseNs / 1e9);
    });
    const gapNs = Math.max(1, Math.round(exponential(arrivals, meanGapS) * 1e9));
    if (kernel.nowNs + gapNs < endNs) kernel.schedule(gapNs, arrive);
  };
  kernel.schedule(0, arrive);
  kernel.run(warmNs);
  for (const h of backend.hosts) h.resetStats();
  kernel.run(endNs);
  const host = backend.hosts[0]!.stats();
  kernel.run(endNs + d.drainS * 1e9);
  const t = backend.backendMetrics().totals;
  return {
    p99S: response.quantile(0.99),
    p50S: response.quantile(0.5),
    samples: response.count,
    hostUtilisation: host.utilisation,
    pWait: host.pWait,
    meanWaitS: host.meanWaitNs / 1e9,
    timedOut: t.timedOut,
    offered: t.offered,
    batchFailures: t.batchFailures,
    oldestAgeMaxS: t.oldestAgeMaxNs / 1e9,
    recordsUploaded: t.recordsUploaded,
    recordsQueued: t.recordsQueued,
  };
}

/** P(S > x) for the host's log-normal service. */
function serviceTail(x: number): number {
  return x <= 0 ? 1 : 1 - normalCdf((Math.log(x) - SERVICE_MU) / SERVICE_SIGMA);
}

/**
 * P(Wq + S > t) with Wq the M/M/c (Erlang C) waiting time — no wait with probability 1 − C,
 * else exponential with rate cμ − λ — and S the log-normal service, by numerical convolution.
 */
export function erlangResponseTail(servers: number, tps: number, tS: number): number {
  const r = erlangC(servers, tps, SERVICE_MEAN_S);
  const theta = servers / SERVICE_MEAN_S - tps;
  const span = Math.min(tS, 60 / theta);
  const steps = 2000;
  const dw = span / steps;
  let integral = 0;
  for (let i = 0; i <= steps; i++) {
    const w = i * dw;
    const f = theta * Math.exp(-theta * w) * serviceTail(tS - w);
    integral += (i === 0 || i === steps ? 0.5 : 1) * f * dw;
  }
  const beyond = Math.exp(-theta * span); // P(Wq > span | wait): then W > t surely when span = t
  const waitingTail = integral + (span === tS ? beyond : beyond * serviceTail(tS - span));
  return (1 - r.pWait) * serviceTail(tS) + r.pWait * waitingTail;
}

/** Smallest c with P(Wq + S > 1 s − overhead) ≤ 1 % (Erlang C baseline). */
export function erlangServersForP99(tps: number): number {
  const a = tps * SERVICE_MEAN_S;
  const ok = (c: number): boolean => erlangResponseTail(c, tps, P99_SLO_S - OVERHEAD_S) <= 0.01;
  let lo = Math.floor(a) + 1;
  if (ok(lo)) return lo;
  let hi = Math.ceil(a * 1.5) + 10;
  while (!ok(hi)) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface OnlinePoint {
  tps: number;
  servers: number;
  serversPerErlang: number;
  p99S: number;
  p50S: number;
  hostUtilisation: number;
  timeoutShare: number;
  /** Share of host arrivals that found every server busy. */
  pWait: number;
  meets: boolean;
}

export interface LevelResult {
  tps: number;
  offeredErlang: number;
  /** Simulated: smallest servers with p99 ≤ 1 s (to the resolution below). */
  onlineServers: number;
  resolution: number;
  onlineP99S: number;
  erlangServers: number;
  deferredServers: number;
  deferredOfferedErlang: number;
  deferredOldestAgeS: number;
  points: OnlinePoint[];
}

export interface ValidationPoint {
  servers: number;
  erlangPWait: number;
  simPWait: Summary;
  erlangWqMs: number;
  simWqMs: Summary;
}

export interface BackendFindings extends FindingsBase {
  levels: LevelResult[];
  validation: { tps: number; points: ValidationPoint[] };
}

export async function run(options: NotebookOptions): Promise<BackendFindings> {
  const t0 = performance.now();
  const log = options.log ?? ((): void => {});
  const small = options.scale < 0.5;
  const tpsLevels: number[] = small ? [...TPS_LEVELS_SMALL] : [...TPS_LEVELS];
  // Online window: 4 s warm-up (4 utilisation time constants), then enough for ≈ 40 000 samples.
  const samplesTarget = 40_000 * options.scale;
  const onlineWindow = (tps: number): { warmupS: number; measureS: number } => ({ warmupS: 4, measureS: Math.max(small ? 2 : 6, samplesTarget / tps) });

  const levels: LevelResult[] = [];
  let startRatio = 1.2;
  for (const tps of tpsLevels) {
    const a = tps * SERVICE_MEAN_S;
    const cache = new Map<number, OnlinePoint>();
    const evalOnline = (servers: number): OnlinePoint => {
      const hit = cache.get(servers);
      if (hit !== undefined) return hit;
      const r = drive({ tps, params: backendWith(servers), mode: 'online', ...onlineWindow(tps), drainS: 3, replication: 0 });
      const p: OnlinePoint = {
        tps, servers, serversPerErlang: servers / a, p99S: r.p99S, p50S: r.p50S, hostUtilisation: r.hostUtilisation,
        timeoutShare: r.offered > 0 ? r.timedOut / r.offered : NaN, pWait: r.pWait, meets: r.p99S <= P99_SLO_S && r.pWait <= MAX_PWAIT,
      };
      cache.set(servers, p);
      return p;
    };
    // Bracket in servers per offered Erlang, starting from the previous level's answer (1.2 for the
    // first), with steps that double (3 %, 6 %, 12 %, …); then bisection to 0.5 % of the answer.
    let lo = NaN;
    let hi = NaN;
    {
      let ratio = startRatio;
      let step = 1.03;
      const first = Math.ceil(ratio * a);
      if (evalOnline(first).meets) {
        hi = first;
        while (!Number.isFinite(lo)) {
          ratio /= step;
          step = step * step;
          const c = Math.max(1, Math.ceil(ratio * a));
          if (c <= a) lo = Math.floor(a); // c ≤ A cannot keep up: taken as failing
          else if (evalOnline(c).meets) hi = c;
          else lo = c;
        }
      } else {
        lo = first;
        while (!Number.isFinite(hi)) {
          ratio *= step;
          step = step * step;
          if (ratio > 4) throw new Error(`backend-sizing: ${tps} tps: no server count up to 4× the offered load meets the SLO`);
          const c = Math.ceil(ratio * a);
          if (evalOnline(c).meets) hi = c;
          else lo = c;
        }
      }
    }
    const resolution = Math.max(1, Math.ceil(0.005 * hi));
    while (hi - lo > resolution) {
      const mid = Math.floor((lo + hi) / 2);
      if (evalOnline(mid).meets) hi = mid;
      else lo = mid;
    }
    startRatio = hi / a;
    const erlangServers = erlangServersForP99(tps);

    // Deferred: the host's load is the FEPs' batch uploads.
    const batchS = DEFAULT_BACKEND.fep.batchIntervalNs / 1e9;
    const ageLimitS = batchS + DEFAULT_BACKEND.fep.batchTimeoutNs / 1e9;
    const deferredA = tps * (DEFAULT_BACKEND.fep.recordServiceNs / 1e9);
    const deferredWindowS = small ? batchS * 2 + 10 : batchS * 2.5;
    let deferredServers = Math.max(1, Math.ceil(deferredA));
    let deferredAge = NaN;
    for (;;) {
      const r = drive({ tps, params: backendWith(deferredServers), mode: 'deferred', warmupS: 0, measureS: deferredWindowS, drainS: 0, replication: 0 });
      deferredAge = r.oldestAgeMaxS;
      if (r.batchFailures === 0 && r.oldestAgeMaxS <= ageLimitS) break;
      deferredServers = Math.max(deferredServers + 1, Math.ceil(deferredServers * 1.25));
    }
    const points = [...cache.values()].sort((x, y) => x.servers - y.servers);
    const at = cache.get(hi)!;
    levels.push({ tps, offeredErlang: a, onlineServers: hi, resolution, onlineP99S: at.p99S, erlangServers, deferredServers, deferredOfferedErlang: deferredA, deferredOldestAgeS: deferredAge, points });
    log(`  ${tps} tps: A = ${fix(a, 0)} Erl; online ${hi} servers (p99 ${fix(at.p99S, 3)} s, ±${resolution}); Erlang C ${erlangServers}; deferred ${deferredServers} (oldest record ${fix(deferredAge, 0)} s); ${cache.size} online evaluations`);
  }

  // Validation: exponential service, no slowdown → the host is M/M/c (docs/validation.md#v16).
  const vTps = 1000;
  const vA = vTps * SERVICE_MEAN_S;
  const vReps = scaled(3, options.scale, 2);
  const vWarm = 10;
  const vMeasure = small ? 10 : 30;
  const vServers = [1.03, 1.05, 1.08, 1.12, 1.2].map((r) => Math.ceil(r * vA));
  const validation: ValidationPoint[] = vServers.map((c) => {
    const runs = Array.from({ length: vReps }, (_, rep) =>
      drive({ tps: vTps, params: backendWith(c, { serviceS: { kind: 'exponential', mean: SERVICE_MEAN_S }, kneeUtilisation: 1, slowdownSlope: 0 }, { timeoutNs: 60e9 }), mode: 'online', warmupS: vWarm, measureS: vMeasure, drainS: 0, replication: rep }));
    const e = erlangC(c, vTps, SERVICE_MEAN_S);
    return { servers: c, erlangPWait: e.pWait, simPWait: summarize(runs.map((r) => r.pWait)), erlangWqMs: e.wqS * 1e3, simWqMs: summarize(runs.map((r) => r.meanWaitS * 1e3)) };
  });
  log(`  validation at ${vTps} tps: ${validation.map((v) => `c=${v.servers} P(wait) sim ${fix(v.simPWait.mean, 3)} vs ${fix(v.erlangPWait, 3)}`).join('; ')}`);

  // ------------------------------------------------------------------ figures
  const serversSvg = lineChart({
    title: 'Host servers needed vs city-wide peak TPS',
    subtitle: `${STATIONS} stations, Poisson requests; online: p99 ≤ ${P99_SLO_S} s; deferred: every batch acknowledged, records uploaded within the batch interval + timeout`,
    x: { label: 'Peak authorisation requests', unit: 'per s', log: true },
    y: { label: 'Host servers (concurrent authorisations)', log: true },
    series: [
      { name: 'Online, simulated', markers: true, points: levels.map((l) => ({ x: l.tps, y: l.onlineServers })) },
      { name: 'Online, Erlang C baseline', markers: true, points: levels.map((l) => ({ x: l.tps, y: l.erlangServers })) },
      { name: 'Offered load A = λ·E[S]', points: levels.map((l) => ({ x: l.tps, y: l.offeredErlang })) },
      { name: 'Deferred (batch uploads), simulated', markers: true, points: levels.map((l) => ({ x: l.tps, y: l.deferredServers })) },
    ],
    legendTitle: 'Sizing',
  });
  const p99Series: LineSeries[] = levels.map((l) => ({ name: `${fmt(l.tps)} tps`, points: l.points.map((p) => ({ x: p.serversPerErlang, y: p.p99S })) }));
  const p99Svg = sizingChart({
    title: 'Online p99 response vs host servers',
    subtitle: 'Servers as a multiple of the offered load A = λ·E[S] (E[S] = ' + fix(SERVICE_MEAN_S * 1e3, 0) + ' ms); every simulated point of the search',
    x: { label: 'Servers / offered load', integerTicks: false, tickFormat: '.2f' },
    y: { label: 'p99 authorisation response', unit: 's' },
    series: p99Series,
    slo: { value: P99_SLO_S, label: `SLO p99 ${P99_SLO_S} s`, direction: 'max' },
    legendTitle: 'Peak load',
  });
  const dense: number[] = [];
  for (let c = vServers[0]!; c <= vServers[vServers.length - 1]!; c++) dense.push(c);
  const erlangSvg = lineChart({
    title: 'Erlang C vs simulated host (M/M/c check)',
    subtitle: `${fmt(vTps)} tps, exponential service mean ${fix(SERVICE_MEAN_S * 1e3, 0)} ms, no slowdown; ${vReps} replications × ${vMeasure} s (95 % CI)`,
    x: { label: 'Host servers' },
    y: { label: 'P(wait)', tickFormat: '.0%', includeZero: true },
    series: [
      { name: 'Erlang C', points: dense.map((c) => ({ x: c, y: erlangC(c, vTps, SERVICE_MEAN_S).pWait })) },
      { name: 'Simulated', markers: true, points: validation.map((v) => ({ x: v.servers, y: v.simPWait.mean, lo: v.simPWait.lower, hi: v.simPWait.upper })) },
    ],
    legendTitle: 'Model',
  });

  // ------------------------------------------------------------------ tables
  const levelTable = table(
    ['Peak TPS', 'Offered load A (Erl)', 'Online servers (sim)', 'p99 there (s)', 'Servers / A', 'Erlang C baseline', 'Sim − Erlang C', 'Deferred servers', 'Deferred load (Erl)'],
    levels.map((l) => [fmt(l.tps), fix(l.offeredErlang, 0), `**${fmt(l.onlineServers)}** (±${l.resolution})`, fix(l.onlineP99S, 3), fix(l.onlineServers / l.offeredErlang, 3), fmt(l.erlangServers), `${fix((l.onlineServers / l.erlangServers - 1) * 100, 1)} %`, String(l.deferredServers), fix(l.deferredOfferedErlang, 1)]),
  );
  const validationTable = table(
    ['Servers', 'ρ', 'P(wait) Erlang C', 'P(wait) simulated', 'Wq Erlang C (ms)', 'Wq simulated (ms)'],
    validation.map((v) => [String(v.servers), fix(vA / v.servers, 3), fix(v.erlangPWait, 4), ci(v.simPWait, 4), fix(v.erlangWqMs, 2), ci(v.simWqMs, 2)]),
  );
  const pointsCsv = csv(
    ['tps', 'servers', 'servers_per_erlang', 'p50_s', 'p99_s', 'host_utilisation', 'timeout_share', 'meets_slo'],
    levels.flatMap((l) => l.points.map((p) => [p.tps, p.servers, p.serversPerErlang, p.p50S, p.p99S, p.hostUtilisation, p.timeoutShare, p.meets ? 'yes' : 'no'])),
  );
  const levelsCsv = csv(
    ['tps', 'offered_erlang', 'online_servers_sim', 'online_resolution', 'online_p99_s', 'erlang_c_servers', 'deferred_servers', 'deferred_offered_erlang', 'deferred_oldest_age_s'],
    levels.map((l) => [l.tps, l.offeredErlang, l.onlineServers, l.resolution, l.onlineP99S, l.erlangServers, l.deferredServers, l.deferredOfferedErlang, l.deferredOldestAgeS]),
  );

  // ------------------------------------------------------------------ conclusions
  const top = levels[levels.length - 1]!;
  const first = levels[0]!;
  const ratios = levels.map((l) => l.onlineServers / l.offeredErlang);
  const vsErlang = levels.map((l) => (l.onlineServers / l.erlangServers - 1) * 100);
  const maxValidationErr = Math.max(...validation.map((v) => Math.abs(v.simPWait.mean - v.erlangPWait)));
  const insideCi = validation.filter((v) => v.erlangPWait >= v.simPWait.lower && v.erlangPWait <= v.simPWait.upper).length;
  const conclusions = [
    `- **Online authorisation:** ${levels.map((l) => `${fmt(l.tps)} tps → ${fmt(l.onlineServers)} servers`).join(', ')} for p99 ≤ ${P99_SLO_S} s. That is ${fix(Math.min(...ratios), 2)}–${fix(Math.max(...ratios), 2)} × the offered load (${fix(ratios[0]!, 2)} at ${fmt(first.tps)} tps, ${fix(ratios[ratios.length - 1]!, 2)} at ${fmt(top.tps)} tps): servers grow linearly with TPS.`,
    `- **Erlang C baseline** (M/M/c wait + the log-normal service): ${levels.map((l) => fmt(l.erlangServers)).join(', ')} servers (utilisation ${fix(Math.min(...levels.map((l) => l.offeredErlang / l.erlangServers)), 3)}–${fix(Math.max(...levels.map((l) => l.offeredErlang / l.erlangServers)), 3)}); the simulation needs ${fix(Math.min(...vsErlang), 1)} % to ${fix(Math.max(...vsErlang), 1)} % ${Math.max(...vsErlang) >= 0 ? 'more' : 'fewer'}, i.e. it runs the host at utilisation A/c = ${levels.map((l) => fix(l.offeredErlang / l.onlineServers, 3)).join(', ')}. ${vsErlang.every((x) => x > 0) ? `Erlang C under-provisions because it ignores the host's load-dependent slowdown (service × (1 + ${HOST.slowdownSlope}(u − ${HOST.kneeUtilisation})) above u = ${HOST.kneeUtilisation}): past the knee the slower service raises the load further, so the usable utilisation is capped near the knee, not near 1 as square-root staffing of thousands of servers would allow.` : ''}`,
    `- **Erlang C check** (exponential service, no slowdown, ${fmt(vTps)} tps): simulated P(wait) is within ${fix(maxValidationErr, 3)} of Erlang C across ${validation.length} server counts (ρ ${fix(vA / vServers[vServers.length - 1]!, 2)}–${fix(vA / vServers[0]!, 2)}); Erlang C lies inside the simulated 95 % CI at ${insideCi} of ${validation.length}.`,
    `- **Deferred authorisation** needs ${levels.map((l) => `${l.deferredServers}`).join(', ')} host servers at the same TPS levels — ${fix(top.onlineServers / top.deferredServers, 0)} × fewer than online at ${fmt(top.tps)} tps (${fmt(top.onlineServers)} vs ${top.deferredServers}). The host sees only batch uploads: ${fix(top.deferredOfferedErlang, 1)} Erlang of record work at ${fmt(top.tps)} tps (0.5 ms per record) against ${fix(top.offeredErlang, 0)} Erlang online; the gate answers locally in ${fix(DEFAULT_BACKEND.terminal.localCheckS.kind === 'constant' ? DEFAULT_BACKEND.terminal.localCheckS.value * 1e3 : NaN, 0)} ms and records reach the host within ${fix(top.deferredOldestAgeS, 0)} s at worst.`,
  ];

  const readme = `# Backend sizing: host servers vs city-wide peak TPS

*Generated by \`npm run notebook -- backend-sizing\` (notebooks/backend-sizing.ts) at scale ${options.scale}; every number below comes from this run.*

**Question.** How many concurrent authorisation servers does the central host need for a city-wide
peak so that online authorisation stays within p99 ≤ ${P99_SLO_S} s, how does the Erlang C baseline compare,
and what does deferred authorisation (approve at the gate, upload records in batches) need instead?

**Method.** \`createBackend\` on a \`Kernel\` (public API), ${STATIONS} stations, Poisson requests uniformly over
the stations; default transit backend (fibre, station FEPs, 1 s terminal timeout + one retry, host
service log-normal median 200 ms σ 0.5 — mean ${fix(SERVICE_MEAN_S * 1e3, 0)} ms — slowing down above 80 % utilisation),
except that host utilisation is smoothed over 1 s instead of 10 s so a short window reaches steady state.
Online: p99 of the response (authorise → answer at the terminal) of requests started after a 4 s warm-up,
≥ ${fmt(samplesTarget)} samples and ≥ ${onlineWindow(1e9).measureS} s per evaluation (seed ${SEED}); a server count passes when p99 ≤ ${P99_SLO_S} s and at most
${MAX_PWAIT * 100} % of host arrivals find every server busy (past the slowdown knee the host saturates and its queue
grows, which a short window shows in P(wait) before p99); a bracket over servers / offered load, then
bisection to 0.5 % of the answer. Validation: exponential service, no slowdown, no terminal retries. Erlang C baseline: smallest c with P(Wq + S > ${P99_SLO_S} s − ${OVERHEAD_S * 1e3} ms) ≤ 1 %, Wq the M/M/c
wait from \`erlangC\`, S the log-normal service. Deferred: all requests deferred; the host does
0.5 ms per uploaded record, one batch per station every ${DEFAULT_BACKEND.fep.batchIntervalNs / 1e9} s; the smallest c (from ⌈λ × 0.5 ms⌉, ×1.25 steps)
with no failed batch and every record uploaded within ${DEFAULT_BACKEND.fep.batchIntervalNs / 1e9 + DEFAULT_BACKEND.fep.batchTimeoutNs / 1e9} s.

## Conclusions

${conclusions.join('\n')}

## Servers vs TPS

![Host servers vs peak TPS](servers-vs-tps.svg)

${levelTable}

## p99 vs servers

![Online p99 vs servers](p99-vs-servers.svg)

## Erlang C vs simulation

![Erlang C vs simulated](erlang-c-check.svg)

${validationTable}

Tables: [levels.csv](levels.csv), [online-points.csv](online-points.csv). Wall time ${fix(since(t0), 1)} s.
`;
  const files = await writeNotebook(options.outDir, readme, {
    'servers-vs-tps.svg': serversSvg,
    'p99-vs-servers.svg': p99Svg,
    'erlang-c-check.svg': erlangSvg,
    'levels.csv': levelsCsv,
    'online-points.csv': pointsCsv,
  });
  return { name: 'backend-sizing', outDir: options.outDir, files, readme, wallS: since(t0), scale: options.scale, levels, validation: { tps: vTps, points: validation } };
}
