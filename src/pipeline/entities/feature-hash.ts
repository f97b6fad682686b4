/**
 * Feature rows found by hashing instead of by building feature strings. A feature string is a template
 * prefix followed by parts ("sh-1=" + "Xx" + "|" + "x"); its polynomial hash is composed from the hashes
 * of the parts, which are computed once per distinct string, so tagging builds no strings per token.
 * Two independent 32-bit hashes are kept: the first places a feature in the table, the second confirms it.
 */

/** Multipliers of the two polynomial hashes (odd, so powers never vanish modulo 2^32). */
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

/** Hash pair of a string with the powers needed to append it after another: `[h1, h2, B1^len, B2^len]`. */
export type PartHash = Int32Array;

/** The hash of a string, from scratch. */
export function partHash(s: string): PartHash {
  let h1 = 0;
  let h2 = 0;
  let p1 = 1;
  let p2 = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = (Math.imul(h1, B1) + c) | 0;
    h2 = (Math.imul(h2, B2) + c) | 0;
    p1 = Math.imul(p1, B1);
    p2 = Math.imul(p2, B2);
  }
  return Int32Array.of(h1, h2, p1, p2);
}

// Words and shapes repeat across documents: their part hashes are computed once.
const partCache = new Map<string, PartHash>();

/** `partHash`, remembered. */
export function cachedPartHash(s: string): PartHash {
  let v = partCache.get(s);
  if (v === undefined) {
    v = partHash(s);
    if (partCache.size > 200_000) partCache.clear();
    partCache.set(s, v);
  }
  return v;
}

/**
 * A feature hash under construction: start from a prefix, append parts, then `row()` looks it up.
 * One instance is reused for every feature (no allocation per feature).
 */
export class FeatureHasher {
  private h1 = 0;
  private h2 = 0;
  /** Per slot three entries side by side (one cache line per probe): h1, h2, row (-1 when empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  /** Indexes the feature strings of a model (row = position in `features`). */
  constructor(features: Iterable<[string, number]>, size: number) {
    let cap = 1;
    // Under half full: a lookup of a feature the model never saw stops at an empty slot within a probe or two.
    while (cap < size * 2) cap <<= 1;
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.slots = new Int32Array(cap * 3).fill(-1);
    for (const [feature, row] of features) {
      const h = partHash(feature);
      let slot = this.home(h[0] as number);
      while ((this.slots[slot * 3 + 2] as number) >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = h[0] as number;
      this.slots[slot * 3 + 1] = h[1] as number;
      this.slots[slot * 3 + 2] = row;
    }
  }

  /** Starts a feature with a prefix given by its hash. */
  start(prefix: PartHash): this {
    this.h1 = prefix[0] as number;
    this.h2 = prefix[1] as number;
    return this;
  }

  /** Appends a part. */
  add(part: PartHash): this {
    this.h1 = (Math.imul(this.h1, part[2] as number) + (part[0] as number)) | 0;
    this.h2 = (Math.imul(this.h2, part[3] as number) + (part[1] as number)) | 0;
    return this;
  }

  /** The model row of the feature built so far, or -1 when the model does not know it. */
  row(): number {
    const { h1, h2, slots, mask } = this;
    for (let slot = this.home(h1); ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const r = slots[at + 2] as number;
      if (r < 0) return -1;
      if (slots[at] === h1 && slots[at + 1] === h2) return r;
    }
  }

  // The low bits of a polynomial hash mostly reflect the last characters: place by the mixed high bits.
  private home(h1: number): number {
    return Math.imul(h1, 0x9e3779b1) >>> this.shift;
  }

  /** The row of a whole feature string (for the few fixed features). */
  rowOf(feature: string): number {
    return this.start(partHash(feature)).row();
  }
}
