import type { Token } from '../segment.js';
import { normalizeName } from './cluster.js';
import { SMALL_WORDS, isAllCaps } from './features.js';
import { DEMONYMS, TYPE_NOUNS } from './lexicon.js';
import type { Mention, MentionType } from './mentions.js';

/** Longest name looked for, in tokens. */
const MAX_TOKENS = 6;

function startsUpper(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/**
 * One name, one reading per document: capitalised runs of tokens the tagger left out that spell a name
 * it tagged elsewhere (or the surname of a person it tagged) become mentions of that name's type.
 */
export function propagateMentions(text: string, sequences: readonly Token[][], mentions: readonly Mention[]): Mention[] {
  const votes = new Map<string, Map<MentionType, number>>();
  const vote = (key: string, type: MentionType): void => {
    const m = votes.get(key) ?? new Map<MentionType, number>();
    m.set(type, (m.get(type) ?? 0) + 1);
    votes.set(key, m);
  };
  for (const m of mentions) {
    if (m.type === 'misc') continue;
    vote(normalizeName(m.text), m.type);
    const last = m.tokens[m.tokens.length - 1];
    if (m.type === 'person' && m.tokens.length > 1 && last) vote(normalizeName(last.text), 'person');
  }
  const known = new Map<string, MentionType>();
  for (const [key, m] of votes) {
    let best: MentionType = 'misc';
    let n = 0;
    for (const [type, count] of m) if (count > n) [best, n] = [type, count];
    known.set(key, best);
  }
  const taken = new Set<number>();
  for (const m of mentions) for (const t of m.tokens) taken.add(t.start);
  // A run's name starts with its first word's: words no known name starts with are passed over cheaply.
  const keys = [...known.keys()];
  const startsName = new Map<string, boolean>();
  const mayStartName = (word: string): boolean => {
    let ok = startsName.get(word);
    if (ok === undefined) {
      const low = normalizeName(word);
      // Spaces and a capital sigma (lower-cased by what follows it) may fold differently inside the run.
      ok = /[\sΣ]/.test(word) || keys.some((k) => k.startsWith(low));
      startsName.set(word, ok);
    }
    return ok;
  };
  const added: Mention[] = [];
  for (const tokens of sequences) {
    // In a capitals headline every word is capitalised, so a capital after the run says nothing.
    const shouting = isAllCaps(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (!first || taken.has(first.start) || !startsUpper(first.text) || !mayStartName(first.text)) continue;
      for (let n = Math.min(MAX_TOKENS, tokens.length - i); n >= 1; n--) {
        const run = tokens.slice(i, i + n);
        const last = run[run.length - 1];
        if (!last || run.some((t) => taken.has(t.start))) continue;
        // The run must end a word: "Post" of "Kyiv Post" is not "Kyiv" followed by more capitals.
        const next = tokens[i + n];
        if (!shouting && next && startsUpper(next.text) && /^\p{L}/u.test(next.text) && !taken.has(next.start)) continue;
        const type = known.get(normalizeName(text.slice(first.start, last.end)));
        if (!type) continue;
        added.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type, tokens: run });
        for (const t of run) taken.add(t.start);
        i += n - 1;
        break;
      }
    }
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Names the tagger missed but a following type noun gives away: "Time magazine", "Zaman newspaper".
 * The capitalised run before the noun becomes a mention of the noun's type, the phrase an alias.
 */
export function typeNounMentions(text: string, sequences: readonly Token[][], mentions: readonly Mention[]): Mention[] {
  const taken = new Set<number>();
  for (const m of mentions) for (const t of m.tokens) taken.add(t.start);
  const endingAt = new Map(mentions.map((m) => [m.tokens[m.tokens.length - 1]?.start ?? -1, m]));
  const added: Mention[] = [];
  for (const tokens of sequences) {
    tokens.forEach((noun, i) => {
      const type = TYPE_NOUNS.get(noun.text);
      if (type !== 'organization' || i === 0) return;
      const tagged = endingAt.get(tokens[i - 1]?.start ?? -1);
      if (tagged) {
        // The tagger found the name; the noun settles its type and gives the longer alias.
        if (tagged.end === tokens[i - 1]?.end) {
          tagged.type = type;
          tagged.fullText = text.slice(tagged.start, noun.end);
        }
        return;
      }
      let first = i;
      while (first > 0 && i - first < 4) {
        const t = tokens[first - 1];
        if (!t || taken.has(t.start) || !startsUpper(t.text) || !/^\p{L}/u.test(t.text)) break;
        first--;
      }
      // A name at the very start of a sentence could be any capitalised word: leave it.
      if (first === i || first === 0) return;
      const run = tokens.slice(first, i);
      const head = run[0];
      const tail = run[run.length - 1];
      if (!head || !tail || run.some((t) => DEMONYMS.has(t.text.toLowerCase()))) return;
      added.push({
        start: head.start,
        end: tail.end,
        text: text.slice(head.start, tail.end),
        type,
        tokens: run,
        fullText: text.slice(head.start, noun.end),
      });
    });
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Headlines in capitals run names together ("RUSSIA AND CHINA SIGN …" read as one name). A headline
 * mention that is not a name of the body but splits into body names joined by small words becomes
 * those names.
 */
export function splitHeadlineMentions(text: string, sequences: readonly Token[][], mentions: readonly Mention[]): Mention[] {
  const shoutingTokens = new Set<number>();
  for (const tokens of sequences) if (isAllCaps(tokens)) for (const t of tokens) shoutingTokens.add(t.start);
  const known = new Map<string, MentionType>();
  for (const m of mentions) {
    if (m.type !== 'misc' && !shoutingTokens.has(m.start)) known.set(normalizeName(m.text), m.type);
  }
  const out: Mention[] = [];
  for (const m of mentions) {
    if (!shoutingTokens.has(m.start) || m.tokens.length < 3 || known.has(normalizeName(m.text))) {
      out.push(m);
      continue;
    }
    const parts: Mention[] = [];
    let ok = true;
    for (let i = 0; i < m.tokens.length && ok; ) {
      let matched = 0;
      for (let n = m.tokens.length - i; n >= 1 && matched === 0; n--) {
        const first = m.tokens[i];
        const last = m.tokens[i + n - 1];
        if (!first || !last) continue;
        const type = known.get(normalizeName(text.slice(first.start, last.end)));
        if (!type) continue;
        parts.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type, tokens: m.tokens.slice(i, i + n) });
        matched = n;
      }
      if (matched > 0) i += matched;
      else {
        const word = m.tokens[i]?.text ?? '';
        ok = SMALL_WORDS.has(word.toLowerCase()) || !/\p{L}/u.test(word);
        i++;
      }
    }
    if (ok && parts.length > 0) out.push(...parts);
    else out.push(m);
  }
  return out;
}

const INITIAL_SKIP = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', '&', 'de', 'du', 'des', 'la', 'le']);

/** Whether `abbreviation` spells the initials of `words` ("DCK" of "Democratic Choice of Kazakhstan"). */
function spellsInitials(abbreviation: string, words: readonly string[]): boolean {
  const initials = words
    .filter((w) => !INITIAL_SKIP.has(w.toLowerCase()) && /^\p{L}/u.test(w))
    .map((w) => (w[0] ?? '').toUpperCase())
    .join('');
  return initials.length >= 2 && initials === abbreviation;
}

/**
 * An abbreviation in brackets right after a name ("Committee to Protect Journalists (CPJ)") is a
 * mention of that name, tagged or not; later mentions of it follow through `propagateMentions`.
 */
export function abbreviationMentions(text: string, sequences: readonly Token[][], mentions: readonly Mention[]): Mention[] {
  const byEnd = new Map<number, Mention>();
  for (const m of mentions) if (m.type !== 'misc' && m.tokens.length >= 2) byEnd.set(m.tokens[m.tokens.length - 1]?.start ?? -1, m);
  const out = mentions.filter(() => true);
  const replaced = new Set<Mention>();
  for (const tokens of sequences) {
    tokens.forEach((t, i) => {
      const name = byEnd.get(t.start);
      const open = tokens[i + 1];
      const abbr = tokens[i + 2];
      const close = tokens[i + 3];
      if (!name || open?.text !== '(' || close?.text !== ')' || !abbr || !/^[A-Z]{2,7}$/.test(abbr.text)) return;
      if (!spellsInitials(abbr.text, name.tokens.map((x) => x.text))) return;
      const existing = out.find((m) => m.start === abbr.start && m.end === abbr.end);
      if (existing) replaced.add(existing);
      out.push({
        start: abbr.start,
        end: abbr.end,
        text: abbr.text,
        type: name.type,
        tokens: [abbr],
        refersTo: normalizeName(name.text),
      });
    });
  }
  return out.filter((m) => !replaced.has(m)).sort((a, b) => a.start - b.start);
}
