// Execution profile: a process with its ancestors and descendants (GET /processes/:id/tree),
// expandable and collapsible, with OAT markers, command lines, and each node's file and network
// activity loaded on demand through search.
import { useState } from 'preact/hooks';
import { get, send } from '../api';
import { ResponseButtons } from '../components/response-actions';
import { Empty, ErrorBox, Loading, Page, Panel, searchHref, Time, useAsync } from '../components/ui';
import type { EcsEvent, Oat, ProcessNode, ProcessTree, SearchResult } from '../types';

const q = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

export function ProcessPage(props: { entityId: string }) {
  const tree = useAsync(() => get<ProcessTree>(`/processes/${encodeURIComponent(props.entityId)}/tree`), [props.entityId]);
  const oats = useAsync(() => get<{ oats: Oat[] }>(`/oat?process_entity_id=${encodeURIComponent(props.entityId)}&limit=50`).catch(() => ({ oats: [] as Oat[] })), [props.entityId]);
  const t = tree.data;
  const p = t?.process;
  return (
    <Page
      title={p ? <>Execution profile: <span class="mono">{p.name ?? p.entity_id}</span>{p.pid !== undefined && <span class="muted"> (pid {p.pid})</span>}</> : 'Execution profile'}
      subtitle={p ? <>{p.host_name ?? 'unknown host'} · {p.user ?? 'unknown user'} · started <Time at={p.start} /></> : undefined}
      actions={p && <a class="btn btn-small" href={searchHref(`process.entity_id:${q(p.entity_id)} or process.parent.entity_id:${q(p.entity_id)}`)}>Search its activity</a>}
      wide
    >
      <ErrorBox error={tree.error} what="load the process tree" onRetry={tree.reload} />
      {tree.loading && !t && <Loading what="the process tree" />}
      {t && p && (
        <>
          {p.host_name && p.pid !== undefined && (
            <div class="toolbar"><span class="muted small">Respond on {p.host_name}:</span>
              <ResponseButtons target={{ agent: p.host_name, hostname: p.host_name, processes: [{ entity_id: p.entity_id, name: p.name ?? '?', pid: p.pid }] }} only={['kill_process', 'collect_file', 'isolate']} />
            </div>
          )}
          <Panel title="Process tree" testid="process-tree" actions={<span class="muted small">{t.truncated.ancestors || t.truncated.descendants ? 'The tree was cut at its bounds.' : ''}</span>}>
            <div class="tree">
              {t.ancestors.map((a, i) => (
                <div class="tree-node ancestor" style={{ marginLeft: `${i * 18}px` }} key={a.entity_id}>
                  <NodeLine node={a} focus={false} />
                </div>
              ))}
              <div style={{ marginLeft: `${t.ancestors.length * 18}px` }}>
                <TreeNode node={p} focus depth={0} />
              </div>
            </div>
          </Panel>
          <Panel title="Observed Attack Techniques on this process">
            {(oats.data?.oats ?? []).length === 0 ? <p class="muted small">None.</p> : (
              <table class="table table-compact">
                <thead><tr><th>Time</th><th>Rule</th><th>Risk</th><th>Techniques</th></tr></thead>
                <tbody>{oats.data!.oats.map((o) => <tr key={o.id}><td><Time at={o['@timestamp']} /></td><td>{o.rule_title}</td><td>{o.risk}</td><td class="mono small">{o.techniques.join(' ')}</td></tr>)}</tbody>
              </table>
            )}
          </Panel>
        </>
      )}
    </Page>
  );
}

function NodeLine(props: { node: ProcessNode; focus: boolean; toggle?: () => void; open?: boolean; hasChildren?: boolean; onActivity?: (kind: 'file' | 'network') => void }) {
  const n = props.node;
  return (
    <div class={`node-line${props.focus ? ' focus' : ''}`} data-entity-id={n.entity_id}>
      {props.hasChildren ? <button class="twisty" aria-label={props.open ? 'Collapse' : 'Expand'} onClick={props.toggle}>{props.open ? '▾' : '▸'}</button> : <span class="twisty-space" />}
      {(n.oats ?? 0) > 0 && <span class="oat-marker" title={`${n.oats} Observed Attack Technique${n.oats === 1 ? '' : 's'}`}>⚠ {n.oats}</span>}
      <a class="node-name" href={`/processes/${encodeURIComponent(n.entity_id)}`}>{n.name ?? '?'}</a>
      <span class="muted small">{n.pid !== undefined ? `pid ${n.pid}` : ''}{n.user ? ` · ${n.user}` : ''}{n.exit_code !== undefined ? ` · exit ${n.exit_code}` : ''}</span>
      <code class="cmdline" title={n.command_line}>{n.command_line ?? n.executable ?? ''}</code>
      {props.onActivity ? (
        <>
          <button class="chip-btn" disabled={!n.file_events} onClick={() => props.onActivity!('file')}>files {n.file_events}</button>
          <button class="chip-btn" disabled={!n.network_events} onClick={() => props.onActivity!('network')}>net {n.network_events}</button>
        </>
      ) : <span class="muted small">files {n.file_events} · net {n.network_events}</span>}
    </div>
  );
}

function TreeNode(props: { node: ProcessNode; focus: boolean; depth: number }) {
  const n = props.node;
  const kids = n.children ?? [];
  const [open, setOpen] = useState(props.depth < 3);
  const [activity, setActivity] = useState<'file' | 'network' | null>(null);
  return (
    <div class="tree-node">
      <NodeLine node={n} focus={props.focus} hasChildren={kids.length > 0} open={open} toggle={() => setOpen(!open)}
        onActivity={(k) => setActivity(activity === k ? null : k)} />
      {activity && <Activity entityId={n.entity_id} kind={activity} />}
      {open && kids.length > 0 && (
        <div class="tree-children">
          {kids.map((c) => <TreeNode key={c.entity_id} node={c} focus={false} depth={props.depth + 1} />)}
        </div>
      )}
    </div>
  );
}

function Activity(props: { entityId: string; kind: 'file' | 'network' }) {
  const query = `process.entity_id:${q(props.entityId)} and event.category:${props.kind}`;
  const r = useAsync(() => send<SearchResult>('POST', '/search', { query, limit: 50 }), [query]);
  const cols = props.kind === 'file'
    ? ['@timestamp', 'event.action', 'file.path', 'file.size']
    : ['@timestamp', 'event.action', 'network.direction', 'source.ip', 'source.port', 'destination.ip', 'destination.port', 'destination.domain'];
  return (
    <div class="activity" data-testid={`activity-${props.kind}`}>
      <ErrorBox error={r.error} what={`load the ${props.kind} activity`} />
      {r.loading && !r.data && <Loading />}
      {r.data && (r.data.events.length === 0 ? <Empty title={`No ${props.kind} events stored for this process`} /> : (
        <>
          <table class="table table-compact">
            <thead><tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>{r.data.events.map((e: EcsEvent, i) => <tr key={i}>{cols.map((c) => <td key={c} class="mono small">{c === '@timestamp' ? <Time at={e[c] as string} /> : String(e[c] ?? '')}</td>)}</tr>)}</tbody>
          </table>
          {r.data.total > r.data.events.length && <a class="small" href={searchHref(query)}>All {r.data.total}{r.data.total_capped ? '+' : ''} in Search</a>}
        </>
      ))}
    </div>
  );
}
