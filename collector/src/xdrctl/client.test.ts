// xdrctl's client against a real HTTPS listener serving the API with a certificate made by the
// collector's own generator: the right pin works; a wrong pin refuses before any HTTP request,
// so the token never reaches the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTlsIdentity, type TlsIdentity } from '../trust/certificate.js';
import { makeFixture, type Fixture } from '../api/test/support.js';
import { parseClientConfig } from './config.js';
import { ApiRequestError, ClientError, XdrClient, pemFingerprint } from './client.js';

let fx: Fixture;
let tlsDir: string;
let identity: TlsIdentity;
let url: string;
const seenAuthorization: Array<string | undefined> = [];
let tcpConnections = 0;

beforeAll(async () => {
  tlsDir = mkdtempSync(join(tmpdir(), 'xdrctl-tls-'));
  identity = await loadTlsIdentity(tlsDir);
  fx = await makeFixture({ https: { key: identity.keyPem, cert: identity.certPem } });
  // Raw listeners see every connection and request, before fastify's routing and auth.
  fx.app.server.on('request', (req) => seenAuthorization.push(req.headers.authorization));
  fx.app.server.on('connection', () => { tcpConnections++; });
  await fx.app.listen({ host: '127.0.0.1', port: 0 });
  url = `https://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await fx.close();
  rmSync(tlsDir, { recursive: true, force: true });
});

function client(fingerprint: string, token = fx.tokens.viewer) {
  return new XdrClient(parseClientConfig({ XDR_URL: url, XDR_TOKEN: token, XDR_FINGERPRINT: fingerprint }));
}

describe('xdrctl client over HTTPS with a pinned certificate', () => {
  it('the fingerprint of the served certificate is the one the collector prints', () => {
    expect(pemFingerprint(identity.certPem)).toBe(identity.fingerprint);
  });

  it('works with the right fingerprint, in any case and with colons', async () => {
    const colons = identity.fingerprint.toUpperCase().match(/../g)!.join(':');
    const before = seenAuthorization.length;
    const agents = await client(colons).get<unknown[]>('/api/v1/agents');
    expect(agents).toEqual([]);
    expect(seenAuthorization.slice(before)).toEqual([`Bearer ${fx.tokens.viewer}`]);
  });

  it('refuses a wrong fingerprint after the handshake and before any request: the token is never sent', async () => {
    const wrong = 'ab'.repeat(32);
    const before = seenAuthorization.length;
    const connectionsBefore = tcpConnections;
    const err = await client(wrong).get('/api/v1/agents').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).code).toBe('XDRCTL_FINGERPRINT_MISMATCH');
    expect((err as ClientError).message).toContain('the token was not sent');
    await new Promise((r) => setTimeout(r, 50));
    expect(tcpConnections).toBe(connectionsBefore + 1); // the probe reached the server, and nothing else did...
    expect(seenAuthorization.length).toBe(before); // ...but no HTTP request, with or without a token, did
  });

  it('checks the pin on the request connection too, not only in the probe', async () => {
    // A client whose probe saw the right certificate but whose pin is wrong for the request
    // connection (as if the server were swapped between probe and request) must refuse.
    const c = client(identity.fingerprint);
    await c.pinnedCertificate();
    (c as unknown as { config: { fingerprint: string } }).config.fingerprint = 'cd'.repeat(32);
    const before = seenAuthorization.length;
    const err = await c.get('/api/v1/agents').catch((e: unknown) => e);
    expect((err as ClientError).code).toBe('XDRCTL_FINGERPRINT_MISMATCH');
    await new Promise((r) => setTimeout(r, 50));
    expect(seenAuthorization.length).toBe(before);
  });

  it('reports API errors with their code', async () => {
    const err = await client(identity.fingerprint).get('/api/v1/tokens').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 403, code: 'XDR_FORBIDDEN' });
  });

  it('posts JSON bodies', async () => {
    const created = await client(identity.fingerprint, fx.tokens.admin).post<{ token: string; user: string }>('/api/v1/tokens', { user: 'carol', role: 'viewer' });
    expect(created.user).toBe('carol');
    expect(created.token).toMatch(/^xdr_/);
  });

  it('says clearly when nothing listens', async () => {
    const c = new XdrClient(parseClientConfig({ XDR_URL: 'https://127.0.0.1:1', XDR_TOKEN: fx.tokens.viewer, XDR_FINGERPRINT: identity.fingerprint }));
    const err = await c.get('/healthz').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'XDRCTL_CONNECT', message: expect.stringContaining('cannot reach the collector') });
  });
});

describe('xdrctl configuration', () => {
  const token = 'xdr_' + 'a'.repeat(43);
  const fp = 'ab'.repeat(32);
  it.each([
    [{}, 'XDR_URL is not set'],
    [{ XDR_URL: 'nope' }, 'is not a URL'],
    [{ XDR_URL: 'ftp://x' }, 'must start with https://'],
    [{ XDR_URL: 'http://10.0.0.1:8443', XDR_TOKEN: token }, 'not loopback'],
    [{ XDR_URL: 'https://h:1' }, 'XDR_TOKEN is not set'],
    [{ XDR_URL: 'https://h:1', XDR_TOKEN: 'abc' }, 'does not look like an API token'],
    [{ XDR_URL: 'https://h:1', XDR_TOKEN: token }, 'XDR_FINGERPRINT is not set'],
    [{ XDR_URL: 'https://h:1', XDR_TOKEN: token, XDR_FINGERPRINT: 'abc' }, 'is not a SHA-256 fingerprint'],
  ])('%j is refused: %s', (env, message) => {
    expect(() => parseClientConfig(env)).toThrow(message);
  });

  it('accepts http:// on loopback without a fingerprint, and tolerates colons and case in the fingerprint', () => {
    expect(parseClientConfig({ XDR_URL: 'http://127.0.0.1:8080', XDR_TOKEN: token }).fingerprint).toBeUndefined();
    expect(parseClientConfig({ XDR_URL: 'http://[::1]:8080', XDR_TOKEN: token }).url.hostname).toBe('[::1]');
    const colons = fp.toUpperCase().match(/../g)!.join(':');
    expect(parseClientConfig({ XDR_URL: 'https://h:1', XDR_TOKEN: token, XDR_FINGERPRINT: colons }).fingerprint).toBe(fp);
  });
});
