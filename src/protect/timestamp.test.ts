import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../audit/index.js';
import { saveExtraction } from '../services/ingest.service.js';
import { exileReport, openTempStore } from '../services/testing/scenario.js';
import { securityDb } from '../store/security-schema.js';
import { buildTimestampRequest, requestTimestamp, timestampDocuments } from './timestamp.js';

const OPENSSL = '/usr/bin/openssl';
const present = existsSync(OPENSSL);
if (!present) process.stdout.write('timestamp tests skipped: openssl not found\n');

let dir: string;
let server: Server;
let url: string;

/** A throw-away TSA: a self-signed certificate for time stamping and `openssl ts -reply` behind HTTP. */
function setUpTsa(): void {
  const config = `
[ req ]
distinguished_name = dn
prompt = no
x509_extensions = tsa_ext
[ dn ]
CN = Chronicle test TSA
[ tsa_ext ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = ${dir}/serial
signer_cert = ${dir}/tsa.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
  writeFileSync(join(dir, 'tsa.cnf'), config);
  writeFileSync(join(dir, 'serial'), '01\n');
  execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'tsa.key'), '-out', join(dir, 'tsa.pem'), '-days', '2', '-config', join(dir, 'tsa.cnf')], { stdio: 'ignore' });
}

describe.skipIf(!present)('RFC 3161 timestamps', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-tsa-'));
    setUpTsa();
    let n = 0;
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        n += 1;
        const query = join(dir, `q${n}.tsq`);
        const reply = join(dir, `r${n}.tsr`);
        writeFileSync(query, Buffer.concat(chunks));
        try {
          execFileSync(OPENSSL, ['ts', '-reply', '-config', join(dir, 'tsa.cnf'), '-queryfile', query, '-out', reply], { stdio: 'ignore' });
          response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(reply));
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/tsa`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds a request openssl reads back with our digest', () => {
    const digest = createHash('sha256').update('report').digest('hex');
    writeFileSync(join(dir, 'mine.tsq'), buildTimestampRequest(digest));
    const text = execFileSync(OPENSSL, ['ts', '-query', '-in', join(dir, 'mine.tsq'), '-text']).toString();
    // openssl prints the digest as a hex dump: "0000 - 84 5e 91 83 13 19 e8 9c-4d 65 …".
    expect(text).toContain(digest.slice(0, 16).replace(/(..)(?!$)/g, '$1 '));
    expect(text).toMatch(/Certificate required: yes/);
  });

  it('gets a token openssl verifies against the TSA certificate, and stores one per document', async () => {
    const digest = createHash('sha256').update('a report').digest('hex');
    const reply = await requestTimestamp(url, digest);
    expect(Math.abs(Date.parse(reply.genTime) - Date.now())).toBeLessThan(120_000);
    writeFileSync(join(dir, 'token.der'), reply.token);
    const verified = execFileSync(OPENSSL, ['ts', '-verify', '-digest', digest, '-in', join(dir, 'token.der'), '-token_in', '-CAfile', join(dir, 'tsa.pem'), '-untrusted', join(dir, 'tsa.pem')]).toString();
    expect(verified).toMatch(/Verification: OK/);

    const temp = await openTempStore();
    try {
      const report = exileReport();
      await saveExtraction(temp.store, report.doc, report.extraction);
      expect(await timestampDocuments(temp.store, url, 'archivist')).toEqual({ stamped: 1, skipped: 0 });
      expect(await timestampDocuments(temp.store, url, 'archivist')).toEqual({ stamped: 0, skipped: 1 });
      const rows = await securityDb(temp.store).selectFrom('document_timestamps').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect((await readHistory(temp.store, report.doc.id)).at(-1)).toMatchObject({ actor: 'archivist', action: 'timestamp' });
    } finally {
      await temp.dispose();
    }
  }, 60_000);
});
