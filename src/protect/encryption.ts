import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { BadInputError, ValidationError } from '../errors.js';

/** The first bytes of a file Chronicle encrypted. */
export const ENCRYPTED_MAGIC = Buffer.from('CHRONICLE-AES256GCM-1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new BadInputError(origin, 'a key is 32 bytes, written as 64 hex digits or base64');
  return key;
}

/**
 * The 256-bit key: from `keyFile` (raw 32 bytes, hex or base64), else $CHRONICLE_KEY (hex or base64).
 * Throws when neither is given or the key is malformed.
 */
export function loadKey(keyFile?: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (keyFile) {
    const bytes = readFileSync(keyFile);
    return bytes.length === 32 ? bytes : parseKey(bytes.toString('utf8'), keyFile);
  }
  if (env.CHRONICLE_KEY) return parseKey(env.CHRONICLE_KEY, 'CHRONICLE_KEY');
  throw new ValidationError('no key: give --key-file FILE or set CHRONICLE_KEY (create one with `openssl rand -hex 32`)');
}

/** True when `file` starts with the marker of a Chronicle-encrypted file. */
export function isEncryptedFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(ENCRYPTED_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Encrypts `source` into `target` with AES-256-GCM: marker, random IV, ciphertext, authentication tag. */
export async function encryptFile(source: string, target: string, key: Buffer): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  out.write(Buffer.concat([ENCRYPTED_MAGIC, iv]));
  await pipeline(createReadStream(source), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Decrypts a file written by `encryptFile`; throws (and leaves `target` incomplete) on a wrong key or any changed byte. */
export async function decryptFile(source: string, target: string, key: Buffer): Promise<void> {
  const size = statSync(source).size;
  const headerBytes = ENCRYPTED_MAGIC.length + IV_BYTES;
  if (size < headerBytes + TAG_BYTES || !isEncryptedFile(source)) throw new BadInputError(source, 'not a Chronicle-encrypted file');
  const fd = openSync(source, 'r');
  const iv = Buffer.alloc(IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    readSync(fd, iv, 0, IV_BYTES, ENCRYPTED_MAGIC.length);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: headerBytes, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(target, { mode: 0o600 }),
    );
  } catch {
    throw new BadInputError(source, 'cannot decrypt: wrong key, or the file was changed');
  }
}
