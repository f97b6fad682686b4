import { Command, CommanderError } from 'commander';
import { ChronicleError } from '../errors.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerHistoryCommand } from './commands/history.js';
import { registerBackupCommand } from './commands/backup.js';
import { registerRestoreCommand } from './commands/restore.js';
import { registerUserCommand } from './commands/user.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerMarkCommand } from './commands/mark.js';
import { registerJobsCommand } from './commands/jobs.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerQueryCommands } from './commands/query.js';
import { registerServeCommands } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';

/** Builds the `chronicle` command line; each command lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command('chronicle')
    .description('Turn human-rights reports into sourced, reviewable case files.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerIngestCommand(program);
  registerExtractCommand(program);
  registerQueryCommands(program);
  registerExportCommand(program);
  registerServeCommands(program);
  registerEvalCommand(program);
  registerUserCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
  registerMarkCommand(program);
  registerAuditCommand(program);
  registerHistoryCommand(program);
  registerWorkerCommand(program);
  registerJobsCommand(program);
  registerMigrateCommand(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
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
