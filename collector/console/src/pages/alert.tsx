// One alert: its score and why, the model and rules behind it, highlights with pivots to search,
// the impact scope, the OAT timeline, the alert graph, notes, status and assignee, and the
// response buttons for each host involved.
import { useState } from 'preact/hooks';
import { can, get, send, session } from '../api';
import { AlertGraphView } from '../components/alert-graph';
import { TechniqueList, useAttackNames } from '../components/attack';
import { CreatedException, FalsePositiveException, type ExceptionDraft } from '../components/fp-exception';
import { ResponseButtons } from '../components/response-actions';
import { Dot, Empty, ErrorBox, Level, Loading, Page, Panel, ScoreBadge, searchHref, Status, Time, toast, useAsync } from '../components/ui';
import type { Agent, Alert, AlertGraph, DetectionException, HighlightItem } from '../types';

const HIGHLIGHTS: Array<{ key: keyof Alert['highlights']; label: string; empty: string }> = [
  { key: 'commands', label: 'Commands executed', empty: 'No process started in this alert.' },
  { key: 'destination_ips', label: 'Destination IPs', empty: 'No outbound connection.' },
  { key: 'source_ips', label: 'Source IPs', empty: 'No inbound connection.' },
  { key: 'files', label: 'Suspicious files', empty: 'No file touched outside the system folders.' },
];

