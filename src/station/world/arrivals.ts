/**
 * Arrivals: each entrance's entry and exit flows draw arrival times from its rate table
 * (`nextArrivalWithMax`) and group sizes from its stream ('arrivals:<key>' / 'exits:<key>');
 * each passenger gets their own stream keyed by entrance and sequence number, a carrier by the
 * entrance's shares, and walks to the gatelines of their flow that accept their carrier.
 */
import { sample } from '../../random/distributions.js';
import { streamFor, streamForNumberedKey, Xoshiro128ss } from '../../random/stream.js';
import { NS_PER_S } from '../../units.js';
import { nextArrivalWithMax } from '../demand.js';
import type { Passenger } from '../passenger.js';
import type { EntranceConfig, WorldConfig } from '../world-config.js';
import type { WorldContext, WorldPassenger } from './context.js';

type Arrive = (p: Passenger, linesByCarrier: ReadonlyArray<readonly number[]>) => void;

function newPassenger(arrive: Arrive): WorldPassenger {
  const p: WorldPassenger = {
    keyPrefix: '',
    keyNumber: 0,
    get key(): string {
      return this.keyPrefix + String(this.keyNumber);
    },
    carrierIndex: 0,
    rng: new Xoshiro128ss(1, 0, 0, 0),
    arrivedNs: 0,
    queuedNs: 0,
    taps: 0,
    totalTaps: 0,
    fallback: 'none',
    lastGate: -1,
    tapStartNs: 0,
    lines: [],
    walked: () => arrive(p, p.lines),
    trip: null,
    lastCause: '',
  };
  return p;
}

/**
 * The gatelines of an entrance serving `flow`, per carrier: those whose reader accepts the carrier
 * (signage), else all of them; null when the entrance has none for the flow.
 */
export function flowLines(cfg: WorldConfig, entrance: EntranceConfig, flow: 'entry' | 'exit'): Array<readonly number[]> | null {
  const lines = entrance.gatelines.filter((li) => cfg.gatelines[li]!.direction !== (flow === 'entry' ? 'out' : 'in'));
  if (lines.length === 0) return null;
  return cfg.carriers.map((_, c) => {
    const accepting = lines.filter((li) => cfg.pairs[cfg.gatelines[li]!.readerIndex]![c]!.band !== null);
    return accepting.length > 0 ? accepting : lines;
  });
}

/** One passenger flow (entries or exits) through an entrance's gatelines in `direction`. */
function startFlow(ctx: WorldContext, seed: number, replication: number, arrive: Arrive, entrance: EntranceConfig, flow: 'entry' | 'exit'): void {
  const { cfg, kernel, census, metrics, pool, counted } = ctx;
  const table = flow === 'entry' ? entrance.table : entrance.exitTable;
  const maxPerHour = flow === 'entry' ? entrance.maxPerHour : entrance.maxExitPerHour;
  const groupSize = flow === 'entry' ? entrance.groupSize : entrance.exitGroupSize;
  const linesByCarrier = flowLines(ctx.cfg, entrance, flow);
  if (linesByCarrier === null || !(maxPerHour > 0)) return;
  const prefix = flow === 'entry' ? `${entrance.key}#` : `${entrance.key}#exit-`;
  const arrivals = streamFor(seed, replication, `${flow === 'entry' ? 'arrivals' : 'exits'}:${entrance.key}`);
  let sequence = 0;
  const next = (): void => {
    const atNs = nextArrivalWithMax(arrivals, table, kernel.nowNs, cfg.durationNs, maxPerHour);
    if (Number.isFinite(atNs)) kernel.scheduleAt(atNs, arriveGroup);
  };
  const arriveGroup = (): void => {
    const group = Math.max(1, Math.round(sample(arrivals, groupSize)));
    for (let k = 0; k < group; k++) {
      const p = pool.pop() ?? newPassenger(arrive);
      const rng = streamForNumberedKey(seed, replication, prefix, sequence, p.rng);
      const u = rng.next01();
      let carrierIndex = 0;
      while (carrierIndex < entrance.carrierCdf.length - 1 && u >= entrance.carrierCdf[carrierIndex]!) carrierIndex++;
      p.keyPrefix = prefix;
      p.keyNumber = sequence++;
      p.carrierIndex = carrierIndex;
      p.arrivedNs = kernel.nowNs;
      p.queuedNs = 0;
      p.taps = 0;
      p.totalTaps = 0;
      p.fallback = 'none';
      p.lastGate = -1;
      p.tapStartNs = 0;
      p.lines = linesByCarrier;
      p.trip = null;
      census.arrived++;
      census.walking++;
      if (counted()) {
        metrics.arrived++;
        if (flow === 'exit') metrics.exits++;
      }
      const walkNs = Math.max(0, Math.round(sample(rng, entrance.walkS) * NS_PER_S));
      kernel.schedule(walkNs, p.walked);
    }
    next();
  };
  next();
}

/**
 * Start every entrance's entry flow, then its exit flow (in entrance order: the order events are
 * first scheduled). With origin–destination travel (cfg.network) the exits come from the trains
 * (trips.ts) instead of the exit flows.
 */
export function startArrivals(ctx: WorldContext, seed: number, replication: number, arrive: Arrive): void {
  for (const entrance of ctx.cfg.entrances) {
    startFlow(ctx, seed, replication, arrive, entrance, 'entry');
    if (ctx.cfg.network === null) startFlow(ctx, seed, replication, arrive, entrance, 'exit');
  }
}
