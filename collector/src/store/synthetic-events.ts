// Synthetic activity for the store's tests and its insert-rate measurement: process starts with
// ~20 populated fields, varied across agents, hosts, pids and names like a small fleet.
import type { EcsEvent } from '../pipeline/ecs.js';
import type { BatchToCommit } from './store.js';

export const BATCH_EVENTS = 500;

/** A process-start event with 22 populated fields, varied like a real fleet (hosts, pids, names). */
export function syntheticEvent(agent: number, n: number, ts: number): EcsEvent {
  const pid = 1000 + (n % 30_000);
  const name = ['bash', 'curl', 'sshd', 'python3', 'cron', 'systemd', 'nginx', 'tar'][n % 8];
  return {
    '@timestamp': ts,
    'event.kind': 'event',
    'event.category': 'process',
    'event.type': 'start',
    'event.action': 'process_started',
    'host.id': `host-${agent}`,
    'host.name': `web-${agent}.example.internal`,
    'host.ip': [`10.0.${agent % 250}.${(agent * 7) % 250}`, 'fe80::1'],
    'agent.id': `agent-${agent}`,
    'process.entity_id': `host-${agent}:${pid}:${ts}`,
    'process.pid': pid,
    'process.name': name,
    'process.executable': `/usr/bin/${name}`,
    'process.command_line': `/usr/bin/${name} --flag value-${n} /var/tmp/file-${n % 97}`,
    'process.args': [`/usr/bin/${name}`, '--flag', `value-${n}`, `/var/tmp/file-${n % 97}`],
    'process.working_directory': '/var/www',
    'process.user.name': 'www-data',
    'process.user.id': '33',
    'process.parent.entity_id': `host-${agent}:${pid - 1}:${ts - 5000}`,
    'process.parent.pid': pid - 1,
    'process.parent.name': 'bash',
    'process.parent.executable': '/usr/bin/bash',
  };
}

export function syntheticBatches(agents: number, perAgent: number, t0: number): BatchToCommit[] {
  const out: BatchToCommit[] = [];
  let n = 0;
  for (let s = 0; s < perAgent; s++) {
    for (let a = 0; a < agents; a++) {
      const events: EcsEvent[] = [];
      for (let i = 0; i < BATCH_EVENTS; i++, n++) events.push(syntheticEvent(a, n, t0 + n));
      out.push({ agentId: `agent-${a}`, seq: s, events });
    }
  }
  return out;
}