export function AlertPage(props: { id: string }) {
  const alert = useAsync(() => get<Alert>(`/alerts/${props.id}`), [props.id]);
  const graph = useAsync(() => get<AlertGraph>(`/alerts/${props.id}/graph?max_nodes=150`), [props.id]);
  const agents = useAsync(() => get<Agent[]>('/agents').catch(() => [] as Agent[]), [props.id]);
  const a = alert.data;
  const names = useAttackNames();

  if (!a) {
    return (
      <Page title="Alert">
        <ErrorBox error={alert.error} what="load this alert" onRetry={alert.reload} />
        {alert.loading && <Loading what="the alert" />}
      </Page>
    );
  }
  const p = a.score_parts;
  return (
    <Page
      title={<span class="title-with-badge"><ScoreBadge score={a.score} />{a.title}</span>}
      subtitle={<>
        <Level level={a.level} /> <Status status={a.status} />{a.resolution && <span class="muted"> ({a.resolution.replace(/_/g, ' ')})</span>}
        <span class="muted"> · first seen <Time at={a.first_seen} /> · last seen <Time at={a.last_seen} /> · {a.firings} firing{a.firings === 1 ? '' : 's'}</span>
      </>}
      actions={<a class="btn btn-small" href="/">← Workbench</a>}
      wide
    >
      <div class="grid-2">
        <div class="stack">
          <Panel title="Why this score" testid="score">
            <div class="score-formula">
              <span class="term"><b>{p.base}</b><small>model base</small></span><span class="op">+</span>
              <span class="term"><b>{p.oat_points}</b><small>OAT points</small></span><span class="op">+</span>
              <span class="term"><b>{p.breadth}</b><small>breadth</small></span><span class="op">×</span>
              <span class="term"><b>{p.factor}</b><small title="asset criticality of the most critical host">{p.criticality} asset</small></span><span class="op">=</span>
              <span class="term total"><b>{a.score}</b><small>score</small></span>
            </div>
            <p class="muted small">{a.oats.count} Observed Attack Techniques behind it: {Object.entries(a.oats.by_level ?? {}).filter(([, n]) => n).map(([l, n]) => `${n} ${l}`).join(', ') || 'none'}.
              Techniques: <span data-testid="alert-techniques"><TechniqueList ids={a.techniques} names={names} /></span>. Tactics: {a.tactics.join(', ') || '—'}.</p>
          </Panel>
          <Panel title="Highlights" testid="highlights">
            {HIGHLIGHTS.map((h) => <Highlights key={h.key} label={h.label} empty={h.empty} items={a.highlights[h.key] ?? []} kind={h.key} />)}
          </Panel>
          <Panel title="Model and rules">
            <dl class="kv">
              <dt>{a.models.length > 1 ? 'Models' : 'Model'}</dt>
              <dd data-testid="alert-models">{a.models.map((m) => (
                <div key={`${m.id} ${m.group_key}`}>{m.title} <Level level={m.level} /> <span class="muted small">{m.firings} firing{m.firings === 1 ? '' : 's'}</span> <span class="mono muted small">{m.id}</span></div>
              ))}</dd>
              {a.matched_rules.length > 0 && <><dt>Rules</dt><dd class="mono small">{a.matched_rules.join(', ')}</dd></>}
              {Object.keys(a.group ?? {}).length > 0 && <><dt>Grouped by</dt><dd class="mono small">{Object.entries(a.group).map(([k, v]) => `${k}=${String(v)}`).join(' ')}</dd></>}
            </dl>
            <table class="table table-compact">
              <thead><tr><th>Filter (OAT)</th><th>Level</th><th class="col-num">Matches</th></tr></thead>
              <tbody>
                {a.oats.filters.map((f) => (
                  <tr key={f.id}><td><a href={`/oat?rule_id=${encodeURIComponent(f.id)}`}>{f.title}</a></td><td><Level level={f.level} /></td><td class="col-num">{f.count}</td></tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </div>
        <div class="stack">
          <Triage alert={a} onChange={(next) => alert.set({ ...a, ...next })} />
          <Panel title="Impact scope" testid="scope">
            <h3>Hosts</h3>
            {a.scope.hosts.map((h) => {
              const agent = agents.data?.find((x) => x.hostname === h.name);
              return (
                <div class="host-row" key={h.id} data-host={h.name}>
                  <div>
                    <strong>{h.name}</strong>
                    {agent && <div class="small"><Dot on={agent.online} />{agent.isolated && <> <span class="badge level-critical">isolated</span></>}</div>}
                    <div><a class="small" href={searchHref(`host.id:"${h.id}"`)}>activity</a></div>
                  </div>
                  <ResponseButtons target={{
                    agent: agent?.id ?? h.name, hostname: h.name, isolated: agent?.isolated,
                    processes: a.scope.processes,
                  }} />
                </div>
              );
            })}
            <ScopeList label="Users" items={a.scope.users} pivot={(u) => `user.name:"${u}" or process.user.name:"${u}"`} />
            <h3>Processes</h3>
            {a.scope.processes.length === 0 ? <p class="muted small">None.</p> : (
              <ul class="chips">
                {a.scope.processes.map((pr) => <li key={pr.entity_id}><a href={`/processes/${encodeURIComponent(pr.entity_id)}`} title="Execution profile">{pr.name} <span class="muted">({pr.pid})</span></a></li>)}
              </ul>
            )}
            <ScopeList label="Files" items={a.scope.files} pivot={(f) => `file.path:"${f}" or process.executable:"${f}"`} />
            <ScopeList label="IPs" items={a.scope.ips} pivot={(ip) => `source.ip:"${ip}" or destination.ip:"${ip}"`} />
          </Panel>
        </div>
      </div>
      <Panel title="OAT timeline" testid="oat-timeline">
        {(a.evidence ?? []).length === 0 ? <Empty title="No OAT recorded for this alert's events" /> : (
          <ol class="timeline">
            {[...(a.evidence ?? [])].sort((x, y) => x['@timestamp'].localeCompare(y['@timestamp'])).map((o) => (
              <li key={o.id} class={`tl-${o.risk}`}>
                <Time at={o['@timestamp']} />
                <Level level={o.risk} />
                <span class="tl-title">{o.rule_title}</span>
                <span class="small"><TechniqueList ids={o.techniques} names={names} /></span>
                <span class="muted small">{o.host_name}{o.user_name ? ` · ${o.user_name}` : ''}</span>
                {o.process_entity_id && <a class="small" href={`/processes/${encodeURIComponent(o.process_entity_id)}`}>process</a>}
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel title="Alert graph" actions={graph.data?.truncated ? <span class="muted small">truncated: the graph hit its bounds</span> : undefined}>
        <ErrorBox error={graph.error} what="load the alert graph" onRetry={graph.reload} />
        {graph.loading && !graph.data && <Loading what="the graph" />}
        {graph.data && (graph.data.nodes.length ? <AlertGraphView graph={graph.data} /> : <Empty title="The graph is empty">The alert's events are no longer in the store.</Empty>)}
      </Panel>
    </Page>
  );
}

function Highlights(props: { label: string; empty: string; items: HighlightItem[]; kind: string }) {
  return (
    <div class="highlight-group" data-kind={props.kind}>
      <h3>{props.label} <span class="count">{props.items.length}</span></h3>
      {props.items.length === 0 ? <p class="muted small">{props.empty}</p> : (
        <ul class="highlights">
          {props.items.map((h) => (
            <li key={h.value}>
              <code class="hl-value">{h.value}</code>
              <span class="muted small">×{h.count}</span>
              <a class="pivot" href={searchHref(h.pivot)} title={h.pivot}>Search</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ScopeList(props: { label: string; items: string[]; pivot(v: string): string }) {
  return (
    <>
      <h3>{props.label}</h3>
      {props.items.length === 0 ? <p class="muted small">None.</p> : (
        <ul class="chips">{props.items.slice(0, 40).map((v) => <li key={v}><a href={searchHref(props.pivot(v.replace(/["\\]/g, '\\$&')))}>{v}</a></li>)}</ul>
      )}
    </>
  );
}

/** Status, assignee and notes; analysts change them, viewers read them. */
function Triage(props: { alert: Alert; onChange(a: Partial<Alert>): void }) {
  const a = props.alert;
  const s = session();
  const editable = can(s, 'analyst');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState(a.assignee ?? '');
  const [resolution, setResolution] = useState('true_positive');
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<{ d: ExceptionDraft | null; problem?: string }>({ d: null });
  const [created, setCreated] = useState<DetectionException | undefined>();
  const fp = resolution === 'false_positive' && a.status !== 'closed';
  const withException = fp && (draft.d !== null || draft.problem !== undefined);

  /** Creates the exception first (nothing is closed if it is refused), then closes the alert. */
  async function closeFalsePositive() {
    if (!draft.d) return;
    setBusy(true);
    setError(undefined);
    let exception: DetectionException;
    try {
      exception = await send<DetectionException>('POST', '/exceptions', draft.d);
      setCreated(exception);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
      return;
    }
    setBusy(false);
    await patch({ status: 'closed', resolution: 'false_positive', note: `Closed as false positive; exception ${exception.id} created for ${exception.rule_id}.` }, 'Alert closed; exception created');
  }

  async function patch(body: Record<string, unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await send<{ alert: Alert }>('PATCH', `/alerts/${a.id}`, body);
      props.onChange(r.alert);
      toast(done);
      return true;
    } catch (err) {
      setError(err as Error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Triage" testid="triage">
      {editable && (
        <div class="triage-controls">
          {a.status !== 'in_progress' && <button class="btn btn-small" disabled={busy} onClick={() => patch({ status: 'in_progress' }, 'Alert in progress')}>{a.status === 'closed' ? 'Reopen' : 'Start working on it'}</button>}
          {a.status !== 'closed' && (
            <span class="inline-form">
              <select class="select-small" value={resolution} onChange={(e) => setResolution(e.currentTarget.value)}>
                <option value="true_positive">True positive</option><option value="false_positive">False positive</option><option value="benign">Benign</option>
              </select>
              {withException
                ? <button class="btn btn-small" data-testid="close-with-exception" disabled={busy || !draft.d} title={draft.problem} onClick={() => void closeFalsePositive()}>Close and create exception</button>
                : <button class="btn btn-small" disabled={busy} onClick={() => patch({ status: 'closed', resolution }, 'Alert closed')}>Close</button>}
            </span>
          )}
          <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void patch({ assignee: assignee.trim() || null }, assignee.trim() ? `Assigned to ${assignee.trim()}` : 'Unassigned'); }}>
            <input class="input-small" placeholder="assignee" value={assignee} onInput={(e) => setAssignee(e.currentTarget.value)} />
            <button class="btn btn-small" disabled={busy} type="submit">Assign</button>
            {s?.user && a.assignee !== s.user && <button class="btn btn-small btn-ghost" type="button" onClick={() => { setAssignee(s.user!); void patch({ assignee: s.user }, 'Assigned to you'); }}>to me</button>}
          </form>
        </div>
      )}
      {editable && fp && <FalsePositiveException alert={a} onDraft={(d, problem) => setDraft({ d, problem })} />}
      {editable && fp && draft.problem && <p class="muted small">To create the exception: {draft.problem}.</p>}
      {created && <CreatedException exception={created} ruleTitle={a.oats.filters.find((f) => f.id === created.rule_id)?.title} hostNames={new Map(a.scope.hosts.map((h) => [h.id, h.name]))} />}
      {!editable && <p class="muted small">Assignee: {a.assignee ?? 'nobody'}. Your role ({s?.role}) can read alerts; analysts change them.</p>}
      <ErrorBox error={error} what="change the alert" />
      <h3>Notes <span class="count">{a.notes.length}</span></h3>
      {a.notes.length === 0 && <p class="muted small">No notes yet.{editable ? ' Write what you found and what you did.' : ''}</p>}
      <ul class="notes">
        {a.notes.map((n, i) => <li key={i}><div class="note-head"><strong>{n.author}</strong> <Time at={n.at} relative /></div><div class="note-text">{n.text}</div></li>)}
      </ul>
      {editable && (
        <form class="note-form" onSubmit={async (e) => { e.preventDefault(); if (note.trim() && await patch({ note: note.trim() }, 'Note added')) setNote(''); }}>
          <textarea rows={2} placeholder="Add a note…" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button class="btn btn-small" type="submit" disabled={busy || !note.trim()}>Add note</button>
        </form>
      )}
    </Panel>
  );
}
