import type { Command } from 'commander';
import { addAccount, enableTotp, listAccounts, setDisabled, setPassword, setRole } from '../../auth/accounts.js';
import { cliActor } from '../../auth/cli-actor.js';
import { readPassword } from '../../auth/read-password.js';
import { ROLES } from '../../auth/roles.js';
import { totpUri } from '../../auth/totp.js';
import { withStore } from '../with-store.js';

interface UserOptions {
  db?: string;
  actor?: string;
  reason?: string;
}

function common(command: Command): Command {
  return command
    .option('--actor <name>', 'who makes the change (default: the current user)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--db <location>', 'store path');
}

/** `chronicle user add|passwd|role|disable|enable|totp|list`: accounts and their roles. */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description(`accounts and roles (${ROLES.join(', ')})`);
  common(
    user
      .command('add')
      .description('create an account; the password is asked for, or read from the first line of stdin')
      .argument('<name>')
      .requiredOption('--role <role>', ROLES.join(', ')),
  ).action(async (name: string, options: UserOptions & { role: string }) => {
    const password = await readPassword();
    await withStore(options.db, async (store) => {
      const account = await addAccount(store, name, password, options.role, by(options));
      process.stdout.write(`account ${account.name} (${account.role}) created\n`);
    });
  });
  common(user.command('passwd').description('set a new password (ends the account\'s sessions)').argument('<name>')).action(
    async (name: string, options: UserOptions) => {
      const password = await readPassword('new password: ');
      await withStore(options.db, async (store) => {
        await setPassword(store, name, password, by(options));
        process.stdout.write(`password of ${name} changed\n`);
      });
    },
  );
  common(user.command('role').description('change an account\'s role').argument('<name>').argument('<role>', ROLES.join(', '))).action(
    async (name: string, role: string, options: UserOptions) => {
      await withStore(options.db, async (store) => {
        await setRole(store, name, role, by(options));
        process.stdout.write(`${name} is now ${role}\n`);
      });
    },
  );
  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    common(user.command(verb).description(`${verb} an account`).argument('<name>')).action(async (name: string, options: UserOptions) => {
      await withStore(options.db, async (store) => {
        await setDisabled(store, name, disabled, by(options));
        process.stdout.write(`${name} ${verb}d\n`);
      });
    });
  }
  common(user.command('totp').description('turn on two-factor login; prints the secret for an authenticator app once').argument('<name>')).action(
    async (name: string, options: UserOptions) => {
      await withStore(options.db, async (store) => {
        const secret = await enableTotp(store, name, by(options));
        process.stdout.write(`secret: ${secret}\n${totpUri(secret, name)}\n`);
      });
    },
  );
  user
    .command('list')
    .description('every account')
    .option('--db <location>', 'store path')
    .action(async (options: { db?: string }) => {
      await withStore(options.db, async (store) => {
        for (const a of await listAccounts(store)) {
          process.stdout.write(`${a.name}\t${a.role}${a.disabled ? '\tdisabled' : ''}${a.totp ? '\t2fa' : ''}\n`);
        }
      });
    });
}

function by(options: UserOptions): { actor: string; reason: string | null } {
  return { actor: cliActor(options.actor), reason: options.reason ?? null };
}
