import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEALED_PLACEHOLDER,
  SEALED_TEXT_PREFIX,
  fieldKey,
  isSealedBytes,
  openBytes,
  openText,
  readableJson,
  readableText,
  sealBytes,
  sealJson,
  sealText,
  useFieldKey,
} from './field-encryption.js';

const key = randomBytes(32);
const saved = process.env.CHRONICLE_KEY;
afterEach(() => {
  useFieldKey(null);
  if (saved === undefined) delete process.env.CHRONICLE_KEY;
  else process.env.CHRONICLE_KEY = saved;
});

describe('field encryption', () => {
  it('seals a text with a fresh IV each time, recognisably, and opens it with the key', () => {
    const a = sealText('Sadykov’s address: 5 Elm Street', key);
    const b = sealText('Sadykov’s address: 5 Elm Street', key);
    expect(a.startsWith(SEALED_TEXT_PREFIX)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Elm');
    expect(openText(a, key, 'document d')).toBe('Sadykov’s address: 5 Elm Street');
    expect(sealText(a, key)).toBe(a);
    expect(openText('plain', key, 'document d')).toBe('plain');
  });

  it('refuses a wrong key and a changed byte, naming the record', () => {
    const sealed = sealText('secret', key);
    expect(() => openText(sealed, randomBytes(32), 'document d')).toThrow(/document d: cannot decrypt: wrong key/);
    const body = Buffer.from(sealed.slice(SEALED_TEXT_PREFIX.length), 'base64');
    body[14] = (body[14] ?? 0) ^ 1;
    expect(() => openText(SEALED_TEXT_PREFIX + body.toString('base64'), key, 'document d')).toThrow(/document d: cannot decrypt/);
    expect(() => openText(`${SEALED_TEXT_PREFIX}AAAA`, key, 'document d')).toThrow(/document d: sealed value is truncated/);
  });

  it('seals bytes in the layout of an encrypted backup', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const sealed = sealBytes(bytes, key);
    expect(isSealedBytes(sealed)).toBe(true);
    expect(isSealedBytes(bytes)).toBe(false);
    expect([...openBytes(sealed, key, 'document d')]).toEqual([...bytes]);
    expect(() => openBytes(bytes, key, 'document d')).toThrow(/not sealed bytes/);
  });

  it('reads with the key from useFieldKey or CHRONICLE_KEY, else shows the placeholder', () => {
    const text = sealText('quote', key);
    const json = sealJson(['journalist', 'blogger'], key);
    delete process.env.CHRONICLE_KEY;
    expect(fieldKey()).toBeNull();
    expect(readableText(text, 'document d')).toBe(SEALED_PLACEHOLDER);
    expect(readableJson(json, 'entity e#roles')).toBe(SEALED_PLACEHOLDER);
    process.env.CHRONICLE_KEY = key.toString('hex');
    expect(readableText(text, 'document d')).toBe('quote');
    expect(readableJson(json, 'entity e#roles')).toEqual(['journalist', 'blogger']);
    process.env.CHRONICLE_KEY = 'too short';
    expect(() => readableText(text, 'document d')).toThrow(/CHRONICLE_KEY: a key is 32 bytes/);
    useFieldKey(key);
    expect(readableText(text, 'document d')).toBe('quote');
  });
});
