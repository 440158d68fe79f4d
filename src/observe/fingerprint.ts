import { decimalPlace } from '../random/stream.js';

/**
 * A running fingerprint of a trace: two independent 32-bit multiplicative hashes over numbers
 * and strings, 16 hex digits. Cheap enough to fold every tap of a city day; equal traces give
 * equal fingerprints, and any change in order or value changes it (with overwhelming probability).
 */
export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x3c6ef372;

  number(value: number): void {
    const lo = value >>> 0;
    const hi = Math.floor(value / 4294967296) >>> 0;
    const frac = Math.round((value - Math.floor(value)) * 1e6) >>> 0;
    this.word(lo);
    this.word(hi);
    this.word(frac);
  }

  string(text: string): void {
    for (let i = 0; i < text.length; i++) this.word(text.charCodeAt(i));
    this.word(text.length);
  }

  /** As `string(prefix + String(n))` for an integer n ≥ 0, without building the string. */
  numberedKey(prefix: string, n: number): void {
    for (let i = 0; i < prefix.length; i++) this.word(prefix.charCodeAt(i));
    let digits = 0;
    for (let place = decimalPlace(n); place >= 1; place /= 10) {
      this.word(48 + (Math.floor(n / place) % 10));
      digits++;
    }
    this.word(prefix.length + digits);
  }

  private word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    this.b = Math.imul((this.b ^ w) + 0x9e3779b9, 0x85ebca6b);
    this.b ^= this.b >>> 13;
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}
