/** BILOU labels over the four CoNLL types, and which label may follow which. */

export const ENTITY_TAGS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityTag = (typeof ENTITY_TAGS)[number];

/** Every label: `O`, then `B-`, `I-`, `L-`, `U-` of each type. */
export const LABELS: readonly string[] = [
  'O',
  ...ENTITY_TAGS.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`)),
];

const prefixOf = LABELS.map((l) => l[0] ?? 'O');
const typeOf = LABELS.map((l) => l.slice(2));

/**
 * Whether label `next` may follow label `prev` (indices into LABELS; -1 for the start).
 * An open entity (B or I) must go on with I or L of its own type; nothing may stay open at the end.
 */
export function allowedAfter(prev: number, next: number, last: boolean): boolean {
  const pp = prev < 0 ? 'O' : prefixOf[prev];
  const np = prefixOf[next];
  const open = pp === 'B' || pp === 'I';
  if (open) {
    if (np !== 'I' && np !== 'L') return false;
    if (typeOf[prev] !== typeOf[next]) return false;
  } else if (np === 'I' || np === 'L') {
    return false;
  }
  if (last && (np === 'B' || np === 'I')) return false;
  return true;
}

/** The possessive ending is never part of a name: "World Bank's" is "World Bank" and "'s". */
export function isPossessive(token: string | undefined): boolean {
  return token !== undefined && /^['’]s?$/i.test(token);
}

// allowedAfter as tables, row prev + 1 (so the start is row 0): one for inner tokens, one for closing ones.
const L = LABELS.length;
const ALLOWED_INNER = new Uint8Array((L + 1) * L);
const ALLOWED_CLOSING = new Uint8Array((L + 1) * L);
for (let p = -1; p < L; p++) {
  for (let k = 0; k < L; k++) {
    ALLOWED_INNER[(p + 1) * L + k] = allowedAfter(p, k, false) ? 1 : 0;
    ALLOWED_CLOSING[(p + 1) * L + k] = allowedAfter(p, k, true) ? 1 : 0;
  }
}

// On a possessive ending only O, and only where a name may end before it.
const ALLOWED_POSSESSIVE = new Uint8Array((L + 1) * L);
for (let p = -1; p < L; p++) ALLOWED_POSSESSIVE[(p + 1) * L] = ALLOWED_INNER[(p + 1) * L] ?? 0;

/**
 * `constraintsFor` as tables: token i may take label k after label p when `tables[i][(p + 1) * L + k]`
 * is 1 (L = LABELS.length). The tables are shared constants: do not write to them.
 */
export function constraintTables(words: readonly string[]): Uint8Array[] {
  const n = words.length;
  const out = new Array<Uint8Array>(n);
  let nextPossessive = n > 0 && isPossessive(words[0]);
  for (let i = 0; i < n; i++) {
    const possessive = nextPossessive;
    nextPossessive = i + 1 < n && isPossessive(words[i + 1]);
    out[i] = possessive ? ALLOWED_POSSESSIVE : i === n - 1 || nextPossessive ? ALLOWED_CLOSING : ALLOWED_INNER;
  }
  return out;
}

/** The table of `constraintTables` for one token: on a possessive ending, or closing a name, or neither. */
export function constraintTable(possessive: boolean, closing: boolean): Uint8Array {
  return possessive ? ALLOWED_POSSESSIVE : closing ? ALLOWED_CLOSING : ALLOWED_INNER;
}

/**
 * For each token of a sequence, which labels may go on it after each previous label: the BILOU rules,
 * with a possessive ending kept outside any name (so the name before it must close).
 */
export function constraintsFor(words: readonly string[]): ((prev: number, next: number) => boolean)[] {
  const possessive = words.map(isPossessive);
  return words.map((_, i) => {
    if (possessive[i]) return (prev, next) => next === 0 && ALLOWED_INNER[(prev + 1) * L] === 1;
    const table = i === words.length - 1 || possessive[i + 1] ? ALLOWED_CLOSING : ALLOWED_INNER;
    return (prev, next) => table[(prev + 1) * L + next] === 1;
  });
}

/** A labelled run of tokens: `[start, end)` token indices and its type. */
export interface LabelledSpan {
  start: number;
  end: number;
  tag: EntityTag;
}

/** Reads the spans out of a valid BILOU label sequence. */
export function spansOf(labels: readonly string[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  let start = -1;
  labels.forEach((label, i) => {
    const p = label[0];
    const tag = label.slice(2) as EntityTag;
    if (p === 'U') out.push({ start: i, end: i + 1, tag });
    else if (p === 'B') start = i;
    else if (p === 'L' && start >= 0) {
      out.push({ start, end: i + 1, tag });
      start = -1;
    }
  });
  return out;
}

/** BILOU labels for spans over `n` tokens (the inverse of `spansOf`). */
export function labelsOf(spans: readonly LabelledSpan[], n: number): string[] {
  const labels = new Array<string>(n).fill('O');
  for (const s of spans) {
    if (s.end - s.start === 1) labels[s.start] = `U-${s.tag}`;
    else {
      labels[s.start] = `B-${s.tag}`;
      for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = `I-${s.tag}`;
      labels[s.end - 1] = `L-${s.tag}`;
    }
  }
  return labels;
}
