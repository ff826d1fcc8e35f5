// Micro-benchmark: events/s through engine.process with every public Sigma rule loaded and a
// few correlations listening. Prints the figure; asserts only a floor far below the target so
// that slow CI machines do not fail (the real benchmark belongs in test/bench).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcsEvent } from '../pipeline/ecs.js';
import { loadDetection } from './index.js';
import { SIGMA_DIR } from './test-helpers.js';

const EXES = ['/usr/bin/bash', '/usr/bin/ls', '/usr/bin/grep', '/usr/bin/python3', '/usr/bin/node', '/usr/sbin/sshd', '/usr/bin/systemctl',
  '/usr/bin/cat', '/usr/bin/curl', '/usr/bin/sed', '/usr/bin/awk', '/usr/bin/find', '/usr/bin/git', '/usr/lib/postgresql/15/bin/postgres', '/usr/sbin/nginx'];

function mix(n: number): EcsEvent[] {
  const out: EcsEvent[] = [];
  for (let i = 0; i < n; i++) {
    const exe = EXES[i % EXES.length];
    const base = { '@timestamp': 1_700_000_000_000 + i, 'event.id': `b:${i}`, 'host.id': `h${i % 50}`, 'process.entity_id': `h:${i}`, 'process.parent.entity_id': `h:${i - 1}`, 'process.executable': exe };
    const k = i % 10;
    if (k < 7) {
      out.push({ ...base, 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started', 'process.command_line': `${exe.slice(exe.lastIndexOf('/') + 1)} --opt value-${i % 97} /var/lib/app/file-${i % 13}.txt`, 'process.parent.executable': '/usr/bin/bash', 'process.parent.command_line': 'bash', 'process.user.name': 'app', 'process.working_directory': '/srv/app' } as EcsEvent);
    } else if (k < 9) {
      out.push({ ...base, 'event.category': 'file', 'event.type': 'creation', 'event.action': 'file_created', 'file.path': `/var/lib/app/cache/${i % 1000}.tmp` } as EcsEvent);
    } else {
      out.push({ ...base, 'event.category': 'network', 'event.type': 'connection', 'event.action': 'connection_attempted', 'destination.ip': `10.0.${i % 250}.${i % 200}`, 'destination.port': 443, 'network.direction': 'egress' } as EcsEvent);
    }
  }
  return out;
}

describe.runIf(existsSync(SIGMA_DIR))('throughput', () => {
  it('events/s with all public rules loaded', () => {
    const t0 = performance.now();
    const { engine, report } = loadDetection({ dirs: [SIGMA_DIR] });
    const loadMs = performance.now() - t0;
    const events = mix(300_000);
    for (let i = 0; i < 50_000; i++) engine.process(events[i]);
    const start = performance.now();
    let hits = 0;
    for (let i = 50_000; i < events.length; i++) hits += engine.process(events[i]).length;
    const secs = (performance.now() - start) / 1000;
    const rate = Math.round((events.length - 50_000) / secs);
    console.log(`detection throughput: ${rate.toLocaleString('en')} events/s (${report.loaded.filter} filters; load ${Math.round(loadMs)} ms; ${hits} hits)`);
    expect(rate).toBeGreaterThan(5_000);
  });
});
