/**
 * The scenario schema (zod): one definition gives the types, the checks, the defaults, the help
 * texts and the JSON Schema (`tapsim schema`).
 *
 * Units. Quantities may be written with units as strings (`"35 mm"`, `"8 ms"`, `"13.56 MHz"`,
 * `"0 dBm"`); a bare number is in the unit each field's help names. In the resolved scenario:
 * times outside distributions are integer nanoseconds (TimeNs); times inside distributions are
 * SI seconds; lengths m; currents A; fields A/m; frequencies Hz; powers dBm.
 *
 * Marks. [S]/[E]/[U] cite domain/FACTS.md: every [E] or [U] number is a default here (DESIGN §4.12).
 *
 * The schema is built by `buildScenarioSchema(ctx)` because unit conversion and expression
 * compilation need mathjs, which load.ts loads lazily and passes in through `ctx`.
 */
import { z } from 'zod';
import { lognormalFromMedianPercentile, meanOf, type Distribution } from '../random/distributions.js';
import { DEFAULT_TAP_GESTURE } from '../motion/tap-gesture.js';
import type { Dimension, QuantityParser } from './units.js';
import type { RateFunctionResult } from './expression.js';

/** What the schema needs from the outside world (mathjs, behind two functions). */
export interface SchemaContext {
  quantity: QuantityParser;
  rateExpression(text: string): RateFunctionResult;
}

/** A context for building the schema only to describe it (JSON Schema): converts nothing. */
export const DESCRIBE_ONLY_CONTEXT: SchemaContext = {
  quantity: { parse: () => ({ ok: false, message: 'unit conversion is not available in this context' }) },
  rateExpression: () => ({ ok: false, message: 'expressions are not available in this context' }),
};

export const CARRIER_KINDS = ['nfc-phone', 'transit-card', 'emv-card', 'rcc-phone', 'dual-sim', 'qr'] as const;
export const FLOWS = ['qpboc', 'transit-epurse', 'mifare', 'qr'] as const;
export const AUTHORISATIONS = ['online', 'deferred', 'risk-based'] as const;
export const READER_BANDS = ['13.56MHz', '2.45GHz'] as const;
export const GATE_TYPES = ['flap', 'swing', 'tripod'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export type Flow = (typeof FLOWS)[number];
export type ReaderBand = (typeof READER_BANDS)[number];
export type CarrierBand = ReaderBand | 'optical';
export type GateType = (typeof GATE_TYPES)[number];

/** Bands each carrier kind can use (DESIGN §5). */
export const CARRIER_BANDS: Readonly<Record<CarrierKind, readonly CarrierBand[]>> = {
  'nfc-phone': ['13.56MHz'],
  'transit-card': ['13.56MHz'],
  'emv-card': ['13.56MHz'],
  'rcc-phone': ['2.45GHz'],
  'dual-sim': ['13.56MHz', '2.45GHz'],
  qr: ['optical'],
};
/** Default APDU flow per carrier kind (FACTS §10; 2.45 GHz stays closed-loop, FACTS §5 policy outcome). */
export const DEFAULT_FLOW: Readonly<Record<CarrierKind, Flow>> = {
  'nfc-phone': 'qpboc',
  'transit-card': 'transit-epurse',
  'emv-card': 'qpboc',
  'rcc-phone': 'transit-epurse',
  'dual-sim': 'transit-epurse',
  qr: 'qr',
};
/** Default 13.56 MHz coupling-area attenuation by kind, dB: phones 4 (0–10, 3–6 typical) [E] FACTS §4.2, calibrated to a ≈ 3.8 cm median read range; cards 0. */
export const DEFAULT_ATTENUATION_DB: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 4,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 4,
  'dual-sim': 4,
  qr: 0,
};
/** Per-handset spread of that attenuation, dB (σ): phones 2 [E], cards 0. */
export const DEFAULT_ATTENUATION_SPREAD_DB: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 2,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 2,
  'dual-sim': 2,
  qr: 0,
};
/** Resonance shift of the carrier's antenna by the phone's metal and battery, kHz: phones 200 [E] FACTS §4.2; cards 0. */
export const DEFAULT_DETUNING_KHZ: Readonly<Record<CarrierKind, number>> = {
  'nfc-phone': 200,
  'transit-card': 0,
  'emv-card': 0,
  'rcc-phone': 200,
  'dual-sim': 200,
  qr: 0,
};

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const id = (what: string) =>
  z
    .string()
    .regex(ID, { message: 'ids use letters, digits, "-", "_" and "." and start with a letter or digit' })
    .max(64)
    .describe(`${what} id (letters, digits, - _ .; unique among its siblings)`);

/** Largest arrival rate of one entrance (entries or exits), passengers/hour: 278 per second. */
export const MAX_RATE_PER_HOUR = 1_000_000;
/** Largest group of passengers arriving or leaving together. */
export const MAX_GROUP = 1000;
/** Most intervals of the gate and backend time series over a run. */
export const MAX_INTERVALS = 1_000_000;
/** Most points in a table (a rate table {at, perHour}, an empirical distribution). */
export const MAX_TABLE_POINTS = 100_000;
/** Largest time a scenario may give, s: whole nanoseconds below 2^53 (≈ 104 days). */
export const MAX_TIME_S = Math.floor(Number.MAX_SAFE_INTEGER / 1e9);

/** The error of a table's `.max(MAX_TABLE_POINTS)`: states the limit and the fix. */
const tableTooLong = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    `${Array.isArray(issue.input) ? issue.input.length : 'too many'} ${what}; a table has at most ${MAX_TABLE_POINTS} points: thin it (a longer step between points)${what === 'times' || what === 'rates' ? ', or give the rate as an expression' : ''}`,
});

