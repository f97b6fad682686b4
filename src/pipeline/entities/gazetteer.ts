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

/** Phrase → bit set of categories; built once from the stored lists. */
export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  /** Every proper beginning of a longer phrase ("united", "united arab"), so lookups stop early. */
  private readonly prefixes = new Set<string>();

  constructor(data: GazetteerData) {
    GAZETTEER_CATEGORIES.forEach((category, bit) => {
      for (const phrase of data[category] ?? []) {
        this.phrases.set(phrase, (this.phrases.get(phrase) ?? 0) | (1 << bit));
        for (let at = phrase.indexOf(' '); at > 0; at = phrase.indexOf(' ', at + 1)) {
          this.prefixes.add(phrase.slice(0, at));
        }
      }
    });
  }

  /** Bit set of the categories a phrase belongs to (0 when unknown). */
  lookup(phrase: string): number {
    return this.phrases.get(phrase) ?? 0;
  }

  /**
   * For each token, features `g:CATEGORY:POSITION` (B, I, L or U) of the longest phrase of each
   * category that covers it. `lower` holds the tokens lower-cased.
   */
  annotate(lower: readonly string[]): string[][] {
    const out: string[][] = lower.map(() => []);
    // Length of the longest phrase of each category covering each token: token * categories + bit.
    const covered = new Uint8Array(lower.length * GAZETTEER_CATEGORIES.length);
    for (let i = 0; i < lower.length; i++) {
      let phrase = '';
      for (let n = 1; n <= MAX_PHRASE && i + n <= lower.length; n++) {
        phrase = n === 1 ? (lower[i] ?? '') : `${phrase} ${lower[i + n - 1] ?? ''}`;
        const bits = this.phrases.get(phrase);
        const goesOn = this.prefixes.has(phrase);
        if (bits === undefined) {
          if (goesOn) continue;
          break;
        }
        for (let bit = 0; bit < GAZETTEER_CATEGORIES.length; bit++) {
          if ((bits & (1 << bit)) === 0) continue;
          // Keep the longest match per category starting here; shorter ones are overwritten below.
          for (let k = 0; k < n; k++) {
            const slot = (i + k) * GAZETTEER_CATEGORIES.length + bit;
            if ((covered[slot] as number) >= n) continue;
            covered[slot] = n;
            const pos = n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I';
            const list = out[i + k];
            if (!list) continue;
            const prefix = FEATURE_PREFIX[bit] ?? '';
            const feature = FEATURES.get(`${prefix}${pos}`) ?? `${prefix}${pos}`;
            const at = list.findIndex((f) => f.startsWith(prefix));
            if (at >= 0) list[at] = feature;
            else list.push(feature);
          }
        }
        if (!goesOn) break;
      }
    }
    return out;
  }
}
