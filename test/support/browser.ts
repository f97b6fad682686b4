import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when Chromium is installed; otherwise prints why `suite` is skipped. */
export function chromiumPresent(suite: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present) process.stdout.write(`${suite} skipped: ${CHROMIUM} not found (apt-get install -y chromium)\n`);
  return present;
}

/** Starts `app` on a free port of 127.0.0.1 and returns its base URL. */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Chromium headless, without sandbox, GPU or any network of its own (nothing leaves the machine). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