export function buildScenarioSchema(ctx: SchemaContext) {
  const rawQuantity = z.union([z.number(), z.string()]);

  interface Range {
    min?: number;
    max?: number;
    /** Strictly greater than min. */
    exclusiveMin?: boolean;
    /** Strictly less than max. */
    exclusiveMax?: boolean;
  }
  const checkRange = (value: number, range: Range | undefined, unit: string, c: z.RefinementCtx): boolean => {
    if (range === undefined) return true;
    const shown = unit === '' ? String(value) : `${value} ${unit}`;
    if (range.min !== undefined && (range.exclusiveMin === true ? !(value > range.min) : !(value >= range.min))) {
      c.addIssue({ code: 'custom', message: `must be ${range.exclusiveMin === true ? '>' : '≥'} ${range.min}${unit === '' ? '' : ` ${unit}`} (got ${shown})` });
      return false;
    }
    if (range.max !== undefined && (range.exclusiveMax === true ? !(value < range.max) : !(value <= range.max))) {
      c.addIssue({ code: 'custom', message: `must be ${range.exclusiveMax === true ? '<' : '≤'} ${range.max}${unit === '' ? '' : ` ${unit}`} (got ${shown})` });
      return false;
    }
    return true;
  };
  const toSi = (v: number | string, dim: Dimension, c: z.RefinementCtx): number | undefined => {
    if (typeof v === 'number') return v;
    const r = ctx.quantity.parse(v, dim);
    if (!r.ok) {
      c.addIssue({ code: 'custom', message: r.message });
      return undefined;
    }
    return r.value;
  };

  /** A quantity resolved to its SI number (unit of `dim`). */
  const si = (dim: Dimension, help: string, range?: Range) =>
    rawQuantity
      .transform((v, c) => {
        const value = toSi(v, dim, c);
        if (value === undefined || !checkRange(value, range, dimUnit(dim), c)) return z.NEVER;
        return value;
      })
      .describe(help);

  /** A time resolved to integer nanoseconds (TimeNs); bare numbers are seconds. */
  const timeNs = (help: string, range?: Range) =>
    rawQuantity
      .transform((v, c) => {
        const seconds = toSi(v, 'time', c);
        if (seconds === undefined || !checkRange(seconds, range, 's', c)) return z.NEVER;
        const ns = Math.round(seconds * 1e9);
        if (!Number.isSafeInteger(ns)) {
          c.addIssue({ code: 'custom', message: `time ${seconds} s is out of range: times are whole nanoseconds and must lie within ±${MAX_TIME_S} s (≈ 104 days)` });
          return z.NEVER;
        }
        return ns;
      })
      .describe(`${help} Bare number = seconds; resolved to integer ns.`);

  const plain = (help: string, range?: Range) =>
    z
      .number()
      .superRefine((v, c) => {
        checkRange(v, range, '', c);
      })
      .describe(help);
  const count = (help: string, min: number, max: number) => z.number().int().min(min).max(max).describe(help);

  /** A distribution over quantities of `dim` (time: SI seconds). A bare quantity means constant. */
  const distribution = (dim: Dimension, help: string, options: { nonNegative?: boolean; atMost?: number } = {}) => {
    const q = (what: string) => si(dim, what);
    const unitNote = dim === 'time' ? 'seconds (resolved in SI seconds, not ns)' : dimUnit(dim) === '' ? 'plain numbers' : dimUnit(dim);
    const kinds = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('constant'), value: q('the value') }),
      z.strictObject({ kind: z.literal('uniform'), min: q('lower bound'), max: q('upper bound') }),
      z.strictObject({ kind: z.literal('exponential'), mean: q('mean (> 0)') }),
      z.strictObject({ kind: z.literal('normal'), mean: q('mean'), sd: q('standard deviation (≥ 0)'), min: q('truncate below (optional)').optional(), max: q('truncate above (optional)').optional() }),
      z.strictObject({
        kind: z.literal('lognormal'),
        mu: z.number().describe('mean of the underlying normal (log of the value in SI units); with sigma').optional(),
        sigma: z.number().describe('sd of the underlying normal; with mu').optional(),
        median: q('median; with p95 or p99').optional(),
        p95: q('95th percentile; with median').optional(),
        p99: q('99th percentile; with median').optional(),
      }),
      z.strictObject({ kind: z.literal('triangular'), min: q('lower bound'), mode: q('mode'), max: q('upper bound') }),
      z.strictObject({ kind: z.literal('gamma'), shape: z.number().describe('shape k (> 0)'), scale: q('scale θ (> 0)') }),
      z.strictObject({ kind: z.literal('weibull'), shape: z.number().describe('shape k (> 0)'), scale: q('scale λ (> 0)') }),
      z.strictObject({ kind: z.literal('erlang'), phases: z.number().int().min(1).describe('number of phases k ≥ 1'), mean: q('overall mean (> 0)') }),
      z.strictObject({
        kind: z.literal('empirical'),
        values: z.array(q('value')).min(2).max(MAX_TABLE_POINTS, tableTooLong('values')).describe('values, ascending'),
        cumulative: z.array(z.number()).min(2).max(MAX_TABLE_POINTS, tableTooLong('cumulative probabilities')).describe('cumulative probabilities, ascending from 0 to 1'),
      }),
    ]);
    return z
      .union([rawQuantity, kinds])
      .transform((v, c): Distribution => {
        const fail = (message: string): never => {
          c.addIssue({ code: 'custom', message });
          return z.NEVER as never;
        };
        let d: Distribution;
        if (typeof v === 'number' || typeof v === 'string') {
          const value = toSi(v, dim, c);
          if (value === undefined) return z.NEVER;
          d = { kind: 'constant', value };
        } else {
          switch (v.kind) {
            case 'constant':
              d = { kind: 'constant', value: v.value };
              break;
            case 'uniform':
              if (!(v.min <= v.max)) return fail(`uniform needs min ≤ max (got ${v.min}, ${v.max})`);
              d = { kind: 'uniform', min: v.min, max: v.max };
              break;
            case 'exponential':
              if (!(v.mean > 0)) return fail(`exponential needs mean > 0 (got ${v.mean})`);
              d = { kind: 'exponential', mean: v.mean };
              break;
            case 'normal':
              if (!(v.sd >= 0)) return fail(`normal needs sd ≥ 0 (got ${v.sd})`);
              if (v.min !== undefined && v.max !== undefined && !(v.min <= v.max)) return fail('normal needs min ≤ max');
              d = { kind: 'normal', mean: v.mean, sd: v.sd, ...(v.min === undefined ? {} : { min: v.min }), ...(v.max === undefined ? {} : { max: v.max }) };
              break;
            case 'lognormal': {
              const byMuSigma = v.mu !== undefined && v.sigma !== undefined && v.median === undefined && v.p95 === undefined && v.p99 === undefined;
              const byMedian = v.mu === undefined && v.sigma === undefined && v.median !== undefined && (v.p95 === undefined) !== (v.p99 === undefined);
              if (byMuSigma) {
                if (!(v.sigma! >= 0)) return fail(`lognormal needs sigma ≥ 0 (got ${v.sigma})`);
                d = { kind: 'lognormal', mu: v.mu!, sigma: v.sigma! };
              } else if (byMedian) {
                const pValue = (v.p95 ?? v.p99)!;
                if (!(v.median! > 0) || !(pValue > v.median!)) return fail(`lognormal needs 0 < median < ${v.p95 !== undefined ? 'p95' : 'p99'} (got ${v.median}, ${pValue})`);
                d = { kind: 'lognormal', ...lognormalFromMedianPercentile(v.median!, pValue, v.p95 !== undefined ? 0.95 : 0.99) };
              } else {
                return fail('lognormal takes either mu and sigma, or median with exactly one of p95 / p99');
              }
              break;
            }
            case 'triangular':
              if (!(v.min <= v.mode && v.mode <= v.max && v.min < v.max)) return fail(`triangular needs min ≤ mode ≤ max and min < max (got ${v.min}, ${v.mode}, ${v.max})`);
              d = { kind: 'triangular', min: v.min, mode: v.mode, max: v.max };
              break;
            case 'gamma':
            case 'weibull':
              if (!(v.shape > 0 && v.scale > 0)) return fail(`${v.kind} needs shape > 0 and scale > 0`);
              d = { kind: v.kind, shape: v.shape, scale: v.scale };
              break;
            case 'erlang':
              if (!(v.mean > 0)) return fail(`erlang needs mean > 0 (got ${v.mean})`);
              d = { kind: 'erlang', phases: v.phases, mean: v.mean };
              break;
            case 'empirical': {
              const { values, cumulative } = v;
              if (values.length !== cumulative.length) return fail('empirical needs as many cumulative probabilities as values');
              for (let i = 1; i < values.length; i++) {
                if (!((values[i] as number) >= (values[i - 1] as number))) return fail('empirical values must ascend');
                if (!((cumulative[i] as number) >= (cumulative[i - 1] as number))) return fail('empirical cumulative probabilities must ascend');
              }
              if (cumulative[0] !== 0 || cumulative[cumulative.length - 1] !== 1) return fail('empirical cumulative probabilities must run from 0 to 1');
              d = { kind: 'empirical', values, cumulative };
              break;
            }
          }
        }
        if (options.nonNegative === true) {
          const low = lowerBound(d);
          if (low < 0) return fail(`must not go below 0 (lower bound ${low})`);
        }
        if (options.atMost !== undefined) {
          const high = upperBound(d);
          if (!(high.value <= options.atMost)) return fail(`must stay at most ${options.atMost} (${high.what} ${high.value})`);
        }
        return d;
      })
      .describe(`${help} A distribution: a bare quantity (constant) or {kind: constant|uniform|exponential|normal|lognormal|triangular|gamma|weibull|erlang|empirical, …}; values in ${unitNote}.`);
  };
  type DistIn = z.input<ReturnType<typeof distribution>>;
  const asInput = (d: Distribution): DistIn => d as unknown as DistIn;

  // ---------------------------------------------------------------- carriers
  const gestureSchema = z
    .strictObject({
      startHeightM: si('length', 'Height above the reader where the approach starts, m.', { min: 0 }).prefault(DEFAULT_TAP_GESTURE.startHeightM),
      approachSpeedMPerS: distribution('speed', 'Approach speed, m/s. [E] FACTS §10.2/§4.1.').prefault(asInput(DEFAULT_TAP_GESTURE.approachSpeedMPerS)),
      dwellHeightM: distribution('length', 'Closest height reached and held, m. [E] FACTS §4.1 (EMVCo volume 0–4 cm).').prefault(asInput(DEFAULT_TAP_GESTURE.dwellHeightM)),
      lateralOffsetM: distribution('length', 'Lateral offset of the carrier antenna from the reader axis, m. [E] FACTS §4.1.').prefault(asInput(DEFAULT_TAP_GESTURE.lateralOffsetM)),
      tiltDeg: distribution('angle', 'Tilt against the reader plane, degrees. [E].').prefault(asInput(DEFAULT_TAP_GESTURE.tiltDeg)),
      holdS: distribution('time', 'Time held at the dwell height, s. [E] FACTS §10.2 (a deliberate tap holds ≈ 0.3–1 s).').prefault(asInput(DEFAULT_TAP_GESTURE.holdS)),
      retreatSpeedMPerS: distribution('speed', 'Retreat speed, m/s. [E].').prefault(asInput(DEFAULT_TAP_GESTURE.retreatSpeedMPerS)),
    })
    .describe('Tap gesture (approach, dwell, retreat); defaults from src/motion/tap-gesture.ts, all [E].');

  const carrierSchema = z
    .strictObject({
      id: id('Carrier'),
      kind: z.enum(CARRIER_KINDS).describe('Carrier type: NFC phone (HCE/SIM/eSE), transit card, EMV bank card, RF-SIM phone (2.45 GHz RCC), dual-band SIM, QR code (optical).'),
      share: plain('Share of the population carrying this carrier, 0..1; the shares of all carriers sum to 1.', { min: 0, max: 1 }),
      flow: z.enum(FLOWS).optional().describe('APDU flow (FACTS §10). Default by kind: emv-card/nfc-phone qpboc, transit-card/rcc-phone/dual-sim transit-epurse, qr qr.'),
      authorisation: z.enum(AUTHORISATIONS).default('deferred').describe('Host authorisation mode. Default deferred: transit validators never block the gate on the host [E] FACTS §9.2.'),
      attenuationDb: plain('13.56 MHz coupling-area attenuation of the phone body, dB. Default by kind: phones 4, cards 0 [E] FACTS §4.2 (0–10 dB, 3–6 typical).', { min: 0, max: 40 }).optional(),
      attenuationSpreadDb: plain('Standard deviation of attenuationDb across handsets, dB. Default by kind: phones 2, cards 0 [E] (no FACTS value).', { min: 0 }).optional(),
      detuningKHz: plain('13.56 MHz resonance shift by the phone body, kHz. Default by kind: phones 200, cards 0 [E] FACTS §4.2.', { min: 0, max: 5000 }).optional(),
      cardType: z.enum(['A', 'B']).default('A').describe('ISO/IEC 14443 type of the carrier (FACTS §2.1/§2.2).'),
      qrScanFailure: plain('Probability that one QR scan fails (glare, cracked screen) [E] (no FACTS value).', { min: 0, max: 1 }).default(0.03),
      bodyLossDb: plain('2.45 GHz body loss, phone in hand or pocket, mean dB [E] FACTS §7.5 / §11 #7 (3–10 dB).', { min: 0 }).default(6.5),
      bodyLossSpreadDb: plain('2.45 GHz body loss standard deviation, dB [E] FACTS §7.5 (σ 3–5 dB).', { min: 0 }).default(4),
      lfAttenuationSpreadDb: plain('Per-handset LF attenuation spread for RCC distance control, dB: N(0, σ) [E] FACTS §6.4 / §11 #3d.', { min: 0 }).default(3),
      gesture: gestureSchema.prefault({}),
    })
    .transform((c) => ({
      ...c,
      bands: CARRIER_BANDS[c.kind],
      flow: c.flow ?? DEFAULT_FLOW[c.kind],
      attenuationDb: c.attenuationDb ?? DEFAULT_ATTENUATION_DB[c.kind],
      attenuationSpreadDb: c.attenuationSpreadDb ?? DEFAULT_ATTENUATION_SPREAD_DB[c.kind],
      detuningKHz: c.detuningKHz ?? DEFAULT_DETUNING_KHZ[c.kind],
    }))
    .describe('One kind of carrier in the passenger population.');

  // ---------------------------------------------------------------- readers
  const nfcSchema = z
    .strictObject({
      antennaRadius: si('length', 'Circular reader loop radius, m: 50 mm [E] FACTS §3.1 (a ≈ read distance; calibrated so an ID-1 card reads to ≈ 7 cm, src/physics/nfc-link-budget.ts).', { min: 0, exclusiveMin: true }).prefault('50 mm'),
      driveCurrent: si('current', 'Loop drive N·I, A·turns: 0.75 A [E] — 7.5 A/m (Class 1 Hmax, FACTS §1.2) at the loop centre.', { min: 0, exclusiveMin: true }).prefault('0.75 A'),
      turns: count('Reader loop turns [E] FACTS §3.2 example: 2.', 1, 100).default(2),
      inductance: si('inductance', 'Reader loop inductance, H: 1 µH [E] FACTS §3.2 example.', { min: 0, exclusiveMin: true }).prefault('1 uH'),
      noise: si('voltage', 'Receiver noise referred to the antenna, V rms in the subcarrier bandwidth: 12 mV [E], calibrated so a median phone reads to ≈ 3.8 cm (FACTS §4.1/§4.2).', { min: 0, exclusiveMin: true }).prefault('12 mV'),
      transactionTimeout: timeNs('Reader gives up this long after the first poll [E] (FACTS §5: transit budgets 300–400 ms, qPBOC ≤ 600 ms).', { min: 0, exclusiveMin: true }).prefault('1 s'),
      typeBSlots: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).default(4).describe('Type B anticollision slots N = 2^n [E] FACTS §2.2.'),
      bitRateKbps: z.union([z.literal(106), z.literal(212), z.literal(424), z.literal(848)]).default(106).describe('Bit rate used after activation, kbit/s (FACTS §1.1).'),
    })
    .describe('13.56 MHz reader parameters (ISO/IEC 14443), defaults from the calibrated gate reader.');
  const rccSchema = z
    .strictObject({
      lfControl: z.boolean().default(true).describe('Use the LF magnetic channel for distance control (FACTS §6.2).'),
      lfFrequency: si('frequency', 'LF distance-control frequency, Hz: 2 kHz, range 0.5–10 kHz [E] FACTS §6.3 / §11 #3a.', { min: 0, exclusiveMin: true }).prefault('2 kHz'),
      triggerDistance: si('length', 'Nominal on-axis LF start distance (threshold T1) x0, m [E] (FACTS §6.4 example: 5 cm; §11 #3b: no sourced value).', { min: 0, exclusiveMin: true }).prefault('5 cm'),
      abortDistance: si('length', 'Nominal on-axis distance of the abort threshold T3, m (≥ triggerDistance) [E] (no sourced value, FACTS §11 #3b).', { min: 0, exclusiveMin: true }).prefault('7 cm'),
      hearDistance: si('length', 'Nominal on-axis distance of the hear-the-reader-id threshold T2, m (≥ abortDistance) [E] (no sourced value, FACTS §11 #3b).', { min: 0, exclusiveMin: true }).prefault('10 cm'),
      rssiStartThresholdDbm: si('power', 'Without LF control: start when the 2.45 GHz RSSI ≥ this, dBm [E] (no FACTS value; −30 dBm ≈ 15 cm in hand).').prefault('-30 dBm'),
      lfCoilRadius: si('length', 'LF coil radius, m [E] (FACTS §6.4 example: 2 cm).', { min: 0, exclusiveMin: true }).prefault('2 cm'),
      txPowerDbm: si('power', 'RF transmit power, dBm: 0 dBm [E] FACTS §6.3 / §11 #3c.').prefault('0 dBm'),
      rxSensitivityDbm: si('power', 'RF receiver sensitivity, dBm: −85 dBm [E] FACTS §6.3 / §11 #3c.').prefault('-85 dBm'),
      dataRateBps: plain('RF data rate, bit/s: GFSK 1 Mbit/s [E] FACTS §6.3.', { min: 0, exclusiveMin: true }).default(1e6),
      lfBeaconPeriod: timeNs('Period of the LF beacon that carries the reader id, ≥ 1 ms [E] (no FACTS value).', { min: 0.001 }).prefault('100 ms'),
      multiTargetPolicy: z.enum(['refuse-retry', 'pick-random']).default('refuse-retry').describe('More than one LF-qualified target: refuse and retry [E] FACTS §6.5 / §11 #3e, or pick one at random (the YD/T 2772 "multi-target collision").'),
      mac: z.enum(['csma', 'aloha']).default('csma').describe('Co-channel access between readers on 2.4 GHz [E] FACTS §6.5 / §11 #3e.'),
    })
    .describe('2.45 GHz RCC reader parameters.');
  const readerSchema = z
    .strictObject({
      id: id('Reader'),
      bands: z
        .array(z.enum(READER_BANDS))
        .min(1)
        .max(2)
        .superRefine((b, c) => {
          if (new Set(b).size !== b.length) c.addIssue({ code: 'custom', message: 'a band is listed twice' });
        })
        .describe('Bands the reader serves: 13.56MHz, 2.45GHz, or both (GB/T 33742 dual reader, FACTS §6.1).'),
      policy: z.enum(['emv', 'transit']).default('emv').describe('13.56 MHz multi-card policy: emv = no transaction with > 1 card [U] FACTS §2.3; transit = resolve ≥ 4 cards in turn (DB31/T 239 [S] FACTS §2.3).'),
      pollingPeriod: timeNs('13.56 MHz time between polls (≥ the 5.1 ms field-on guard time [S] FACTS §1.2): 20 ms [E].', { min: 0.0051 }).prefault('20 ms'),
      nfc: nfcSchema.optional(),
      rcc: rccSchema.optional(),
      dualBandPreference: z.enum(READER_BANDS).default('13.56MHz').describe('Band tried first when a dual-band carrier meets a dual-band reader.'),
    })
    .transform((r) => {
      const hasNfc = r.bands.includes('13.56MHz');
      const hasRcc = r.bands.includes('2.45GHz');
      // Parameters of a band the reader does not serve are kept in the file but unused, so that
      // `--set readers.0.bands=[13.56MHz]` and `tapsim compare --bands` can switch bands.
      return {
        ...r,
        nfc: hasNfc ? (r.nfc ?? nfcSchema.parse({})) : null,
        rcc: hasRcc ? (r.rcc ?? rccSchema.parse({})) : null,
      };
    })
    .describe('A reader configuration, referenced by gatelines.');

  // ---------------------------------------------------------------- gates
  interface GatePreset {
    openTime: string;
    passageTime: DistIn;
    minCycle: string;
    relockTime: DistIn;
    serialHeadway: string;
    nominalPerHour: number;
  }
  const gateFields = (p: GatePreset, type: string) => ({
    model: z.enum(['overlap', 'serial']).default('overlap').describe(`Gate cycle model (${type}), FACTS §8.3: overlap = the next passenger taps while the previous walks through, openings ≥ minCycle apart; serial = headway h0 + tap.`),
    openTime: timeNs(`Time from a valid tap to the gate being open (${type}) [E] (no FACTS value).`, { min: 0 }).prefault(p.openTime),
    passageTime: distribution('time', `Time for a passenger to walk through the open gate (${type}); [E] FACTS §8.3 (t_walk = 1.2 s).`, { nonNegative: true }).prefault(p.passageTime),
    minCycle: timeNs(`Minimum gate cycle between two passengers (${type}); [E] FACTS §8.3 (t_cycle = 1.6 s for flaps).`, { min: 0 }).prefault(p.minCycle),
    relockTime: distribution('time', `Re-lock time after passage (${type}); flap 0.3–1.0 s [S-weak] FACTS §8.1 (S70), the range as a uniform default.`, { nonNegative: true }).prefault(p.relockTime),
    serialHeadway: timeNs(`Human + mechanical headway of the serial model h0 (${type}); 1.4 s [E] FACTS §8.3.`, { min: 0 }).prefault(p.serialHeadway),
    nominalPerHour: plain(`Nominal capacity, passengers/hour (${type}); flap 1800, tripod 1200 [U] FACTS §8.1 / §11 #6. For reports only.`, { min: 0 }).default(p.nominalPerHour),
  });
  const PRESETS: Record<GateType, GatePreset> = {
    flap: { openTime: '0.3 s', passageTime: { kind: 'lognormal', median: '1.2 s', p95: '2 s' }, minCycle: '1.6 s', relockTime: { kind: 'uniform', min: '0.3 s', max: '1 s' }, serialHeadway: '1.4 s', nominalPerHour: 1800 },
    swing: { openTime: '0.5 s', passageTime: { kind: 'lognormal', median: '1.4 s', p95: '2.4 s' }, minCycle: '1.8 s', relockTime: { kind: 'uniform', min: '0.5 s', max: '1.2 s' }, serialHeadway: '1.6 s', nominalPerHour: 1500 },
    tripod: { openTime: '0.1 s', passageTime: { kind: 'lognormal', median: '1.8 s', p95: '3 s' }, minCycle: '3 s', relockTime: { kind: 'constant', value: '0.2 s' }, serialHeadway: '2 s', nominalPerHour: 1200 },
  };
  const gateTypeSchema = (type: GateType) => z.strictObject(gateFields(PRESETS[type], type)).describe(`Parameters of ${type} gates (all [E]/[U] defaults, FACTS §8).`);
  const partialGate = z
    .strictObject(
      Object.fromEntries(Object.entries(gateFields(PRESETS.flap, 'override')).map(([k, v]) => [k, v.unwrap().optional()])) as {
        [K in keyof ReturnType<typeof gateFields>]: z.ZodOptional<ReturnType<ReturnType<typeof gateFields>[K]['unwrap']>>;
      },
    )
    .describe('Overrides of the gate type parameters for this gateline only.');

  // ---------------------------------------------------------------- stations
  const rateSchema = z
    .union([
      z.number().min(0).describe('constant rate, passengers/hour'),
      z.string().describe('mathjs expression in t (a time), passengers/hour, e.g. "2500 + 9000*exp(-((t - 1.5 h)/(35 min))^2)"'),
      z
        .strictObject({
          at: z.array(si('time', 'time of the point (bare number = seconds)', { min: 0 })).min(1).max(MAX_TABLE_POINTS, tableTooLong('times')).describe('times, ascending'),
          perHour: z.array(z.number().min(0)).min(1).max(MAX_TABLE_POINTS, tableTooLong('rates')).describe('rates at those times, passengers/hour'),
        })
        .describe('table: piecewise linear between points, held constant before the first and after the last'),
    ])
    .transform((v, c): { source: string; rateAt: (tS: number) => number } => {
      if (typeof v === 'number') return { source: String(v), rateAt: () => v };
      if (typeof v === 'string') {
        const r = ctx.rateExpression(v);
        if (!r.ok) {
          c.addIssue({ code: 'custom', message: r.message + (r.hint === undefined ? '' : ` (did you mean ${r.hint}?)`) });
          return z.NEVER;
        }
        return { source: v, rateAt: r.rateAt };
      }
      const { at, perHour } = v;
      if (at.length !== perHour.length) {
        c.addIssue({ code: 'custom', message: `table has ${at.length} times but ${perHour.length} rates` });
        return z.NEVER;
      }
      for (let i = 1; i < at.length; i++) {
        if (!((at[i] as number) > (at[i - 1] as number))) {
          c.addIssue({ code: 'custom', path: ['at', i], message: 'times must strictly ascend' });
          return z.NEVER;
        }
      }
      return { source: 'table', rateAt: (tS) => interpolate(at, perHour, tS) };
    })
    .describe('Arrival rate, passengers/hour: a number, a mathjs expression in t, or a table {at, perHour}. Sampled into a per-step table before the run.');

  const demandSchema = z
    .strictObject({
      rate: rateSchema,
      step: timeNs('Step of the sampled rate table.', { min: 0.001, max: 86400 }).prefault('1 min'),
      groupSize: distribution('dimensionless', `Passengers arriving together (rounded, ≥ 1; at most ${MAX_GROUP}) [E].`, { nonNegative: true, atMost: MAX_GROUP }).prefault(1),
      exitRate: rateSchema.optional().describe('Exit flow through this entrance, passengers/hour (number, expression in t, or table): passengers leaving the station tap out at gatelines with direction out or both. Default: no exits.'),
      exitGroupSize: distribution('dimensionless', `Passengers leaving together, e.g. a platoon from one train door (rounded, ≥ 1; at most ${MAX_GROUP}) [E].`, { nonNegative: true, atMost: MAX_GROUP }).prefault(1),
      carrierMix: z
        .array(z.strictObject({ carrier: z.string().describe('carrier id'), share: plain('share 0..1', { min: 0, max: 1 }) }))
        .optional()
        .describe('Carrier shares at this entrance, overriding the population shares; must sum to 1.'),
    })
    .describe('Demand at an entrance.');

  const gatelineSchema = z
    .strictObject({
      id: id('Gateline'),
      gates: count('Number of gates in the line.', 1, 500),
      pitch: si('length', 'Gate pitch (centre to centre), m: ≈ 0.6 m [E] FACTS §6.5.', { min: 0, exclusiveMin: true }).prefault('0.6 m'),
      reader: z.string().describe('Reader id (from readers) fitted to every gate of the line.'),
      gateType: z.enum(GATE_TYPES).default('flap').describe('Gate type; its parameters come from gateTypes, overridable per line by gate.'),
      gate: partialGate.optional(),
      direction: z.enum(['in', 'out', 'both']).default('in').describe('Direction the gates serve.'),
      choice: z.enum(['shortest-queue', 'nearest', 'random', 'sticky']).default('shortest-queue').describe('How a passenger picks a gate.'),
      balkQueueLength: count('Queue length at which an arriving passenger balks to another line [E].', 0, 100000).default(25),
      queueAreaM2: plain('Queue area in front of the line, m² [E].', { min: 0, exclusiveMin: true }).default(15),
    })
    .describe('A line of identical gates.');

  const entranceSchema = z
    .strictObject({
      id: id('Entrance'),
      demand: demandSchema,
      walkTime: distribution('time', 'Walk from the entrance to the gateline, s [E].', { nonNegative: true }).prefault({ kind: 'lognormal', median: '10 s', p95: '25 s' }),
      gatelines: z.array(gatelineSchema).min(1).describe('Gatelines reachable from this entrance.'),
    })
    .describe('An entrance with its demand and gatelines.');

  const stationSchema = z
    .strictObject({
      id: id('Station'),
      name: z.string().max(200).optional().describe('Display name.'),
      copies: count('Number of identical stations this entry stands for (city presets); copies get ids "<id>-001", "<id>-002", … and independent random streams.', 1, 10000).default(1),
      entrances: z.array(entranceSchema).min(1).describe('Entrances of the station.'),
    })
    .describe('A station.');

  // ---------------------------------------------------------------- backend etc.
  const hostFields = {
    servers: count('Host servers c (concurrent authorisations) [E] (FACTS §9 gives no count).', 1, 1e7).default(2000),
    serviceTime: distribution('time', 'Host authorisation time, s: median 200 ms, σ_ln 0.5 (mean 227 ms ≈ UnionPay 220 ms [S] S77) [E] FACTS §9.2.', { nonNegative: true }).prefault({ kind: 'lognormal', mu: Math.log(0.2), sigma: 0.5 }),
    queueCap: count('Requests the host queues before refusing (overload) [E].', 0, 1e9).default(100000),
    kneeUtilisation: plain('Utilisation above which service slows [E].', { min: 0, max: 1 }).default(0.8),
    slowdownSlope: plain('Slowdown: service × (1 + slope·(u − knee)) above the knee [E].', { min: 0 }).default(2),
    declineProbability: plain('Probability the issuer declines [E] (FACTS §9 gives none).', { min: 0, max: 1 }).default(0),
  };
  const channelSchema = z
    .strictObject({ id: id('Channel'), share: plain('Share of requests routed to this channel (normalised).', { min: 0 }).default(1), ...hostFields })
    .describe('A payment channel behind the router: its own host (M/G/c) with latency and capacity.');
  const backendSchema = z
    .strictObject({
      link: z
        .strictObject({
          kind: z.enum(['fibre', '4g', '5g-backhaul']).default('fibre').describe('Station ↔ host link preset: fibre median RTT 10 ms, 4G 50 ms, 5G backhaul 20 ms [E] FACTS §9.1 (S87, S88).'),
          rtt: distribution('time', 'Round-trip time override, s (default: the preset).', { nonNegative: true }).optional(),
          loss: plain('Loss probability per transmission override, 0 ≤ loss < 1 (default: the preset, fibre 1e-4, 4G 1e-2) [E].', { min: 0, max: 1, exclusiveMax: true }).optional(),
          outages: z
            .array(z.strictObject({ at: timeNs('Outage start (simulation time).', { min: 0 }), duration: timeNs('Outage length.', { min: 0, exclusiveMin: true }) }))
            .default([])
            .describe('Link outages: every message sent inside one is lost (the terminal times out).'),
        })
        .prefault({})
        .describe('Network between stations/POS and the host.'),
      terminal: z
        .strictObject({
          timeout: timeNs('Terminal wait per online attempt: 1 s [E] FACTS §9.2 (transit cannot wait; POS issuer limit 10 s [S] S76).', { min: 0, exclusiveMin: true }).prefault('1 s'),
          maxRetries: count('Retries after the first attempt [E].', 0, 10).default(1),
          retryBackoff: timeNs('Wait before the first retry [E].', { min: 0 }).prefault('100 ms'),
          fallback: z.enum(['accept-offline', 'deny']).default('accept-offline').describe('After the final timeout: accept offline under the floor limit, or deny [E] FACTS §9.2.'),
          floorLimitCents: plain('Offline acceptance limit, cents [E].', { min: 0 }).default(1000),
          localCheck: distribution('time', 'Local (PSAM / list) check of a deferred approval, s [E].', { nonNegative: true }).prefault('5 ms'),
        })
        .prefault({})
        .describe('The terminal (gate or POS) side of authorisation.'),
      risk: z
        .strictObject({
          onlineAboveCents: plain('Risk-based mode goes online above this value, cents [E].', { min: 0 }).default(2000),
          sampleProbability: plain('…and at or below it with this probability [E].', { min: 0, max: 1 }).default(0.05),
        })
        .prefault({})
        .describe('Risk-based authorisation.'),
      fep: z
        .strictObject({
          servers: count('Front-end processor servers per station [E].', 1, 10000).default(4),
          serviceTime: distribution('time', 'FEP time per message, s [E].', { nonNegative: true }).prefault({ kind: 'exponential', mean: 0.002 }),
          queueCap: count('Messages the FEP queues [E].', 0, 1e9).default(1000),
          batchInterval: timeNs('Deferred-record upload interval, ≥ 1 ms [E] (FACTS §9.1: records upload in batch [S] S89, period unsourced).', { min: 0.001 }).prefault('60 s'),
          maxBatchRecords: count('Most records in one upload [E].', 1, 1e9).default(10000),
        })
        .prefault({})
        .describe('Front-end processor (concentrator) per station.'),
      channels: z.array(channelSchema).min(1).prefault([{ id: 'acquirer' }]).describe('Hosts behind the payment router (retail: bank card network, wallets). Default: one acquirer/transit host.'),
      valueCents: distribution('dimensionless', 'Value of one transaction, cents (transit fare ¥3 = 300) [E].', { nonNegative: true }).prefault(300),
    })
    .describe('Payment backend. The authorisation mode is per carrier (carriers[].authorisation).');

  const root = z
    .strictObject({
      $schema: z.string().optional().describe('JSON Schema reference (ignored).'),
      extends: z.string().optional().describe('Path of a scenario this one extends, relative to this file; maps merge, lists and values replace.'),
      name: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, { message: 'name must be a slug: letters, digits, "-", "_", "." (no "/", no spaces), starting with a letter or digit' })
        .refine((n) => !n.includes('..'), { message: 'name must not contain ".."' })
        .describe('Scenario name; names the results folder results/<name>/.'),
      description: z.string().default('').describe('What question the scenario answers.'),
      seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1).describe('Master random seed (integer ≥ 0).'),
      duration: timeNs('Simulated time.', { min: 0, exclusiveMin: true }),
      warmup: timeNs('Warm-up excluded from statistics.', { min: 0 }).prefault(0),
      replications: count('Independent replications.', 1, 10000).default(1),
      carriers: z.array(carrierSchema).min(1).describe('The passenger population by carrier; shares sum to 1.'),
      readers: z.array(readerSchema).min(1).describe('Reader configurations.'),
      gateTypes: z
        .strictObject({ flap: gateTypeSchema('flap').prefault({}), swing: gateTypeSchema('swing').prefault({}), tripod: gateTypeSchema('tripod').prefault({}) })
        .prefault({})
        .describe('Gate type presets (FACTS §8), overridable here for the whole scenario.'),
      stations: z.array(stationSchema).min(1).describe('Stations.'),
      network: z
        .strictObject({
          lines: z
            .array(z.strictObject({ id: id('Line'), stations: z.array(z.string()).min(2).describe('Station ids in order along the line.') }))
            .default([])
            .describe('Metro lines through the stations.'),
        })
        .prefault({})
        .describe('Lines of stations (metro-line scenarios).'),
      retry: z
        .strictObject({
          maxTaps: count('Tap attempts before falling back [E] (cf. ISO-DEP retransmit count 2 [S] FACTS §9.1).', 1, 20).default(3),
          representDelay: distribution('time', 'Delay before re-presenting after a failed tap, s [E].', { nonNegative: true }).prefault({ kind: 'lognormal', median: '1 s', p95: '3 s' }),
          fallback: z.enum(['other-gate', 'qr', 'service-desk']).default('other-gate').describe('What a passenger does after maxTaps failures.'),
        })
        .prefault({})
        .describe('Retries after a failed tap.'),
      backend: backendSchema.prefault({}),
      outputs: z
        .strictObject({
          transactions: z.boolean().default(true).describe('Write transactions.csv (one row per tap attempt).'),
          interval: timeNs(`Interval of the gate and backend time series (at most ${MAX_INTERVALS} intervals over the duration).`, { min: 0, exclusiveMin: true }).prefault('1 min'),
        })
        .prefault({})
        .describe('What the run writes.'),
    })
    .transform((s, c) => {
      if (s.warmup >= s.duration) c.addIssue({ code: 'custom', path: ['warmup'], message: 'warmup must be shorter than duration' });
      const intervals = Math.ceil(s.duration / s.outputs.interval);
      if (intervals > MAX_INTERVALS) c.addIssue({ code: 'custom', path: ['outputs', 'interval'], message: `gives ${intervals} intervals over the duration; at most ${MAX_INTERVALS}: use a longer interval` });
      const stations = s.stations.map((st, i) => ({
        ...st,
        name: st.name ?? st.id,
        entrances: st.entrances.map((en, j) => {
          const { rate, exitRate, ...demandRest } = en.demand;
          const sampled = sampleRate(rate.rateAt, s.duration, demandRest.step, (message) =>
            c.addIssue({ code: 'custom', path: ['stations', i, 'entrances', j, 'demand', 'rate'], message }),
          );
          const exits =
            exitRate === undefined
              ? null
              : sampleRate(exitRate.rateAt, s.duration, demandRest.step, (message) =>
                  c.addIssue({ code: 'custom', path: ['stations', i, 'entrances', j, 'demand', 'exitRate'], message }),
                );
          return {
            ...en,
            demand: {
              ...demandRest,
              carrierMix: demandRest.carrierMix ?? null,
              source: rate.source,
              ...sampled,
              exitSource: exitRate?.source ?? null,
              exitRatesPerHour: exits?.ratesPerHour ?? [],
              expectedExits: exits?.expectedPassengers ?? 0,
            },
            gatelines: en.gatelines.map((gl) => {
              const { gate, ...line } = gl;
              const preset = s.gateTypes[gl.gateType];
              const merged = { ...preset };
              if (gate !== undefined) {
                for (const [key, value] of Object.entries(gate)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
              }
              return { ...line, gate: merged };
            }),
          };
        }),
      }));
      const { $schema: _schema, extends: _extends, ...rest } = s;
      const expanded = stations.flatMap(({ copies, ...st }) =>
        copies === 1 ? [st] : Array.from({ length: copies }, (_, k) => ({ ...st, id: `${st.id}-${String(k + 1).padStart(3, '0')}`, name: `${st.name} ${k + 1}` })),
      );
      return { ...rest, stations: expanded };
    })
    .describe('A tapsim scenario.');
  return root;
}

