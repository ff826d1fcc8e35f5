// Response Management: every response action with its status, who asked, when, why and the
// result; collected files to download, script output, shell transcripts, approve and deny.
import { useEffect, useState } from 'preact/hooks';
import { can, download, get, qs, request, send, session } from '../api';
import { useResponsesAvailable } from '../components/response-actions';
import { bytes, Empty, ErrorBox, Loading, Page, Status, Time, toast, useAsync, useInterval } from '../components/ui';
import { navigate, useLocation } from '../router';
import type { ResponseAction } from '../types';

const ACTION_LABEL: Record<string, string> = {
  isolate: 'Isolate', restore: 'Restore network', collect_file: 'Collect file', run_script: 'Run script', kill_process: 'Kill process', shell: 'Shell',
};
const OPEN_STATUSES = ['pending_approval', 'queued', 'sent', 'running'];

export function Responses() {
  const s = session();
  const { query } = useLocation();
  const focus = query.get('focus');
  const status = query.get('status') ?? '';
  const action = query.get('action') ?? '';
  const available = useResponsesAvailable();
  const list = useAsync(async () => (available === false ? undefined
    : get<{ items: ResponseAction[]; next_cursor?: string }>(`/responses${qs({ status, action, limit: 200 })}`)), [status, action, available]);
  const [open, setOpen] = useState<string | null>(focus);
  useEffect(() => { if (focus) setOpen(focus); }, [focus]);
  const items = list.data?.items ?? [];
  useInterval(() => { if (available && !list.loading) list.reload(); }, items.some((a) => OPEN_STATUSES.includes(a.status)) ? 2000 : 8000);

  function set(name: string, value: string) {
    const p = new URLSearchParams(location.search);
    if (value) p.set(name, value); else p.delete(name);
    p.delete('focus');
    navigate(`/responses?${p.toString()}`, true);
  }

  return (
    <Page title="Response Management" subtitle="Every action taken on a host: who asked for it, when, why, and what came back." wide>
      {available === false && (
        <Empty title="This collector has no response API">
          Response actions (isolate, collect a file, run a script, kill a process, shell) need a collector with <code>POST /api/v1/responses</code>. Upgrade the collector.
        </Empty>
      )}
      {available !== false && (
        <div class="toolbar">
          <label>Status
            <select value={status} onChange={(e) => set('status', e.currentTarget.value)}>
              <option value="">All</option>
              <option value="pending_approval">Waiting for approval</option>
              <option value="queued,sent,running">In flight</option>
              <option value="succeeded">Succeeded</option>
              <option value="failed">Failed</option>
              <option value="cancelled,expired">Cancelled or expired</option>
            </select>
          </label>
          <label>Action
            <select value={action} onChange={(e) => set('action', e.currentTarget.value)}>
              <option value="">All</option>
              {Object.entries(ACTION_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </select>
          </label>
        </div>
      )}
      <ErrorBox error={list.error} what="load the response actions" onRetry={list.reload} />
      {list.loading && !list.data && available !== false && <Loading what="actions" />}
      {list.data && items.length === 0 && (
        <Empty title="No response action yet">
          Start one from an alert's hosts or from <a href="/endpoints">Endpoints</a>{can(s, 'responder') ? '' : ' (your role can read actions; responders take them)'}.
        </Empty>
      )}
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="responses">
            <thead><tr><th>Action</th><th>Host</th><th>Status</th><th>Requested by</th><th>When</th><th>Why</th><th>Result</th></tr></thead>
            <tbody>
              {items.map((a) => (
                <>
                  <tr key={a.id} data-action-id={a.id} data-action={a.action} class={`clickable${a.id === focus ? ' row-new' : ''}`} onClick={() => setOpen(open === a.id ? null : a.id)}>
                    <td><strong>{ACTION_LABEL[a.action] ?? a.action}</strong>{summaryParam(a) && <div class="mono muted tiny ellipsis ellipsis-mid" title={summaryParam(a)}>{summaryParam(a)}</div>}</td>
                    <td>{a.hostname}</td>
                    <td><Status status={a.status} />{a.refused && <span class="badge level-high">refused</span>}</td>
                    <td>{a.requested_by}{a.approved_by && <div class="muted tiny">approved by {a.approved_by}</div>}</td>
                    <td class="nowrap"><Time at={a.requested_at} relative /></td>
                    <td><div class="ellipsis ellipsis-mid" title={a.reason ?? ''}>{a.reason ?? <span class="muted">—</span>}</div></td>
                    <td class="small"><div class="ellipsis ellipsis-mid" title={resultLine(a)}>{resultLine(a)}</div></td>
                  </tr>
                  {open === a.id && <tr key={`${a.id}-d`} class="detail-row"><td colSpan={7}><ActionDetail action={a} onChange={list.reload} /></td></tr>}
                </>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function summaryParam(a: ResponseAction): string {
  const p = a.params ?? {};
  if (a.action === 'collect_file') return String(p.path ?? '');
  if (a.action === 'run_script') return `${String(p.interpreter ?? '')}: ${String(p.script ?? '').split('\n')[0].slice(0, 60)}`;
  if (a.action === 'kill_process') return `pid ${String(p.pid ?? '?')} ${String(p.signal ?? 'SIGKILL')}`;
  return '';
}

function resultLine(a: ResponseAction): string {
  if (a.error) return a.error;
  const r = a.result ?? {};
  switch (a.action) {
    case 'isolate': return a.status === 'succeeded' ? 'host isolated' : '';
    case 'restore': return a.status === 'succeeded' ? 'network restored' : '';
    case 'collect_file': return a.file ? `${bytes(a.file.size)} · sha256 ${a.file.sha256.slice(0, 12)}…` : '';
    case 'run_script': return 'exit_code' in r ? `exit ${String(r.exit_code)}${r.timed_out ? ' (timed out)' : ''}` : '';
    case 'kill_process': return a.status === 'succeeded' ? `killed pid ${String(r.pid ?? '')}` : '';
    case 'shell': return 'duration_ms' in r ? `closed after ${Math.round(Number(r.duration_ms) / 1000)}s` : a.status === 'running' ? 'terminal open' : '';
    default: return '';
  }
}

function ActionDetail(props: { action: ResponseAction; onChange(): void }) {
  const a = props.action;
  const s = session();
  const [error, setError] = useState<Error | undefined>();
  const [transcript, setTranscript] = useState<string | null>(null);
  const r = a.result ?? {};

  async function act(path: string, body: unknown, done: string) {
    setError(undefined);
    try { await send('POST', `/responses/${a.id}/${path}`, body); toast(done); props.onChange(); } catch (err) { setError(err as Error); }
  }

  async function showTranscript() {
    try {
      const res = await request(`/responses/${a.id}/transcript?format=raw`);
      // the transcript is terminal bytes; shown as text with control sequences removed
      const text = new TextDecoder().decode(await res.arrayBuffer());
      setTranscript(text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07]*\x07/g, '').replace(/\r/g, ''));
    } catch (err) { setError(err as Error); }
  }

  const mine = s?.user !== null && s?.user === a.requested_by;
  return (
    <div class="action-detail" data-testid="action-detail">
      <dl class="kv small">
        <dt>Id</dt><dd class="mono">{a.id}</dd>
        <dt>Requested</dt><dd><Time at={a.requested_at} /> by {a.requested_by}</dd>
        {a.approved_at && <><dt>Approved</dt><dd><Time at={a.approved_at} /> by {a.approved_by}</dd></>}
        {a.sent_at && <><dt>Sent</dt><dd><Time at={a.sent_at} /></dd></>}
        {a.started_at && <><dt>Started</dt><dd><Time at={a.started_at} /></dd></>}
        {a.finished_at && <><dt>Finished</dt><dd><Time at={a.finished_at} /></dd></>}
        <dt>Expires</dt><dd><Time at={a.expires_at} /></dd>
        {Object.keys(a.params ?? {}).length > 0 && <><dt>Parameters</dt><dd class="mono">{JSON.stringify(a.params)}</dd></>}
        {a.error && <><dt>Error</dt><dd class="error-text">{a.refused ? 'Refused by the agent: ' : ''}{a.error}</dd></>}
      </dl>
      {a.action === 'run_script' && 'stdout' in r && (
        <div class="output">
          <h3>stdout{r.stdout_truncated ? ' (truncated)' : ''}</h3><pre class="cmd">{String(r.stdout) || '(empty)'}</pre>
          {String(r.stderr ?? '') && <><h3>stderr{r.stderr_truncated ? ' (truncated)' : ''}</h3><pre class="cmd stderr">{String(r.stderr)}</pre></>}
        </div>
      )}
      {a.action !== 'run_script' && Object.keys(r).length > 0 && <pre class="cmd small">{JSON.stringify(r, null, 2)}</pre>}
      {transcript !== null && <><h3>Transcript</h3><pre class="cmd transcript" data-testid="transcript">{transcript || '(empty)'}</pre></>}
      <ErrorBox error={error} what="do that" />
      <div class="row-gap">
        {a.action === 'collect_file' && a.file && can(s, 'analyst') && (
          <button class="btn btn-small" onClick={() => download(`/responses/${a.id}/file`, {}, `${a.hostname}-${a.file!.path.split('/').pop()}.zip`).catch(setError)}>Download (zip, password "infected")</button>
        )}
        {a.action === 'shell' && ['queued', 'sent', 'running'].includes(a.status) && can(s, 'responder') && <a class="btn btn-small btn-primary" href={`/responses/${a.id}/shell`}>Open terminal</a>}
        {a.action === 'shell' && ['running', 'succeeded', 'failed'].includes(a.status) && (
          <>
            <button class="btn btn-small" onClick={showTranscript}>Show transcript</button>
            <button class="btn btn-small" onClick={() => download(`/responses/${a.id}/transcript`, {}, `shell-${a.hostname}-${a.id.slice(0, 8)}.cast`).catch(setError)}>Download transcript (asciicast)</button>
          </>
        )}
        {a.status === 'pending_approval' && can(s, 'responder') && (
          mine ? <span class="muted small">Waiting for another responder to approve it.</span> : (
            <>
              <button class="btn btn-small btn-primary" onClick={() => act('approve', {}, 'Approved')}>Approve</button>
              <button class="btn btn-small btn-danger" onClick={() => { const reason = prompt('Why deny it? (optional)') ?? undefined; void act('deny', reason ? { reason } : {}, 'Denied'); }}>Deny</button>
            </>
          )
        )}
        {['pending_approval', 'queued'].includes(a.status) && can(s, 'responder') && <button class="btn btn-small btn-ghost" onClick={() => act('cancel', {}, 'Cancelled')}>Cancel</button>}
        {a.action === 'shell' && a.status === 'running' && can(s, 'responder') && <button class="btn btn-small btn-ghost" onClick={() => act('cancel', {}, 'Shell closed')}>Close shell</button>}
      </div>
    </div>
  );
}
