// Sigma logsource -> the event actions (event.action, set by pipeline/normalise.ts) a rule can
// match. The engine indexes rules by action, so an event only meets rules that can match it.

const PROCESS_START = ['process_started'];
const FILE_WRITE = ['file_created', 'file_modified', 'file_renamed'];

/** category -> actions. `file_event` is Sysmon's FileCreate: a file appears or is (over)written at TargetFilename. */
const CATEGORY_ACTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['process_creation', PROCESS_START],
  ['file_event', FILE_WRITE],
  ['file_change', ['file_modified', 'file_mode_changed']],
  ['file_delete', ['file_deleted']],
  ['file_rename', ['file_renamed']],
  ['network_connection', ['connection_attempted', 'connection_accepted']],
]);

export const ALL_ACTIONS = '*';

export type LogsourceResult = { ok: true; actions: readonly string[] } | { ok: false; reason: string };

/**
 * Resolves a rule's logsource. No category (product linux or none, no service) means the rule
 * meets every event (`['*']`). A service (auditd, sshd, ...) or another product is refused.
 */
export function resolveLogsource(logsource: unknown): LogsourceResult {
  if (logsource === undefined || logsource === null) return { ok: true, actions: [ALL_ACTIONS] };
  if (typeof logsource !== 'object' || Array.isArray(logsource)) return { ok: false, reason: 'logsource is not a map' };
  const ls = logsource as Record<string, unknown>;
  if (ls.product !== undefined && String(ls.product).toLowerCase() !== 'linux') {
    return { ok: false, reason: `logsource product '${String(ls.product)}' is not linux` };
  }
  if (ls.service !== undefined) {
    return { ok: false, reason: `logsource service '${String(ls.service)}' is a log the agent does not collect` };
  }
  if (ls.category === undefined) return { ok: true, actions: [ALL_ACTIONS] };
  const actions = CATEGORY_ACTIONS.get(String(ls.category));
  if (!actions) return { ok: false, reason: `logsource category '${String(ls.category)}' is not produced by the agent` };
  return { ok: true, actions };
}
