import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token with its exact place in the text and its universal part of speech (UD tag set). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
}

/** One sentence: its span and its tokens (whitespace tokens left out). */
export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

/** A document cut into sentences and tokens, the input of every later stage. */
export interface Segmented {
  text: string;
  sentences: Sentence[];
}

// One wink instance per process: loading the model is the costly part, reading a document is cheap.
let nlp: ReturnType<typeof winkNLP> | undefined;

function getNlp(): ReturnType<typeof winkNLP> {
  // Only sentence breaking and parts of speech are used; wink's own entities, negation and sentiment
  // passes would cost ~40% of reading time and change neither tokens, sentences nor tags.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/**
 * Splits text into sentences and tokens with exact UTF-16 offsets.
 * Blank lines always end a sentence: headlines and paragraphs in news have no final stop.
 */
export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  // Paragraph breaks are hard boundaries; wink then splits each block.
  const blockRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = blockRe.exec(text); m; m = blockRe.exec(text)) {
    if (m[0].trim() === '') continue;
    segmentBlock(m.index, m[0], sentences);
  }
  return { text, sentences };
}

function segmentBlock(offset: number, block: string, out: Sentence[]): void {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(block);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // Token offsets: wink does not report them, so find each token in order from a moving cursor.
  const located: (Token | null)[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const tag = tags[i] ?? 'X';
    if (tag === 'SPACE' || value.trim() === '') {
      located.push(null);
      continue;
    }
    const at = block.indexOf(value, cursor);
    if (at < 0) {
      // wink normalises a few characters; fall back to the next non-space run.
      const rest = /\S+/.exec(block.slice(cursor));
      if (!rest) {
        located.push(null);
        continue;
      }
      const start = cursor + rest.index;
      located.push({ start: offset + start, end: offset + start + rest[0].length, text: rest[0], pos: tag });
      cursor = start + rest[0].length;
      continue;
    }
    located.push({ start: offset + at, end: offset + at + value.length, text: value, pos: tag });
    cursor = at + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const tokens = joinSplitWords(located.slice(first, last + 1).filter((t): t is Token => t !== null));
    const head = tokens[0];
    const tail = tokens[tokens.length - 1];
    if (!head || !tail) continue;
    out.push({ start: head.start, end: tail.end, tokens });
  }
}

const LETTER_END = /[\p{L}\p{M}]$/u;
const LETTER_START = /^[\p{L}\p{M}]/u;
const BEYOND_ASCII = /[^\x00-\x7f]/;

/**
 * wink's tokenizer breaks words at letters beyond Latin-1 ("Markovi|ć", "Ł|ukasz", "Ay|ş|e"), which would cut
 * Polish, Czech, Turkish, South Slavic and Vietnamese names apart. Touching letter runs, one of them with such
 * a letter, are one word again; the part of speech of a proper noun among them wins.
 */
function joinSplitWords(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && prev.end === t.start && LETTER_END.test(prev.text) && LETTER_START.test(t.text) && (BEYOND_ASCII.test(prev.text) || BEYOND_ASCII.test(t.text))) {
      out[out.length - 1] = { start: prev.start, end: t.end, text: prev.text + t.text, pos: prev.pos === 'PROPN' || t.pos === 'PROPN' ? 'PROPN' : prev.pos };
    } else out.push(t);
  }
  return out;
}
