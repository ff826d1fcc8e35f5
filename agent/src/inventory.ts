// Host facts for Hello, EnrollRequest and the hourly HostInventory frame: OS (os-release),
// kernel, arch, addresses, CPU and memory from node:os and two small files, and a stable host id
// (/etc/machine-id, or a random id persisted in the state directory when the host has none).
// Collected once and cached. Read directly: systeminformation cost the agent about
// 10 MB of resident memory for four facts, and spawned helper processes at every collection.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { xdr } from '../../proto/index.js';
import { writeFileAtomic } from './state-dir.js';

const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];
const ID = /^[0-9a-f]{32}$/;

function readId(path: string): string | undefined {
  try {
    const id = readFileSync(path, 'utf8').trim().toLowerCase();
    return ID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export class Inventory {
  private cached: Promise<xdr.v1.IHostInventory> | null = null;
  private hostIdValue: string | undefined;

  /** @param hostIdFile where the fallback host id lives when the machine has no machine-id */
  constructor(private readonly hostIdFile: string) {}

  hostId(): string {
    if (this.hostIdValue) return this.hostIdValue;
    for (const f of MACHINE_ID_FILES) {
      const id = readId(f);
      if (id) return (this.hostIdValue = id);
    }
    let id = readId(this.hostIdFile);
    if (!id) {
      id = randomBytes(16).toString('hex');
      writeFileAtomic(this.hostIdFile, `${id}\n`, 0o600);
    }
    return (this.hostIdValue = id);
  }

  /** The cached inventory; `refresh` collects it again (the hourly frame). */
  get(refresh = false): Promise<xdr.v1.IHostInventory> {
    if (this.cached && !refresh) return this.cached;
    const previous = this.cached;
    // a failed refresh keeps the last good answer; a failed first collection is retried next call
    this.cached = this.collect().catch((err) => {
      this.cached = previous;
      if (previous) return previous;
      throw err;
    });
    return this.cached;
  }

  private async collect(): Promise<xdr.v1.IHostInventory> {
    const release = readOsRelease();
    const ips = new Set<string>();
    const macs = new Set<string>();
    for (const addrs of Object.values(os.networkInterfaces())) {
      for (const a of addrs ?? []) {
        if (a.internal || (a.family === 'IPv6' && a.address.startsWith('fe80'))) continue;
        ips.add(a.address);
        if (a.mac !== '00:00:00:00:00:00') macs.add(a.mac.toLowerCase());
      }
    }
    return {
      hostId: this.hostId(),
      hostname: os.hostname(),
      osName: release.NAME || os.type(),
      osVersion: release.VERSION_ID || release.VERSION || '',
      osPlatform: os.platform(),
      kernel: os.release(),
      arch: os.arch(),
      ips: [...ips],
      macs: [...macs],
      cpuModel: os.cpus()[0]?.model.trim() ?? '',
      cpuCores: os.availableParallelism(),
      memoryBytes: os.totalmem(),
      collectedAtMs: Date.now(),
    };
  }
}

/** KEY=value pairs of os-release(5); values may be quoted. Empty when the host has none. */
export function readOsRelease(files = OS_RELEASE_FILES): Record<string, string> {
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    const out: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) out[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2').replace(/\\(.)/g, '$1');
    }
    return out;
  }
  return {};
}
