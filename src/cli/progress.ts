import cliProgress from 'cli-progress';

/** Progress of a multi-file job on stderr: a bar on a terminal, nothing otherwise; messages always. */
export interface Progress {
  tick(label: string): void;
  log(message: string): void;
  stop(): void;
}

/** A bar only when stderr is a terminal and there is more than one item: logs stay clean in pipes. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) {
    return {
      tick: () => undefined,
      log: (message) => void stream.write(`${message}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 'ingest [{bar}] {value}/{total} {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  let stopped = false;
  return {
    tick: (label) => bar.increment(1, { label: label.length > 40 ? `…${label.slice(-39)}` : label }),
    // The bar redraws in place, so a message clears the line first and the bar redraws after it.
    log: (message) => {
      stream.write(`\r\x1b[K${message}\n`);
      bar.render();
    },
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
