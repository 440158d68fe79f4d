/**
 * # Gate sizing at a metro entrance
 *
 * Question: how many entry gates does an entrance need for a steady peak flow so that the 95th
 * percentile of the wait at the gateline stays within the service level (wait p95 ≤ 30 s), and
 * how does that depend on what passengers tap with — fast transit cards, slower qPBOC phones
 * (EMV-style flow on a phone, some failed taps), QR codes, or a city mix? How does the answer
 * compare with the planning rule of thumb (docs/sources.md#f8-1, docs/validation.md#v19: gates = peak flow /
 * (capacity × utilisation))?
 *
 * Method: notebooks/scenarios/gate-sizing.yaml (one entrance, one gateline of flap gates,
 * shortest-queue choice, no balking, steady demand) with the demand rate, gate count and carrier
 * shares overridden. For each (mix, flow) the smallest gate count that meets the SLO with 95 %
 * confidence (one-sided upper Student-t bound of the mean per-replication wait p95 ≤ 30 s) is
 * found by bisection over gates; each evaluation is R replications on common random numbers.
 * The per-gate capacity of each mix is measured in a saturated run (queue never empties).
 */
import { loadScenario, runReplication } from '../src/index.js';
import { lineChart, sizingChart, type LineSeries } from '../src/index.js';
import { gatesNeeded } from '../src/index.js';
import { ci, csv, fix, oneSidedBound, scaled, since, summarize, table, writeNotebook, type FindingsBase, type NotebookOptions, type Summary } from './lib.js';

const SCENARIO = new URL('./scenarios/gate-sizing.yaml', import.meta.url).pathname;
const ENTRANCE = 'stations.ST.entrances.E';

export const SLO_WAIT_P95_S = 30;

export const MIXES = [
  { id: 'cards', label: 'Transit cards', shares: { 'transit-card': 1, 'nfc-phone': 0, qr: 0 } },
  { id: 'phones', label: 'qPBOC phones', shares: { 'transit-card': 0, 'nfc-phone': 1, qr: 0 } },
  { id: 'qr', label: 'QR codes', shares: { 'transit-card': 0, 'nfc-phone': 0, qr: 1 } },
  { id: 'city', label: 'City mix 60/30/10', shares: { 'transit-card': 0.6, 'nfc-phone': 0.3, qr: 0.1 } },
] as const;
export type MixId = (typeof MIXES)[number]['id'];

/** Peak flows, passengers per minute at the entrance. */
export const FLOWS_PPM = [150, 250, 350, 450] as const;
const FLOWS_PPM_SMALL = [150, 450] as const;

/** docs/sources.md#f8-1 planning numbers for the rule of thumb. */
export const RULE_CAPACITY_PPM = 25;
export const RULE_UTILISATION = 0.8;
export const RULE_WINDOW_MIN = 5;

export interface Evaluation {
  mix: MixId;
  flowPpm: number;
  gates: number;
  waitP95S: Summary;
  /** One-sided 95 % upper bound of the mean wait p95. */
  upperS: number;
  meets: boolean;
  utilisation: number;
  throughputPpmPerGate: number;
  transactionP50Ms: number;
  gateOpenRate: number;
}

export interface SizingRow {
  mix: MixId;
  flowPpm: number;
  /** Smallest gate count meeting the SLO (simulation). */
  gates: number;
  /** Wait p95 at that count and one fewer. */
  atGates: Evaluation;
  below: Evaluation | undefined;
  /** V19 rule with docs/sources.md#f8-1's 25 ppm at u = 0.8. */
  ruleFacts: number;
  /** V19 rule with the mix's measured saturated capacity at u = 0.8. */
  ruleMeasured: number;
  evaluations: number;
}

export interface GateSizingFindings extends FindingsBase {
  replications: number;
  durationMin: number;
  flows: number[];
  capacityPpm: Partial<Record<MixId, Summary>>;
  transactionP50Ms: Partial<Record<MixId, number>>;
  rows: SizingRow[];
  evaluations: Evaluation[];
}

