import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/index.js';
import { BadInputError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { securityDb } from '../store/security-schema.js';

// DER of the SHA-256 AlgorithmIdentifier: SEQUENCE { OID 2.16.840.1.101.3.4.2.1, NULL }.
const SHA256_ALGORITHM = Buffer.from('300d06096086480165030402010500', 'hex');

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** A DER TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 digest, asking for the TSA's certificate. */
export function buildTimestampRequest(sha256Hex: string, nonce: Buffer = randomBytes(8)): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(sha256Hex)) throw new ValidationError(`not a SHA-256 digest: ${sha256Hex}`);
  const imprint = der(0x30, Buffer.concat([SHA256_ALGORITHM, der(0x04, Buffer.from(sha256Hex, 'hex'))]));
  // A positive minimal INTEGER: first byte non-zero with its top (sign) bit clear.
  const value = Buffer.from(nonce);
  value[0] = ((value[0] ?? 0) & 0x7f) | 0x01;
  const nonceInt = der(0x02, value);
  return der(0x30, Buffer.concat([der(0x02, Buffer.from([1])), imprint, nonceInt, der(0x01, Buffer.from([0xff]))]));
}

interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readTlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at];
  let len = buf[at + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated DER');
  let contentStart = at + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + (buf[contentStart + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, start: at, contentStart, end };
}

/** What a TSA answered: the token (DER ContentInfo) and the time it vouches for. */
export interface TimestampReply {
  token: Buffer;
  genTime: string;
}

/**
 * Reads a DER TimeStampResp: the status must be granted (0 or 1), the token must hold our digest.
 * The generation time is the token's first GeneralizedTime (TSTInfo.genTime).
 */
export function parseTimestampReply(reply: Buffer, sha256Hex: string): TimestampReply {
  try {
    const outer = readTlv(reply, 0);
    const statusInfo = readTlv(reply, outer.contentStart);
    const status = readTlv(reply, statusInfo.contentStart);
    const code = reply[status.end - 1];
    if (code !== 0 && code !== 1) throw new Error(`the TSA refused the request (status ${code})`);
    if (statusInfo.end >= outer.end) throw new Error('the reply holds no token');
    const tokenTlv = readTlv(reply, statusInfo.end);
    const token = reply.subarray(tokenTlv.start, tokenTlv.end);
    if (token.indexOf(Buffer.from(sha256Hex, 'hex')) < 0) throw new Error('the token is not for this digest');
    for (let i = 0; i < token.length - 16; i++) {
      if (token[i] !== 0x18) continue;
      const len = token[i + 1] ?? 0;
      const text = token.subarray(i + 2, i + 2 + len).toString('latin1');
      const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
      if (m) return { token: Buffer.from(token), genTime: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z` };
    }
    throw new Error('no generation time in the token');
  } catch (error) {
    throw new BadInputError('timestamp reply', error instanceof Error ? error.message : String(error));
  }
}

/** Asks the TSA at `url` to timestamp a SHA-256 digest. */
export async function requestTimestamp(url: string, sha256Hex: string): Promise<TimestampReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: buildTimestampRequest(sha256Hex),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new BadInputError(url, `the TSA answered HTTP ${response.status}`);
  return parseTimestampReply(Buffer.from(await response.arrayBuffer()), sha256Hex);
}

/**
 * Timestamps the SHA-256 of every document that has no token from this TSA yet, storing each token
 * (verify with `openssl ts -verify -digest SHA256 -in TOKEN -token_in -CAfile TSA.pem`).
 */
export async function timestampDocuments(store: Store, tsaUrl: string, actor: string): Promise<{ stamped: number; skipped: number }> {
  const db = securityDb(store);
  let stamped = 0;
  let skipped = 0;
  for await (const doc of store.documents.iterate()) {
    const have = await db
      .selectFrom('document_timestamps')
      .select('document_id')
      .where('document_id', '=', doc.id)
      .where('tsa_url', '=', tsaUrl)
      .executeTakeFirst();
    if (have) {
      skipped += 1;
      continue;
    }
    const reply = await requestTimestamp(tsaUrl, doc.sha256);
    await store.transaction(async (tx) => {
      await securityDb(tx)
        .insertInto('document_timestamps')
        .values({ document_id: doc.id, tsa_url: tsaUrl, token: reply.token, gen_time: reply.genTime })
        .execute();
      await appendAudit(tx, { actor, action: 'timestamp', targetKind: 'document', targetId: doc.id, after: { tsa: tsaUrl, genTime: reply.genTime, sha256: doc.sha256 } });
    });
    stamped += 1;
  }
  return { stamped, skipped };
}