/** The schema type (for JSON Schema generation and key lookup). */
export type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * The resolved scenario: every default filled, times in integer ns (TimeNs) outside
 * distributions and SI seconds inside them, demand rates sampled into tables, gate parameters
 * merged per gateline, deep-frozen. Plain data only (it crosses worker boundaries).
 */
export type ResolvedScenario = DeepReadonly<z.output<ScenarioSchema>>;
export type ResolvedCarrier = ResolvedScenario['carriers'][number];
export type ResolvedReader = ResolvedScenario['readers'][number];
export type ResolvedStation = ResolvedScenario['stations'][number];
export type ResolvedEntrance = ResolvedStation['entrances'][number];
export type ResolvedDemand = ResolvedEntrance['demand'];
export type ResolvedGateline = ResolvedEntrance['gatelines'][number];
export type GateParams = ResolvedGateline['gate'];
/** Input shape of a scenario file (before defaults and unit conversion). */
export type ScenarioInput = z.input<ScenarioSchema>;

/** Upper bound on rate-table length (guards a tiny step over a long duration). */
export const MAX_RATE_SAMPLES = 1_000_000;

/**
 * Sample a rate function (passengers/hour, t in s) at the middle of each step over [0, duration).
 * ratesPerHour[i] holds for [i·step, (i+1)·step). expectedPassengers = Σ rate·step.
 */
