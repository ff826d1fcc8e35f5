// Workbench: alerts highest score first, filtered by status, score, host, model and time. New and
// changed alerts arrive by push (GET /alerts/stream): a change reloads the list, so that the
// affected rows show their new score and status in order; while the stream is down the page says
// so and polls. Analysts change the status or assignee of many alerts at once.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { can, get, qs, send, session } from '../api';
import { useAttackNames, techniqueTitle } from '../components/attack';
import { ago, Empty, ErrorBox, Level, Loading, Page, ScoreBadge, Status, Time, toast, useAsync, useInterval } from '../components/ui';
import { useAlertStream } from '../live';
import { navigate, useLocation } from '../router';
import type { Alert, Detection } from '../types';

const POLL_MS = 4000;
/** Changes that arrive together reload the list once. */
const PUSH_DEBOUNCE_MS = 250;
/** sessionStorage 'xdr.workbench.poll' = 'off': never poll, even while the stream is down (tests of the push path). */
const pollingAllowed = () => sessionStorage.getItem('xdr.workbench.poll') !== 'off';
const RANGES: Record<string, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

interface Filters { status: string; min_score: string; host: string; model: string; range: string }

function filtersOf(q: URLSearchParams): Filters {
  return {
    status: q.get('status') ?? 'new,in_progress', min_score: q.get('min_score') ?? '', host: q.get('host') ?? '',
    model: q.get('model') ?? '', range: q.get('range') ?? '',
  };
}

const knownHosts = new Map<string, string>();

