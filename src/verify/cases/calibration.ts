/**
 * The field-calibration family of `tapsim verify` (docs/validation.md#calibration): published field
 * figures of docs/sources.md#f13 against the model quantity that matches each figure's definition.
 * Each figure's acceptance (a bound, a range or a relative band) and its reason were written down
 * here before the model was run, and are never tuned to the model: a miss is reported and explained
 * in docs/validation.md#calibration. These rows are reported, never a pass/fail gate of verify.
 */
import type { Acceptance } from '../calibration-row.js';
import type { ModelQuantityId } from '../calibration-model.js';

export interface CalibrationFigure {
  /** Row id, C1 … */
  id: string;
  /** The published figure in words, with the place and year. */
  figure: string;
  /** Where docs/sources.md holds it. */
  source: string;
  /** The published value (for a range, its midpoint; the acceptance carries the range). */
  published: number;
  unit: string;
  /** The model quantity it is compared with, and why that one (the published definition). */
  model: ModelQuantityId;
  /** A difference of two model quantities (model − minus), for a published difference. */
  minus?: ModelQuantityId;
  why: string;
  acceptance: Acceptance;
  /** Why this acceptance (fixed before the model was run). */
  reason: string;
}

const STANDARD_BOUND = 'a standard’s or network’s maximum holds for practically every transaction: the model’s p95 must not exceed it (no slack)';
const ROUNDED = 'one rounded figure for a FeliCa card (the model has ISO/IEC 14443 only), start and stop not defined: ±50 %';
const FIELD = 'one station’s field mean from video counts; the model’s gate has [E] headway and passage parameters: ±15 %';

export const CALIBRATION_FIGURES: readonly CalibrationFigure[] = [
  {
    id: 'C1', figure: 'Beijing DB11/T 1164.6-2023: one transit ticket transaction ≤ 300 ms', source: 'docs/sources.md#f5', published: 300, unit: 'ms',
    model: 'transit-latency-p95', why: 'a ticket transaction at the reader: card detected → last exchange; the transit card’s e-purse flow',
    acceptance: { kind: 'max', limit: 300 }, reason: STANDARD_BOUND,
  },
  {
    id: 'C2', figure: 'qPBOC card transaction time ≤ 500 ms with a 1024-bit key (Bank of China; terminal processing excluded)', source: 'docs/sources.md#f5', published: 500, unit: 'ms',
    model: 'emv-latency-p95', why: 'the card’s share of a qPBOC tap: the exchange from detection to the last frame, no terminal post-processing',
    acceptance: { kind: 'max', limit: 500 }, reason: STANDARD_BOUND,
  },
  {
    id: 'C3', figure: 'Visa payWave: the card is held until the green light, “no longer than half a second”', source: 'docs/sources.md#f13-1', published: 500, unit: 'ms',
    model: 'emv-latency-p95', why: 'card held over the reader (detected) → transaction complete; qPBOC is the model’s fDDA flow of the Visa family',
    acceptance: { kind: 'max', limit: 500 }, reason: STANDARD_BOUND,
  },
  {
    id: 'C4', figure: 'Octopus (Hong Kong): a transport transaction “as little as 0.3 s”', source: 'docs/sources.md#f13-1', published: 300, unit: 'ms',
    model: 'transit-latency-p50', why: 'a stored-value transit card’s transaction from card detection; the typical (median) tap',
    acceptance: { kind: 'rel', rel: 0.5 }, reason: ROUNDED,
  },
  {
    id: 'C5', figure: 'Suica (JR East): gate processing of a card (read, evaluate, write, reconfirm) 0.2 s', source: 'docs/sources.md#f13-1', published: 200, unit: 'ms',
    model: 'transit-latency-p50', why: 'the gate’s card processing from detection to the last write; the typical (median) tap',
    acceptance: { kind: 'rel', rel: 0.5 }, reason: ROUNDED,
  },
  {
    id: 'C6', figure: 'Oyster (London, 2010): a card takes 200–300 ms to authorise at the reader', source: 'docs/sources.md#f13-1', published: 250, unit: 'ms',
    model: 'mifare-latency-p50', why: 'Oyster was a MIFARE Classic card: the model’s MIFARE-class flow, card detected → last frame; the typical tap',
    acceptance: { kind: 'range', lo: 200, hi: 300 }, reason: 'published as a range: the model’s median must lie in it (no widening)',
  },
  {
    id: 'C7', figure: 'Oyster gates: “up to 40 passengers a minute” per gate (2006)', source: 'docs/sources.md#f8-1', published: 40, unit: 'passengers/min',
    model: 'gate-card-per-min', why: '“up to” is the gate’s best case: a saturated gate with stored-value cards',
    acceptance: { kind: 'rel', rel: 0.2 }, reason: 'a press-release maximum; gate type and passenger mix not stated: ±20 %',
  },
  {
    id: 'C8', figure: 'Beijing, Changping station exit gates (measured, 2023): card 1328 passengers/h per gate', source: 'docs/sources.md#f13-2', published: 1328, unit: 'passengers/h',
    model: 'gate-card-per-hour', why: 'capacity from the measured passage times of card users = a saturated gate with cards',
    acceptance: { kind: 'rel', rel: 0.15 }, reason: FIELD,
  },
  {
    id: 'C9', figure: 'Beijing, Changping station exit gates (measured, 2023): QR code 1224 passengers/h per gate', source: 'docs/sources.md#f13-2', published: 1224, unit: 'passengers/h',
    model: 'gate-qr-per-hour', why: 'capacity from the measured passage times of QR users = a saturated gate with QR codes',
    acceptance: { kind: 'rel', rel: 0.15 }, reason: FIELD,
  },
  {
    id: 'C10', figure: 'Beijing study: card minus QR, 104 passengers/h per gate more with cards', source: 'docs/sources.md#f13-2', published: 104, unit: 'passengers/h',
    model: 'gate-card-per-hour', minus: 'gate-qr-per-hour', why: 'the same two saturated gates, paired by replication (common seeds)',
    acceptance: { kind: 'range', lo: 0, hi: 208 }, reason: 'a difference of two field means: only its sign and size are meaningful, 0–2× the published value',
  },
  {
    id: 'C11', figure: 'Chinese metro design code (GB 50157) flap gate with contactless card: 1800 passengers/h, as cited by the Beijing study', source: 'docs/sources.md#f13-2', published: 1800, unit: 'passengers/h',
    model: 'gate-card-per-hour', why: 'a design capacity of a flap gate with cards = the saturated gate with cards',
    acceptance: { kind: 'rel', rel: 0.15 }, reason: 'a design value, not a measurement; the same band as the field rows: ±15 %',
  },
];
