import { BadInputError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly (a byte-order mark is dropped) and refuses empty, whitespace-only and binary
 * (NUL-containing) input. Throws BadInputError naming `origin`.
 */
export function decodeUtf8(origin: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new BadInputError(origin, `not UTF-8 text${encodingHint(bytes)}`);
  }
  if (text.trim() === '') {
    throw new BadInputError(origin, bytes.length === 0 ? 'empty file' : 'contains only whitespace');
  }
  if (text.includes('\u0000')) throw new BadInputError(origin, 'contains NUL bytes: binary data, not text');
  return text;
}

/** What the bytes say about their encoding, to make the "not UTF-8" message actionable. */
function encodingHint(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return ' (it is UTF-16; save it as UTF-8)';
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)|<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const name = declared?.[1] ?? declared?.[2];
  if (name && !/^utf-?8$/i.test(name)) return ` (it declares ${name}; convert it to UTF-8, e.g. with iconv)`;
  return '';
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
