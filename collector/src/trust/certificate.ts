// The collector's TLS identity: a certificate and key configured by the admin, or a self-signed
// one generated on first start and kept in the data directory. Agents and xdrctl pin its
// SHA-256 fingerprint, so a self-signed certificate is as trustworthy as a CA-issued one.
import { X509Certificate, createHash, webcrypto } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export interface TlsIdentity {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the DER certificate, 64 lowercase hex characters. */
  fingerprint: string;
  /** base64 SHA-256 of the public key (SPKI), the form `curl --pinnedpubkey sha256//...` takes. */
  publicKeyPin: string;
  generated: boolean;
}

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase();
}

function publicKeyPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function localNames(): { dns: string[]; ips: string[] } {
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) ips.add(i.address.split('%')[0]);
  return { dns: [...new Set([hostname(), 'localhost'])], ips: [...ips] };
}

async function generate(): Promise<{ certPem: string; keyPem: string }> {
  x509.cryptoProvider.set(webcrypto as never);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const { dns, ips } = localNames();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: webcrypto.getRandomValues(new Uint8Array(16)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '01'),
    name: `CN=xdr-collector ${hostname()}`,
    notBefore: new Date(now - 3_600_000),
    notAfter: new Date(now + 10 * 365 * 86_400_000),
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...dns.map((value) => ({ type: 'dns' as const, value })),
        ...ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/.{64}/g, '$&\n').trimEnd()}\n-----END PRIVATE KEY-----\n`;
  return { certPem: cert.toString('pem') + '\n', keyPem };
}

/**
 * Returns the configured certificate (`certFile` + `keyFile`), else the one in `dataDir`,
 * generating and saving it (key mode 0600) when there is none yet.
 */
export async function loadTlsIdentity(dataDir: string, configured?: { certFile: string; keyFile: string }): Promise<TlsIdentity> {
  const certFile = configured?.certFile ?? join(dataDir, 'tls', 'collector.crt');
  const keyFile = configured?.keyFile ?? join(dataDir, 'tls', 'collector.key');
  let generated = false;
  if (!configured && !existsSync(certFile)) {
    const { certPem, keyPem } = await generate();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dataDir, 'tls'), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, keyPem, { mode: 0o600 });
    writeFileSync(certFile, certPem, { mode: 0o644 });
    generated = true;
  }
  let certPem: string;
  let keyPem: string;
  try {
    certPem = readFileSync(certFile, 'utf8');
    keyPem = readFileSync(keyFile, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the collector's TLS certificate or key (${certFile}, ${keyFile}): ${(err as Error).message}`, { cause: err });
  }
  return { certPem, keyPem, fingerprint: certificateFingerprint(certPem), publicKeyPin: publicKeyPin(certPem), generated };
}
