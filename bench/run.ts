/**
 * `npm run bench`: extraction speed of the full pipeline against compromise's entity extraction on the same
 * generated text (each engine in its own process, so peak RSS is its own; BENCH_MB sets the corpus size),
 * then cross-document resolution at 100,000 stored documents (bench/resolution.ts) and load on the web API
 * (bench/load.ts). `npm run bench:web` and `npm run bench:scale` measure page latency and PostgreSQL scale.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface SpeedResult {
  engine: string;
  documents: number;
  words: number;
  bytes: number;
  seconds: number;
  docsPerSecond: number;
  wordsPerSecond: number;
  peakRssMb: number;
  wordsPerCpuSecond: number;
}

const megabytes = process.env.BENCH_MB ?? '20';
const script = fileURLToPath(new URL('./extract-speed.ts', import.meta.url));

function measure(engine: string): SpeedResult {
  process.stderr.write(`measuring ${engine} on ${megabytes} MB of generated news…\n`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, engine, megabytes], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as SpeedResult;
}

const rows = ['chronicle', 'compromise'].map(measure);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('\nExtraction speed (same text for both)');
console.log('engine                          docs/s     words/s   peak RSS MB   seconds');
for (const r of rows) {
  const label = r.engine === 'chronicle' ? 'chronicle (full pipeline)' : 'compromise (people/places/orgs)';
  console.log(`${label.padEnd(30)}${fmt(r.docsPerSecond).padStart(8)}${fmt(r.wordsPerSecond).padStart(12)}${fmt(r.peakRssMb).padStart(14)}${fmt(r.seconds, 1).padStart(10)}`);
}
const [ours, theirs] = rows;
if (ours && theirs) {
  console.log(`corpus: ${fmt(ours.bytes / 1024 / 1024, 1)} MB, ${fmt(ours.documents)} documents, ${fmt(ours.words)} words`);
  console.log(`ratio: chronicle is ${(ours.wordsPerSecond / theirs.wordsPerSecond).toFixed(2)}× compromise (target ≥ 3×); peak RSS target < 500 MB`);
  // On a shared machine wall time follows the other load; CPU time of each process follows it less.
  console.log(`by CPU time: ${fmt(ours.wordsPerCpuSecond)} vs ${fmt(theirs.wordsPerCpuSecond)} words per CPU second, ${(ours.wordsPerCpuSecond / theirs.wordsPerCpuSecond).toFixed(2)}×`);
}

// The other benches print their own tables; each runs in its own process.
for (const [title, file, args] of [
  ['Cross-document resolution', './resolution.ts', [process.env.BENCH_RESOLUTION_DOCS ?? '100000', '200']],
  ['Web API under load', './load.ts', []],
] as const) {
  console.log(`\n${title}`);
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args], {
    stdio: 'inherit',
  });
}
