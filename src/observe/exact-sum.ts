/**
 * An exact sum of non-negative integers (up to 2^84 in all) in two float limbs: total =
 * high·2^32 + low with low < 2^52 between calls, so every addition is exact and the total does
 * not depend on the order or grouping of the additions (floating-point sums do: (a+b)+c ≠ a+(b+c)).
 * The canonical form, for storing, is the decimal text of the total.
 */

const TWO_32 = 2 ** 32;
const TWO_52 = 2 ** 52;
/** Totals stay below 2^84 (high below 2^52), so adding two totals' highs is exact too. */
export const MAX_EXACT_SUM = 2n ** 84n;

export class ExactSum {
  private high = 0;
  private low = 0;

  /** Add a non-negative integer (a double: any integer-valued double below 2^84). */
  add(n: number): void {
    if (n < TWO_52) {
      this.low += n;
      if (this.low >= TWO_52) this.carry();
      return;
    }
    if (!(n < 2 ** 84)) throw new RangeError(`the exact sum takes integers below 2^84, got ${n}`);
    const high = Math.floor(n / TWO_32);
    this.high += high;
    this.low += n - high * TWO_32;
    this.carry();
  }

  addSum(other: ExactSum): void {
    this.high += other.high;
    this.low += other.low;
    this.carry();
  }

  /** The total as the nearest double. */
  value(): number {
    return this.high * TWO_32 + this.low;
  }

  toBigInt(): bigint {
    return BigInt(this.high) * BigInt(TWO_32) + BigInt(this.low);
  }

  /** Replace the total (0 ≤ total < MAX_EXACT_SUM). */
  setBigInt(total: bigint): void {
    if (total < 0n || total >= MAX_EXACT_SUM) throw new RangeError(`exact sum ${total} is outside 0 … 2^84`);
    this.high = Number(total / BigInt(TWO_32));
    this.low = Number(total % BigInt(TWO_32));
  }

  clear(): void {
    this.high = 0;
    this.low = 0;
  }

  private carry(): void {
    const c = Math.floor(this.low / TWO_32);
    this.high += c;
    this.low -= c * TWO_32;
    if (this.high >= TWO_52) throw new RangeError('the exact sum passed 2^84');
  }
}
