import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Extraction } from '../domain/chronicle-json.js';
import { BadInputError } from '../errors.js';
import type { ExtractInput } from '../pipeline/extract.js';

/** One gold TIMEX3 of a TimeML document, with offsets into the text of its <TEXT> element. */
export interface GoldTimex {
  start: number;
  end: number;
  type: string | undefined;
  value: string | undefined;
}

/** A TimeML document: the plain text of <TEXT> (tags stripped, trimmed), its creation date and gold timexes. */
export interface TimemlDocument {
  id: string;
  text: string;
  published: string;
  timexes: GoldTimex[];
}

/** Scores and a printable summary. */
export interface TimemlReport {
  metrics: Record<string, number>;
  lines: string[];
}

/** A predicted timex as scored: only offsets, type and value count. */
export interface ScoredTimex {
  start: number;
  end: number;
  type?: string;
  value?: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', rsquo: '’',
  lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', eacute: 'é', laquo: '«', raquo: '»',
};

/** Character references as Python's html.unescape reads them (numeric ones and the common named ones). */
function unescapeHtml(s: string): string {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** Reads one TimeML file as /work/shared/tools/timeml.py does: creation time from <DCT>, text from <TEXT>. */
export function readTimeml(path: string): TimemlDocument {
  const raw = readFileSync(path, 'utf8');
  const dct = /<DCT>[\s\S]*?value="([^"]+)"/.exec(raw);
  if (!dct?.[1]) throw new BadInputError(path, 'no <DCT> with a value attribute');
  const bodyMatch = /<TEXT>([\s\S]*)<\/TEXT>/.exec(raw);
  if (bodyMatch?.[1] === undefined) throw new BadInputError(path, 'no <TEXT> element');
  const body = bodyMatch[1];
  const tag = /<(\/?)(\w+)([^>]*)>/g;
  const timexes: GoldTimex[] = [];
  const stack: { start: number; attrs: Record<string, string> }[] = [];
  let text = '';
  let pos = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    text += unescapeHtml(body.slice(pos, m.index));
    pos = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)) attrs[a[1] ?? ''] = a[2] ?? '';
      stack.push({ start: text.length, attrs });
    } else {
      const open = stack.pop();
      if (!open) throw new BadInputError(path, `</TIMEX3> without an opening tag at character ${m.index}`);
      timexes.push({ start: open.start, end: text.length, type: open.attrs.type, value: open.attrs.value });
    }
  }
  text += unescapeHtml(body.slice(pos));
  const lead = text.length - text.trimStart().length;
  text = text.trim();
  for (const t of timexes) {
    t.start -= lead;
    t.end -= lead;
  }
  return { id: basename(path).split('.')[0] ?? basename(path), text, published: dct[1].slice(0, 10), timexes };
}

/** Every `*.tml` file of a directory, in name order. */
export function readTimemlDir(dir: string): TimemlDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => readTimeml(join(dir, f)));
}

// Python's round(x, 4), close enough: ties at the fifth decimal are vanishingly rare in these ratios.
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** One gold timex and the prediction it was matched to, or null when missed. */
export interface TimexMatch {
  gold: GoldTimex;
  predicted: ScoredTimex | null;
  exact: boolean;
}

/**
 * TempEval-3 matching as timeml.py does it: each gold timex takes the first unused overlapping prediction,
 * or an exact one if there is one.
 */
export function matchTimexes(gold: GoldTimex[], predicted: ScoredTimex[]): { matches: TimexMatch[]; unused: ScoredTimex[] } {
  const used = new Set<number>();
  const matches: TimexMatch[] = [];
  for (const g of gold) {
    let best: { i: number; exact: boolean } | null = null;
    for (let i = 0; i < predicted.length; i++) {
      const p = predicted[i];
      if (!p || used.has(i) || p.start >= g.end || p.end <= g.start) continue;
      const exact = p.start === g.start && p.end === g.end;
      if (best === null || exact) best = { i, exact };
      if (exact) break;
    }
    if (!best) {
      matches.push({ gold: g, predicted: null, exact: false });
      continue;
    }
    used.add(best.i);
    matches.push({ gold: g, predicted: predicted[best.i] ?? null, exact: best.exact });
  }
  return { matches, unused: predicted.filter((_, i) => !used.has(i)) };
}

/** Strict and relaxed span F1, type and value accuracy on relaxed matches, and value F1 (timeml.py's metrics). */
export function scoreTimexes(docs: TimemlDocument[], predictions: Map<string, ScoredTimex[]>): TimemlReport {
  let nGold = 0;
  let nPred = 0;
  let strict = 0;
  let relaxed = 0;
  let typeOk = 0;
  let valueOk = 0;
  const lines: string[] = [];
  for (const d of docs) {
    const p = predictions.get(d.id) ?? [];
    nGold += d.timexes.length;
    nPred += p.length;
    const { matches, unused } = matchTimexes(d.timexes, p);
    for (const { gold, predicted, exact } of matches) {
      const goldText = JSON.stringify(d.text.slice(gold.start, gold.end));
      if (!predicted) {
        lines.push(`${d.id}\tmissed\t${goldText}\t${gold.type} ${gold.value}`);
        continue;
      }
      relaxed += 1;
      if (exact) strict += 1;
      if (predicted.type === gold.type) typeOk += 1;
      if (String(predicted.value) === gold.value) valueOk += 1;
      else lines.push(`${d.id}\tvalue\t${goldText}\tgold ${gold.type} ${gold.value}\tgot ${predicted.type} ${predicted.value}`);
      if (!exact) lines.push(`${d.id}\tspan\t${goldText}\tgot ${JSON.stringify(d.text.slice(predicted.start, predicted.end))}`);
    }
    for (const u of unused) {
      lines.push(`${d.id}\tspurious\t${JSON.stringify(d.text.slice(u.start, u.end))}\t${u.type} ${u.value}`);
    }
  }
  const f1 = (k: number): number => {
    const pr = nPred ? k / nPred : 0;
    const rc = nGold ? k / nGold : 0;
    return pr + rc ? round4((2 * pr * rc) / (pr + rc)) : 0;
  };
  const metrics = {
    strict_f1: f1(strict),
    relaxed_f1: f1(relaxed),
    type_acc: relaxed ? round4(typeOk / relaxed) : 0,
    value_acc: relaxed ? round4(valueOk / relaxed) : 0,
    value_f1: relaxed ? round4(f1(relaxed) * (valueOk / relaxed)) : 0,
    gold: nGold,
    pred: nPred,
  };
  const summary = Object.entries(metrics).map(([k, v]) => `${k}=${v}`).join(' ');
  return { metrics, lines: [summary, ...lines] };
}

/** Runs `extract` on every TimeML file of `dir` (creation date as publication date) and scores its timexes. */
export function scoreTimeml(dir: string, extract: (input: ExtractInput) => Extraction): TimemlReport {
  const docs = readTimemlDir(dir);
  const predictions = new Map<string, ScoredTimex[]>();
  for (const d of docs) predictions.set(d.id, extract({ id: d.id, text: d.text, published: d.published }).timexes);
  return scoreTimexes(docs, predictions);
}
