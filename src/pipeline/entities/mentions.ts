import type { EntityType } from '../../domain/chronicle-json.js';
import type { Token } from '../segment.js';
import { spansOf } from './labels.js';
import { HOLIDAYS, INSTITUTION_WORDS, MISC_HEADS, PERSON_TITLES, TYPE_NOUNS } from './lexicon.js';

/** An entity type, or a name of no type Chronicle keeps. */
export type MentionType = EntityType | 'misc';

/** One tagged name in the text, before clustering. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  /** `misc` names (events, nationalities, works) take part in clustering, then are dropped. */
  type: MentionType;
  /** Its tokens (after trimming). */
  tokens: Token[];
  /** A trailing type noun cut off the name ("magazine" of "Time magazine"): the full text is an alias. */
  fullText?: string;
  /** For an abbreviation introduced in brackets, the normalised name it stands for. */
  refersTo?: string;
}

const TAG_TYPE: Record<string, MentionType | undefined> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'misc',
};
const POSSESSIVE = /^['’]s?$/;
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das']);
const EDGE_PUNCT = /^[-–—"“”‘’'(),.:;!?]+$/;

/**
 * Turns labelled sequences into mentions: titles, possessives and stray punctuation
 * trimmed from the edges, so `text.slice(start, end)` is the bare name.
 */
export function mentionsOf(text: string, sequences: readonly Token[][], labels: readonly string[][]): Mention[] {
  const out: Mention[] = [];
  sequences.forEach((tokens, s) => {
    for (const span of spansOf(labels[s] ?? [])) {
      const spanType = TAG_TYPE[span.tag];
      if (!spanType) continue;
      // "al-Mansouri" with only "Mansouri" tagged (as anything): the glued particle belongs to the name.
      const first = particleNameStart(tokens, labels[s] ?? [], span.start, spanType === 'person');
      let toks = tokens.slice(first, span.end);
      while (toks.length > 1 && isLeadingNoise(toks[0], spanType)) toks = toks.slice(1);
      // "General Security", "State Security": a title word left before an institution's word is its name.
      let type = spanType;
      if (type === 'person' && toks.length === 1 && INSTITUTION_WORDS.has(toks[0]?.text.toLowerCase() ?? '') && toks[0] !== tokens[first]) {
        toks = tokens.slice(first, span.end).filter((t) => !EDGE_PUNCT.test(t.text));
        type = 'organization';
      }
      toks = toks.slice(0, runOnEnd(toks));
      // "Time magazine": the name is "Time", the whole phrase an alias.
      const last = toks[toks.length - 1];
      const typeNoun = last && toks.length > 1 ? TYPE_NOUNS.get(last.text) : undefined;
      let fullText: string | undefined;
      if (typeNoun && last) {
        fullText = text.slice(toks[0]?.start ?? 0, last.end);
        toks = toks.slice(0, -1);
      }
      while (toks.length > 0 && isTrailingNoise(toks[toks.length - 1])) toks = toks.slice(0, -1);
      const head = toks[0];
      const tail = toks[toks.length - 1];
      if (!head || !tail) continue;
      // A possessive glued to the word by the tokenizer ("Sadykov’s" as one token).
      let end = tail.end;
      if (/['’]s$/.test(tail.text) && tail.text.length > 2) end -= 2;
      const mention: Mention = { start: head.start, end, text: text.slice(head.start, end), type, tokens: toks };
      if (fullText !== undefined && fullText !== mention.text) mention.fullText = fullText;
      // "EuroMaidan Revolution", "World Cup": events and prizes, whatever the tagger thought.
      if ((toks.length > 1 && MISC_HEADS.has(tail.text.toLowerCase())) || HOLIDAYS.has(mention.text.toLowerCase())) mention.type = 'misc';
      else if (mention.type === 'misc' && looksLikePersonalName(toks)) mention.type = 'person';
      if (/\p{L}/u.test(mention.text)) out.push(mention);
    }
  });
  return out;
}

/** Lower-case words that stand inside names: particles and the small words of institutions' names. */
const INNER_WORDS = new Set([...NAME_PARTICLES, 'of', 'for', 'on', 'and', 'the', 'to', 'del', 'las', 'los', 'y', 'e', 'do', 'des', 'et', 'und', 'against', 'at', 'in']);

/**
 * Where a tagged span stops being a name: at a bracket ("Union (UBJ", the bracketed abbreviation is
 * read on its own) or at a lower-case word no name has inside it ("M23 since January").
 */
function runOnEnd(toks: readonly Token[]): number {
  for (let i = 1; i < toks.length; i++) {
    const word = toks[i]?.text ?? '';
    if (word === '(' || word === ')' || word === '[') return i;
    if (startsLower(word) && /^\p{L}/u.test(word) && !INNER_WORDS.has(word)) return i;
  }
  return toks.length;
}

/** Whether token `b` follows token `a` with no space between ("al" "-" "Mutairi" of "al-Mutairi"). */
function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/**
 * Where a person's name starts when the tagger took only the part after a lower-case particle:
 * "Bader al-Mutairi" tagged as "Mutairi". A particle glued by a hyphen to the name ("al-", "el-",
 * "bin-") belongs to it, and so does a capitalised given name right before the particle.
 */
function particleNameStart(tokens: readonly Token[], labels: readonly string[], start: number, person: boolean): number {
  let first = start;
  const at = (i: number): Token | undefined => tokens[i];
  if (at(first)?.text === '-' && NAME_PARTICLES.has(at(first - 1)?.text ?? '') && glued(at(first - 1), at(first))) first -= 1;
  else if (at(first - 1)?.text === '-' && glued(at(first - 1), at(first)) && NAME_PARTICLES.has(at(first - 2)?.text ?? '') && glued(at(first - 2), at(first - 1))) first -= 2;
  if (first === start || !person) return first;
  const given = at(first - 1);
  if (given && !glued(given, at(first)) && /^\p{Lu}\p{Ll}+$/u.test(given.text) && !PERSON_TITLES.has(given.text.toLowerCase()) && labels[first - 1] === 'O') first -= 1;
  return first;
}

// Surname endings of the former Soviet Union, the Caucasus and the Balkans, where much of our news comes from.
const SURNAME_ENDING = /(?:ov|ova|ev|eva|yev|yeva|enko|chuk|yuk|sky|ski|skaya|shvili|dze|yan|oglu|uly|kyzy|ovic|evic|ić)$/;

/** Two or three capitalised words, the last with a surname ending: "Serikzhan Mambetaliev". */
function looksLikePersonalName(toks: readonly Token[]): boolean {
  if (toks.length < 2 || toks.length > 3) return false;
  if (!toks.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) return false;
  return SURNAME_ENDING.test(toks[toks.length - 1]?.text ?? '');
}

function isLeadingNoise(token: Token | undefined, type: MentionType): boolean {
  if (!token) return false;
  if (EDGE_PUNCT.test(token.text)) return true;
  if (startsLower(token.text) && !NAME_PARTICLES.has(token.text)) return true;
  const low = token.text.toLowerCase().replace(/\.$/, '');
  return type === 'person' && PERSON_TITLES.has(low);
}

function isTrailingNoise(token: Token | undefined): boolean {
  if (!token) return false;
  // Scores and figures after a name ("A. Dale 69" in a cricket table) are not part of it.
  return POSSESSIVE.test(token.text) || EDGE_PUNCT.test(token.text) || startsLower(token.text) || /^[\d.,:/-]+$/.test(token.text);
}

/** Lower-case words inside names are particles ("Bank of England", "Charles de Gaulle"), never at their end. */
function startsLower(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toUpperCase();
}
