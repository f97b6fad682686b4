import { BadInputError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly (a byte-order mark is dropped) and refuses empty or whitespace-only input.
 * Throws BadInputError naming `origin`.
 */
export function decodeUtf8(origin: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new BadInputError(origin, 'not UTF-8 text');
  }
  if (text.trim() === '') {
    throw new BadInputError(origin, bytes.length === 0 ? 'empty file' : 'contains only whitespace');
  }
  return text;
}

/** Throws BadInputError when `size` exceeds `maxBytes`. */
export function checkSize(origin: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new BadInputError(origin, `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** A library's error message on one line, for a reason inside a BadInputError. */
export function oneLineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}