export function sampleRate(
  rateAt: (tS: number) => number,
  durationNs: number,
  stepNs: number,
  report: (message: string) => void,
): { stepNs: number; ratesPerHour: number[]; expectedPassengers: number } {
  const steps = Math.ceil(durationNs / stepNs);
  if (!(steps <= MAX_RATE_SAMPLES)) {
    report(`demand step gives ${steps} samples over the duration (max ${MAX_RATE_SAMPLES}); use a longer step`);
    return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
  }
  const ratesPerHour: number[] = [];
  let expected = 0;
  for (let i = 0; i < steps; i++) {
    const tS = ((i + 0.5) * stepNs) / 1e9;
    let value: number;
    try {
      value = rateAt(tS);
    } catch (error) {
      report(error instanceof Error ? error.message : String(error));
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    if (!Number.isFinite(value) || value < 0) {
      report(`rate is ${value} at t = ${tS} s; it must be a finite number ≥ 0 passengers/hour`);
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    if (value > MAX_RATE_PER_HOUR) {
      report(`rate is ${value} passengers/hour at t = ${tS} s; one entrance takes at most ${MAX_RATE_PER_HOUR} per hour (278 per second): spread the demand over more entrances`);
      return { stepNs, ratesPerHour: [], expectedPassengers: 0 };
    }
    ratesPerHour.push(value);
    expected += (value * Math.min(stepNs, durationNs - i * stepNs)) / 3.6e12;
  }
  return { stepNs, ratesPerHour, expectedPassengers: expected };
}

/** Piecewise-linear interpolation, constant outside the points (`at` ascending; binary search). */
export function interpolate(at: readonly number[], values: readonly number[], x: number): number {
  const n = at.length;
  if (x <= (at[0] as number)) return values[0] as number;
  if (x >= (at[n - 1] as number)) return values[n - 1] as number;
  // The first i ≥ 1 with at[i] ≥ x.
  let lo = 1;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  const x0 = at[i - 1] as number;
  const x1 = at[i] as number;
  const y0 = values[i - 1] as number;
  const y1 = values[i] as number;
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

function dimUnit(dim: Dimension): string {
  switch (dim) {
    case 'time':
      return 's';
    case 'length':
      return 'm';
    case 'current':
      return 'A';
    case 'field':
      return 'A/m';
    case 'frequency':
      return 'Hz';
    case 'power':
      return 'dBm';
    case 'speed':
      return 'm/s';
    case 'angle':
      return 'deg';
    case 'voltage':
      return 'V';
    case 'inductance':
      return 'H';
    case 'dimensionless':
      return '';
  }
}

/** The largest value `d` can give, or its mean where it has no largest value. */
function upperBound(d: Distribution): { what: string; value: number } {
  switch (d.kind) {
    case 'constant':
      return { what: 'value', value: d.value };
    case 'uniform':
    case 'triangular':
      return { what: 'upper bound', value: d.max };
    case 'empirical':
      return { what: 'upper bound', value: d.values[d.values.length - 1] ?? 0 };
    case 'normal':
      return d.max === undefined ? { what: 'mean', value: d.mean } : { what: 'upper bound', value: d.max };
    default:
      return { what: 'mean', value: meanOf(d) };
  }
}

function lowerBound(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.min;
    case 'empirical':
      return d.values[0] ?? 0;
    case 'normal':
      return d.min ?? 0;
    default:
      return 0;
  }
}

/**
 * Cross-field rules checked on the raw (merged, un-converted) document, so that they are
 * reported together with field errors: carrier shares sum to 1 (within 1e-9), unique ids (backend channels too),
 * gatelines reference defined readers, carrier mixes reference defined carriers and sum to 1,
 * lines reference defined stations. Tolerates malformed input (field errors come from zod).
 */
export function crossCheck(raw: unknown): Array<{ path: Array<string | number>; message: string; hint?: string }> {
  const issues: Array<{ path: Array<string | number>; message: string; hint?: string }> = [];
  const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const idsOf = (list: unknown[], path: Array<string | number>, what: string): string[] => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const itemId = obj(item)?.['id'];
      if (typeof itemId !== 'string') return;
      const first = seen.get(itemId);
      if (first !== undefined) issues.push({ path: [...path, i, 'id'], message: `duplicate ${what} id "${itemId}" (first at ${path.join('.')}.${first})` });
      else seen.set(itemId, i);
    });
    return [...seen.keys()];
  };
  const sharesSumToOne = (shares: unknown[], path: Array<string | number>, what: string): void => {
    if (shares.length === 0 || !shares.every((s) => typeof s === 'number' && Number.isFinite(s))) return;
    const sum = (shares as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) issues.push({ path, message: `${what} shares sum to ${sum}, not 1 (within 1e-9)` });
  };
  const root = obj(raw);
  if (root === undefined) return issues;
  const carriers = arr(root['carriers']);
  const carrierIds = idsOf(carriers, ['carriers'], 'carrier');
  sharesSumToOne(carriers.map((c) => obj(c)?.['share']), ['carriers'], 'carrier');
  const readerIds = idsOf(arr(root['readers']), ['readers'], 'reader');
  idsOf(arr(obj(root['backend'])?.['channels']), ['backend', 'channels'], 'channel');
  const stations = arr(root['stations']);
  const stationIds = idsOf(stations, ['stations'], 'station');
  stations.forEach((st, i) => {
    const entrances = arr(obj(st)?.['entrances']);
    idsOf(entrances, ['stations', i, 'entrances'], 'entrance');
    entrances.forEach((en, j) => {
      const base = ['stations', i, 'entrances', j];
      const gatelines = arr(obj(en)?.['gatelines']);
      idsOf(gatelines, [...base, 'gatelines'], 'gateline');
      gatelines.forEach((gl, k) => {
        const reader = obj(gl)?.['reader'];
        if (typeof reader === 'string' && !readerIds.includes(reader)) {
          const hint = suggest(reader, readerIds);
          issues.push({ path: [...base, 'gatelines', k, 'reader'], message: `reader "${reader}" is not defined in readers (defined: ${readerIds.join(', ') || 'none'})`, ...(hint === undefined ? {} : { hint }) });
        }
      });
      const mix = obj(obj(en)?.['demand'])?.['carrierMix'];
      if (Array.isArray(mix)) {
        sharesSumToOne(mix.map((m) => obj(m)?.['share']), [...base, 'demand', 'carrierMix'], 'carrierMix');
        mix.forEach((m, k) => {
          const carrier = obj(m)?.['carrier'];
          if (typeof carrier === 'string' && !carrierIds.includes(carrier)) {
            const hint = suggest(carrier, carrierIds);
            issues.push({ path: [...base, 'demand', 'carrierMix', k, 'carrier'], message: `carrier "${carrier}" is not defined in carriers`, ...(hint === undefined ? {} : { hint }) });
          }
        });
      }
    });
  });
  const lines = arr(obj(root['network'])?.['lines']);
  idsOf(lines, ['network', 'lines'], 'line');
  lines.forEach((line, i) => {
    arr(obj(line)?.['stations']).forEach((sid, k) => {
      if (typeof sid === 'string' && !stationIds.includes(sid)) {
        const hint = suggest(sid, stationIds);
        issues.push({ path: ['network', 'lines', i, 'stations', k], message: `station "${sid}" is not defined in stations`, ...(hint === undefined ? {} : { hint }) });
      }
    });
  });
  return issues;
}

function suggest(word: string, candidates: readonly string[]): string | undefined {
  // Local import-free copy to keep schema.ts dependent only on zod and the model's types.
  let best: string | undefined;
  let bestD = Infinity;
  for (const cand of candidates) {
    const d = levenshtein(word.toLowerCase(), cand.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = cand;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.min(3, Math.floor(word.length / 3))) ? `"${best}"` : undefined;
}
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(tmp + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/** JSON Schema (draft 2020-12) of scenario files, for editors: the input side, with defaults and help. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(buildScenarioSchema(DESCRIBE_ONLY_CONTEXT), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'tapsim scenario', $id: 'https://tapsim.invalid/scenario.schema.json' };
}
