import type { EntityType, Extraction } from '../domain/chronicle-json.js';
import { BadInputError } from '../errors.js';
import type { ExtractInput } from '../pipeline/extract.js';

/** One token of a CoNLL document: its place in the rebuilt text and its gold tag. */
export interface ConllToken {
  start: number;
  end: number;
  tag: string;
}

/** A CoNLL document rebuilt as text: tokens joined by single spaces, sentences by newlines. */
export interface ConllDocument {
  id: string;
  text: string;
  tokens: ConllToken[];
}

/** A chunk: tokens `[start, end)` of one type. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

/** Scores and a printable summary. */
export interface ConllReport {
  metrics: Record<string, number>;
  lines: string[];
}

/** The date given to CoNLL-2003 documents (Reuters, December 1996). */
export const CONLL_PUBLISHED = '1996-12-06';

/**
 * Reads CoNLL NER text: `token … tag` lines (space separated, as CoNLL-2003) or `idx token tag` lines
 * (tab separated, as wikigold); blank lines end sentences and `-DOCSTART-` starts a document.
 */
export function readConll(conllText: string, origin = 'conll'): ConllDocument[] {
  const docs: string[][][][] = [];
  let cur: string[][][] | null = null;
  let sent: string[][] = [];
  const flush = (): void => {
    if (sent.length > 0 && cur) cur.push(sent);
    sent = [];
  };
  conllText.split('\n').forEach((raw, lineNo) => {
    const line = raw.replace(/\r$/, '');
    const parts = line.includes('\t') ? line.split('\t').slice(1) : line.split(' ');
    if (parts[0] === '-DOCSTART-') {
      flush();
      cur = [];
      docs.push(cur);
      return;
    }
    if (!cur) {
      cur = [];
      docs.push(cur);
    }
    if (line.trim() === '') {
      flush();
      return;
    }
    const word = parts[0] ?? '';
    const tag = parts[parts.length - 1] ?? '';
    if (parts.length < 2 || word === '' || !/^(O|[BI]-\S+)$/.test(tag)) {
      throw new BadInputError(`${origin}:${lineNo + 1}`, `expected "token … tag", got ${JSON.stringify(line)}`);
    }
    sent.push([word, tag]);
  });
  flush();
  return docs
    .filter((d) => d.length > 0)
    .map((sents, i) => {
      let text = '';
      const tokens: ConllToken[] = [];
      for (const s of sents) {
        if (text) text += '\n';
        s.forEach(([word = '', tag = 'O'], j) => {
          if (j > 0) text += ' ';
          tokens.push({ start: text.length, end: text.length + word.length, tag });
          text += word;
        });
      }
      return { id: `conll-${String(i).padStart(3, '0')}`, text, tokens };
    });
}

/** Chunks of an IOB1 or IOB2 tag sequence. */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    if (t === 'O' || t.startsWith('B-') || (t.startsWith('I-') && t.slice(2) !== type)) {
      if (start >= 0) out.push({ start, end: i, type });
      if (t === 'O') {
        start = -1;
        type = '';
      } else {
        start = i;
        type = t.slice(2);
      }
    }
  }
  return out;
}

const TYPE_TAG: Record<EntityType, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const SCORED = ['PER', 'ORG', 'LOC'] as const;

function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return [p, r, p + r > 0 ? (2 * p * r) / (p + r) : 0];
}

const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;

/** Predicted chunks of one document: each mention mapped to the gold tokens it covers entirely. */
export function predictedChunks(doc: ConllDocument, extraction: Extraction): Chunk[] {
  const out = new Map<string, Chunk>();
  for (const e of extraction.entities) {
    const type = TYPE_TAG[e.type];
    for (const m of e.mentions) {
      let first = -1;
      let last = -1;
      doc.tokens.forEach((t, i) => {
        if (t.start >= m.start && t.end <= m.end) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first >= 0) {
        const c = { start: first, end: last + 1, type };
        out.set(key(c), c);
      }
    }
  }
  return [...out.values()];
}

/**
 * Exact-chunk precision, recall and F1 on PER/ORG/LOC, scored as shared/tools/conll.py does: gold MISC
 * chunks are removed and predicted chunks overlapping one are ignored.
 */
export function scoreConll(conllText: string, extract: (input: ExtractInput) => Extraction): ConllReport {
  const docs = readConll(conllText);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const per: Record<string, [number, number, number]> = { PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0] };
  for (const doc of docs) {
    const all = chunksOf(doc.tokens.map((t) => t.tag));
    const misc = all.filter((c) => c.type === 'MISC');
    const gold = new Set(all.filter((c) => c.type !== 'MISC').map(key));
    const extraction = extract({ id: doc.id, text: doc.text, published: CONLL_PUBLISHED });
    const pred = predictedChunks(doc, extraction).filter(
      (c) => !misc.some((m) => c.start < m.end && c.end > m.start),
    );
    const predKeys = new Set(pred.map(key));
    for (const c of pred) {
      const counts = per[c.type];
      if (gold.has(key(c))) {
        tp++;
        if (counts) counts[0]++;
      } else {
        fp++;
        if (counts) counts[1]++;
      }
    }
    for (const g of gold) {
      if (predKeys.has(g)) continue;
      fn++;
      const counts = per[g.split(':')[2] ?? ''];
      if (counts) counts[2]++;
    }
  }
  const [p, r, f1] = prf(tp, fp, fn);
  const metrics: Record<string, number> = { precision: p, recall: r, f1, gold_chunks: tp + fn };
  const lines = [`all  P ${p.toFixed(4)}  R ${r.toFixed(4)}  F1 ${f1.toFixed(4)}  (${tp + fn} gold chunks)`];
  for (const t of SCORED) {
    const [a, b, c] = per[t] ?? [0, 0, 0];
    const [tp2, tr2, tf2] = prf(a, b, c);
    metrics[`${t}_precision`] = tp2;
    metrics[`${t}_recall`] = tr2;
    metrics[`${t}_f1`] = tf2;
    lines.push(`${t.padEnd(4)} P ${tp2.toFixed(4)}  R ${tr2.toFixed(4)}  F1 ${tf2.toFixed(4)}  (${a + c} gold)`);
  }
  return { metrics, lines };
}
