import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../errors.js';
import { EXPORT_FORMATS, exportStore, type ExportFormat } from '../../services/index.js';
import { withStore } from '../with-store.js';

interface ExportCommandOptions {
  format: string;
  db?: string;
  out?: string;
  text?: boolean;
}

/** `chronicle export`: the store as Chronicle JSON, CSV (one row per event) or JSON Lines. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export the store: json (Chronicle JSON), csv (one row per event) or jsonl (one event per line)')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--text', 'json: include each document\'s plain text')
    .option('--db <location>', 'store path')
    .action(async (options: ExportCommandOptions) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new ValidationError(`--format ${options.format}: use one of ${EXPORT_FORMATS.join(', ')}`);
      }
      const format = options.format as ExportFormat;
      const sink = options.out ? createWriteStream(options.out) : process.stdout;
      await withStore(options.db, (store) =>
        exportStore(store, format, (chunk) => void sink.write(chunk), { includeText: options.text === true }),
      );
      if (sink !== process.stdout) await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
    });
}
