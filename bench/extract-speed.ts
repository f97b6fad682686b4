/**
 * Measures one extractor over the generated corpus in this process and prints one JSON line:
 * documents/s, words/s and peak RSS. Run by bench/run.ts once per engine, so peak RSS is the engine's own.
 */
import { generateCorpus, type BenchDocument } from './corpus.js';

type Engine = (doc: BenchDocument) => number;

/**
 * `text.split(/\s+/).length` without making the pieces: runs of white space plus one. Splitting the
 * whole corpus would leave millions of strings for the collector and inflate the peak RSS measured.
 */
function wordCount(text: string): number {
  let runs = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = WHITE_SPACE.has(text.charCodeAt(i));
    if (space && !inSpace) runs++;
    inSpace = space;
  }
  return runs + 1;
}

/** The code units `\s` matches. */
const WHITE_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

async function loadEngine(name: string): Promise<Engine> {
  if (name === 'chronicle') {
    const { extract } = await import('../src/pipeline/index.js');
    return (doc) => {
      const x = extract(doc);
      return x.entities.length + x.events.length + x.timexes.length;
    };
  }
  if (name === 'compromise') {
    const nlp = (await import('compromise')).default;
    return (doc) => {
      const d = nlp(doc.text);
      return d.people().out('array').length + d.places().out('array').length + d.organizations().out('array').length;
    };
  }
  throw new Error(`unknown engine ${name}`);
}

const [engineName = 'chronicle', mbArg = '20'] = process.argv.slice(2);
const engine = await loadEngine(engineName);
const bytes = Number(mbArg) * 1024 * 1024;
const docs = [...generateCorpus(bytes)];
const words = docs.reduce((n, d) => n + wordCount(d.text), 0);
// Warm-up: model loading and JIT are not part of the steady rate.
for (const d of docs.slice(0, 20)) engine(d);
let peak = process.memoryUsage().rss;
let found = 0;
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
for (let i = 0; i < docs.length; i++) {
  found += engine(docs[i] as BenchDocument);
  if (i % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
// CPU time of this process: on a shared machine it varies less than wall time with the other load.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(
  `${JSON.stringify({ engine: engineName, documents: docs.length, words, bytes, seconds, docsPerSecond: docs.length / seconds, wordsPerSecond: words / seconds, cpuSeconds, wordsPerCpuSecond: words / cpuSeconds, peakRssMb: peak / 1024 / 1024, found })}\n`,
);
