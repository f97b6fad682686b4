import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BadInputError, ValidationError } from '../errors.js';
import { ENCRYPTED_MAGIC, loadKey } from './encryption.js';

/**
 * Field encryption for confidential records: each value is sealed on its own with AES-256-GCM and a
 * random IV. A sealed text starts with SEALED_TEXT_PREFIX (so the store, the search index triggers and
 * a reader of the raw file all recognise it); sealed bytes have the layout of an encrypted backup file
 * (marker, IV, ciphertext, tag). The version in the prefix lets a later scheme coexist with this one.
 */
export const SEALED_TEXT_PREFIX = 'CHRONICLE-AES256GCM-1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a reader without the key sees instead of a confidential text: never the ciphertext. */
export const SEALED_PLACEHOLDER = '[confidential: encrypted; set CHRONICLE_KEY to read]';

// The key is process-wide: every store a process opens belongs to one team with one key.
let explicitKey: Buffer | null = null;

/** Uses `key` for sealing and opening from now on (null: fall back to $CHRONICLE_KEY). */
export function useFieldKey(key: Buffer | null): void {
  if (key && key.length !== 32) throw new ValidationError('a key is 32 bytes');
  explicitKey = key;
}

/** The key given by `useFieldKey`, else $CHRONICLE_KEY, else null (a malformed $CHRONICLE_KEY throws). */
export function fieldKey(): Buffer | null {
  if (explicitKey) return explicitKey;
  return process.env.CHRONICLE_KEY ? loadKey(undefined, process.env) : null;
}

/** The key, or a clear error saying what needs it and how to make one. */
export function requireFieldKey(purpose: string): Buffer {
  const key = fieldKey();
  if (!key) {
    throw new ValidationError(
      `${purpose} needs the encryption key: give --key-file FILE or set CHRONICLE_KEY ` +
        '(create one with `openssl rand -hex 32` and keep it apart from the store)',
    );
  }
  return key;
}

/** True for a value sealed by `sealText`. */
export function isSealedText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_TEXT_PREFIX);
}

/** True for bytes sealed by `sealBytes`. */
export function isSealedBytes(value: Uint8Array | null | undefined): value is Uint8Array {
  return !!value && value.length >= ENCRYPTED_MAGIC.length + IV_BYTES + TAG_BYTES && ENCRYPTED_MAGIC.equals(value.subarray(0, ENCRYPTED_MAGIC.length));
}

function encrypt(plain: Buffer, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function decrypt(sealed: Buffer, key: Buffer, where: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new BadInputError(where, 'sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new BadInputError(where, 'cannot decrypt: wrong key (CHRONICLE_KEY / --key-file), or the stored value was changed');
  }
}

/** `text` sealed with `key`: the prefix, then base64 of IV, ciphertext and tag. Sealed input is returned as is. */
export function sealText(text: string, key: Buffer): string {
  if (isSealedText(text)) return text;
  return SEALED_TEXT_PREFIX + encrypt(Buffer.from(text, 'utf8'), key).toString('base64');
}

/** The plain text of a sealed value (plain input is returned as is); a wrong key throws, naming `where`. */
export function openText(value: string, key: Buffer, where: string): string {
  if (!isSealedText(value)) return value;
  return decrypt(Buffer.from(value.slice(SEALED_TEXT_PREFIX.length), 'base64'), key, where).toString('utf8');
}

/**
 * What a reader gets for a stored text: the text itself, its plain text when sealed and the key is
 * at hand, else SEALED_PLACEHOLDER.
 */
export function readableText(value: string, where: string): string {
  if (!isSealedText(value)) return value;
  const key = fieldKey();
  return key ? openText(value, key, where) : SEALED_PLACEHOLDER;
}

/** `readableText` for nullable columns. */
export function readableTextOrNull(value: string | null, where: string): string | null {
  return value === null ? null : readableText(value, where);
}

/** `bytes` sealed with `key`, in the layout of an encrypted backup file. */
export function sealBytes(bytes: Uint8Array, key: Buffer): Buffer {
  return Buffer.concat([ENCRYPTED_MAGIC, encrypt(Buffer.from(bytes), key)]);
}

/** The plain bytes of `sealed`; a wrong key or a changed byte throws, naming `where`. */
export function openBytes(sealed: Uint8Array, key: Buffer, where: string): Buffer {
  if (!isSealedBytes(sealed)) throw new BadInputError(where, 'not sealed bytes');
  return decrypt(Buffer.from(sealed).subarray(ENCRYPTED_MAGIC.length), key, where);
}

/** A JSON value sealed as one text (for attribute values, whatever their JSON type). */
export function sealJson(value: unknown, key: Buffer): string {
  return isSealedText(value) ? value : sealText(JSON.stringify(value), key);
}

/** What a reader gets for a possibly sealed JSON value: the value, or SEALED_PLACEHOLDER without the key. */
export function readableJson(value: unknown, where: string): unknown {
  if (!isSealedText(value)) return value;
  const key = fieldKey();
  return key ? (JSON.parse(openText(value, key, where)) as unknown) : SEALED_PLACEHOLDER;
}
