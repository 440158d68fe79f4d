/**
 * Trains on the lines of a network, run on the world's kernel: each line sends trains both ways
 * from its termini by its headway table; a train stops at every station for the dwell — riders
 * whose leg ends there alight as the train arrives (the platoon that walks to the exits), and the
 * platform's queue for that line and direction boards first-come first-served as the train leaves,
 * up to the train's capacity; whoever does not fit is left behind for the next train.
 *
 * Counts kept for the network table and the checks: boarded, alighted and left behind per station
 * and line, riders and capacity per segment departure (load factor), the time-weighted number on
 * platforms and in trains, and the summed ride time (Little's law: mean in trains = boarding rate ×
 * mean ride).
 */
import type { Kernel } from '../../kernel/kernel.js';
import { TimeWeighted } from '../../observe/time-weighted.js';
import type { TimeNs } from '../../units.js';
import type { Leg } from './itinerary.js';
import { departuresNs, type LineConfig, type NetworkConfig } from './network-config.js';

interface Rider<T> {
  who: T;
  alightPos: number;
  boardedNs: TimeNs;
}

/** What the service tells the world. */
export interface TrainHooks<T> {
  /** `riders` left train `trainKey` of `line` at position `pos` (one platoon), at the kernel's time. */
  onAlight(riders: readonly T[], line: number, pos: number, trainKey: string): void;
  /** `riders` boarded train `trainKey` at position `pos` as it left. */
  onBoard?(riders: readonly T[], line: number, pos: number, trainKey: string): void;
}

/** Counts of one line and direction: per station position, and per segment (index of the segment's first position in travel order). */
export interface LineCounts {
  boarded: number[];
  alighted: number[];
  leftBehind: number[];
  segmentDepartures: number[];
  segmentRiders: number[];
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

export class TrainService<T> {
  /** Platform queues by line, direction (0: +1, 1: −1) and position. */
  private readonly platforms: Rider<T>[][][][];
  private readonly heads: number[][][];
  /** counts[line][dir] */
  readonly counts: LineCounts[][];
  readonly onPlatforms: TimeWeighted;
  readonly inTrains: TimeWeighted;
  private platformTotal = 0;
  private trainTotal = 0;
  /** Completed rides and their summed duration (board → alight), ns. */
  ridesCompleted = 0;
  rideSumNs = 0;
  boardedTotal = 0;
  trainsRun = 0;
  /** Per line and interval (by departure time): riders and seats of every segment departure, and boardings. */
  readonly intervalRiders: number[][];
  readonly intervalCapacity: number[][];
  readonly intervalBoarded: number[][];

  constructor(
    private readonly kernel: Kernel,
    private readonly cfg: NetworkConfig,
    private readonly hooks: TrainHooks<T>,
    endNs: TimeNs,
    startNs: TimeNs = 0,
    private readonly intervalNs: TimeNs = endNs,
  ) {
    const intervals = Math.max(1, Math.ceil(endNs / intervalNs));
    this.intervalRiders = cfg.lines.map(() => zeros(intervals));
    this.intervalCapacity = cfg.lines.map(() => zeros(intervals));
    this.intervalBoarded = cfg.lines.map(() => zeros(intervals));
    this.platforms = cfg.lines.map((l) => [0, 1].map(() => l.stations.map(() => [])));
    this.heads = cfg.lines.map((l) => [0, 1].map(() => zeros(l.stations.length)));
    this.counts = cfg.lines.map((l) => [0, 1].map(() => ({ boarded: zeros(l.stations.length), alighted: zeros(l.stations.length), leftBehind: zeros(l.stations.length), segmentDepartures: zeros(l.stations.length), segmentRiders: zeros(l.stations.length) })));
    this.onPlatforms = new TimeWeighted(startNs);
    this.inTrains = new TimeWeighted(startNs);
    cfg.lines.forEach((l, li) => {
      for (const direction of [1, -1] as const) {
        departuresNs(l.headway, endNs).forEach((atNs, k) => {
          const key = `${l.id}${direction === 1 ? '+' : '-'}${k}`;
          this.kernel.scheduleAt(atNs, () => this.arrive(li, direction, direction === 1 ? 0 : l.stations.length - 1, key, []));
        });
      }
    });
  }

