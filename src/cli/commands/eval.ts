import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Extraction } from '../../domain/chronicle-json.js';
import { ValidationError } from '../../errors.js';
import { scoreConll } from '../../eval/conll.js';
import { scoreGold, type GoldDocument } from '../../eval/gold.js';
import { scoreTimeml } from '../../eval/timeml.js';
import { extract } from '../../pipeline/index.js';

interface EvalOptions {
  gold?: string;
  conll?: string;
  timeml?: string;
  textRoot?: string;
  json?: boolean;
}

/** What every scorer returns: figures plus lines of detail (misses, spurious items). */
interface Report {
  metrics: Record<string, number>;
  lines: string[];
}

/** `chronicle eval`: measure extraction against gold, CoNLL NER or TimeML files. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('score extraction against gold files (--gold), CoNLL NER (--conll) or TimeML (--timeml)')
    .option('--gold <file>', 'a gold file in the Chronicle gold format')
    .option('--text-root <dir>', 'folder the gold files\' "file" paths are relative to')
    .option('--conll <file>', 'a CoNLL-format NER file')
    .option('--timeml <dir>', 'a folder of TimeML .tml files')
    .option('--json', 'print the figures as JSON')
    .action((options: EvalOptions) => {
      const chosen = [options.gold, options.conll, options.timeml].filter((x) => x !== undefined);
      if (chosen.length !== 1) throw new ValidationError('give exactly one of --gold, --conll, --timeml');
      const report = runEval(options);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report.metrics)}\n`);
      } else {
        for (const [k, v] of Object.entries(report.metrics)) {
          process.stdout.write(`${k.padEnd(20)} ${Number.isInteger(v) ? v : v.toFixed(3)}\n`);
        }
        if (report.lines.length) process.stdout.write(`\n${report.lines.join('\n')}\n`);
      }
    });
}

function runEval(options: EvalOptions): Report {
  if (options.conll) return scoreConll(readTextFile(options.conll), extract);
  if (options.timeml) {
    if (!existsSync(options.timeml)) throw new ValidationError(`${options.timeml}: no such folder`);
    return scoreTimeml(options.timeml, extract);
  }
  return evalGold(options.gold ?? '', options.textRoot);
}

function evalGold(goldFile: string, textRoot: string | undefined): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readTextFile(goldFile));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${goldFile}: not valid JSON`);
  }
  const docs = (Array.isArray(parsed) ? parsed : (parsed as { documents?: unknown }).documents) as
    | GoldDocument[]
    | undefined;
  if (!Array.isArray(docs)) throw new ValidationError(`${goldFile}: expected an array of gold documents`);
  const root = resolveTextRoot(goldFile, docs, textRoot);
  const readText = (file: string): string => readTextFile(join(root, file));
  const predictions = new Map<string, Extraction>();
  for (const doc of docs) {
    predictions.set(doc.id, extract({ id: doc.id, text: readText(doc.file), published: doc.published ?? null }));
  }
  return scoreGold(docs, predictions, readText);
}

// Gold "file" paths are relative to a root: the given one, else the gold file's parent (../shared layout), else its folder.
function resolveTextRoot(goldFile: string, docs: GoldDocument[], given: string | undefined): string {
  if (given) return resolve(given);
  const first = docs[0]?.file ?? '';
  const candidates = [dirname(dirname(resolve(goldFile))), dirname(resolve(goldFile))];
  return candidates.find((dir) => existsSync(join(dir, first))) ?? candidates[0] ?? '.';
}

function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError(`${path}: cannot read (${code})`);
  }
}
