import { Command, CommanderError } from 'commander';
import { ChronicleError } from '../errors.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: the pipeline, the store and the web server
 * each take a second or more to load, and `chronicle person` should not pay for the model or the web app.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  ingest: async () => (await import('./commands/ingest.js')).registerIngestCommand,
  extract: async () => (await import('./commands/extract.js')).registerExtractCommand,
  person: async () => (await import('./commands/query.js')).registerQueryCommands,
  case: async () => (await import('./commands/case-file.js')).registerCaseFileCommand,
  export: async () => (await import('./commands/export.js')).registerExportCommand,
  serve: async () => (await import('./commands/serve.js')).registerServeCommands,
  eval: async () => (await import('./commands/eval.js')).registerEvalCommand,
  merge: async () => (await import('./commands/merge.js')).registerMergeCommand,
  split: async () => (await import('./commands/split.js')).registerSplitCommand,
  user: async () => (await import('./commands/user.js')).registerUserCommand,
  mark: async () => (await import('./commands/mark.js')).registerMarkCommand,
  audit: async () => (await import('./commands/audit.js')).registerAuditCommand,
  history: async () => (await import('./commands/history.js')).registerHistoryCommand,
  backup: async () => (await import('./commands/backup.js')).registerBackupCommand,
  restore: async () => (await import('./commands/restore.js')).registerRestoreCommand,
  worker: async () => (await import('./commands/worker.js')).registerWorkerCommand,
  jobs: async () => (await import('./commands/jobs.js')).registerJobsCommand,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrateCommand,
};

// Commands registered by another command's module.
const ALIASES: Record<string, string> = { people: 'person', events: 'person', search: 'person', start: 'serve' };

/**
 * Builds the `chronicle` command line. With a command name, only that command's module is loaded;
 * without one (help, a typo), all of them, so the help lists everything.
 */
export async function buildProgram(commandName?: string): Promise<Command> {
  const program = new Command('chronicle')
    .description('Turn human-rights reports into sourced, reviewable case files.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  const key = commandName === undefined ? undefined : (ALIASES[commandName] ?? commandName);
  const loader = key === undefined ? undefined : COMMANDS[key];
  const loaders = loader ? [loader] : [...new Set(Object.values(COMMANDS))];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    const first = argv[2];
    const program = await buildProgram(first !== undefined && !first.startsWith('-') ? first : undefined);
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage errors have already been printed by commander.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof ChronicleError) {
      process.stderr.write(`chronicle: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

await main(process.argv);
