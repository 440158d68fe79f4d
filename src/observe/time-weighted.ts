/** Time-weighted average of a piecewise-constant level (queue length, servers busy). */
export class TimeWeighted {
  private level = 0;
  private lastChangeNs: number;
  private areaNsUnits = 0;
  private maxLevel = 0;

  constructor(private readonly startNs = 0) {
    this.lastChangeNs = startNs;
  }

  get current(): number {
    return this.level;
  }

  get max(): number {
    return this.maxLevel;
  }

  /** Record that the level becomes `level` at time `nowNs` (non-decreasing times). */
  set(nowNs: number, level: number): void {
    this.areaNsUnits += this.level * (nowNs - this.lastChangeNs);
    this.lastChangeNs = nowNs;
    this.level = level;
    if (level > this.maxLevel) this.maxLevel = level;
  }

  /** Integral of the level from the start to `nowNs`, in level·ns. */
  integralTo(nowNs: number): number {
    return this.areaNsUnits + this.level * (nowNs - this.lastChangeNs);
  }

  /** Mean level over [start, nowNs]. */
  meanTo(nowNs: number): number {
    const spanNs = nowNs - this.startNs;
    return spanNs > 0 ? this.integralTo(nowNs) / spanNs : this.level;
  }
}