export function Workbench() {
  const { query } = useLocation();
  const f = filtersOf(query);
  const key = JSON.stringify(f);
  const s = session();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [updatedAt, setUpdatedAt] = useState<number>(Date.now());
  const seen = useRef<Map<string, string> | null>(null);

  const load = () => get<{ alerts: Alert[]; next_cursor?: string }>(`/alerts${qs({
    status: f.status === 'all' ? undefined : f.status, min_score: f.min_score, host: f.host, model: f.model, limit: 200,
    from: f.range && RANGES[f.range] ? new Date(Date.now() - RANGES[f.range]).toISOString() : undefined,
  })}`);
  const alerts = useAsync(load, [key]);
  const models = useAsync(() => get<Detection[]>('/detections?layer=model').catch(() => [] as Detection[]), []);

  useEffect(() => { seen.current = null; setSelected(new Set()); }, [key]);

  // what changed since the last poll: new alerts and alerts whose last_seen or status moved
  useEffect(() => {
    const list = alerts.data?.alerts;
    if (!list) return;
    setUpdatedAt(Date.now());
    const now = new Map(list.map((a) => [a.id, `${a.updated_at}|${a.last_seen}|${a.status}`]));
    if (seen.current) {
      const changed = list.filter((a) => seen.current!.get(a.id) !== now.get(a.id)).map((a) => a.id);
      if (changed.length) setFresh(new Set(changed));
    }
    seen.current = now;
  }, [alerts.data]);

  const pushed = useRef<{ timer?: ReturnType<typeof setTimeout> }>({});
  const live = useAlertStream(() => {
    if (pushed.current.timer) return;
    pushed.current.timer = setTimeout(() => { pushed.current.timer = undefined; alerts.reload(); }, PUSH_DEBOUNCE_MS);
  });
  useEffect(() => () => clearTimeout(pushed.current.timer), []);
  // when the stream (re)connects, changes made while it was down are read once
  const wasLive = useRef(false);
  useEffect(() => {
    if (live === 'live' && !wasLive.current && alerts.data) alerts.reload();
    wasLive.current = live === 'live';
  }, [live]);
  useInterval(() => { if (live !== 'live' && pollingAllowed() && !alerts.loading) alerts.reload(); }, POLL_MS);
  const names = useAttackNames();
  const [, tick] = useState(0);
  useInterval(() => tick((n) => n + 1), 1000);

  function setFilter(name: keyof Filters, value: string) {
    const next = new URLSearchParams(location.search);
    if (value) next.set(name, value); else next.delete(name);
    navigate(`/?${next.toString()}`, true);
  }

  const list = alerts.data?.alerts ?? [];
  const allSelected = list.length > 0 && list.every((a) => selected.has(a.id));
  const hosts = useMemo(() => {
    for (const a of list) for (const h of a.scope.hosts) knownHosts.set(h.id, h.name);
    return [...knownHosts].sort((a, b) => a[1].localeCompare(b[1]));
  }, [alerts.data]);

  async function bulk(patch: Record<string, unknown>, label: string) {
    const ids = [...selected];
    let failed = 0;
    let lastError = '';
    for (const id of ids) {
      try { await send('PATCH', `/alerts/${id}`, patch); } catch (err) { failed++; lastError = (err as Error).message; }
    }
    toast(failed ? `${label}: ${ids.length - failed} of ${ids.length} changed; ${lastError}` : `${label}: ${ids.length} alert${ids.length > 1 ? 's' : ''} changed`, failed ? 'error' : 'ok');
    setSelected(new Set());
    alerts.reload();
  }

  return (
    <Page
      title="Workbench"
      subtitle="Alerts, highest score first. An alert is one attack: a detection model that fired on a host."
      actions={live === 'paused'
        ? <span class="live live-paused" data-testid="live" data-state={live} role="status">Live updates paused — reconnecting{pollingAllowed() ? ` (checking every ${POLL_MS / 1000} s)` : ''} · updated {ago(new Date(updatedAt).toISOString())}</span>
        : <span class="live" data-testid="live" data-state={live}><span class="live-dot" />{live === 'live' ? 'Live' : 'Connecting'} · updated {ago(new Date(updatedAt).toISOString())}</span>}
      wide
    >
      <div class="toolbar" data-testid="filters">
        <label>Status
          <select data-filter="status" value={f.status} onChange={(e) => setFilter('status', e.currentTarget.value)}>
            <option value="new,in_progress">Open (new, in progress)</option>
            <option value="new">New</option>
            <option value="in_progress">In progress</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>Min score
          <select data-filter="min_score" value={f.min_score} onChange={(e) => setFilter('min_score', e.currentTarget.value)}>
            <option value="">Any</option><option value="30">30+</option><option value="50">50+</option><option value="65">65+</option><option value="80">80+</option>
          </select>
        </label>
        <label>Host
          <select data-filter="host" value={f.host} onChange={(e) => setFilter('host', e.currentTarget.value)}>
            <option value="">All hosts</option>
            {hosts.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            {f.host && !knownHosts.has(f.host) && <option value={f.host}>{f.host}</option>}
          </select>
        </label>
        <label>Model
          <select data-filter="model" value={f.model} onChange={(e) => setFilter('model', e.currentTarget.value)}>
            <option value="">All models</option>
            {(models.data ?? []).map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
          </select>
        </label>
        <label>Last seen
          <select data-filter="range" value={f.range} onChange={(e) => setFilter('range', e.currentTarget.value)}>
            <option value="">Any time</option><option value="1h">Last hour</option><option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option><option value="30d">Last 30 days</option>
          </select>
        </label>
        <span class="spacer" />
        {can(s, 'analyst') && selected.size > 0 && (
          <div class="bulk" data-testid="bulk">
            <span>{selected.size} selected</span>
            <button class="btn btn-small" onClick={() => bulk({ status: 'in_progress' }, 'In progress')}>Mark in progress</button>
            {s?.user && <button class="btn btn-small" onClick={() => bulk({ assignee: s.user }, 'Assign')}>Assign to me</button>}
            <select class="select-small" value="" onChange={(e) => { const r = e.currentTarget.value; if (r) void bulk({ status: 'closed', resolution: r }, 'Close'); }}>
              <option value="">Close as…</option><option value="true_positive">True positive</option>
              <option value="false_positive">False positive</option><option value="benign">Benign</option>
            </select>
          </div>
        )}
      </div>
      <ErrorBox error={alerts.error} what="load the alerts" onRetry={alerts.reload} />
      {!alerts.data && alerts.loading && <Loading what="alerts" />}
      {alerts.data && list.length === 0 && (
        <Empty title={f.status === 'new,in_progress' && !f.min_score && !f.host && !f.model && !f.range ? 'No open alerts' : 'No alerts match these filters'}>
          Alerts appear here by themselves when a detection model fires. To see earlier ones, set Status to All;
          to look at raw activity, use <a href="/search">Search</a>. No agent yet? <a href="/endpoints/enroll">Enroll one</a>.
        </Empty>
      )}
      {list.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="alerts">
            <thead>
              <tr>
                {can(s, 'analyst') && <th class="col-check"><input type="checkbox" aria-label="Select all" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(list.map((a) => a.id)))} /></th>}
                <th class="col-num">Score</th><th>Alert</th><th>Level</th><th>Hosts</th><th>Techniques</th><th>Status</th><th>Assignee</th><th>Last seen</th><th class="col-num">Firings</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} class={`clickable${fresh.has(a.id) ? ' row-new' : ''}${selected.has(a.id) ? ' row-selected' : ''}`} data-alert-id={a.id}
                  onClick={(e) => { if (!(e.target as Element).closest('input,a,select,button')) navigate(`/alerts/${a.id}`); }}>
                  {can(s, 'analyst') && (
                    <td class="col-check"><input type="checkbox" aria-label={`Select ${a.title}`} checked={selected.has(a.id)} onChange={() => {
                      const next = new Set(selected);
                      if (next.has(a.id)) next.delete(a.id); else next.add(a.id);
                      setSelected(next);
                    }} /></td>
                  )}
                  <td class="col-num"><ScoreBadge score={a.score} /></td>
                  <td class="col-title"><a href={`/alerts/${a.id}`}>{a.title}</a>{a.models.length > 1 && (
                    <span class="muted small" title={a.models.map((m) => m.title).join('\n')}> +{a.models.length - 1} model{a.models.length > 2 ? 's' : ''}</span>
                  )}</td>
                  <td><Level level={a.level} /></td>
                  <td><div class="ellipsis ellipsis-narrow">{a.scope.hosts.map((h) => h.name).join(', ') || '—'}</div></td>
                  <td class="mono small"><div class="ellipsis ellipsis-narrow" title={a.techniques.map((t) => techniqueTitle(names, t)).join('\n')}>{a.techniques.join(' ')}</div></td>
                  <td><Status status={a.status} />{a.resolution && <span class="muted small"> {a.resolution.replace(/_/g, ' ')}</span>}</td>
                  <td>{a.assignee ?? <span class="muted">—</span>}</td>
                  <td><Time at={a.last_seen} relative /></td>
                  <td class="col-num">{a.firings}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {alerts.data?.next_cursor && <p class="muted small table-note">More alerts match than the {list.length} shown: narrow the filters.</p>}
        </div>
      )}
    </Page>
  );
}
