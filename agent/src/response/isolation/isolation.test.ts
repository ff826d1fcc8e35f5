// The Isolation class against a fake nft (a script that records what it was asked) and a local
// TCP listener standing in for the collector: the flow, the rollback, the persisted state.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Isolation, NFT_MISSING, readIsolationState } from './index.js';
import { findNft } from './nft.js';

const log = pino({ level: 'silent' });
let dir: string;
let nft: string;
let server: Server;
let port: number;

/** A fake nft: appends "ARGS\n<stdin>\n--\n" to calls.log; exits with the code in fail (if any). */
function fakeNft(d: string): string {
  const path = join(d, 'nft');
  writeFileSync(path, `#!/bin/sh
{ echo "$*"; cat; echo "--"; } >> "${d}/calls.log"
if [ -f "${d}/delete-enoent" ] && [ "$1" = delete ]; then echo "Error: Could not process rule: No such file or directory" >&2; exit 1; fi
if [ -f "${d}/fail" ]; then cat "${d}/fail" >&2; exit 1; fi
exit 0
`);
  chmodSync(path, 0o755);
  return path;
}

function calls(): string[] {
  return existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').split('--\n').filter(Boolean) : [];
}

beforeAll(async () => {
  server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xdr-isolation-'));
  nft = fakeNft(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const make = (url = `wss://127.0.0.1:${port}`, extra: object = {}) => new Isolation({ stateDir: dir, collectorUrl: url, log, nft, verifyTimeoutMs: 600, ...extra });

describe('Isolation', () => {
  it('applies the table in one nft -f transaction, verifies, persists and reports', async () => {
    const iso = make();
    expect(iso.isolated).toBe(false);
    const r = await iso.isolate({ allow: [{ cidr: '10.0.0.0/8', ports: [22] }], allow_dns: true });
    expect(r).toMatchObject({ isolated: true, table: 'inet xdr_isolation', collector: `127.0.0.1:${port}`, allow: [{ cidr: '10.0.0.0/8', ports: [22] }] });
    expect(r.verified_ms).toBeGreaterThanOrEqual(0);
    const [apply] = calls();
    expect(apply).toMatch(/^-f -\ntable inet xdr_isolation \{\}\ndelete table inet xdr_isolation\n/);
    expect(apply).toContain(`ip daddr 127.0.0.1 tcp dport ${port} ct mark set`);
    expect(apply).toContain('udp dport 53');
    expect(apply).toContain('udp sport 68 udp dport 67'); // DHCP on by default
    expect(iso.isolated).toBe(true);

    const file = join(dir, 'isolation.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const state = readIsolationState(file);
    expect(state).toMatchObject({ version: 1, isolated: true, collector: { host: '127.0.0.1', port, addresses: ['127.0.0.1'] }, params: { allow_dns: true } });
    expect(Date.parse((state as { since: string }).since)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('resolves a host name to its addresses before applying and keeps them', async () => {
    const iso = make(`wss://localhost:${port}/`);
    await iso.isolate({});
    const state = readIsolationState(join(dir, 'isolation.json'));
    expect(state?.isolated && state.collector.addresses).toContain('127.0.0.1');
    // the transport's lookup answers from the saved addresses while isolated, without DNS
    const found = await new Promise<unknown>((ok, fail) => iso.lookup('localhost', { all: true }, (err, addrs) => (err ? fail(err) : ok(addrs))));
    expect(found).toEqual(expect.arrayContaining([{ address: '127.0.0.1', family: 4 }]));
  });

  it('rolls back (deletes the table) and throws when the collector is unreachable after applying', async () => {
    const closed = await new Promise<number>((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
    const iso = make(`wss://127.0.0.1:${closed}`);
    await expect(iso.isolate({})).rejects.toThrow(/^the collector was unreachable after applying the isolation, so the isolation was rolled back: no new TCP connection to the collector opened within 600 ms \(127\.0\.0\.1:\d+ ECONNREFUSED\)/);
    expect(calls().map((c) => c.split('\n')[0])).toEqual(['-f -', 'delete table inet xdr_isolation']);
    expect(iso.isolated).toBe(false);
    expect(existsSync(join(dir, 'isolation.json'))).toBe(false);
  });

  it('a failed re-isolate rolls back to the previous isolation, not to none', async () => {
    await make().isolate({ allow: [{ cidr: '10.0.0.0/8' }] });
    const closed = await new Promise<number>((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
    // the agent re-enrolled elsewhere: same state dir, the new collector does not answer
    const iso = make(`wss://127.0.0.1:${closed}`);
    await expect(iso.isolate({ allow: [] })).rejects.toThrow(/rolled back to the previous isolation/);
    const last = calls().at(-1)!;
    expect(last).toContain(`tcp dport ${port} `);
    expect(last).toContain('ip daddr 10.0.0.0/8');
    expect(iso.isolated).toBe(true);
  });

  it('includes nft stderr when nft refuses the ruleset, and changes nothing', async () => {
    writeFileSync(join(dir, 'fail'), 'Error: Could not process rule: Operation not permitted');
    const iso = make();
    await expect(iso.isolate({})).rejects.toThrow('nft could not apply the isolation table inet xdr_isolation (exit 1), nothing was changed: Error: Could not process rule: Operation not permitted');
    expect(iso.isolated).toBe(false);
  });

  it('says nftables is missing when there is no nft', async () => {
    const iso = make(undefined, { nft: join(dir, 'no-such-nft') });
    await expect(iso.isolate({})).rejects.toThrow(NFT_MISSING);
    expect(findNft(undefined, join(dir, 'empty'))).toSatisfy((p: string | undefined) => p === undefined || p.startsWith('/usr/') || p.startsWith('/sbin'));
  });

  it('restore deletes exactly the table and persists not isolated; removed is false when it was not there', async () => {
    const iso = make();
    await iso.isolate({});
    expect(await iso.restore()).toEqual({ isolated: false, removed: true });
    expect(calls().at(-1)).toBe('delete table inet xdr_isolation\n');
    expect(readIsolationState(join(dir, 'isolation.json'))).toMatchObject({ isolated: false, since: null });
    writeFileSync(join(dir, 'delete-enoent'), '');
    expect(await iso.restore()).toEqual({ isolated: false, removed: false });
  });

  it('restore reports other nft failures with their stderr', async () => {
    writeFileSync(join(dir, 'fail'), 'Error: Could not process rule: Device or resource busy');
    await expect(make().restore()).rejects.toThrow('nft could not delete the isolation table inet xdr_isolation (exit 1): Error: Could not process rule: Device or resource busy');
  });

  it('reapply re-applies the persisted isolation from the saved addresses (no DNS), and is a no-op when not isolated', async () => {
    await make().reapply();
    expect(calls()).toEqual([]);
    await make(`wss://localhost:${port}`).isolate({ allow_dhcp: false });
    writeFileSync(join(dir, 'calls.log'), '');
    const again = make(`wss://localhost:${port}`);
    expect(again.isolated).toBe(true);
    await again.reapply();
    const [apply] = calls();
    expect(apply).toMatch(/^-f -\n/);
    expect(apply).toContain(`tcp dport ${port} `);
    expect(apply).not.toContain('dport 67');
  });

  it('reapply keeps the isolation when the collector is not reachable (at boot the network may be late)', async () => {
    const closed = await new Promise<number>((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
    writeFileSync(join(dir, 'isolation.json'), JSON.stringify({
      version: 1, isolated: true, since: new Date().toISOString(),
      collector: { url: `wss://127.0.0.1:${closed}`, host: '127.0.0.1', port: closed, addresses: ['127.0.0.1'] }, params: {},
    }));
    const iso = make(`wss://127.0.0.1:${closed}`);
    await iso.reapply();
    expect(calls().map((c) => c.split('\n')[0])).toEqual(['-f -']);
    expect(iso.isolated).toBe(true);
  });

  it('reapply names the file when the state is unreadable', async () => {
    writeFileSync(join(dir, 'isolation.json'), '{"version":1,"isolated":true}');
    await expect(make().reapply()).rejects.toThrow(/cannot re-apply the isolation: the isolation state .*isolation\.json says isolated but lacks/);
  });

  it('runs one operation at a time', async () => {
    const iso = make();
    const order: string[] = [];
    await Promise.all([
      iso.isolate({}).then(() => order.push('isolate')),
      iso.restore().then(() => order.push('restore')),
    ]);
    expect(order).toEqual(['isolate', 'restore']);
    expect(iso.isolated).toBe(false);
  });
});
