// Search over the raw activity with the search language: the query bar (a syntax error is
// pointed at its column), a time histogram, a results table with the columns you choose, a
// field sidebar with top values that add a term on click, export, and saved queries.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiFailure, download, get, send } from '../api';
import { Empty, fmtTime, Loading, Page, Time, toast, useAsync } from '../components/ui';
import { navigate, useLocation } from '../router';
import type { EcsEvent, SavedQuery, SearchResult } from '../types';

const DEFAULT_COLUMNS = ['@timestamp', 'host.name', 'event.action', 'process.name', 'process.command_line', 'file.path', 'destination.ip'];
const COLUMNS_KEY = 'xdr.search.columns';
const RANGES: Record<string, number> = { '15m': 900_000, '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
const PAGE = 100;

function quote(v: string): string {
  return /^[\w./:@-]+$/.test(v) && !/^(and|or|not)$/i.test(v) ? v : `"${v.replace(/["\\]/g, '\\$&')}"`;
}

function columnOf(err: Error | undefined): number | undefined {
  if (!(err instanceof ApiFailure) || err.code !== 'XDR_BAD_SEARCH') return undefined;
  const m = /column (\d+)/.exec(err.message);
  return m ? Number(m[1]) : undefined;
}

export function SearchPage() {
  const { query: params } = useLocation();
  const q = params.get('q') ?? '';
  const range = params.get('range') ?? '24h';
  const [text, setText] = useState(q);
  const [columns, setColumns] = useState<string[]>(() => {
    try { return JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '') as string[]; } catch { return DEFAULT_COLUMNS; }
  });
  const [more, setMore] = useState<EcsEvent[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const [showSaved, setShowSaved] = useState(false);
  const [saveName, setSaveName] = useState('');
  useEffect(() => setText(q), [q]);
  useEffect(() => localStorage.setItem(COLUMNS_KEY, JSON.stringify(columns)), [columns]);

  // the request of the search on screen: its time bounds are fixed when it runs, so that top
  // values, export and the next pages ask about the same events
  const [body, setBody] = useState<{ query: string; from?: string }>({ query: q });
  const from = body.from;
  const result = useAsync(async () => {
    const start = RANGES[range] ? new Date(Date.now() - RANGES[range]).toISOString() : undefined;
    const asked = { query: q, ...(start ? { from: start } : {}) };
    setBody(asked);
    const r = await send<SearchResult>('POST', '/search', { ...asked, limit: PAGE, aggs: { histogram: { interval: 'auto' } } });
    setMore([]);
    setCursor(r.next_cursor);
    setOpen(null);
    return r;
  }, [q, range]);
  const saved = useAsync(() => get<SavedQuery[]>('/saved-queries'), []);

  function run(nextQuery = text, nextRange = range) {
    const p = new URLSearchParams({ q: nextQuery, range: nextRange });
    if (nextQuery === q && nextRange === range) result.reload();
    else navigate(`/search?${p.toString()}`);
  }

  function addTerm(field: string, value: unknown) {
    const term = `${field}:${quote(String(value))}`;
    const next = text.trim() ? `${text.trim()} and ${term}` : term;
    setText(next);
    run(next);
  }

  async function loadMore() {
    if (!cursor) return;
    try {
      const r = await send<SearchResult>('POST', '/search', { ...body, limit: PAGE, cursor });
      setMore((m) => [...m, ...r.events]);
      setCursor(r.next_cursor);
    } catch (err) { toast((err as Error).message, 'error'); }
  }

  async function save(e: Event) {
    e.preventDefault();
    const name = saveName.trim();
    if (!name) return;
    try {
      await send('POST', '/saved-queries', { name, query: q });
      toast(`Saved "${name}"`);
      setShowSaved(false);
      setSaveName('');
      saved.reload();
    } catch (err) { toast(`Could not save: ${(err as Error).message}`, 'error'); }
  }

  const events = [...(result.data?.events ?? []), ...more];
  const col = columnOf(result.error);
  const fields = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of events) for (const [k, v] of Object.entries(e)) if (v !== null && v !== undefined && v !== '') counts.set(k, (counts.get(k) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
  }, [result.data, more]);

  return (
    <Page title="Search" subtitle={<>Raw activity of every host. Syntax: <code>process.name:curl and destination.port &gt;= 1024</code>, <code>"chmod +x"</code>, <code>destination.ip:10.0.0.0/8</code>.</>} wide>
      <form class="querybar" onSubmit={(e) => { e.preventDefault(); run(); }}>
        <div class="query-input-wrap">
          <input class={`query-input mono${col ? ' has-error' : ''}`} value={text} spellcheck={false} placeholder="empty matches every event"
            onInput={(e) => setText(e.currentTarget.value)} aria-label="Search query" data-testid="query" />
          {col !== undefined && <div class="query-caret mono" data-testid="query-caret" style={{ paddingLeft: `calc(${col - 1}ch + 10px)` }}>▲ column {col}</div>}
        </div>
        <select value={range} onChange={(e) => run(text, e.currentTarget.value)} aria-label="Time range">
          <option value="15m">Last 15 min</option><option value="1h">Last hour</option><option value="24h">Last 24 hours</option>
          <option value="7d">Last 7 days</option><option value="30d">Last 30 days</option><option value="all">All time</option>
        </select>
        <button class="btn btn-primary" type="submit">Search</button>
        <div class="menu-wrap">
          <button type="button" class="btn" onClick={() => setShowSaved(!showSaved)} data-testid="saved-toggle">Saved ▾</button>
          {showSaved && (
            <div class="menu" data-testid="saved-menu">
              {q.trim() ? (
                <form class="menu-form" onSubmit={save}>
                  <input placeholder="Name this query" value={saveName} onInput={(e) => setSaveName(e.currentTarget.value)} aria-label="Saved query name" data-testid="save-name" />
                  <button class="btn btn-small btn-primary" type="submit" disabled={!saveName.trim()}>Save</button>
                </form>
              ) : <div class="menu-note">Run a query to save it.</div>}
              <div class="menu-sep" />
              {(saved.data ?? []).length === 0 && <div class="menu-note">No saved queries yet.</div>}
              {(saved.data ?? []).map((s) => (
                <div class="menu-item-row" key={s.id}>
                  <button type="button" class="menu-item" title={s.query} onClick={() => { setShowSaved(false); setText(s.query); run(s.query); }}>{s.name}</button>
                  <button type="button" class="icon-btn" aria-label={`Delete ${s.name}`} onClick={async () => {
                    try { await send('DELETE', `/saved-queries/${s.id}`); saved.reload(); } catch (err) { toast((err as Error).message, 'error'); }
                  }}>×</button>
                </div>
              ))}
            </div>
          )}
        </div>
        <div class="menu-wrap">
          <button type="button" class="btn" onClick={() => download(`/search/export?format=csv`, { method: 'POST', body: JSON.stringify(body) }, 'xdr-search.csv').catch((e) => toast((e as Error).message, 'error'))}>Export CSV</button>
        </div>
        <button type="button" class="btn" onClick={() => download(`/search/export?format=jsonl`, { method: 'POST', body: JSON.stringify(body) }, 'xdr-search.jsonl').catch((e) => toast((e as Error).message, 'error'))}>JSONL</button>
      </form>
      {result.error && (
        <div class="error-box" role="alert" data-testid="search-error">
          <strong>{col ? `The query does not parse at column ${col}.` : 'The search failed.'}</strong>
          <span class="error-message">{result.error.message}</span>
          {result.error instanceof ApiFailure && <code class="error-code">{result.error.code}</code>}
        </div>
      )}
      {result.loading && !result.data && <Loading what="events" />}
      {result.data && !result.error && <Histogram data={result.data} from={from ? Date.parse(from) : undefined} />}
      {result.data && !result.error && (
        <div class="search-body">
          <aside class="field-sidebar" data-testid="fields">
            <h3>Fields</h3>
            {fields.length === 0 && <p class="muted small">No fields: no events.</p>}
            {fields.map(([f, n]) => <FieldItem key={f} field={f} present={n} query={body} chosen={columns.includes(f)}
              toggle={() => setColumns(columns.includes(f) ? columns.filter((c) => c !== f) : [...columns, f])} add={addTerm} />)}
          </aside>
          <div class="results">
            <div class="results-head">
              <strong data-testid="total">{result.data.total.toLocaleString()}{result.data.total_capped ? '+' : ''} events</strong>
              <span class="muted small">showing {events.length} · newest first · columns: click a field on the left</span>
            </div>
            {events.length === 0 ? (
              <Empty title="No events match">Widen the time range, or remove terms. An empty query matches every event.</Empty>
            ) : (
              <div class="table-wrap">
                <table class="table table-compact" data-testid="results">
                  <thead><tr>{columns.map((c) => <th key={c}>{c}<button class="th-x" aria-label={`Remove column ${c}`} onClick={() => setColumns(columns.filter((x) => x !== c))}>×</button></th>)}</tr></thead>
                  <tbody>
                    {events.map((e, i) => (
                      <>
                        <tr key={i} class="clickable" onClick={() => setOpen(open === i ? null : i)}>
                          {columns.map((c) => <td key={c} class={`mono small ${c.includes('command_line') || c.endsWith('.path') ? 'cell-wide' : ''}`}>{cell(c, e[c])}</td>)}
                        </tr>
                        {open === i && <tr key={`${i}-d`} class="detail-row"><td colSpan={columns.length}><EventDetail event={e} add={addTerm} /></td></tr>}
                      </>
                    ))}
                  </tbody>
                </table>
                {cursor && <div class="table-note"><button class="btn btn-small" onClick={loadMore}>Load {PAGE} more</button></div>}
              </div>
            )}
          </div>
        </div>
      )}
    </Page>
  );
}

