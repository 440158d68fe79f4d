/**
 * Bucket keys of the log-linear quantile sketch, read from a double's bits — no Math.log, so the
 * key of a value is the same on every engine, thread and Node version.
 *
 * A positive normal double is 2^(E−1023)·(1 + f) with an 11-bit biased exponent E (1 … 2046) and
 * a 52-bit fraction f. With `bits` mantissa bits the key is E·2^bits + ⌊f·2^bits⌋: the top
 * 12 + bits bits of the double's pattern (sign 0). Keys increase with the value, each binary
 * octave [2^e, 2^(e+1)) holds 2^bits buckets of equal width 2^(e−bits), and a bucket
 * [lower, lower + width) has width/lower ≤ 2^−bits. Its representative is the midpoint, a
 * double with bits + 1 mantissa bits (exact), within 2^−(bits+1) of every value v of the bucket,
 * relative to v (|mid − v| ≤ width/2 ≤ 2^−(bits+1)·lower ≤ 2^−(bits+1)·v; equal only at v = lower).
 */

// One scratch word shared by these functions: each call writes it and reads it back before it
// returns, so no state survives a call (JavaScript runs one call at a time per thread).
const WORD = new Float64Array(1);
const HALVES = new Uint32Array(WORD.buffer);
/** Index of the high 32-bit half (sign, exponent, top 20 fraction bits) on this machine's byte order. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

export const MIN_MANTISSA_BITS = 1;
/** With more than 19 bits the midpoint's extra bit would fall in the low half. */
export const MAX_MANTISSA_BITS = 19;

/**
 * The bucket key of `value`. For a positive normal finite value the key lies in
 * [firstKey(bits), endKey(bits)); zero, subnormals, infinities and NaN give keys outside it
 * (callers check, see `isBucketKey`).
 */
export function keyOf(value: number, bits: number): number {
  WORD[0] = value;
  return (HALVES[HIGH] as number) >>> (20 - bits);
}

/** The smallest key: the bucket that starts at 2^−1022, the smallest normal double. */
export function firstKey(bits: number): number {
  return 1 << bits;
}

/** One past the largest key (2^bits buckets in each of the 2046 normal exponents). */
export function endKey(bits: number): number {
  return 2047 << bits;
}

export function isBucketKey(key: number, bits: number): boolean {
  return Number.isInteger(key) && key >= firstKey(bits) && key < endKey(bits);
}

function fromHigh(high: number): number {
  HALVES[HIGH] = high;
  HALVES[LOW] = 0;
  return WORD[0] as number;
}

/** The bucket's lower edge (its smallest value). */
export function bucketLower(key: number, bits: number): number {
  return fromHigh(key << (20 - bits));
}

/** The bucket's upper edge (exclusive): the next bucket's lower edge (Infinity after the last). */
export function bucketUpper(key: number, bits: number): number {
  return fromHigh((key + 1) << (20 - bits));
}

/** The bucket's midpoint, exactly (lower + width / 2). */
export function bucketMidpoint(key: number, bits: number): number {
  return fromHigh((key << (20 - bits)) | (1 << (19 - bits)));
}
