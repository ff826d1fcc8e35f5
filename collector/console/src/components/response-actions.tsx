// The response buttons for one host (isolate, restore, collect a file, run a script, kill a
// process, open a shell). Each asks for its parameters and a reason, and the confirmation names
// the host, so nobody isolates the wrong server by a stray click. Shown to responders and admins only.
import { useEffect, useState } from 'preact/hooks';
import { can, hasRoute, send, session } from '../api';
import { navigate } from '../router';
import type { ActionKind, ResponseAction } from '../types';
import { Dialog, ErrorBox, toast } from './ui';

export interface ResponseTarget {
  /** what the API takes as agent_id: an agent id or a hostname */
  agent: string;
  hostname: string;
  isolated?: boolean;
  processes?: Array<{ entity_id: string; name: string; pid: number }>;
}

const LABELS: Record<ActionKind, string> = {
  isolate: 'Isolate', restore: 'Restore network', collect_file: 'Collect file', run_script: 'Run script', kill_process: 'Kill process', shell: 'Shell',
};

const SHORT: Record<ActionKind, string> = {
  isolate: 'Isolate', restore: 'Restore', collect_file: 'Collect', run_script: 'Script', kill_process: 'Kill', shell: 'Shell',
};

const WHAT: Record<ActionKind, (host: string) => string> = {
  isolate: (h) => `${h} will lose every network connection except the one to this collector, until you restore it.`,
  restore: (h) => `${h} gets its network back: the isolation rules are removed.`,
  collect_file: (h) => `The file is read on ${h} and kept by the collector as a password-protected zip (password: infected).`,
  run_script: (h) => `The script runs on ${h} as the agent's user (root). Its output comes back in Response Management.`,
  kill_process: (h) => `The process is killed on ${h}. It is identified by its entity id, so a reused pid is never hit.`,
  shell: (h) => `An interactive root shell on ${h}; the session is recorded and its transcript kept.`,
};

let available: Promise<boolean> | undefined;
export function useResponsesAvailable(): boolean | undefined {
  const [ok, setOk] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    available ??= hasRoute('POST', '/api/v1/responses');
    void available.then(setOk);
  }, []);
  return ok;
}

export function ResponseButtons(props: { target: ResponseTarget; compact?: boolean; only?: ActionKind[] }) {
  const s = session();
  const ok = useResponsesAvailable();
  const [open, setOpen] = useState<ActionKind | null>(null);
  if (!can(s, 'responder')) return null;
  const t = props.target;
  const kinds: ActionKind[] = props.only ?? ['isolate', 'collect_file', 'run_script', 'kill_process', 'shell'];
  const list = kinds.map((k) => (k === 'isolate' && t.isolated ? 'restore' : k)).filter((k) => k !== 'kill_process' || (t.processes?.length ?? 0) > 0);
  return (
    <div class={`response-buttons${props.compact ? ' compact' : ''}`}>
      {list.map((k) => (
        <button
          key={k}
          class={`btn btn-small${k === 'isolate' ? ' btn-danger' : ''}`}
          data-action={k}
          disabled={ok === false}
          title={ok === false ? 'This collector has no response API (POST /api/v1/responses)' : `${LABELS[k]} on ${t.hostname}`}
          onClick={() => setOpen(k)}
        >{props.compact ? SHORT[k] : LABELS[k]}</button>
      ))}
      {open && <ActionDialog kind={open} target={t} onClose={() => setOpen(null)} />}
    </div>
  );
}

function ActionDialog(props: { kind: ActionKind; target: ResponseTarget; onClose(): void }) {
  const { kind, target } = props;
  const [reason, setReason] = useState('');
  const [path, setPath] = useState('');
  const [interpreter, setInterpreter] = useState('sh');
  const [script, setScript] = useState('');
  const [proc, setProc] = useState(target.processes?.[0]?.entity_id ?? '');
  const [signal, setSignal] = useState('SIGKILL');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();

  function params(): Record<string, unknown> | string {
    switch (kind) {
      case 'collect_file':
        return path.startsWith('/') ? { path } : 'Give the absolute path of the file to collect.';
      case 'run_script':
        return script.trim() ? { interpreter, script } : 'Write the script to run.';
      case 'kill_process': {
        const p = target.processes?.find((x) => x.entity_id === proc);
        return p ? { entity_id: p.entity_id, pid: p.pid, signal } : 'Choose the process to kill.';
      }
      case 'shell':
        return { cols: 120, rows: 32 };
      default:
        return {};
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    const p = params();
    if (typeof p === 'string') { setError(new Error(p)); return; }
    setBusy(true);
    setError(undefined);
    try {
      const action = await send<ResponseAction>('POST', '/responses', {
        agent_id: target.agent, action: kind, params: p, ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      props.onClose();
      toast(`${LABELS[kind]} on ${target.hostname}: ${action.status.replace(/_/g, ' ')}`);
      navigate(kind === 'shell' ? `/responses/${action.id}/shell` : `/responses?focus=${action.id}`);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  }

  const title = `${LABELS[kind]} ${kind === 'collect_file' || kind === 'run_script' || kind === 'kill_process' ? 'on ' : ''}${target.hostname}?`;
  return (
    <Dialog title={title} onClose={props.onClose}>
      <form class="form" onSubmit={submit} data-testid="response-dialog">
        <p class={`confirm-text${kind === 'isolate' ? ' warn' : ''}`}>{WHAT[kind](target.hostname)}</p>
        {kind === 'collect_file' && (
          <label>File path<input required value={path} placeholder="/etc/passwd" onInput={(e) => setPath(e.currentTarget.value)} autoFocus /></label>
        )}
        {kind === 'run_script' && (
          <>
            <label>Interpreter
              <select value={interpreter} onChange={(e) => setInterpreter(e.currentTarget.value)}>
                <option value="sh">sh</option><option value="bash">bash</option><option value="python3">python3</option>
              </select>
            </label>
            <label>Script<textarea rows={6} class="mono" value={script} placeholder="ps -ef --forest" onInput={(e) => setScript(e.currentTarget.value)} /></label>
          </>
        )}
        {kind === 'kill_process' && (
          <>
            <label>Process
              <select value={proc} onChange={(e) => setProc(e.currentTarget.value)}>
                {target.processes?.map((p) => <option key={p.entity_id} value={p.entity_id}>{p.name} (pid {p.pid})</option>)}
              </select>
            </label>
            <label>Signal
              <select value={signal} onChange={(e) => setSignal(e.currentTarget.value)}>
                <option>SIGKILL</option><option>SIGTERM</option>
              </select>
            </label>
          </>
        )}
        <label>Reason (kept with the action and in the audit log)
          <input value={reason} placeholder="e.g. reverse shell seen in alert" onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error} what={`${LABELS[kind].toLowerCase()} ${target.hostname}`} />
        <div class="dialog-buttons">
          <button type="button" class="btn" onClick={props.onClose}>Cancel</button>
          <button type="submit" class={`btn ${kind === 'isolate' ? 'btn-danger' : 'btn-primary'}`} disabled={busy} data-testid="confirm-action">
            {busy ? 'Sending…' : `${LABELS[kind]} ${target.hostname}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
