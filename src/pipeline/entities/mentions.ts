import type { EntityType } from '../../domain/chronicle-json.js';
import type { Token } from '../segment.js';
import { spansOf } from './labels.js';
import { PERSON_TITLES, TYPE_NOUNS } from './lexicon.js';

/** One tagged name in the text, before clustering. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Its tokens (after trimming). */
  tokens: Token[];
  /** A trailing type noun cut off the name ("magazine" of "Time magazine"): the full text is an alias. */
  fullText?: string;
}

const TAG_TYPE: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const POSSESSIVE = /^['’]s?$/;
const EDGE_PUNCT = /^[-–—"“”‘’'(),.:;!?]+$/;

/**
 * Turns labelled sequences into mentions: MISC dropped; titles, possessives and stray punctuation
 * trimmed from the edges, so `text.slice(start, end)` is the bare name.
 */
export function mentionsOf(text: string, sequences: readonly Token[][], labels: readonly string[][]): Mention[] {
  const out: Mention[] = [];
  sequences.forEach((tokens, s) => {
    for (const span of spansOf(labels[s] ?? [])) {
      const type = TAG_TYPE[span.tag];
      if (!type) continue;
      let toks = tokens.slice(span.start, span.end);
      while (toks.length > 1 && isLeadingNoise(toks[0], type)) toks = toks.slice(1);
      while (toks.length > 0 && isTrailingNoise(toks[toks.length - 1])) toks = toks.slice(0, -1);
      // A possessive glued to the word by the tokenizer ("Sadykov’s" as one token).
      const head = toks[0];
      const tail = toks[toks.length - 1];
      if (!head || !tail) continue;
      let end = tail.end;
      const glued = /['’]s$/.exec(tail.text);
      if (glued && tail.text.length > 2) end -= 2;
      const mention: Mention = { start: head.start, end, text: text.slice(head.start, end), type, tokens: toks };
      const last = toks[toks.length - 1];
      const typeNoun = last && toks.length > 1 ? TYPE_NOUNS[last.text.toLowerCase()] : undefined;
      if (typeNoun && last && last.text[0] === last.text[0]?.toLowerCase()) {
        const prev = toks[toks.length - 2];
        if (prev) {
          mention.fullText = mention.text;
          mention.end = prev.end;
          mention.text = text.slice(mention.start, prev.end);
          mention.tokens = toks.slice(0, -1);
        }
      }
      if (/\p{L}/u.test(mention.text)) out.push(mention);
    }
  });
  return out;
}

function isLeadingNoise(token: Token | undefined, type: EntityType): boolean {
  if (!token) return false;
  if (EDGE_PUNCT.test(token.text)) return true;
  const low = token.text.toLowerCase().replace(/\.$/, '');
  return type === 'person' && PERSON_TITLES.has(low);
}

function isTrailingNoise(token: Token | undefined): boolean {
  if (!token) return false;
  return POSSESSIVE.test(token.text) || EDGE_PUNCT.test(token.text);
}
