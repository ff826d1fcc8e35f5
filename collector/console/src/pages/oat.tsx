// Observed Attack Techniques: every filter match, as a list and as an ATT&CK matrix (tactics as
// columns, techniques coloured by count and highest risk); a cell drills down into its OATs.
import { useMemo } from 'preact/hooks';
import { get, qs } from '../api';
import { TechniqueList, techniqueName, techniqueTitle, useAttackNames, type AttackNames } from '../components/attack';
import { Empty, ErrorBox, Level, Loading, Page, Panel, searchHref, Time, useAsync } from '../components/ui';
import { navigate, useLocation } from '../router';
import type { Oat } from '../types';

// kill-chain order; the short name labels a column with nothing observed, so that all 14 fit at 1280 px
const TACTICS: Array<[string, string, string]> = [
  ['TA0043', 'Reconnaissance', 'Recon'], ['TA0042', 'Resource Development', 'Resource dev.'], ['TA0001', 'Initial Access', 'Initial access'],
  ['TA0002', 'Execution', 'Execution'], ['TA0003', 'Persistence', 'Persistence'], ['TA0004', 'Privilege Escalation', 'Priv. esc.'],
  ['TA0005', 'Defense Evasion', 'Def. evasion'], ['TA0006', 'Credential Access', 'Cred. access'], ['TA0007', 'Discovery', 'Discovery'],
  ['TA0008', 'Lateral Movement', 'Lateral mov.'], ['TA0009', 'Collection', 'Collection'], ['TA0011', 'Command and Control', 'C2'],
  ['TA0010', 'Exfiltration', 'Exfiltration'], ['TA0040', 'Impact', 'Impact'],
];
const RISK_RANK: Record<string, number> = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 };
const RANGES: Record<string, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

interface Cell { technique: string; count: number; risk: string; rules: Set<string> }