export async function run(options: NotebookOptions): Promise<GateSizingFindings> {
  const t0 = performance.now();
  const log = options.log ?? ((): void => {});
  const replications = scaled(5, options.scale, 2);
  const durationMin = Math.max(8, Math.round(20 * options.scale));
  const warmupMin = Math.min(5, Math.round(durationMin / 4));
  const small = options.scale < 0.5;
  const flows: number[] = small ? [...FLOWS_PPM_SMALL] : [...FLOWS_PPM];
  // Reduced size (tests): the two extreme mixes only.
  const mixes = small ? MIXES.filter((m) => m.id === 'cards' || m.id === 'phones') : [...MIXES];
  const seed = 8190;

  const loadFor = async (mix: (typeof MIXES)[number], flowPpm: number, gates: number) =>
    loadScenario(SCENARIO, {
      overrides: [
        { path: 'duration', value: `${durationMin} min` },
        { path: 'warmup', value: `${warmupMin} min` },
        { path: `${ENTRANCE}.demand.rate`, value: String(flowPpm * 60) },
        { path: `${ENTRANCE}.gatelines.L.gates`, value: String(gates) },
        ...Object.entries(mix.shares).map(([id, share]) => ({ path: `carriers.${id}.share`, value: String(share) })),
      ],
    });

  const capacityPpm: Partial<Record<MixId, Summary>> = {};
  const transactionP50Ms: Partial<Record<MixId, number>> = {};
  const cache = new Map<string, Evaluation>();
  const evaluate = async (mix: (typeof MIXES)[number], flowPpm: number, gates: number): Promise<Evaluation> => {
    const key = `${mix.id}|${flowPpm}|${gates}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const { scenario } = await loadFor(mix, flowPpm, gates);
    const ms = Array.from({ length: replications }, (_, rep) => runReplication({ scenario, replication: rep, seed }).metrics);
    const col = (k: string): number[] => ms.map((m) => m[k] ?? NaN);
    const waits = col('wait_p95_s');
    const bound = oneSidedBound(waits, 'upper');
    const e: Evaluation = {
      mix: mix.id, flowPpm, gates,
      waitP95S: summarize(waits),
      upperS: bound.bound,
      // A gateline that cannot carry the flow fails however short the window: the flow must stay
      // below gates × the mix's saturated capacity (else the queue grows without bound).
      meets: bound.bound <= SLO_WAIT_P95_S && flowPpm < gates * capacityPpm[mix.id]!.mean,
      utilisation: summarize(col('gate_utilisation')).mean,
      throughputPpmPerGate: summarize(col('throughput_ppm_per_gate')).mean,
      transactionP50Ms: summarize(col('transaction_time_p50_ms')).mean,
      gateOpenRate: summarize(col('gate_open_rate')).mean,
    };
    cache.set(key, e);
    return e;
  };

  log(`gate-sizing: ${replications} replications × ${durationMin} min per evaluation`);
  // Saturated capacity per mix: 6 gates fed 60 passengers/min each, so the queue never empties.
  for (const mix of mixes) {
    const { scenario } = await loadFor(mix, 360, 6);
    const ms = Array.from({ length: replications }, (_, rep) => runReplication({ scenario, replication: rep, seed }).metrics);
    capacityPpm[mix.id] = summarize(ms.map((m) => m['throughput_ppm_per_gate'] ?? NaN));
    transactionP50Ms[mix.id] = summarize(ms.map((m) => m['transaction_time_p50_ms'] ?? NaN)).mean;
    log(`  capacity ${mix.id}: ${fix(capacityPpm[mix.id]!.mean, 1)} ppm per gate, transaction p50 ${fix(transactionP50Ms[mix.id]!, 0)} ms`);
  }

  const rows: SizingRow[] = [];
  for (const mix of mixes) {
    for (const flowPpm of flows) {
      const before = cache.size;
      // Bracket: below flow/capacity the gates cannot keep up (fails); start above at twice that.
      let lo = Math.max(0, Math.floor(flowPpm / (capacityPpm[mix.id]!.mean * 1.05)));
      let hi = Math.max(lo + 1, Math.ceil((flowPpm / capacityPpm[mix.id]!.mean) * 1.5));
      while (!(await evaluate(mix, flowPpm, hi)).meets) {
        lo = hi;
        hi *= 2;
      }
      while (lo >= 1 && (await evaluate(mix, flowPpm, lo)).meets) {
        hi = lo;
        lo = Math.floor(lo / 2);
      }
      // Invariant: lo fails (or is 0), hi meets.
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if ((await evaluate(mix, flowPpm, mid)).meets) hi = mid;
        else lo = mid;
      }
      const atGates = await evaluate(mix, flowPpm, hi);
      const below = hi > 1 ? await evaluate(mix, flowPpm, hi - 1) : undefined;
      const ruleFacts = gatesNeeded({ peakFlow: flowPpm * RULE_WINDOW_MIN, windowMin: RULE_WINDOW_MIN, capacityPpm: RULE_CAPACITY_PPM, utilisation: RULE_UTILISATION });
      const ruleMeasured = gatesNeeded({ peakFlow: flowPpm * RULE_WINDOW_MIN, windowMin: RULE_WINDOW_MIN, capacityPpm: capacityPpm[mix.id]!.mean, utilisation: RULE_UTILISATION });
      rows.push({ mix: mix.id, flowPpm, gates: hi, atGates, below, ruleFacts, ruleMeasured, evaluations: cache.size - before });
      log(`  ${mix.id} ${flowPpm} ppm: ${hi} gates (wait p95 ${fix(atGates.waitP95S.mean, 1)} s; ${hi - 1} gates: ${below === undefined ? '–' : fix(below.waitP95S.mean, 1)} s); rule ${ruleFacts} / ${ruleMeasured}`);
    }
  }

  // Sizing curves at the highest flow: gate counts around each mix's answer.
  const topFlow = flows[flows.length - 1]!;
  for (const mix of mixes) {
    const g = rows.find((r) => r.mix === mix.id && r.flowPpm === topFlow)!.gates;
    for (let k = Math.max(1, g - 2); k <= g + 2; k++) await evaluate(mix, topFlow, k);
  }
  const evaluations = [...cache.values()].sort((a, b) => (a.mix < b.mix ? -1 : a.mix > b.mix ? 1 : a.flowPpm - b.flowPpm || a.gates - b.gates));

  // ------------------------------------------------------------------ figures
  const label = (id: MixId): string => MIXES.find((m) => m.id === id)!.label;
  const curveSeries: LineSeries[] = mixes.map((mix) => ({
    name: mix.label,
    points: evaluations
      .filter((e) => e.mix === mix.id && e.flowPpm === topFlow && Number.isFinite(e.waitP95S.mean))
      .map((e) => {
        const hw = Number.isFinite(e.waitP95S.halfWidth) ? e.waitP95S.halfWidth : 0;
        return { x: e.gates, y: Math.max(0.1, e.waitP95S.mean), lo: Math.max(0.1, e.waitP95S.mean - hw), hi: Math.max(0.1, e.waitP95S.mean + hw) };
      }),
  }));
  const curvesSvg = sizingChart({
    title: `Wait p95 vs gates at ${topFlow} passengers/min`,
    subtitle: `notebooks/scenarios/gate-sizing.yaml, ${replications} replications × ${durationMin} min per point (95 % CI); SLO wait p95 ≤ ${SLO_WAIT_P95_S} s`,
    x: { label: 'Gates' },
    y: { label: 'Wait p95', unit: 's', log: true },
    series: curveSeries,
    slo: { value: SLO_WAIT_P95_S, label: `SLO ${SLO_WAIT_P95_S} s`, direction: 'max' },
    legendTitle: 'Carrier mix',
  });
  const flowSeries: LineSeries[] = [
    ...mixes.map((mix) => ({ name: `${mix.label} (simulated)`, markers: true, points: rows.filter((r) => r.mix === mix.id).map((r) => ({ x: r.flowPpm, y: r.gates })) })),
    { name: `Rule: ${RULE_CAPACITY_PPM} ppm × u ${RULE_UTILISATION}`, markers: true, points: flows.map((f) => ({ x: f, y: rows.find((r) => r.flowPpm === f)!.ruleFacts })) },
  ];
  const flowSvg = lineChart({
    title: 'Gates needed vs peak flow',
    subtitle: `Smallest gate count with wait p95 ≤ ${SLO_WAIT_P95_S} s (95 % confidence) vs the V19 rule of thumb`,
    x: { label: 'Peak flow', unit: 'passengers/min' },
    y: { label: 'Gates', integerTicks: true, tickFormat: 'd', includeZero: true },
    series: flowSeries,
    legendTitle: 'Sizing',
  });

  // ------------------------------------------------------------------ tables
  const sizingTable = table(
    ['Mix', 'Peak flow (ppm)', 'Gates (sim)', 'Wait p95 at that count (s)', 'with one gate fewer (s)', 'one fewer fails on', 'Utilisation', `Rule ${RULE_CAPACITY_PPM} ppm·${RULE_UTILISATION}`, 'Rule, measured capacity·0.8'],
    rows.map((r) => [label(r.mix), String(r.flowPpm), `**${r.gates}**`, ci(r.atGates.waitP95S, 1), r.below === undefined ? '–' : ci(r.below.waitP95S, 1), r.below === undefined ? '–' : r.flowPpm < (r.gates - 1) * capacityPpm[r.mix]!.mean ? 'wait' : 'capacity', fix(r.atGates.utilisation, 2), String(r.ruleFacts), String(r.ruleMeasured)]),
  );
  const capacityTable = table(
    ['Mix', 'Saturated capacity (ppm per gate)', 'Transaction time p50 (ms)'],
    mixes.map((m) => [m.label, ci(capacityPpm[m.id]!, 1), fix(transactionP50Ms[m.id]!, 0)]),
  );
  const evalCsv = csv(
    ['mix', 'flow_ppm', 'gates', 'replications', 'wait_p95_s_mean', 'wait_p95_s_hw95', 'wait_p95_s_upper95', 'meets_slo', 'gate_utilisation', 'throughput_ppm_per_gate', 'transaction_time_p50_ms', 'gate_open_rate'],
    evaluations.map((e) => [e.mix, e.flowPpm, e.gates, e.waitP95S.n, e.waitP95S.mean, e.waitP95S.halfWidth, e.upperS, e.meets ? 'yes' : 'no', e.utilisation, e.throughputPpmPerGate, e.transactionP50Ms, e.gateOpenRate]),
  );
  const sizingCsv = csv(['mix', 'flow_ppm', 'gates_sim', 'rule_25ppm_u08', 'rule_measured_u08', 'evaluations'], rows.map((r) => [r.mix, r.flowPpm, r.gates, r.ruleFacts, r.ruleMeasured, r.evaluations]));

  // ------------------------------------------------------------------ conclusions
  const at = (mix: MixId, f: number): SizingRow => rows.find((r) => r.mix === mix && r.flowPpm === f)!;
  const ordered = [...mixes].sort((a, b) => at(b.id, topFlow).gates - at(a.id, topFlow).gates);
  const slowest = ordered[0]!;
  const fastest = ordered[ordered.length - 1]!;
  const ruleOver = rows.map((r) => r.ruleFacts - r.gates);
  const ruleMeasOver = rows.map((r) => r.ruleMeasured - r.gates);
  const utilAtAnswer = rows.map((r) => r.atGates.utilisation);
  const conclusions = [
    `- **Gates needed at ${topFlow} passengers/min:** ${mixes.map((m) => `${m.label} ${at(m.id, topFlow).gates}`).join(', ')} (SLO wait p95 ≤ ${SLO_WAIT_P95_S} s with 95 % confidence). ${slowest.label} need ${at(slowest.id, topFlow).gates - at(fastest.id, topFlow).gates} more gates than ${fastest.label} (${fix((at(slowest.id, topFlow).gates / at(fastest.id, topFlow).gates - 1) * 100, 0)} %).`,
    `- **Why:** measured saturated capacity per gate is ${mixes.map((m) => `${fix(capacityPpm[m.id]!.mean, 1)} ppm (${m.label}, transaction p50 ${fix(transactionP50Ms[m.id]!, 0)} ms)`).join('; ')}.`,
    (() => {
      const fewer = rows.filter((r) => r.below !== undefined);
      const onCapacity = fewer.filter((r) => !(r.flowPpm < (r.gates - 1) * capacityPpm[r.mix]!.mean)).length;
      return `- **Why one gate fewer fails:** in ${onCapacity} of ${fewer.length} cases it cannot carry the flow at the mix's saturated capacity (its queue would grow without bound however short the simulated window); in the other ${fewer.length - onCapacity} the 95 % upper bound of the wait p95 exceeds ${SLO_WAIT_P95_S} s. At ${topFlow} ppm one gate fewer gives a mean wait p95 of ${mixes.map((m) => { const r = at(m.id, topFlow); return `${r.below === undefined ? '–' : fix(r.below.waitP95S.mean, 0)} s (${m.label})`; }).join(', ')}, against ${mixes.map((m) => `${fix(at(m.id, topFlow).atGates.waitP95S.mean, 1)} s`).join(', ')} at the answer. Gates run at utilisation ${fix(Math.min(...utilAtAnswer), 2)}–${fix(Math.max(...utilAtAnswer), 2)} at the answer.`;
    })(),
    `- **V19 rule of thumb** (${RULE_CAPACITY_PPM} ppm per gate at u = ${RULE_UTILISATION}): ${flows.map((f) => `${at('cards', f).ruleFacts} gates at ${f} ppm`).join(', ')}. Against simulation it differs by ${fix(Math.min(...ruleOver), 0)} to ${fix(Math.max(...ruleOver), 0)} gates (positive = the rule provides more) across all mixes and flows; ${ruleOver.filter((x) => x < 0).length} of ${rows.length} cases are under-provisioned by the rule. With each mix's measured capacity at u = 0.8 the difference is ${fix(Math.min(...ruleMeasOver), 0)} to ${fix(Math.max(...ruleMeasOver), 0)} gates.`,
  ];

  const readme = `# Gate sizing at a metro entrance

*Generated by \`npm run notebook -- gate-sizing\` (notebooks/gate-sizing.ts) at scale ${options.scale}; every number below comes from this run.*

**Question.** How many entry gates does an entrance need for a steady peak flow so that the wait p95
stays ≤ ${SLO_WAIT_P95_S} s, for fast transit cards, slower qPBOC phones, QR codes and a city mix — and how
does that compare with the V19 rule of thumb gates = ⌈flow / (capacity × u)⌉ (docs/sources.md#f8-1)?

**Method.** \`notebooks/scenarios/gate-sizing.yaml\` (one gateline of flap gates, shortest-queue choice,
no balking, steady Poisson demand, walk time log-normal median 8 s), overriding demand, gate count and
carrier shares. For each mix and flow (${flows.join(', ')} passengers/min), bisection over the gate count finds
the smallest one whose one-sided 95 % upper bound of the mean per-replication wait p95 is ≤ ${SLO_WAIT_P95_S} s
and that can carry the flow in the long run (flow < gates × the mix's saturated capacity);
every evaluation is ${replications} replications × ${durationMin} min (warm-up ${warmupMin} min) on common random numbers
(seed ${seed}). Saturated capacity per mix: 6 gates fed 360 passengers/min. ${cache.size} gate-count evaluations in all.

## Conclusions

${conclusions.join('\n')}

## Sizing curves

![Wait p95 vs gates](sizing-curves.svg)

![Gates needed vs peak flow](gates-vs-flow.svg)

${sizingTable}

## Capacity per gate

${capacityTable}

Tables: [sizing.csv](sizing.csv), [evaluations.csv](evaluations.csv). Wall time ${fix(since(t0), 1)} s.
`;
  const files = await writeNotebook(options.outDir, readme, {
    'sizing-curves.svg': curvesSvg,
    'gates-vs-flow.svg': flowSvg,
    'sizing.csv': sizingCsv,
    'evaluations.csv': evalCsv,
  });
  return { name: 'gate-sizing', outDir: options.outDir, files, readme, wallS: since(t0), scale: options.scale, replications, durationMin, flows, capacityPpm, transactionP50Ms, rows, evaluations };
}

