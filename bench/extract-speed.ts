/**
 * Measures one extractor over the generated corpus in this process and prints one JSON line:
 * documents/s, words/s and peak RSS. Run by bench/run.ts once per engine, so peak RSS is the engine's own.
 */
import { generateCorpus, type BenchDocument } from './corpus.js';

type Engine = (doc: BenchDocument) => number;

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
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
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
