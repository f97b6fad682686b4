import { TRIGGERS, type TriggerPattern } from './lexicon.js';

/** One trigger found in a sentence: its pattern and exact offsets in the document. */
export interface TriggerMatch {
  pattern: TriggerPattern;
  start: number;
  end: number;
  text: string;
}

/** Top-level alternatives of a pattern. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * Lower-case letters a match of `source` can start with, or null when that is not plain to see (a class, an
 * escape, an optional group first). Only a filter: a pattern whose set lacks the letter cannot match there.
 */
export function firstLetters(source: string): Set<string> | null {
  const out = new Set<string>();
  for (const alt of alternatives(source)) {
    const c = alt[0];
    if (c === undefined) return null;
    if (/[a-z]/i.test(c)) {
      if (/^.[?*]|^.\{0/.test(alt)) return null;
      out.add(c.toLowerCase());
      continue;
    }
    if (!alt.startsWith('(?:')) return null;
    // A leading group: its own alternatives, unless it may be skipped.
    let depth = 0;
    let close = -1;
    for (let i = 0; i < alt.length; i++) {
      if (alt[i] === '\\') i++;
      else if (alt[i] === '(') depth++;
      else if (alt[i] === ')' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0 || /^[?*]|^\{0/.test(alt.slice(close + 1))) return null;
    const inner = firstLetters(alt.slice(3, close));
    if (!inner) return null;
    for (const x of inner) out.add(x);
  }
  return out;
}

// One regex per pattern, its alternatives longest first so that "case was opened against" beats "criminal case".
const COMPILED = TRIGGERS.map((pattern, index) => ({
  pattern,
  index,
  // Sticky: tried only where the union below says some trigger starts.
  re: new RegExp(`(?:${alternatives(pattern.pattern).sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, 'iy'),
}));

// The patterns worth trying at a position, by its lower-cased first letter (most positions rule out most patterns).
const BY_LETTER = new Map<string, typeof COMPILED>();
{
  const letters = COMPILED.map((c) => firstLetters(c.pattern.pattern));
  for (const l of 'abcdefghijklmnopqrstuvwxyz') BY_LETTER.set(l, COMPILED.filter((_, i) => letters[i] === null || letters[i]?.has(l)));
}

// A few passes over a sentence find every position where some trigger starts; most positions start none.
// Several unions, not one: V8 compiles a regular expression to machine code only below a size limit and
// interprets a larger one, some fifty times slower, and the whole lexicon is past that limit.
const UNION_SIZE = 8_000;
const UNIONS: RegExp[] = [];
{
  let part: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (part.length) UNIONS.push(new RegExp(`(?<![\\w-])(?:${part.join('|')})(?![\\w-])`, 'gi'));
    part = [];
    size = 0;
  };
  for (const t of TRIGGERS) {
    if (size + t.pattern.length > UNION_SIZE) flush();
    part.push(t.pattern);
    size += t.pattern.length + 1;
  }
  flush();
}

// Words after "released" that make it a publication, not a prisoner's release.
const PUBLICATION = /^\s+(?:a|an|the|its|his|her|their)?\s*(?:new\s+)?(?:statement|report|video|footage|album|book|list|figures|data|documents?|photos?|details|names|recording|letter|film|songs?|single|track|poem|novel|documentary|music video)\b/i;
// A noun trigger preceded by these is being ended or avoided, not happening ("replaced imprisonment with").
const CANCELLED = /\b(?:replaced|replace|instead of|avoid(?:ed)?|escaped|commuted|reduced|overturned|quashed|annulled|set aside|vacated|reversed)\s+(?:the\s+|his\s+|her\s+)?$/i;

// Words before a bare "extradition" that make it sought or resisted, not done.
const SOUGHT = /\b(?:request(?:s|ed|ing)?|sought|seeks?|seeking|demand(?:s|ed|ing)?|asks? for|asked for|appl(?:y|ied|ies) for|pending|fight(?:s|ing)?|fought|fac(?:e|es|ed|ing)|contest(?:s|ed|ing)?|challeng(?:e|es|ed|ing)|resist(?:s|ed|ing)?|await(?:s|ed|ing)?)\b[^.;]*$/i;

/** Finds the triggers of one sentence [start, end) of `text`; overlaps go to the longest phrase. */
export function findTriggers(text: string, start: number, end: number): TriggerMatch[] {
  const s = text.slice(start, end);
  const found: (TriggerMatch & { index: number })[] = [];
  const startSet = new Set<number>();
  for (const union of UNIONS) {
    union.lastIndex = 0;
    for (let u = union.exec(s); u; u = union.exec(s)) {
      startSet.add(u.index);
      union.lastIndex = u.index + 1;
    }
  }
  const starts = [...startSet].sort((x, y) => x - y);
  for (const at of starts) {
    for (const c of BY_LETTER.get((s[at] ?? '').toLowerCase()) ?? COMPILED) {
      c.re.lastIndex = at;
      const m = c.re.exec(s);
      if (!m) continue;
      const word = m[0];
      const after = s.slice(m.index + word.length, m.index + word.length + 40);
      const before = s.slice(Math.max(0, m.index - 30), m.index);
      if (c.pattern.type === 'release' && PUBLICATION.test(after)) continue;
      // "charged $50 for parking" is a price, not an indictment.
      if (c.pattern.type === 'charge' && /^charged$/i.test(word) && /^\s+(?:[$€£]|\d|an? (?:\w+ )?fee)/i.test(after)) continue;
      if (c.pattern.frame === 'noun' && CANCELLED.test(before)) continue;
      // "the body of X": a killing only when the body is found.
      if (c.pattern.type === 'killing' && /body of$/i.test(word) && !/^[^.;]{0,80}?\b(?:was|were|had been|has been) (?:found|discovered|recovered|dumped|pulled)\b/i.test(s.slice(m.index + word.length, m.index + word.length + 120))) continue;
      // "beat him in the Almaty pre-trial detention centre": the place of another event, not a detention of its own.
      const centre = /detention (?:centre|center|facility)$/i.test(word) || (/detention$/i.test(word) && /^\s+(?:centre|center|facility)\b/i.test(after));
      if (c.pattern.frame === 'noun' && centre && /\b(?:in|at|outside|near|from|inside)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$/i.test(before)) continue;
      // "suspended the New Dawn Collective", "The PAP was dissolved": an organization closed. "suspended talks",
      // "the dissolved Syndicate" (an adjective) are not.
      if (c.pattern.organizationsOnly && /^(?:dissolved|suspended|closed)$/i.test(word)) {
        const passive = /\b(?:was|were|been|being|is|are)\s+$/i.test(before);
        if (/\b(?:the|a|an|its|their)\s+$/i.test(before) || (!passive && !/^\s+(?:the\s+)?\p{Lu}/u.test(after))) continue;
      }
      // "mothers of the disappeared": people, not an event.
      if (c.pattern.type === 'abduction' && /^disappeared$/i.test(word) && /\bthe\s+$/i.test(before)) continue;
      // "a regional trial court": the court's name, not a trial.
      if (c.pattern.type === 'trial' && /^trial$/i.test(word) && /^\s+courts?\b/i.test(after)) continue;
      // "released pending trial", "awaiting trial": a trial still to come.
      if (c.pattern.type === 'trial' && /\b(?:pending|awaiting|await|awaits|ahead of)\s+(?:his\s+|her\s+|their\s+|the\s+)?$/i.test(before)) continue;
      if (/^(?:led|formed|created|launched|established|set up)$/i.test(word) && /^\s+(?:to|by)\b/i.test(after)) continue;
      // A bare "extradition" is a request only when someone seeks or resists it ("requested X's extradition").
      if (c.pattern.type === 'extradition_request' && /^extradition$/i.test(word) && !SOUGHT.test(s.slice(Math.max(0, m.index - 60), m.index))) continue;
      // Capitalised "Rally", "Protest" inside a name are names, not events; lower-case protests only mid-sentence.
      if (c.pattern.type === 'protest' && /^(?:Rally|Rallies|Protest|Demonstration)/.test(word) && m.index > 0) continue;
      found.push({ pattern: c.pattern, index: c.index, start: start + m.index, end: start + m.index + word.length, text: word });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.index - b.index);
  const kept: (TriggerMatch & { index: number })[] = [];
  for (const f of found) {
    if (kept.some((k) => k.start < f.end && f.start < k.end)) continue;
    kept.push(f);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ pattern, start: s0, end: e0, text: t }) => ({ pattern, start: s0, end: e0, text: t }));
}
