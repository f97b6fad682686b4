/**
 * Trains the entity tagger (averaged perceptron, greedy BILOU) and writes models/ner/.
 *
 *   npm run train:ner -- [--data ../shared/data/ner] [--out models/ner] [--iterations 8] [--headlines 0.04]
 *                        [--gmb SENTENCES] [--dev]
 *
 * Trains on CoNLL-2003 English train; builds the gazetteer from the installed country and city packages
 * and the GMB extract; with --dev, scores the development split (testa) after training.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chunksOf, readConll, scoreConll, type ConllDocument } from '../src/eval/conll.js';
import { featurizeDocument } from '../src/pipeline/entities/featurize.js';
import { wordFeatures } from '../src/pipeline/entities/features.js';
import { Gazetteer } from '../src/pipeline/entities/gazetteer.js';
import { LABELS, labelsOf, type EntityTag, type LabelledSpan } from '../src/pipeline/entities/labels.js';
import { MODEL_FILES, loadNerResources } from '../src/pipeline/entities/model.js';
import { encodeModel } from '../src/pipeline/entities/model-file.js';
import { recognizeEntitiesWith } from '../src/pipeline/entities/index.js';
import { segment } from '../src/pipeline/segment.js';
import { buildGazetteer } from './ner/build-gazetteer.js';
import { readGmb } from './ner/read-gmb.js';
import { trainPerceptron, type Instance } from './ner/perceptron.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const dataDir = resolve(option('data', '../shared/data/ner'));
const outDir = resolve(option('out', 'models/ner'));
const iterations = Number(option('iterations', '8'));
const minCount = Number(option('min-count', '2'));
/** Share of sentences also trained on in capitals or title case (more costs accuracy on normal text). */
const headlineRate = Number(option('headlines', '0.04'));

/** Gold labels of a CoNLL document projected onto wink's tokens through character offsets. */
function instancesOf(doc: ConllDocument, gazetteer: Gazetteer, only?: (start: number) => boolean): Instance[] {
  const chunks = chunksOf(doc.tokens.map((t) => t.tag)).map((c) => ({
    start: doc.tokens[c.start]?.start ?? 0,
    end: doc.tokens[c.end - 1]?.end ?? 0,
    tag: c.type as EntityTag,
  }));
  const { sequences, features } = featurizeDocument(segment(doc.text), gazetteer);
  return sequences.flatMap((tokens, s) => {
    if (only && !only(tokens[0]?.start ?? 0)) return [];
    const spans: LabelledSpan[] = [];
    let open: { chunk: number; start: number } | null = null;
    const close = (i: number): void => {
      if (open) spans.push({ start: open.start, end: i, tag: chunks[open.chunk]?.tag ?? 'MISC' });
      open = null;
    };
    tokens.forEach((t, i) => {
      const chunk = chunks.findIndex((c) => t.start >= c.start && t.start < c.end);
      if (open && open.chunk !== chunk) close(i);
      if (chunk >= 0 && !open) open = { chunk, start: i };
    });
    close(tokens.length);
    const gold = labelsOf(spans, tokens.length).map((l) => LABELS.indexOf(l));
    const full = (features[s] ?? []).map((context, i) => [...wordFeatures(tokens[i]?.text ?? ''), ...context]);
    return [{ tokens, features: full, gold }];
  });
}

/**
 * Headline practice: copies of a few sentences per document in capitals or in title case, tagged in
 * the context of the rest of their document, so the tagger learns not to lean on capitalisation there.
 */
function headlineInstances(doc: ConllDocument, gazetteer: Gazetteer, random: () => number): Instance[] {
  const lines: [number, number][] = [];
  let at = 0;
  for (const line of doc.text.split('\n')) {
    lines.push([at, at + line.length]);
    at += line.length + 1;
  }
  const chosen = lines.filter(([a, b]) => b - a > 20 && /[a-z]/.test(doc.text.slice(a, b)) && random() < headlineRate);
  if (chosen.length === 0) return [];
  let text = doc.text;
  for (const [a, b] of chosen) {
    const line = text.slice(a, b);
    const changed = random() < 0.7 ? line.toUpperCase() : line.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    if (changed.length === line.length) text = text.slice(0, a) + changed + text.slice(b);
  }
  return instancesOf({ ...doc, text }, gazetteer, (start) => chosen.some(([a, b]) => start >= a && start < b));
}

/** Deterministic pseudo-random numbers (mulberry32) for reproducible augmentation. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const started = Date.now();
console.log('building gazetteer…');
const gmbSentences = Number(option('gmb', '0'));
const gazetteerData = buildGazetteer(join(dataDir, 'gmb-ner_dataset.csv'), gmbSentences);
const gazetteer = new Gazetteer(gazetteerData);
console.log(Object.entries(gazetteerData).map(([k, v]) => `${k} ${v.length}`).join(', '));
const train = readConll(readFileSync(join(dataDir, 'conll2003-eng.train'), 'utf8'), 'conll2003-eng.train');
const random = seeded(7);
const instances = train.flatMap((d) => [...instancesOf(d, gazetteer), ...headlineInstances(d, gazetteer, random)]);
if (gmbSentences > 0) {
  // Silver news data of another outlet and decade, for names CoNLL never saw.
  const gmb = readGmb(join(dataDir, 'gmb-ner_dataset.csv'), gmbSentences);
  instances.push(...gmb.flatMap((d) => instancesOf(d, gazetteer)));
}
console.log(`${instances.length} sequences, ${instances.reduce((n, i) => n + i.tokens.length, 0)} tokens`);
const model = trainPerceptron(instances, { iterations, minCount, seed: 1 });
const { header, weights } = encodeModel(model);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, MODEL_FILES.header), JSON.stringify(header));
writeFileSync(join(outDir, MODEL_FILES.weights), weights);
writeFileSync(join(outDir, MODEL_FILES.gazetteer), JSON.stringify(gazetteerData));
console.log(`wrote ${outDir}: ${header.features.length} features, ${weights.length} weight bytes`);
if (process.argv.includes('--dev')) {
  const resources = loadNerResources(outDir);
  const run = (file: string): void => {
    const report = scoreConll(readFileSync(join(dataDir, file), 'utf8'), (input) => ({
      document: { id: input.id, title: null, published: input.published, language: 'en', source: null, url: null, sha256: '' },
      entities: recognizeEntitiesWith(segment(input.text), resources),
      timexes: [],
      events: [],
    }));
    console.log(file);
    for (const line of report.lines) console.log(`  ${line}`);
  };
  run('conll2003-eng.testa');
  run('wikigold-en.conllu');
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
