import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Certificate {
  dir: string;
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
  /** base64 SHA-256 of the public key (SPKI): Chromium's `--ignore-certificate-errors-spki-list` value. */
  spkiSha256: string;
}

/** A throw-away self-signed certificate (P-256) valid for every given hostname, made by `openssl`. */
export async function makeCertificate(hostnames: readonly string[]): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'safe-logout-sim-cert-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const san = hostnames.map((h) => `DNS:${h}`).join(',');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '7',
    '-subj',
    '/CN=Safe Logout simulated municipality',
    '-addext',
    `subjectAltName=${san}`,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  const cert = await readFile(certFile);
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  const spkiSha256 = createHash('sha256').update(spki).digest('base64');
  return { dir, certFile, keyFile, cert, key: await readFile(keyFile), spkiSha256 };
}
