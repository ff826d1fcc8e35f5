// Detections: the loaded filters, rules and models with their state and hits, switched on and
// off by admins; and the exceptions that suppress matches, managed by analysts.
import { useState } from 'preact/hooks';
import { can, get, qs, send, session } from '../api';
import { Empty, ErrorBox, Level, Loading, Page, Time, toast, useAsync } from '../components/ui';
import { navigate, useLocation } from '../router';
import type { Detection, DetectionException } from '../types';

const LAYERS: Array<[string, string, string]> = [
  ['filter', 'Filters', 'match single events; each match is an Observed Attack Technique'],
  ['rule', 'Rules', 'correlate filter matches'],
  ['model', 'Models', 'raise Workbench alerts'],
  ['exceptions', 'Exceptions', 'suppress matches of a detection'],
];

export function Detections() {
  const { query } = useLocation();
  const tab = query.get('tab') ?? 'model';
  function set(name: string, value: string) {
    const p = new URLSearchParams(location.search);
    if (value) p.set(name, value); else p.delete(name);
    navigate(`/detections?${p.toString()}`, true);
  }
  return (
    <Page title="Detections" subtitle="Content is Sigma: filters, correlation rules and models. Changes apply at once and are audited." wide>
      <div class="tabs" role="tablist">
        {LAYERS.map(([id, label, hint]) => <button key={id} role="tab" class={tab === id ? 'on' : ''} title={hint} onClick={() => set('tab', id)}>{label}</button>)}
      </div>
      {tab === 'exceptions' ? <Exceptions /> : <DetectionList layer={tab} q={query.get('q') ?? ''} setQ={(v) => set('q', v)} />}
    </Page>
  );
}

