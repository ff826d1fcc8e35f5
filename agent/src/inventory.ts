// Host facts for Hello, EnrollRequest and the hourly HostInventory frame: OS, kernel, arch,
// addresses, CPU and memory from systeminformation, and a stable host id (/etc/machine-id, or a
// random id persisted in the state directory when the host has none). Collected once and cached.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import si from 'systeminformation';
import type { xdr } from '../../proto/index.js';
import { writeFileAtomic } from './state-dir.js';

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
    const [osInfo, nics, cpu, mem] = await Promise.all([
      si.osInfo().catch(() => undefined),
      si.networkInterfaces().catch(() => []),
      si.cpu().catch(() => undefined),
      si.mem().catch(() => undefined),
    ]);
    const ips = new Set<string>();
    const macs = new Set<string>();
    for (const nic of Array.isArray(nics) ? nics : [nics]) {
      if (nic.internal) continue;
      if (nic.ip4) ips.add(nic.ip4);
      if (nic.ip6 && !nic.ip6.startsWith('fe80')) ips.add(nic.ip6);
      if (nic.mac && nic.mac !== '00:00:00:00:00:00') macs.add(nic.mac.toLowerCase());
    }
    return {
      hostId: this.hostId(),
      hostname: os.hostname(),
      osName: osInfo?.distro || os.type(),
      osVersion: osInfo?.release || '',
      osPlatform: os.platform(),
      kernel: osInfo?.kernel || os.release(),
      arch: os.arch(),
      ips: [...ips],
      macs: [...macs],
      cpuModel: cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : os.cpus()[0]?.model ?? '',
      cpuCores: cpu?.cores || os.cpus().length,
      memoryBytes: mem?.total || os.totalmem(),
      collectedAtMs: Date.now(),
    };
  }
}