function interval(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

function cell(field: string, v: unknown) {
  if (v === undefined || v === null) return <span class="muted">—</span>;
  if (field === '@timestamp') return fmtTime(String(v));
  if (field === 'process.entity_id' || field === 'process.parent.entity_id') return <a href={`/processes/${encodeURIComponent(String(v))}`}>{String(v)}</a>;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

function EventDetail(props: { event: EcsEvent; add(f: string, v: unknown): void }) {
  const e = props.event;
  return (
    <div class="event-detail">
      <dl class="kv small">
        {Object.entries(e).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => (
          <>
            <dt key={`${k}-k`}>{k}</dt>
            <dd key={`${k}-v`} class="mono">{cell(k, v)} {!Array.isArray(v) && k !== '@timestamp' && <button class="chip-btn" onClick={() => props.add(k, v)}>+ filter</button>}</dd>
          </>
        ))}
      </dl>
      {typeof e['process.entity_id'] === 'string' && <a class="btn btn-small" href={`/processes/${encodeURIComponent(String(e['process.entity_id']))}`}>Execution profile</a>}
    </div>
  );
}

function FieldItem(props: { field: string; present: number; chosen: boolean; query: Record<string, unknown>; toggle(): void; add(f: string, v: unknown): void }) {
  const [open, setOpen] = useState(false);
  const top = useAsync(async () => (open
    ? send<SearchResult>('POST', '/search', { ...props.query, limit: 1, aggs: { terms: { field: props.field, size: 8 } } })
    : undefined), [open, JSON.stringify(props.query)]);
  const buckets = top.data?.aggs?.terms?.buckets ?? [];
  const total = buckets.reduce((s, b) => s + b.count, 0) + (top.data?.aggs?.terms?.other ?? 0);
  return (
    <div class={`field-item${open ? ' open' : ''}`}>
      <div class="field-row">
        <button class="field-name" onClick={() => setOpen(!open)} title="Top values">{props.field}</button>
        <button class={`col-toggle${props.chosen ? ' on' : ''}`} onClick={props.toggle} title={props.chosen ? 'Remove column' : 'Add column'}>{props.chosen ? '✓' : '+'}</button>
      </div>
      {open && (
        <div class="top-values">
          {top.error && <span class="small error-text">{top.error.message}</span>}
          {top.loading && !top.data && <span class="muted small">…</span>}
          {buckets.map((b) => (
            <button key={String(b.value)} class="top-value" title={`add ${props.field}:${String(b.value)} to the query`} onClick={() => props.add(props.field, b.value)}>
              <span class="tv-bar" style={{ width: `${total ? Math.max(2, (100 * b.count) / total) : 0}%` }} />
              <span class="tv-text mono">{String(b.value)}</span><span class="tv-count">{b.count}</span>
            </button>
          ))}
          {top.data && buckets.length === 0 && <span class="muted small">No values.</span>}
        </div>
      )}
    </div>
  );
}

function Histogram(props: { data: SearchResult; from?: number }) {
  const raw = props.data.aggs?.histogram;
  if (!raw || raw.buckets.length === 0) return null;
  // the API lists the buckets that have events; the empty ones between them are drawn too, so time reads left to right
  const iv = raw.interval_ms;
  const starts = raw.buckets.map((b) => Date.parse(b.start));
  const first = Math.min(...starts, props.from ?? Infinity);
  const end = Math.max(...starts, Date.now() - iv);
  const slots = Math.min(400, Math.floor((end - first) / iv) + 1);
  const buckets = Array.from({ length: slots }, (_, i) => ({ start: new Date(first + i * iv).toISOString(), count: 0 }));
  raw.buckets.forEach((b, i) => {
    const slot = Math.min(slots - 1, Math.max(0, Math.floor((starts[i] - first) / iv)));
    buckets[slot].count += b.count;
  });
  const h = { interval_ms: raw.interval_ms, buckets: buckets.length ? buckets : raw.buckets };
  const max = Math.max(...h.buckets.map((b) => b.count), 1);
  return (
    <div class="histogram" data-testid="histogram" role="img" aria-label="events over time">
      <div class="hist-bars">
        {h.buckets.map((b) => (
          <div key={b.start} class="hist-bar" title={`${fmtTime(b.start)}: ${b.count}`}>
            <div class="hist-fill" style={{ height: `${(100 * b.count) / max}%` }} />
          </div>
        ))}
      </div>
      <div class="hist-axis small muted"><Time at={h.buckets[0].start} /><span>{interval(h.interval_ms)} per bar · max {max}</span><Time at={h.buckets[h.buckets.length - 1].start} /></div>
    </div>
  );
}