function DetectionList(props: { layer: string; q: string; setQ(v: string): void }) {
  const s = session();
  const [text, setText] = useState(props.q);
  const [enabled, setEnabled] = useState('');
  const list = useAsync(() => get<Detection[]>(`/detections${qs({ layer: props.layer, q: props.q, enabled })}`), [props.layer, props.q, enabled]);
  const [busy, setBusy] = useState<string | null>(null);

  async function toggle(d: Detection) {
    setBusy(d.id);
    try {
      const next = await send<Detection>('PATCH', `/detections/${encodeURIComponent(d.id)}`, { enabled: !d.enabled });
      list.set((list.data ?? []).map((x) => (x.id === d.id ? next : x)));
      toast(`${d.title} ${next.enabled ? 'enabled' : 'disabled'}`);
    } catch (err) { toast((err as Error).message, 'error'); }
    setBusy(null);
  }

  const items = [...(list.data ?? [])].sort((a, b) => b.hits - a.hits || a.title.localeCompare(b.title));
  return (
    <>
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); props.setQ(text.trim()); }}>
        <input class="input-search" placeholder="Search id, name or title" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label>State
          <select value={enabled} onChange={(e) => setEnabled(e.currentTarget.value)}>
            <option value="">All</option><option value="true">Enabled</option><option value="false">Disabled</option>
          </select>
        </label>
        <span class="spacer" />
        <span class="muted small">{list.data ? `${items.length} ${props.layer}s` : ''}{can(s, 'admin') ? '' : ' · admins switch detections on and off'}</span>
      </form>
      <ErrorBox error={list.error} what="load the detections" onRetry={list.reload} />
      {list.loading && !list.data && <Loading what="detections" />}
      {list.data && items.length === 0 && <Empty title={`No ${props.layer} matches`}>Clear the search, or add Sigma content with <code>xdr-collector serve --rules DIR</code>.</Empty>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="table table-compact" data-testid="detections">
            <thead><tr><th>Enabled</th><th>Title</th><th>Level</th><th>Techniques</th><th class="col-num">Hits</th><th>File</th></tr></thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} class={d.enabled ? '' : 'row-dim'} data-detection={d.id}>
                  <td>
                    <label class="switch" title={can(s, 'admin') ? (d.enabled ? 'Disable' : 'Enable') : 'Admins switch detections'}>
                      <input type="checkbox" checked={d.enabled} disabled={!can(s, 'admin') || busy === d.id} onChange={() => toggle(d)} aria-label={`${d.enabled ? 'Disable' : 'Enable'} ${d.title}`} />
                      <span class="slider" />
                    </label>
                  </td>
                  <td><div>{d.title}</div><div class="mono muted tiny">{d.name ?? d.id}</div></td>
                  <td><Level level={d.level} /></td>
                  <td class="mono small">{d.techniques.map((t) => <a key={t} href={`/oat?technique=${t}&view=list`}>{t} </a>)}</td>
                  <td class="col-num">{d.hits}</td>
                  <td class="mono tiny muted"><div class="ellipsis" title={d.file}>{d.file.split('/').slice(-2).join('/')}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Exceptions() {
  const s = session();
  const list = useAsync(() => get<DetectionException[]>('/exceptions'), []);
  const titles = useAsync(async () => new Map((await get<Detection[]>('/detections').catch(() => [] as Detection[])).map((d) => [d.id, d.title])), []);
  const [adding, setAdding] = useState(false);

  async function patch(e: DetectionException, body: Record<string, unknown>, done: string) {
    try { await send('PATCH', `/exceptions/${e.id}`, body); toast(done); list.reload(); } catch (err) { toast((err as Error).message, 'error'); }
  }
  async function remove(e: DetectionException) {
    if (!confirm(`Delete this exception of ${e.rule_id}? Its matches will raise OATs and alerts again.`)) return;
    try { await send('DELETE', `/exceptions/${e.id}`); toast('Exception deleted'); list.reload(); } catch (err) { toast((err as Error).message, 'error'); }
  }

  return (
    <>
      <div class="toolbar">
        <span class="muted small">An exception suppresses a detection's matches when all its conditions hold (on the listed hosts, or everywhere).</span>
        <span class="spacer" />
        {can(s, 'analyst') && <button class="btn btn-primary btn-small" onClick={() => setAdding(!adding)}>{adding ? 'Cancel' : 'New exception'}</button>}
      </div>
      {adding && <NewException onDone={() => { setAdding(false); list.reload(); }} />}
      <ErrorBox error={list.error} what="load the exceptions" onRetry={list.reload} />
      {list.loading && !list.data && <Loading what="exceptions" />}
      {list.data && list.data.length === 0 && !adding && (
        <Empty title="No exceptions">Close an alert as a false positive with an exception from its page, or add one here when a detection fires on known-good activity.</Empty>
      )}
      {(list.data ?? []).length > 0 && (
        <div class="table-wrap">
          <table class="table table-compact" data-testid="exceptions">
            <thead><tr><th>Enabled</th><th>Detection</th><th>Conditions</th><th>Hosts</th><th>Comment</th><th>By</th><th /></tr></thead>
            <tbody>
              {list.data!.map((e) => (
                <tr key={e.id} class={e.enabled ? '' : 'row-dim'}>
                  <td>
                    <label class="switch"><input type="checkbox" checked={e.enabled} disabled={!can(s, 'analyst')} onChange={() => patch(e, { enabled: !e.enabled }, e.enabled ? 'Exception disabled' : 'Exception enabled')} /><span class="slider" /></label>
                  </td>
                  <td>{titles.data?.get(e.rule_id) ?? <span class="muted">not loaded</span>}<div class="mono muted tiny">{e.rule_id}</div></td>
                  <td class="mono small">{e.conditions.map((c, i) => <div key={i}>{c.field} {c.op} {c.values.join(' | ')}</div>)}</td>
                  <td class="small">{e.hosts.length ? e.hosts.join(', ') : 'all hosts'}</td>
                  <td class="small">{e.comment || <span class="muted">—</span>}</td>
                  <td class="small">{e.created_by}<div class="tiny muted"><Time at={e.created_at} relative /></div></td>
                  <td>{can(s, 'analyst') && <button class="btn btn-small btn-ghost" onClick={() => remove(e)}>Delete</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function NewException(props: { onDone(): void }) {
  const detections = useAsync(() => get<Detection[]>('/detections'), []);
  const [rule, setRule] = useState('');
  const [field, setField] = useState('process.command_line');
  const [op, setOp] = useState('contains');
  const [values, setValues] = useState('');
  const [hosts, setHosts] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<Error | undefined>();

  async function submit(e: Event) {
    e.preventDefault();
    setError(undefined);
    try {
      await send('POST', '/exceptions', {
        rule_id: rule,
        conditions: values.trim() ? [{ field: field.trim(), op, values: values.split('\n').map((v) => v.trim()).filter(Boolean) }] : [],
        hosts: hosts.split(',').map((h) => h.trim()).filter(Boolean),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      toast('Exception created; it applies now');
      props.onDone();
    } catch (err) { setError(err as Error); }
  }

  return (
    <form class="panel form form-grid" onSubmit={submit}>
      <label>Detection
        <select required value={rule} onChange={(e) => setRule(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {(detections.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.layer}: {d.title}</option>)}
        </select>
      </label>
      <label>Field<input value={field} onInput={(e) => setField(e.currentTarget.value)} class="mono" /></label>
      <label>Operator
        <select value={op} onChange={(e) => setOp(e.currentTarget.value)}>
          <option value="equals">equals</option><option value="contains">contains</option><option value="startswith">starts with</option><option value="endswith">ends with</option>
        </select>
      </label>
      <label>Values (one a line, any of them)<textarea rows={3} class="mono" value={values} onInput={(e) => setValues(e.currentTarget.value)} /></label>
      <label>Hosts (host.id or name, comma-separated; empty: all)<input value={hosts} onInput={(e) => setHosts(e.currentTarget.value)} /></label>
      <label>Comment<input value={comment} onInput={(e) => setComment(e.currentTarget.value)} placeholder="why this is known-good" /></label>
      <ErrorBox error={error} what="create the exception" />
      <div class="dialog-buttons"><button class="btn btn-primary" type="submit">Create exception</button></div>
    </form>
  );
}
