import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveDbLocation, loadEnv } from '../../env.js';
import { buildApp } from '../../http/index.js';
import { warmPlaceLocator } from '../../services/place-locator.js';
import { openReviewableStore } from '../../store/reviewable-store.js';
import { countAccounts } from '../../auth/index.js';
import { ValidationError } from '../../errors.js';
import { parsePositiveInt } from '../options.js';
import { ingestPaths } from './ingest.js';

interface ServeOptions {
  db?: string;
  port?: number;
  host?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Default port of `chronicle serve` and `start`; PORT overrides it. */
export const DEFAULT_PORT = 4300;

// Built layout (dist/cli/commands) and source layout (src/cli/commands) sit at the same depth.
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../../samples', import.meta.url));

/** `chronicle serve` (the store in a browser) and `chronicle start` (ingest the samples, then serve). */
export function registerServeCommands(program: Command): void {
  const withServeOptions = (command: Command): Command =>
    command
      .option('--db <location>', 'store path (default: $CHRONICLE_DB or ./chronicle.db)')
      .option('--port <n>', `port (default: $PORT or ${DEFAULT_PORT})`, parsePositiveInt('--port'))
      .option('--host <address>', 'address to bind (default: $HOST or 127.0.0.1; single-user mode, keep it local)');

  withServeOptions(program.command('serve').description('serve the store as a web app on 127.0.0.1')).action(
    async (options: ServeOptions) => {
      await serve(options);
    },
  );

  withServeOptions(
    program.command('start').description('ingest the bundled sample reports (those not yet stored), then serve'),
  ).action(async (options: ServeOptions) => {
    await ingestPaths([SAMPLES], { ...(options.db ? { db: options.db } : {}) });
    await serve(options);
  });
}

/** Serves the store until the process is stopped; prints the address it serves. */
export async function serve(options: ServeOptions): Promise<void> {
  const env = loadEnv();
  const port = options.port ?? env.PORT ?? DEFAULT_PORT;
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const deps = await openReviewableStore(resolveDbLocation(options.db));
  // Without accounts everyone reaching the server acts as admin: only the local machine may.
  if (!LOOPBACK.has(host) && (await countAccounts(deps.store)) === 0) {
    await deps.store.close();
    throw new ValidationError(
      `--host ${host}: create an admin first (chronicle user add NAME --role admin); until then Chronicle serves 127.0.0.1 only`,
    );
  }
  const app = await buildApp({ deps, webRoot: WEB_ROOT });
  await app.listen({ port, host });
  const shown = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`Chronicle serves ${deps.store.location} at http://${shown}:${port}/\n`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    process.stderr.write(`the web app is not built (${WEB_ROOT}): run npm run build; the API answers meanwhile\n`);
  }
  // Build the gazetteer index while nobody waits for it.
  setImmediate(warmPlaceLocator);
  const stop = (): void => {
    void app.close().then(() => deps.store.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
