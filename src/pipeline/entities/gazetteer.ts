/** Name lists as token sequences: which tokens of a sentence lie inside a known country, city, first name… */

/** Categories of the gazetteer, in the order of their bits. */
export const GAZETTEER_CATEGORIES = ['country', 'city', 'demonym', 'first', 'person', 'org', 'geo', 'last'] as const;
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

/** The gazetteer as stored: for each category, lower-case phrases whose tokens are joined by one space. */
export type GazetteerData = Partial<Record<GazetteerCategory, string[]>>;

// The feature strings, made once: `g:country:B` …
const FEATURE_PREFIX = GAZETTEER_CATEGORIES.map((c) => `g:${c}:`);
const FEATURES = new Map(FEATURE_PREFIX.flatMap((p) => ['B', 'I', 'L', 'U'].map((pos) => [`${p}${pos}`, `${p}${pos}`])));

/** Longest phrase looked up, in tokens. */
const MAX_PHRASE = 5;

/** Position codes of `annotateCodes`: 0 for none, then B, I, L, U. */
export const GAZETTEER_POSITIONS = ['', 'B', 'I', 'L', 'U'] as const;

// Marks an entry that begins a longer phrase ("united", "united arab"), kept beside the category bits
// so one lookup per step says both whether the phrase is known and whether to read on.
const GOES_ON = 1 << GAZETTEER_CATEGORIES.length;
const CATEGORY_BITS = GOES_ON - 1;

/** Phrase → bit set of categories; built once from the stored lists. */
export class Gazetteer {
  /** Phrase → category bits, plus GOES_ON for every proper beginning of a longer phrase. */
  private readonly entries = new Map<string, number>();

  constructor(data: GazetteerData) {
    GAZETTEER_CATEGORIES.forEach((category, bit) => {
      for (const phrase of data[category] ?? []) {
        this.entries.set(phrase, (this.entries.get(phrase) ?? 0) | (1 << bit));
        for (let at = phrase.indexOf(' '); at > 0; at = phrase.indexOf(' ', at + 1)) {
          const prefix = phrase.slice(0, at);
          this.entries.set(prefix, (this.entries.get(prefix) ?? 0) | GOES_ON);
        }
      }
    });
  }

  /** Bit set of the categories a phrase belongs to (0 when unknown). */
  lookup(phrase: string): number {
    return (this.entries.get(phrase) ?? 0) & CATEGORY_BITS;
  }

  /** The stored entry of a phrase (category bits, and a mark when longer phrases begin with it), -1 when none. */
  entry(phrase: string): number {
    return this.entries.get(phrase) ?? -1;
  }

  /**
   * For each token and category, the position code (GAZETTEER_POSITIONS) of the token inside the
   * longest phrase of that category covering it, at `token * categories + bit`. `lower` holds the
   * tokens lower-cased; `entries`, when given, their `entry` (callers that remember it per word save
   * most lookups, since most words begin no phrase).
   */
  annotateCodes(lower: readonly string[], entries?: readonly number[]): Uint8Array {
    const C = GAZETTEER_CATEGORIES.length;
    const codes = new Uint8Array(lower.length * C);
    // Length of the longest phrase of each category covering each token: token * categories + bit.
    const covered = new Uint8Array(lower.length * C);
    for (let i = 0; i < lower.length; i++) {
      let phrase = '';
      for (let n = 1; n <= MAX_PHRASE && i + n <= lower.length; n++) {
        phrase = n === 1 ? (lower[i] ?? '') : `${phrase} ${lower[i + n - 1] ?? ''}`;
        const entry = n === 1 && entries ? entries[i] : this.entries.get(phrase);
        if (entry === undefined || entry < 0) break;
        const bits = entry & CATEGORY_BITS;
        for (let bit = 0; bit < C; bit++) {
          if ((bits & (1 << bit)) === 0) continue;
          // Keep the longest match per category; an equally long earlier one stays.
          for (let k = 0; k < n; k++) {
            const slot = (i + k) * C + bit;
            if ((covered[slot] as number) >= n) continue;
            covered[slot] = n;
            codes[slot] = n === 1 ? 4 : k === 0 ? 1 : k === n - 1 ? 3 : 2;
          }
        }
        if ((entry & GOES_ON) === 0) break;
      }
    }
    return codes;
  }

  /**
   * For each token, features `g:CATEGORY:POSITION` (B, I, L or U) of the longest phrase of each
   * category that covers it. `lower` holds the tokens lower-cased.
   */
  annotate(lower: readonly string[]): string[][] {
    const C = GAZETTEER_CATEGORIES.length;
    const codes = this.annotateCodes(lower);
    return lower.map((_, i) => {
      const list: string[] = [];
      for (let bit = 0; bit < C; bit++) {
        const code = codes[i * C + bit] as number;
        if (code === 0) continue;
        const feature = `${FEATURE_PREFIX[bit] ?? ''}${GAZETTEER_POSITIONS[code] ?? ''}`;
        list.push(FEATURES.get(feature) ?? feature);
      }
      return list;
    });
  }
}
