import { readFile, stat } from 'node:fs/promises';
import { BadInputError } from '../errors.js';
import { checkSize } from './decode-bytes.js';
import { detectKind, kindFromExtension, SUPPORTED_EXTENSIONS } from './input-kind.js';
import { readBytes } from './read-bytes.js';
import { DEFAULT_MAX_BYTES, type ReadOptions, type ReadResult } from './types.js';

/**
 * Reads one input path (`-` for stdin) into documents. Never throws for bad input: a file that cannot
 * be read gives no documents and one error; a bad item or line gives one error among the documents.
 */
export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    const bytes = path === '-' ? await readStdinChecked(options) : await readFileChecked(path, options);
    const kind = detectKind(path, bytes);
    if (kind === null) throw unsupported(path);
    return readBytes(path, bytes, kind, options);
  } catch (error) {
    if (error instanceof BadInputError) return { documents: [], errors: [error] };
    throw error;
  }
}

async function readFileChecked(path: string, options: ReadOptions): Promise<Uint8Array> {
  // Refuse an unsupported type before reading it: it may be a large binary.
  if (kindFromExtension(path) === null) throw unsupported(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new BadInputError(path, 'is a directory, expected a file');
    if (!info.isFile()) throw new BadInputError(path, 'is not a regular file');
    checkSize(path, info.size, options.maxBytes ?? DEFAULT_MAX_BYTES);
    return await readFile(path);
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(path, describeFsError(error));
  }
}

/** A one-line reason for a file-system error, by its code. */
export function describeFsError(error: unknown): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot be read (${code || (error instanceof Error ? error.message : String(error))})`;
  }
}

function unsupported(path: string): BadInputError {
  return new BadInputError(path, `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(' ')})`);
}

async function readStdinChecked(options: ReadOptions): Promise<Uint8Array> {
  try {
    return await (options.stdin ?? readStdin)();
  } catch (error) {
    throw new BadInputError('-', describeFsError(error));
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}