  /** Riders waiting on platforms now. */
  get waiting(): number {
    return this.platformTotal;
  }

  /** Riders in trains now. */
  get riding(): number {
    return this.trainTotal;
  }

  /** A passenger reaches the platform of `leg` (after walking there) and queues for its train. */
  toPlatform(who: T, leg: Leg): void {
    const dir = leg.direction === 1 ? 0 : 1;
    this.platforms[leg.line]![dir]![leg.fromPos]!.push({ who, alightPos: leg.toPos, boardedNs: 0 });
    this.platformTotal++;
    this.onPlatforms.set(this.kernel.nowNs, this.platformTotal);
  }

  /** The train reaches position `pos`: its riders for `pos` alight, then it stands for the dwell and boards as it leaves. */
  private arrive(li: number, direction: 1 | -1, pos: number, key: string, riders: Rider<T>[]): void {
    const l = this.cfg.lines[li] as LineConfig;
    const dir = direction === 1 ? 0 : 1;
    const counts = this.counts[li]![dir]!;
    const now = this.kernel.nowNs;
    const staying: Rider<T>[] = [];
    const platoon: T[] = [];
    for (const r of riders) {
      if (r.alightPos === pos) {
        platoon.push(r.who);
        this.ridesCompleted++;
        this.rideSumNs += now - r.boardedNs;
      } else staying.push(r);
    }
    if (platoon.length > 0) {
      counts.alighted[pos]! += platoon.length;
      this.trainTotal -= platoon.length;
      this.inTrains.set(now, this.trainTotal);
      this.hooks.onAlight(platoon, li, pos, key);
    }
    const last = direction === 1 ? pos === l.stations.length - 1 : pos === 0;
    if (last) {
      if (staying.length > 0) throw new Error(`train ${key} reached the end of line ${l.id} with ${staying.length} riders whose stop it passed`);
      this.trainsRun++;
      return;
    }
    this.kernel.schedule(l.dwellNs, () => this.depart(li, direction, pos, key, staying));
  }

  private depart(li: number, direction: 1 | -1, pos: number, key: string, riders: Rider<T>[]): void {
    const l = this.cfg.lines[li] as LineConfig;
    const dir = direction === 1 ? 0 : 1;
    const counts = this.counts[li]![dir]!;
    const now = this.kernel.nowNs;
    const queue = this.platforms[li]![dir]![pos]!;
    let head = this.heads[li]![dir]![pos]!;
    const boarding: T[] = [];
    while (head < queue.length && riders.length < l.capacity) {
      const r = queue[head++]!;
      r.boardedNs = now;
      riders.push(r);
      boarding.push(r.who);
    }
    const boarded = boarding.length;
    const left = queue.length - head;
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    this.heads[li]![dir]![pos] = head;
    if (boarded > 0) {
      counts.boarded[pos]! += boarded;
      this.boardedTotal += boarded;
      this.platformTotal -= boarded;
      this.trainTotal += boarded;
      this.onPlatforms.set(now, this.platformTotal);
      this.inTrains.set(now, this.trainTotal);
      this.hooks.onBoard?.(boarding, li, pos, key);
    }
    const k = Math.min(this.intervalRiders[li]!.length - 1, Math.floor(now / this.intervalNs));
    this.intervalRiders[li]![k]! += riders.length;
    this.intervalCapacity[li]![k]! += l.capacity;
    this.intervalBoarded[li]![k]! += boarded;
    counts.leftBehind[pos]! += left;
    counts.segmentDepartures[pos]!++;
    counts.segmentRiders[pos]! += riders.length;
    const segment = direction === 1 ? pos : pos - 1;
    this.kernel.schedule(l.segmentNs[segment] as number, () => this.arrive(li, direction, pos + direction, key, riders));
  }
}
