import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolationStateFile, readIsolationState, writeIsolationState, type IsolatedState } from './state.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xdr-isostate-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const isolated: IsolatedState = {
  version: 1, isolated: true, since: '2026-11-26T01:00:00.000Z',
  collector: { url: 'wss://xdr.example:8443', host: 'xdr.example', port: 8443, addresses: ['10.0.0.5', 'fd00::5'] },
  params: { allow: [{ cidr: '10.9.0.0/24', ports: [22] }], allow_dns: false },
};

describe('isolation state', () => {
  it('round-trips through <stateDir>/isolation.json, mode 0600, atomically (no tmp file left)', () => {
    const file = isolationStateFile(dir);
    expect(file).toBe(join(dir, 'isolation.json'));
    expect(readIsolationState(file)).toBeUndefined();
    writeIsolationState(file, isolated);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => statSync(`${file}.tmp`)).toThrow();
    expect(readIsolationState(file)).toEqual(isolated);
    writeIsolationState(file, { version: 1, isolated: false, since: null, restored_at: '2026-11-26T02:00:00.000Z' });
    expect(readIsolationState(file)).toMatchObject({ isolated: false, since: null });
  });

  it('names the file and the problem when it cannot be used', () => {
    const file = isolationStateFile(dir);
    writeFileSync(file, '{');
    expect(() => readIsolationState(file)).toThrow(/isolation\.json is not JSON/);
    writeFileSync(file, '{"isolated":true}');
    expect(() => readIsolationState(file)).toThrow(/lacks version 1 and isolated/);
    writeFileSync(file, JSON.stringify({ ...isolated, collector: { ...isolated.collector, addresses: ['xdr.example'] } }));
    expect(() => readIsolationState(file)).toThrow(/says isolated but lacks since, collector/);
  });
});
