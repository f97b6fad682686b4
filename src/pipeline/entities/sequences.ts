import type { Segmented, Token } from '../segment.js';

/**
 * The runs of tokens the tagger labels: sentences, further cut at line breaks, since a line break in
 * news separates a headline, a byline or a dateline from what follows even when no full stop does.
 */
export function taggingSequences(doc: Segmented): Token[][] {
  const out: Token[][] = [];
  for (const sentence of doc.sentences) {
    let run: Token[] = [];
    let prevEnd = -1;
    for (const token of sentence.tokens) {
      if (run.length > 0 && hasLineBreak(doc.text, prevEnd, token.start)) {
        out.push(run);
        run = [];
      }
      run.push(token);
      prevEnd = token.end;
    }
    if (run.length > 0) out.push(run);
  }
  return out;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
