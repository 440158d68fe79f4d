/**
 * Field maps of a reader across its gate array (docs/architecture.md#cli: `tapsim field`, and figures of the run
 * report): filled contours over lateral position × height of
 * - the 13.56 MHz effective field at the carrier relative to its Hmin, in dB (docs/sources.md#f1-2, #f3-1,
 *   docs/sources.md#f4-2; physics/nfc-link-budget.ts), with the Hmin (0 dB) contour emphasised, and
 * - the RCC low-frequency field relative to T1, in dB, with contour lines at T1 / T3 / T2
 *   (docs/sources.md#f6-2–#f6-4; the exact loop field of physics/lf-field-exact.ts, as the taps use).
 * Each gate of the gateline has its own reader at the lane centre (lanes at the gateline pitch);
 * a point shows the strongest reader's field. Pure: resolved scenario in, SVG strings out.
 */
import { effectiveFieldAPerM, prepareNfcLink, DEFAULT_GATE_READER_ANTENNA, DEFAULT_ID1_CARD_ANTENNA, type CarrierAntennaParams, type ReaderAntennaParams } from '../physics/nfc-link-budget.js';
import { DEFAULT_LF_FIELD, lfThresholds } from '../physics/lf-field.js';
import { lfWakeFieldAPerM } from '../physics/lf-field-exact.js';
import type { ReaderLoopShape } from '../physics/reader-loop-shape.js';
import { scanOverfield, type OperatingVolume } from '../physics/overfield.js';
import { meanOf } from '../random/distributions.js';
import { buildWorld } from '../scenario/build.js';
import { nfcTapParamsOf } from '../radio/nfc-band.js';
import type { ResolvedReader, ResolvedScenario } from '../scenario/schema.js';
import { contourMap, fmtValue, type ContourLevel, type LaneRect } from './charts.js';
import type { ReportFigure } from './html.js';

/** An unknown reader id (the CLI turns it into exit 2). */
export class UnknownReaderError extends Error {
  constructor(
    readonly readerId: string,
    readonly known: readonly string[],
  ) {
    super(`unknown reader "${readerId}"; the scenario's readers are: ${known.join(', ')}`);
    this.name = 'UnknownReaderError';
  }
}

export interface FieldMaps {
  readonly figures: ReportFigure[];
  /** Why a map is missing (e.g. the reader has no 13.56 MHz band). */
  readonly notes: string[];
}

/** Lanes shown: the first gates of the array (at most this many). */
const MAX_LANES = 3;
const DEFAULT_PITCH_M = 0.65;

function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'reader';
}

interface Geometry {
  pitchM: number;
  gates: number;
  lanes: number;
  /** Lateral extent, m. */
  x: [number, number];
  where: string;
}

function geometry(scenario: ResolvedScenario, readerId: string): Geometry {
  let pitchM = DEFAULT_PITCH_M;
  let gates = MAX_LANES;
  let where = `no gateline uses reader ${readerId}: lanes at ${DEFAULT_PITCH_M} m`;
  outer: for (const st of scenario.stations) {
    for (const e of st.entrances) {
      for (const g of e.gatelines) {
        if (g.reader === readerId) {
          pitchM = g.pitch;
          gates = g.gates;
          where = `${st.id}/${g.id}, pitch ${fmtValue(g.pitch * 100)} cm`;
          break outer;
        }
      }
    }
  }
  const lanes = Math.max(1, Math.min(MAX_LANES, gates));
  if (gates > lanes) where += `, gates 1–${lanes} of ${gates}`;
  return { pitchM, gates, lanes, x: [-pitchM / 2, (lanes - 0.5) * pitchM], where };
}

function laneRects(g: Geometry, heightM: number): LaneRect[] {
  return Array.from({ length: g.lanes }, (_, k) => ({
    x0: ((k - 0.5) * g.pitchM) * 100,
    x1: ((k + 0.5) * g.pitchM) * 100,
    y0: 0,
    y1: heightM * 100,
    label: `Gate ${k + 1}`,
  }));
}

/** values[j * nx + i]: max over the lane readers of f(height_j, |x_i − k·pitch|), as computed by `f`. */
function sampleGrid(g: Geometry, heightM: number, nx: number, ny: number, f: (heightM: number, offsetM: number) => number): number[] {
  const values = new Array<number>(nx * ny);
  const dx = (g.x[1] - g.x[0]) / (nx - 1);
  const dy = heightM / (ny - 1);
  for (let j = 0; j < ny; j++) {
    const h = j * dy;
    for (let i = 0; i < nx; i++) {
      const x = g.x[0] + i * dx;
      let best = -Infinity;
      for (let k = 0; k < g.lanes; k++) best = Math.max(best, f(h, Math.abs(x - k * g.pitchM)));
      values[j * nx + i] = best;
    }
  }
  return values;
}

function db(ratio: number): number {
  return ratio > 0 ? 20 * Math.log10(ratio) : -200;
}

