import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Extraction } from '../../domain/chronicle-json.js';
import { BadInputError, ValidationError } from '../../errors.js';
import { readInput } from '../../ingest/index.js';
import { extract } from '../../pipeline/index.js';
import { parsePublished } from '../options.js';
import { formatExtraction } from '../present.js';

interface ExtractOptions {
  published?: string;
  source?: string;
  url?: string;
  json?: boolean;
  jsonl?: boolean;
  text?: boolean;
}

/** `chronicle extract`: run the pipeline without a store and print what it finds. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract people, places, organizations, dates and events from one report, or JSONL on stdin')
    .argument('[file]', 'a report (.txt, .html, feed, .jsonl) or - for stdin')
    .option('--published <date>', 'publication date, for resolving relative dates (YYYY-MM-DD)', parsePublished)
    .option('--source <name>', 'outlet name')
    .option('--url <url>', 'address of the report')
    .option('--json', 'print Chronicle JSON')
    .option('--jsonl', 'read {"id","text","published"} lines on stdin, write one extraction per line')
    .option('--text', 'print the plain text that offsets refer to')
    .action(async (file: string | undefined, options: ExtractOptions) => {
      if (options.jsonl) {
        if (file !== undefined && file !== '-') throw new ValidationError('--jsonl reads stdin; give no file');
        process.exitCode = (await extractJsonLines()) > 0 ? 1 : 0;
        return;
      }
      if (file === undefined) throw new ValidationError('give a file to extract from, or --jsonl');
      await extractFile(file, options);
    });
}

async function extractFile(file: string, options: ExtractOptions): Promise<void> {
  const result = await readInput(file, {
    published: options.published ?? null,
    source: options.source ?? null,
    url: options.url ?? null,
  });
  for (const error of result.errors) process.stderr.write(`error: ${error.message}\n`);
  if (result.errors.length > 0) process.exitCode = 1;
  for (const doc of result.documents) {
    if (options.text) {
      process.stdout.write(`${doc.text}\n`);
      continue;
    }
    const extraction = extract(doc);
    if (options.json) {
      // One document: a pretty object; several (a feed): one object per line so the output stays parseable.
      process.stdout.write(
        result.documents.length === 1 ? `${JSON.stringify(extraction, null, 2)}\n` : `${JSON.stringify(extraction)}\n`,
      );
    } else {
      process.stdout.write(formatExtraction(extraction));
    }
  }
}

/** Streams JSONL extraction in one process; returns the number of bad lines (each reported on stderr). */
async function extractJsonLines(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      const extraction = extractLine(line, lineNo);
      if (!process.stdout.write(`${JSON.stringify(extraction)}\n`)) {
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      failures++;
      process.stderr.write(`error: ${error.message}\n`);
    }
  }
  return failures;
}

function extractLine(line: string, lineNo: number): Extraction {
  const origin = `stdin:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BadInputError(origin, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadInputError(origin, 'expected a JSON object');
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') throw new BadInputError(origin, '"text" must be a string');
  const published = record.published;
  if (published !== undefined && published !== null && typeof published !== 'string') {
    throw new BadInputError(origin, '"published" must be a date string or null');
  }
  let checked: string | null = null;
  if (typeof published === 'string' && published !== '') {
    try {
      checked = parsePublished(published.slice(0, 10));
    } catch {
      throw new BadInputError(origin, `"published" ${published} is not an ISO date`);
    }
  }
  return extract({
    id: typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line-${lineNo}`,
    text: record.text,
    published: checked,
    title: typeof record.title === 'string' ? record.title : null,
  });
}
