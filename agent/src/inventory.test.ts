import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Inventory, readOsRelease } from './inventory.js';

describe('inventory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xdr-inventory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads os-release with quoted, unquoted and escaped values, from the first file that exists', () => {
    const file = join(dir, 'os-release');
    writeFileSync(file, 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID=\'12\'\nID=debian\nHOME_URL="https://x/\\"q\\""\n# comment\n\n');
    expect(readOsRelease([join(dir, 'missing'), file])).toMatchObject({ NAME: 'Debian GNU/Linux', VERSION_ID: '12', ID: 'debian', HOME_URL: 'https://x/"q"' });
    expect(readOsRelease([join(dir, 'missing')])).toEqual({});
  });

  it('collects host facts from node:os and os-release', async () => {
    const inv = await new Inventory(join(dir, 'host-id')).get();
    expect(inv.hostId).toMatch(/^[0-9a-f]{32}$/);
    expect(inv).toMatchObject({ osPlatform: 'linux', arch: process.arch });
    expect(inv.osName).toBeTruthy();
    expect(inv.cpuCores).toBeGreaterThan(0);
    expect(Number(inv.memoryBytes)).toBeGreaterThan(0);
    for (const ip of inv.ips ?? []) expect(ip).not.toMatch(/^(127\.|::1$|fe80)/);
  });
});
