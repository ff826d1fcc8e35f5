// Turns a wire event (proto Event) from an authenticated agent into the flat ECS record the
// rest of the collector works with. Pure and allocation-light: it runs once per event.
import { wire, type xdr } from '../../../proto/index.js';
import type { EcsEvent } from './ecs.js';

export interface EventOrigin {
  agentId: string;
  hostId: string;
  hostName: string;
  hostIps: string[];
}

const PROCESS_ACTION: Record<number, [type: string, action: string]> = {
  [wire.ProcessEvent.Action.START]: ['start', 'process_started'],
  [wire.ProcessEvent.Action.EXIT]: ['end', 'process_exited'],
};
const FILE_ACTION: Record<number, [type: string, action: string]> = {
  [wire.FileEvent.Action.CREATE]: ['creation', 'file_created'],
  [wire.FileEvent.Action.MODIFY]: ['change', 'file_modified'],
  [wire.FileEvent.Action.DELETE]: ['deletion', 'file_deleted'],
  [wire.FileEvent.Action.RENAME]: ['change', 'file_renamed'],
  [wire.FileEvent.Action.CHMOD]: ['change', 'file_mode_changed'],
};
const NETWORK_ACTION: Record<number, [type: string, action: string]> = {
  [wire.NetworkEvent.Action.CONNECT]: ['connection', 'connection_attempted'],
  [wire.NetworkEvent.Action.ACCEPT]: ['connection', 'connection_accepted'],
  [wire.NetworkEvent.Action.LISTEN]: ['start', 'socket_listening'],
  [wire.NetworkEvent.Action.CLOSE]: ['end', 'disconnect_received'],
};
const DIRECTION: Record<number, string> = {
  [wire.NetworkEvent.Direction.OUTBOUND]: 'egress',
  [wire.NetworkEvent.Direction.INBOUND]: 'ingress',
};

/** Sets `key` only for a non-empty value, so absent facts stay absent (not "" or 0). */
function put(out: EcsEvent, key: keyof EcsEvent, value: string | number | string[] | null | undefined): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  (out as Record<string, unknown>)[key] = value;
}

function putProcessRef(out: EcsEvent, p: xdr.v1.IProcessRef | null | undefined, prefix: 'process' | 'process.parent'): void {
  if (!p) return;
  put(out, `${prefix}.entity_id`, p.entityId);
  if (p.pid) put(out, `${prefix}.pid`, p.pid);
  put(out, `${prefix}.name`, p.name);
  put(out, `${prefix}.executable`, p.executable);
  put(out, `${prefix}.command_line`, p.commandLine);
}

function putProcess(out: EcsEvent, p: xdr.v1.IProcess | null | undefined): void {
  if (!p) return;
  putProcessRef(out, p, 'process');
  put(out, 'process.args', p.args ?? undefined);
  put(out, 'process.working_directory', p.workingDirectory);
  put(out, 'process.hash.sha256', p.hashSha256);
  put(out, 'process.user.name', p.userName);
  if (p.userIdSet) put(out, 'process.user.id', String(p.userId ?? 0));
  if (p.startTimeMs) put(out, 'process.start', Number(p.startTimeMs));
  putProcessRef(out, p.parent, 'process.parent');
  if (!p.parent?.pid && p.ppid) put(out, 'process.parent.pid', p.ppid);
  put(out, 'user.name', p.userName);
}

function splitPath(out: EcsEvent, path: string): void {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  put(out, 'file.path', path);
  put(out, 'file.name', name);
  put(out, 'file.directory', slash > 0 ? path.slice(0, slash) : slash === 0 ? '/' : '');
  const dot = name.lastIndexOf('.');
  if (dot > 0) put(out, 'file.extension', name.slice(dot + 1));
}

/**
 * Returns the ECS record for event `idx` of batch `seq`, or an error string when the event
 * carries no payload this collector understands (counted and skipped by the caller).
 */