/** The EMVCo operating volume the compliance line is scanned over: 0–4 cm high, ρ ≤ 2.5 cm (docs/sources.md#f4-1, #f11-4). */
const OPERATING_VOLUME: OperatingVolume = { maxHeightM: 0.04, maxOffsetM: 0.025, heightSteps: 16, offsetSteps: 10, angleSteps: 8 };

/**
 * The class Hmax as a compliance line on the map (docs/sources.md#f1-2; physics/overfield.ts): its level in the
 * map's units (field at the carrier ÷ Hmin, dB: the reader's field is Hmax where the carrier's effective
 * field is Hmax × its gains) and what the scan of the operating volume finds. Null without a class Hmax.
 */
function hmaxLine(link: ReturnType<typeof prepareNfcLink>, antenna: ReaderAntennaParams, hmaxAPerM: number | undefined): { level: ContourLevel; text: string } | null {
  if (hmaxAPerM === undefined) return null;
  const scan = scanOverfield(link.loop, antenna.ampereTurnsA, hmaxAPerM, OPERATING_VOLUME);
  const exceeds =
    scan.exceedingVolumeFraction > 0
      ? `exceeded in ${fmtValue(scan.exceedingVolumeFraction * 100)} % of the 0–4 cm operating volume (max ${fmtValue(scan.maxFieldAPerM)} A/m; Hmax met at N·I ≤ ${fmtValue(scan.ampereTurnsAtHmaxA)} A)`
      : `met in the 0–4 cm operating volume (max ${fmtValue(scan.maxFieldAPerM)} A/m)`;
  return {
    level: { value: db((hmaxAPerM * link.fieldScaleA) / (antenna.ampereTurnsA * link.hminAPerM)), label: `class Hmax ${fmtValue(hmaxAPerM)} A/m (compliance limit)` },
    text: `Class Hmax ${fmtValue(hmaxAPerM)} A/m ${exceeds}.`,
  };
}

/** The loop as the map's subtitle names it (a rectangle is cut along its width, x). */
function loopText(loop: ReaderLoopShape): string {
  return loop.shape === 'circle' ? `circular loop a = ${fmtValue(loop.radiusM * 1000)} mm` : `rectangular loop ${fmtValue(loop.widthM * 1000)} × ${fmtValue(loop.lengthM * 1000)} mm, cut along its width`;
}

/** The 13.56 MHz field map of `reader` (which must have 13.56 MHz parameters). */
function nfcMap(scenario: ResolvedScenario, reader: ResolvedReader, readerIndex: number): ReportFigure {
  const n = reader.nfc;
  if (n === null) throw new Error(`reader ${reader.id} has no 13.56 MHz parameters`);
  const world = buildWorld(scenario);
  const pairs = world.pairs[readerIndex] ?? [];
  const carrierIndex = pairs.findIndex((p) => nfcTapParamsOf(p) !== null);
  const nfc = carrierIndex >= 0 ? nfcTapParamsOf(pairs[carrierIndex]!) : null;
  const carrierId = carrierIndex >= 0 ? (scenario.carriers[carrierIndex]?.id ?? '?') : 'ID-1 card (default)';
  const antenna: ReaderAntennaParams = nfc?.reader.antenna ?? {
    ...DEFAULT_GATE_READER_ANTENNA,
    radiusM: n.antennaRadius,
    ampereTurnsA: n.driveCurrent,
    turns: n.turns,
    inductanceH: n.inductance,
    noiseRmsV: n.noise,
    ...(n.shape === 'rectangle' ? { loop: { shape: 'rectangle' as const, widthM: n.antennaWidth, lengthM: n.antennaLength } } : {}),
  };
  const carrier: CarrierAntennaParams = nfc?.carrier.antenna ?? DEFAULT_ID1_CARD_ANTENNA;
  const lossDb = nfc === null ? 0 : meanOf(nfc.carrier.couplingLossDb);
  const detuningHz = nfc === null ? 0 : meanOf(nfc.carrier.detuningHz);
  const link = prepareNfcLink(antenna, carrier, lossDb, detuningHz);
  const g = geometry(scenario, reader.id);
  const heightM = 0.15;
  const nx = Math.max(120, Math.round(((g.x[1] - g.x[0]) * 100) / 0.5) + 1);
  const ny = 61;
  const values = sampleGrid(g, heightM, nx, ny, (h, off) => db(effectiveFieldAPerM(link, h, off, 0) / link.hminAPerM));
  const hmax = hmaxLine(link, antenna, carrier.hmaxAPerM);
  const svg = contourMap({
    title: `13.56 MHz field of reader ${reader.id} across its gates`,
    subtitle: `${loopText(link.loop)}; field at a ${carrierId} ÷ Hmin ${fmtValue(link.hminAPerM)} A/m, coupling loss ${fmtValue(lossDb)} dB, no tilt; ${g.where}`,
    x: { label: 'Lateral position from gate 1 reader', unit: 'cm' },
    y: { label: 'Height above reader', unit: 'cm' },
    grid: { nx, ny, values, x: [g.x[0] * 100, g.x[1] * 100], y: [0, heightM * 100] },
    colour: { label: 'Field / Hmin', unit: 'dB', levels: [-40, -30, -20, -10, 0, 10, 20] },
    emphasise: [{ value: 0, label: 'Hmin (0 dB): carrier powered' }, ...(hmax === null ? [] : [hmax.level])],
    rects: laneRects(g, heightM),
    rectLegend: 'Lane (gate pitch)',
  });
  return {
    file: `field-nfc-${slug(reader.id)}.svg`,
    caption: `13.56 MHz field map of reader ${reader.id}: field at a ${carrierId} relative to its Hmin (dB); inside the bold Hmin contour the carrier is powered.${hmax === null ? '' : ` ${hmax.text}`}`,
    svg,
  };
}

