// kill_process: signals a process named by its entity id, after checking that the pid still
// belongs to that entity (a pid reused since the alert is never signalled). Never the agent itself
// nor pid 1.
import type { ActionParams, ActionResults } from '../../../proto/command.js';
import { ActionError } from './context.js';
import type { ProcessIdentity } from './process-identity.js';

export function killProcess(p: ActionParams['kill_process'], identity: ProcessIdentity, agentPid = process.pid): ActionResults['kill_process'] {
  const signal = p.signal ?? 'SIGKILL';
  let pid = p.pid;
  if (pid === undefined) {
    pid = identity.findPid(p.entity_id);
    if (pid === undefined) throw new ActionError(`no running process has the entity id ${p.entity_id} (it has exited)`);
  } else {
    const current = identity.entityIdOf(pid);
    if (current === undefined) throw new ActionError(`process ${pid} is not running (entity ${p.entity_id} has exited)`);
    if (current !== p.entity_id) throw new ActionError(`pid ${pid} now belongs to another process (entity id ${current}, not ${p.entity_id}); nothing was signalled`);
  }
  if (pid === 1) throw new ActionError('pid 1 (init) is never killed by a response action');
  if (pid === agentPid) throw new ActionError(`pid ${pid} is the xdr-agent itself; it is never killed by a response action (stop it with systemctl)`);
  try {
    process.kill(pid, signal);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ActionError(code === 'ESRCH' ? `process ${pid} exited before it could be signalled` : `cannot send ${signal} to process ${pid}: ${(err as Error).message}`);
  }
  return { pid, entity_id: p.entity_id, signal };
}
