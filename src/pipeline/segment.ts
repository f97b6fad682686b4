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
  // Paragraph breaks are hard boundaries. wink reads the whole text at once (a call costs about a
  // quarter of a paragraph's reading whatever its length) and its sentences are cut at the breaks;
  // wink's sentence breaking and tagging do not reach across a blank line, so the tokens and tags are
  // those of reading each paragraph alone (segment.test.ts checks both ways agree).
  const blockEnds: number[] = [];
  const blockRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = blockRe.exec(text); m; m = blockRe.exec(text)) {
    if (m[0].trim() !== '') blockEnds.push(m.index + m[0].length);
  }
  const sentences: Sentence[] = [];
  if (blockEnds.length === 0) return { text, sentences };
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // Token offsets: wink does not report them, so find each token in order from a moving cursor,
  // never past the end of the paragraph the cursor is in.
  const located: (Token | null)[] = [];
  const blockOf: number[] = [];
  let cursor = 0;
  let block = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const tag = tags[i] ?? 'X';
    if (tag === 'SPACE' || value.trim() === '') {
      located.push(null);
      blockOf.push(-1);
      continue;
    }
    // The paragraph of the next word: the first whose end lies beyond the next non-space character.
    const next = nextNonSpace(text, cursor);
    while (block < blockEnds.length - 1 && (blockEnds[block] as number) <= next) block++;
    const end = blockEnds[block] as number;
    const at = text.indexOf(value, cursor);
    if (at < 0 || at + value.length > end) {
      // wink normalises a few characters; fall back to the next non-space run.
      const rest = /\S+/.exec(text.slice(cursor, end));
      if (!rest) {
        located.push(null);
        blockOf.push(-1);
        continue;
      }
      const start = cursor + rest.index;
      located.push({ start, end: start + rest[0].length, text: rest[0], pos: tag });
      blockOf.push(block);
      cursor = start + rest[0].length;
      continue;
    }
    located.push({ start: at, end: at + value.length, text: value, pos: tag });
    blockOf.push(block);
    cursor = at + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    let run: Token[] = [];
    let runBlock = -1;
    for (let i = first; i <= last; i++) {
      const t = located[i];
      if (!t) continue;
      const b = blockOf[i] as number;
      if (run.length > 0 && b !== runBlock) {
        pushSentence(run, sentences);
        run = [];
      }
      runBlock = b;
      run.push(t);
    }
    pushSentence(run, sentences);
  }
  return { text, sentences };
}

function pushSentence(tokens: Token[], out: Sentence[]): void {
  const head = tokens[0];
  const tail = tokens[tokens.length - 1];
  if (head && tail) out.push({ start: head.start, end: tail.end, tokens });
}

/** Offset of the first non-whitespace character at or after `from` (the text length when none). */
function nextNonSpace(text: string, from: number): number {
  NON_SPACE.lastIndex = from;
  return NON_SPACE.exec(text)?.index ?? text.length;
}

const NON_SPACE = /\S/g;
