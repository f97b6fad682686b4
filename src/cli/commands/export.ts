import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../errors.js';
import { exportPublic } from '../../protect/public-export.js';
import { EXPORT_FORMATS, exportStore, type ExportFormat } from '../../services/index.js';
import { withStore } from '../with-store.js';

interface ExportCommandOptions {
  format: string;
  db?: string;
  out?: string;
  text?: boolean;
  public?: boolean;
}

/** `chronicle export`: the store as Chronicle JSON, CSV (one row per event) or JSON Lines. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export the store: json (Chronicle JSON), csv (one row per event) or jsonl (one event per line)')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--text', 'json: include each document\'s plain text')
    .option('--public', 'json: only public documents and entities and public confirmed events; confidential people\'s names masked')
    .option('--db <location>', 'store path')
    .action(async (options: ExportCommandOptions) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new ValidationError(`--format ${options.format}: use one of ${EXPORT_FORMATS.join(', ')}`);
      }
      const format = options.format as ExportFormat;
      if (options.public && format !== 'json') throw new ValidationError('--public: only --format json');
      const sink = options.out ? createWriteStream(options.out) : process.stdout;
      const write = (chunk: string): void => void sink.write(chunk);
      await withStore(options.db, (store) =>
        options.public
          ? exportPublic(store, write, { includeText: options.text === true })
          : exportStore(store, format, write, { includeText: options.text === true }),
      );
      if (sink !== process.stdout) await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
    });
}
