import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');
const cliMain = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What one run of the CLI printed and how it exited. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `chronicle ARGS…` as a child process (from the TypeScript source) in `cwd`, feeding `input` to stdin. */
export function runCli(
  args: string[],
  options: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = { cwd: process.cwd() },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, cliMain, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CHRONICLE_DB: undefined, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(options.input ?? '');
  });
}
