/**
 * Reads the Groningen Meaning Bank NER extract (Kaggle CSV: `Sentence #,Word,POS,Tag`, Latin-1) as
 * CoNLL-style documents of consecutive sentences, its tags mapped to CoNLL's: per → PER (titles left
 * out, as CoNLL does), org → ORG, geo → LOC, gpe (mostly nationalities) and art/eve/nat → MISC, tim → O.
 */
import { readFileSync } from 'node:fs';
import type { ConllDocument, ConllToken } from '../../src/eval/conll.js';
import { PERSON_TITLES } from '../../src/pipeline/entities/lexicon.js';

const TYPE: Record<string, string | undefined> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', art: 'MISC', eve: 'MISC', nat: 'MISC' };

function splitRow(line: string): [string, string] {
  const lastComma = line.lastIndexOf(',');
  const rest = line.slice(0, lastComma);
  let word = rest.slice(rest.indexOf(',') + 1, rest.lastIndexOf(','));
  if (word.startsWith('"') && word.endsWith('"') && word.length >= 2) word = word.slice(1, -1).replace(/""/g, '"');
  return [word, line.slice(lastComma + 1).trim()];
}

/** The first `maxSentences` sentences, `perDocument` to a document. */
export function readGmb(path: string, maxSentences: number, perDocument = 15): ConllDocument[] {
  const sentences: [string, string][][] = [];
  let cur: [string, string][] = [];
  for (const line of readFileSync(path, 'latin1').split('\n').slice(1)) {
    if (!line.trim()) continue;
    if (line.startsWith('Sentence:') && cur.length > 0) {
      sentences.push(cur);
      cur = [];
      if (sentences.length >= maxSentences) break;
    }
    cur.push(splitRow(line));
  }
  if (cur.length > 0 && sentences.length < maxSentences) sentences.push(cur);
  const docs: ConllDocument[] = [];
  for (let s = 0; s < sentences.length; s += perDocument) {
    let text = '';
    const tokens: ConllToken[] = [];
    for (const sentence of sentences.slice(s, s + perDocument)) {
      if (text) text += '\n';
      let inTitle = false;
      sentence.forEach(([word, tag], j) => {
        if (j > 0) text += ' ';
        const type = TYPE[tag.slice(2)];
        let mapped = type ? `${tag[0]}-${type}` : 'O';
        // "President Bush": GMB puts the title inside the name, CoNLL outside.
        if (mapped === 'B-PER' && PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, ''))) {
          mapped = 'O';
          inTitle = true;
        } else if (mapped === 'I-PER' && inTitle) {
          mapped = PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, '')) ? 'O' : 'B-PER';
          inTitle = mapped === 'O';
        } else {
          inTitle = false;
        }
        tokens.push({ start: text.length, end: text.length + word.length, tag: mapped });
        text += word;
      });
    }
    docs.push({ id: `gmb-${docs.length}`, text, tokens });
  }
  return docs;
}
