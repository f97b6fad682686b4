import type { Sentence, Segmented } from '../segment.js';

/** Which way an expression without a year or week points from the publication date. */
export type Tense = 'past' | 'present' | 'future';

const FUTURE = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', 'upcoming', 'tomorrow', 'scheduled', 'due', 'plan', 'plans', 'planning', 'expected']);
// Active verbs whose object lies ahead ("promised a review in the autumn"): future only before the expression.
const FUTURE_COMPLEMENT = new Set(['planned', 'promised', 'promises', 'pledged', 'vowed', 'threatened', 'hopes', 'hoped']);
const BE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
// Phrases that announce something still to come ("is due to", "is scheduled to", "plans to").
const FUTURE_BEFORE_TO = new Set(['due', 'scheduled', 'set', 'expected', 'plans', 'plan', 'planning', 'going', 'hopes', 'intends', 'aims']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'ago', 'last', 'yesterday', 'since', 'earlier', 'been']);
// A participle after these is not a past tense ("will be held", "to be completed", "must be signed").
const NON_PAST_BEFORE = new Set(['be', 'to', 'will', 'would', 'shall', 'can', 'could', 'may', 'might', 'must', 'should']);
// A participle after these is a present passive or perfect ("is restored", "have called").
const PRESENT_BEFORE = new Set(['is', 'are', 'am', 'being', 'has', 'have', "'s", "'re", "'ve"]);
const IRREGULAR_PAST = new Set([
  'said', 'told', 'went', 'came', 'took', 'made', 'gave', 'held', 'met', 'left', 'fled', 'spent', 'sent', 'began',
  'became', 'found', 'got', 'saw', 'ran', 'won', 'lost', 'fell', 'brought', 'thought', 'kept', 'led', 'paid', 'sat',
  'stood', 'struck', 'wrote', 'rose', 'broke', 'caught', 'chose', 'drove', 'fought', 'flew', 'froze', 'knew', 'laid',
  'meant', 'overthrew', 'sought', 'taught', 'threw', 'wore', 'shot', 'slept', 'spoke', 'stole', 'swore', 'tore', 'woke',
  'forbade', 'hung', 'beat', 'bit', 'hid', 'heard', 'felt', 'dealt', 'built', 'bought', 'understood', 'withdrew', 'undertook',
]);

// Lower-cased tokens per sentence, computed once however many expressions a sentence holds.
const LOWERED = new WeakMap<Sentence, string[]>();

/** Index of the last sentence starting at or before `pos` (binary search), or -1. */
export function sentenceIndexAt(doc: Segmented, pos: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (!s) break;
    if (s.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const REPORTING = new Set(['says', 'say', 'tells', 'reports', 'claims', 'adds', 'notes', 'insists', 'argues', 'believes', 'thinks']);

/** Sentence holding `pos`, or null between sentences. */
export function sentenceAt(doc: Segmented, pos: number): Sentence | null {
  const s = doc.sentences[sentenceIndexAt(doc, pos)];
  return s && pos < s.end ? s : null;
}

function markerOf(words: string[], i: number, pos: string, beforeExpression: boolean): Tense | null {
  const w = words[i] ?? '';
  if (FUTURE_COMPLEMENT.has(w) && !BE.has(words[i - 1] ?? '')) return beforeExpression ? 'future' : null;
  if (FUTURE.has(w)) return 'future';
  if (w === 'to' && i > 0 && FUTURE_BEFORE_TO.has(words[i - 1] ?? '')) return 'future';
  if (w === 'next' || w === 'coming') return 'future';
  if (PAST_AUX.has(w)) return 'past';
  const participle = IRREGULAR_PAST.has(w) || ((pos === 'VERB' || pos === 'AUX') && w.length > 3 && w.endsWith('ed') && !w.endsWith('eed'));
  if (participle) {
    const aux = words[i - 1] === 'not' || words[i - 1] === 'already' || words[i - 1] === 'been' ? words[i - 2] ?? '' : words[i - 1] ?? '';
    if (NON_PAST_BEFORE.has(aux)) return null;
    return PRESENT_BEFORE.has(aux) ? 'present' : 'past';
  }
  if (w === 'has' || w === 'have') return 'present';
  // Reporting verbs ("says", "tells") date the report, not the event in their clause.
  if (REPORTING.has(w)) return null;
  if (w === 'is' || w === 'are' || w === 'am' || w === "'s") return 'present';
  if (pos === 'VERB' && w.endsWith('s') && !w.endsWith('ss')) return 'present';
  return null;
}

/**
 * Tense of the clause around an expression: the nearest tense marker in its sentence wins (past when
 * there is none, news being past-leaning).
 */
export function tenseAt(doc: Segmented, start: number, end: number): Tense {
  const sentence = sentenceAt(doc, start);
  if (!sentence) return 'past';
  const tokens = sentence.tokens;
  let lower = LOWERED.get(sentence);
  if (!lower) {
    lower = tokens.map((t) => t.text.toLowerCase());
    LOWERED.set(sentence, lower);
  }
  let best: { tense: Tense; distance: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || (t.start >= start && t.end <= end)) continue;
    const tense = markerOf(lower, i, t.pos, t.start < start);
    if (!tense) continue;
    // English puts the verb before its time adjunct: markers after the expression count for less,
    // and a bare present for less still (headline and reporting presents are common).
    // A present after the expression is usually another clause ("on Tuesday, but leaders say …").
    if (tense === 'present' && t.start >= end) continue;
    let distance = t.start < start ? start - t.end : (t.start - end) * 2 + 5;
    if (tense === 'present') distance = distance * 2 + 10;
    if (!best || distance < best.distance) best = { tense, distance };
  }
  return best?.tense ?? 'past';
}
