import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');
const cliMain = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));

/** A running `chronicle` child process whose stderr is collected as it comes. */
export interface LiveCli {
  child: ChildProcess;
  stderr(): string;
  /** Resolves when stderr has printed a line matching `pattern` (rejects after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `chronicle ARGS…` from the TypeScript source, as a real separate process. */
export function startCli(args: string[], cwd: string): LiveCli {
  const child = spawn(process.execPath, ['--import', tsxLoader, cliMain, ...args], {
    cwd,
    env: { ...process.env, CHRONICLE_DB: undefined },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const waiters: Array<() => void> = [];
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString('utf8');
    for (const w of waiters) w();
  });
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = err.match(pattern);
          if (m) {
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stderr:\n${err}`)), timeoutMs);
        waiters.push(check);
        void exited.then(check);
        check();
      });
    },
  };
}