/** The RCC low-frequency field map of `reader` (which must have RCC parameters). */
function lfMap(scenario: ResolvedScenario, reader: ResolvedReader): ReportFigure {
  const r = reader.rcc;
  if (r === null) throw new Error(`reader ${reader.id} has no RCC parameters`);
  const lf = { ...DEFAULT_LF_FIELD, frequencyHz: r.lfFrequency, coilRadiusM: r.lfCoilRadius, startDistanceM: r.triggerDistance, abortDistanceM: r.abortDistance, hearDistanceM: r.hearDistance };
  const t = lfThresholds(lf);
  const g = geometry(scenario, reader.id);
  const heightM = Math.max(0.2, Math.ceil(r.hearDistance * 2.5 * 20) / 20);
  const nx = Math.max(120, Math.round(((g.x[1] - g.x[0]) * 100) / 0.5) + 1);
  const ny = 81;
  const values = sampleGrid(g, heightM, nx, ny, (h, off) => db(lfWakeFieldAPerM(lf, h, off) / t.startFieldAPerM));
  const cm = (m: number): string => `${fmtValue(m * 100)} cm`;
  const svg = contourMap({
    title: `RCC low-frequency field of reader ${reader.id} across its gates`,
    subtitle: `LF ${fmtValue(r.lfFrequency / 1e3)} kHz, coil radius ${cm(r.lfCoilRadius)}, nominal handset${r.lfControl ? '' : ', LF control off'}; ${g.where}`,
    x: { label: 'Lateral position from gate 1 reader', unit: 'cm' },
    y: { label: 'Height above reader', unit: 'cm' },
    grid: { nx, ny, values, x: [g.x[0] * 100, g.x[1] * 100], y: [0, heightM * 100] },
    colour: { label: 'LF field / T1', unit: 'dB', levels: [-40, -30, -20, -10, 0, 10, 20, 30] },
    emphasise: [
      { value: 0, label: `T1 start (${cm(r.triggerDistance)} on axis)` },
      { value: db(t.abortFieldAPerM / t.startFieldAPerM), label: `T3 abort (${cm(r.abortDistance)})` },
      { value: db(t.hearFieldAPerM / t.startFieldAPerM), label: `T2 hear id (${cm(r.hearDistance)})` },
    ],
    rects: laneRects(g, heightM),
    rectLegend: 'Lane (gate pitch)',
  });
  return {
    file: `field-lf-${slug(reader.id)}.svg`,
    caption: `RCC low-frequency field map of reader ${reader.id} relative to T1 (dB), with the T1 start, T3 abort and T2 hear contours of a nominal handset.`,
    svg,
  };
}

/**
 * Field maps for one reader (`readerId`), or for the run report (no id): the first reader with
 * 13.56 MHz parameters and the first with RCC parameters.
 */
export function fieldMapFigures(scenario: ResolvedScenario, readerId?: string): FieldMaps {
  const readers = scenario.readers;
  const figures: ReportFigure[] = [];
  const notes: string[] = [];
  if (readerId !== undefined) {
    const index = readers.findIndex((r) => r.id === readerId);
    const reader = readers[index];
    if (reader === undefined) throw new UnknownReaderError(readerId, readers.map((r) => r.id));
    if (reader.nfc !== null) figures.push(nfcMap(scenario, reader, index));
    else notes.push(`Reader ${reader.id} has no 13.56 MHz band: no 13.56 MHz field map.`);
    if (reader.rcc !== null) figures.push(lfMap(scenario, reader));
    else notes.push(`Reader ${reader.id} has no 2.45 GHz RCC band: no LF field map.`);
    return { figures, notes };
  }
  const nfcIndex = readers.findIndex((r) => r.nfc !== null);
  const nfcReader = readers[nfcIndex];
  if (nfcReader !== undefined) figures.push(nfcMap(scenario, nfcReader, nfcIndex));
  else notes.push('No reader has a 13.56 MHz band: no 13.56 MHz field map.');
  const rccReader = readers.find((r) => r.rcc !== null);
  if (rccReader !== undefined) figures.push(lfMap(scenario, rccReader));
  return { figures, notes };
}