export function OatPage() {
  const { query } = useLocation();
  const view = query.get('view') ?? 'matrix';
  const technique = query.get('technique') ?? '';
  const ruleId = query.get('rule_id') ?? '';
  const risk = query.get('risk') ?? '';
  const range = query.get('range') ?? '7d';
  const from = RANGES[range] ? new Date(Date.now() - RANGES[range]).toISOString() : undefined;

  const all = useAsync(() => get<{ oats: Oat[]; next_cursor?: string }>(`/oat${qs({ from, risk, rule_id: ruleId, limit: 10000 })}`), [range, risk, ruleId]);
  const drill = useAsync(async () => (technique ? get<{ oats: Oat[] }>(`/oat${qs({ technique, from, risk, rule_id: ruleId, limit: 500 })}`) : undefined), [technique, range, risk, ruleId]);

  function set(name: string, value: string) {
    const p = new URLSearchParams(location.search);
    if (value) p.set(name, value); else p.delete(name);
    navigate(`/oat?${p.toString()}`, true);
  }

  const matrix = useMemo(() => {
    const cols = new Map<string, Map<string, Cell>>(TACTICS.map(([id]) => [id, new Map()]));
    for (const o of all.data?.oats ?? []) {
      for (const ta of o.tactics.length ? o.tactics : ['TA0000']) {
        if (!cols.has(ta)) cols.set(ta, new Map());
        const col = cols.get(ta)!;
        for (const t of o.techniques) {
          const c = col.get(t) ?? { technique: t, count: 0, risk: 'informational', rules: new Set<string>() };
          c.count++;
          if (RISK_RANK[o.risk] > RISK_RANK[c.risk]) c.risk = o.risk;
          c.rules.add(o.rule_title);
          col.set(t, c);
        }
      }
    }
    return cols;
  }, [all.data]);
  const maxCount = Math.max(1, ...[...matrix.values()].flatMap((m) => [...m.values()].map((c) => c.count)));
  const oats = all.data?.oats ?? [];
  const names = useAttackNames();

  return (
    <Page
      title="Observed Attack Techniques"
      subtitle="Every match of a detection filter, mapped to MITRE ATT&CK. Alerts are built from these."
      actions={
        <div class="segmented">
          <button class={view === 'matrix' ? 'on' : ''} onClick={() => set('view', 'matrix')}>Matrix</button>
          <button class={view === 'list' ? 'on' : ''} onClick={() => set('view', 'list')}>List</button>
        </div>
      }
      wide
    >
      <div class="toolbar">
        <label>Time
          <select value={range} onChange={(e) => set('range', e.currentTarget.value)}>
            <option value="24h">Last 24 hours</option><option value="7d">Last 7 days</option><option value="30d">Last 30 days</option><option value="all">All time</option>
          </select>
        </label>
        <label>Risk
          <select value={risk} onChange={(e) => set('risk', e.currentTarget.value)}>
            <option value="">Any</option><option value="critical">Critical</option><option value="high,critical">High+</option><option value="medium,high,critical">Medium+</option><option value="low">Low</option>
          </select>
        </label>
        {ruleId && <span class="filter-chip">rule {ruleId.slice(0, 8)}… <button class="icon-btn" onClick={() => set('rule_id', '')}>×</button></span>}
        {technique && <span class="filter-chip">technique {technique} <button class="icon-btn" onClick={() => set('technique', '')}>×</button></span>}
        <span class="spacer" />
        <span class="muted small">{oats.length}{all.data?.next_cursor ? '+' : ''} OATs</span>
      </div>
      <ErrorBox error={all.error} what="load the Observed Attack Techniques" onRetry={all.reload} />
      {all.loading && !all.data && <Loading what="OATs" />}
      {all.data && oats.length === 0 && (
        <Empty title="No attack technique observed in this time range">
          OATs appear when an agent's activity matches a detection filter. Widen the time range, or check that agents are online on the <a href="/endpoints">Endpoints</a> page.
        </Empty>
      )}
      {all.data && oats.length > 0 && view === 'matrix' && (
        <div class="matrix" data-testid="matrix"
          style={{ gridTemplateColumns: TACTICS.map(([id]) => ((matrix.get(id)?.size ?? 0) > 0 ? 'minmax(112px, 2fr)' : 'minmax(50px, 1fr)')).join(' ') }}>
          {TACTICS.map(([id, name, short]) => {
            const cells = [...(matrix.get(id)?.values() ?? [])].sort((a, b) => b.count - a.count);
            return (
              <div class={`matrix-col${cells.length ? '' : ' matrix-empty'}`} key={id}>
                <div class="matrix-head" title={`${name} (${id})`}>{cells.length ? name : short}<span class="muted small">{cells.length}</span></div>
                {cells.map((c) => (
                  <button key={c.technique} class={`matrix-cell risk-${c.risk}${technique === c.technique ? ' picked' : ''}`}
                    style={{ '--intensity': String(0.25 + (0.75 * c.count) / maxCount) } as Record<string, string>}
                    title={[techniqueTitle(names, c.technique), ...c.rules].join('\n')} onClick={() => set('technique', technique === c.technique ? '' : c.technique)}
                    data-technique={c.technique}>
                    <span class="mono">{c.technique}</span><span class="cell-count">{c.count}</span>
                    {techniqueName(names, c.technique) && <span class="cell-name">{techniqueName(names, c.technique)}</span>}
                    <span class="cell-rule">{[...c.rules][0]}</span>
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      )}
      {technique && view === 'matrix' && (
        <Panel title={`OATs of ${techniqueTitle(names, technique)}`} testid="drill">
          <ErrorBox error={drill.error} what={`load the OATs of ${technique}`} />
          {drill.data && <OatTable oats={drill.data.oats} names={names} />}
        </Panel>
      )}
      {all.data && oats.length > 0 && view === 'list' && <OatTable oats={technique ? drill.data?.oats ?? [] : oats} names={names} />}
    </Page>
  );
}

function OatTable(props: { oats: Oat[]; names: AttackNames }) {
  return (
    <div class="table-wrap">
      <table class="table table-compact" data-testid="oat-list">
        <thead><tr><th>Time</th><th>Rule</th><th>Risk</th><th>Techniques</th><th>Host</th><th>User</th><th>Process</th><th>Event</th></tr></thead>
        <tbody>
          {props.oats.map((o) => (
            <tr key={o.id}>
              <td><Time at={o['@timestamp']} /></td>
              <td>{o.rule_title}</td>
              <td><Level level={o.risk} /></td>
              <td class="small"><TechniqueList ids={o.techniques} names={props.names} /></td>
              <td>{o.host_name ?? '—'}</td>
              <td>{o.user_name ?? '—'}</td>
              <td>{o.process_entity_id ? <a href={`/processes/${encodeURIComponent(o.process_entity_id)}`}>tree</a> : '—'}</td>
              <td><a href={searchHref(`event.id:"${o.event_id}"`)}>event</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