export function normaliseEvent(ev: xdr.v1.IEvent, origin: EventOrigin, seq: number, idx: number): EcsEvent | string {
  const out: EcsEvent = { '@timestamp': Number(ev.timeMs ?? 0) || Date.now() };
  out['event.id'] = `${origin.agentId}:${seq}:${idx}`;
  out['event.kind'] = 'event';
  out['agent.id'] = origin.agentId;
  put(out, 'host.id', origin.hostId);
  put(out, 'host.name', origin.hostName);
  put(out, 'host.ip', origin.hostIps);

  if (ev.process) {
    const [type, action] = PROCESS_ACTION[ev.process.action ?? 0] ?? [];
    if (!type) return `process event ${idx} has no action`;
    out['event.category'] = 'process';
    out['event.type'] = type;
    out['event.action'] = action;
    putProcess(out, ev.process.process);
    if (ev.process.exitCodeSet) put(out, 'process.exit_code', ev.process.exitCode ?? 0);
  } else if (ev.file) {
    const [type, action] = FILE_ACTION[ev.file.action ?? 0] ?? [];
    if (!type) return `file event ${idx} has no action`;
    if (!ev.file.path) return `file event ${idx} has no path`;
    out['event.category'] = 'file';
    out['event.type'] = type;
    out['event.action'] = action;
    splitPath(out, ev.file.path);
    put(out, 'file.original.path', ev.file.oldPath);
    if (ev.file.size) put(out, 'file.size', Number(ev.file.size));
    if (ev.file.modeSet) put(out, 'file.mode', (ev.file.mode ?? 0).toString(8).padStart(4, '0'));
    put(out, 'file.owner', ev.file.owner);
    put(out, 'file.hash.sha256', ev.file.hashSha256);
    putProcessRef(out, ev.file.process, 'process');
  } else if (ev.network) {
    const [type, action] = NETWORK_ACTION[ev.network.action ?? 0] ?? [];
    if (!type) return `network event ${idx} has no action`;
    out['event.category'] = 'network';
    out['event.type'] = type;
    out['event.action'] = action;
    put(out, 'network.transport', ev.network.transport);
    put(out, 'network.direction', DIRECTION[ev.network.direction ?? 0]);
    put(out, 'source.ip', ev.network.sourceIp);
    if (ev.network.sourcePort) put(out, 'source.port', ev.network.sourcePort);
    put(out, 'destination.ip', ev.network.destinationIp);
    if (ev.network.destinationPort) put(out, 'destination.port', ev.network.destinationPort);
    put(out, 'destination.domain', ev.network.destinationDomain);
    putProcessRef(out, ev.network.process, 'process');
  } else if (ev.login) {
    const outcome = ev.login.outcome === wire.LoginEvent.Outcome.SUCCESS ? 'success'
      : ev.login.outcome === wire.LoginEvent.Outcome.FAILURE ? 'failure' : '';
    if (!outcome) return `login event ${idx} has no outcome`;
    out['event.category'] = 'authentication';
    out['event.type'] = 'start';
    out['event.action'] = outcome === 'success' ? 'logged-in' : 'logon-failed';
    out['event.outcome'] = outcome;
    put(out, 'user.name', ev.login.userName);
    put(out, 'source.ip', ev.login.sourceIp);
    if (ev.login.sourcePort) put(out, 'source.port', ev.login.sourcePort);
    put(out, 'event.reason', ev.login.method);
    putProcessRef(out, ev.login.process, 'process');
    if (!out['process.name']) put(out, 'process.name', ev.login.service);
  } else if (ev.notice) {
    if (!ev.notice.code) return `notice event ${idx} has no code`;
    out['event.kind'] = 'pipeline_error';
    out['event.category'] = 'host';
    out['event.type'] = 'info';
    out['event.action'] = ev.notice.code;
    put(out, 'event.reason', ev.notice.sensor ? `${ev.notice.sensor}: ${ev.notice.message}` : ev.notice.message);
    if (ev.notice.count) put(out, 'event.count', Number(ev.notice.count));
  } else {
    return `event ${idx} has no payload`;
  }
  return out;
}
