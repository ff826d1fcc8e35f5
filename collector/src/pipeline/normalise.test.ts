import { describe, expect, it } from 'vitest';
import { wire } from '../../../proto/index.js';
import { normaliseEvent, type EventOrigin } from './normalise.js';

const origin: EventOrigin = { agentId: 'ag1', hostId: 'h1', hostName: 'web1', hostIps: ['10.0.0.5'] };
const T = 1_764_000_000_000;

describe('normaliseEvent', () => {
  it('maps a process start to ECS with parent linkage and uid 0 kept', () => {
    const ev = normaliseEvent({
      timeMs: T,
      process: {
        action: wire.ProcessEvent.Action.START,
        process: {
          entityId: 'e1', pid: 42, name: 'curl', executable: '/usr/bin/curl', commandLine: 'curl -s x', args: ['curl', '-s', 'x'],
          workingDirectory: '/tmp', userName: 'root', userId: 0, userIdSet: true, startTimeMs: T - 5,
          parent: { entityId: 'e0', pid: 1, name: 'bash', executable: '/bin/bash', commandLine: 'bash -i' },
        },
      },
    }, origin, 9, 3);
    expect(ev).toEqual({
      '@timestamp': T, 'event.id': 'ag1:9:3', 'event.kind': 'event', 'event.category': 'process', 'event.type': 'start',
      'event.action': 'process_started', 'agent.id': 'ag1', 'host.id': 'h1', 'host.name': 'web1', 'host.ip': ['10.0.0.5'],
      'process.entity_id': 'e1', 'process.pid': 42, 'process.name': 'curl', 'process.executable': '/usr/bin/curl',
      'process.command_line': 'curl -s x', 'process.args': ['curl', '-s', 'x'], 'process.working_directory': '/tmp',
      'process.user.name': 'root', 'process.user.id': '0', 'process.start': T - 5, 'user.name': 'root',
      'process.parent.entity_id': 'e0', 'process.parent.pid': 1, 'process.parent.name': 'bash',
      'process.parent.executable': '/bin/bash', 'process.parent.command_line': 'bash -i',
    });
  });

  it('maps file, network, login and notice events', () => {
    expect(normaliseEvent({ timeMs: T, file: { action: wire.FileEvent.Action.RENAME, path: '/etc/cron.d/job.sh', oldPath: '/tmp/job.sh', mode: 0o755, modeSet: true, size: 12 } }, origin, 1, 0))
      .toMatchObject({ 'event.category': 'file', 'event.action': 'file_renamed', 'file.path': '/etc/cron.d/job.sh', 'file.name': 'job.sh', 'file.directory': '/etc/cron.d', 'file.extension': 'sh', 'file.original.path': '/tmp/job.sh', 'file.mode': '0755', 'file.size': 12 });
    expect(normaliseEvent({ timeMs: T, network: { action: wire.NetworkEvent.Action.CONNECT, transport: 'tcp', direction: wire.NetworkEvent.Direction.OUTBOUND, sourceIp: '10.0.0.5', sourcePort: 40000, destinationIp: '1.2.3.4', destinationPort: 4444 } }, origin, 1, 1))
      .toMatchObject({ 'event.category': 'network', 'event.action': 'connection_attempted', 'network.direction': 'egress', 'destination.ip': '1.2.3.4', 'destination.port': 4444 });
    expect(normaliseEvent({ timeMs: T, login: { outcome: wire.LoginEvent.Outcome.FAILURE, userName: 'admin', sourceIp: '5.6.7.8', method: 'password', service: 'sshd' } }, origin, 1, 2))
      .toMatchObject({ 'event.category': 'authentication', 'event.outcome': 'failure', 'user.name': 'admin', 'source.ip': '5.6.7.8', 'event.reason': 'password', 'process.name': 'sshd' });
    expect(normaliseEvent({ timeMs: T, notice: { code: 'spool_dropped', count: 500, message: 'spool full' } }, origin, 1, 3))
      .toMatchObject({ 'event.kind': 'pipeline_error', 'event.action': 'spool_dropped', 'event.count': 500 });
  });

  it('says why an event cannot be normalised', () => {
    expect(normaliseEvent({ timeMs: T }, origin, 1, 4)).toBe('event 4 has no payload');
    expect(normaliseEvent({ timeMs: T, file: { action: wire.FileEvent.Action.CREATE } }, origin, 1, 5)).toBe('file event 5 has no path');
    expect(normaliseEvent({ timeMs: T, process: { process: { pid: 1 } } }, origin, 1, 6)).toBe('process event 6 has no action');
  });
});
