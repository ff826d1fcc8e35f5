// Closing an alert as false positive offers an exception in the same step: which filter (one of
// the alert's), which fields with the values seen in that filter's evidence events (editable), and
// which hosts. The page creates it through POST /exceptions, then closes the alert.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, qs } from '../api';
import type { Alert, DetectionException, EcsEvent, Oat } from '../types';
import { useAsync } from './ui';

/** Fields an exception is usually scoped by, in the order offered. */
const FIELDS = ['process.command_line', 'process.executable', 'process.parent.executable', 'process.name', 'user.name', 'process.user.name', 'file.path', 'destination.ip', 'destination.domain'];
/** Checked at first when the events have them: the command and who ran it. */
const DEFAULT_FIELDS = ['process.command_line', 'user.name'];
const MAX_EVENTS = 20;

export interface ExceptionDraft {
  rule_id: string;
  hosts: string[];
  conditions: Array<{ field: string; op: 'equals'; values: string[] }>;
  comment: string;
}

interface FieldState { on: boolean; text: string }

/** Reads the evidence events that this filter matched in the alert (at most MAX_EVENTS). */
async function evidenceEvents(alert: Alert, ruleId: string): Promise<EcsEvent[]> {
  const ids = [...new Set((alert.evidence ?? []).filter((o) => o.rule_id === ruleId).map((o) => o.event_id))].slice(0, MAX_EVENTS);
  const pages = await Promise.all(ids.map((id) => get<{ oats: Array<Oat & { event?: EcsEvent }> }>(`/oat${qs({ event_id: id, rule_id: ruleId, with_event: true, limit: 1 })}`)));
  return pages.flatMap((p) => p.oats.map((o) => o.event).filter((e): e is EcsEvent => !!e));
}

function valuesOf(events: EcsEvent[], field: string): string[] {
  const out = new Set<string>();
  for (const e of events) {
    const v = e[field];
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && x !== null && x !== '') out.add(String(x));
  }
  return [...out];
}

/** The form; reports the exception it would create (or null when the analyst unticked it or it is incomplete). */
export function FalsePositiveException(props: { alert: Alert; onDraft(d: ExceptionDraft | null, problem?: string): void }) {
  const a = props.alert;
  const filters = a.oats.filters.filter((f) => (a.evidence ?? []).some((o) => o.rule_id === f.id));
  const [want, setWant] = useState(true);
  const [ruleId, setRuleId] = useState(filters[0]?.id ?? '');
  const [fields, setFields] = useState<Record<string, FieldState>>({});
  const [hosts, setHosts] = useState<Set<string>>(new Set(a.scope.hosts.map((h) => h.id)));
  const [allHosts, setAllHosts] = useState(false);
  const events = useAsync(() => (ruleId ? evidenceEvents(a, ruleId) : Promise.resolve([])), [ruleId, a.id]);

  const present = useMemo(() => FIELDS.map((f) => [f, valuesOf(events.data ?? [], f)] as const).filter(([, v]) => v.length > 0), [events.data]);
  useEffect(() => {
    const anyDefault = present.some(([f]) => DEFAULT_FIELDS.includes(f));
    setFields(Object.fromEntries(present.map(([f, v], i) => [f, { on: anyDefault ? DEFAULT_FIELDS.includes(f) : i === 0, text: v.join('\n') }])));
  }, [present]);

  useEffect(() => {
    if (!want) { props.onDraft(null); return; }
    const conditions = Object.entries(fields).filter(([, s]) => s.on)
      .map(([field, s]) => ({ field, op: 'equals' as const, values: s.text.split('\n').map((v) => v.trim()).filter(Boolean) }));
    const problem = !ruleId ? 'choose the detection to except'
      : conditions.length === 0 ? 'tick at least one field'
        : conditions.some((c) => c.values.length === 0) ? `give ${conditions.find((c) => c.values.length === 0)!.field} a value`
          : !allHosts && hosts.size === 0 ? 'choose a host, or all hosts' : undefined;
    props.onDraft(problem ? null : {
      rule_id: ruleId, hosts: allHosts ? [] : [...hosts], conditions,
      comment: `false positive: alert ${a.id} (${a.title})`,
    }, problem);
  }, [want, ruleId, fields, hosts, allHosts]);

  if (filters.length === 0) return <p class="muted small">No filter evidence left in the store: close without an exception, or add one on the Detections page.</p>;
  return (
    <div class="fp-exception" data-testid="fp-exception">
      <label class="check"><input type="checkbox" checked={want} onChange={(e) => setWant(e.currentTarget.checked)} />Also create an exception, so that this stops alerting</label>
      {want && (
        <>
          <label>Detection (filter)
            <select value={ruleId} data-testid="fp-rule" onChange={(e) => setRuleId(e.currentTarget.value)}>
              {filters.map((f) => <option key={f.id} value={f.id}>{f.title} ({f.id})</option>)}
            </select>
          </label>
          <div>
            <div class="small muted">Suppress its matches where every ticked field equals one of the values (one per line), as seen in this alert:</div>
            {events.loading && !events.data && <p class="muted small">Reading the alert's events…</p>}
            {events.error && <p class="error-text small">Could not read the alert's events: {events.error.message}</p>}
            {events.data && present.length === 0 && <p class="muted small">The events behind this filter are no longer in the store.</p>}
            {Object.entries(fields).map(([f, s]) => (
              <div class="fp-field" key={f} data-field={f}>
                <input type="checkbox" aria-label={`Use ${f}`} checked={s.on} onChange={(e) => setFields({ ...fields, [f]: { ...s, on: e.currentTarget.checked } })} />
                <code class="small" title={f}>{f}</code>
                <textarea rows={Math.min(4, Math.max(s.text.split('\n').length, s.text.length > 30 ? 2 : 1))} disabled={!s.on} value={s.text}
                  onInput={(e) => setFields({ ...fields, [f]: { ...s, text: e.currentTarget.value } })} />
              </div>
            ))}
          </div>
          <div>
            <div class="small muted">On hosts</div>
            <div class="fp-hosts">
              {a.scope.hosts.map((h) => (
                <label key={h.id}><input type="checkbox" disabled={allHosts} checked={hosts.has(h.id)} onChange={() => {
                  const next = new Set(hosts);
                  if (next.has(h.id)) next.delete(h.id); else next.add(h.id);
                  setHosts(next);
                }} />{h.name}</label>
              ))}
              <label><input type="checkbox" checked={allHosts} onChange={(e) => setAllHosts(e.currentTarget.checked)} />all hosts</label>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** What was created, with the way to it. */
export function CreatedException(props: { exception: DetectionException; ruleTitle?: string; hostNames: Map<string, string> }) {
  const e = props.exception;
  return (
    <div class="fp-created" data-testid="fp-created" data-exception-id={e.id}>
      <div><strong>Exception created</strong> for {props.ruleTitle ?? e.rule_id} <span class="mono muted small">{e.rule_id}</span></div>
      <ul class="small">
        {e.conditions.map((c) => <li key={c.field}><code>{c.field}</code> {c.op} <code>{c.values.join(' | ')}</code></li>)}
      </ul>
      <div class="small">On {e.hosts.length ? e.hosts.map((h) => props.hostNames.get(h) ?? h).join(', ') : 'all hosts'}.{' '}
        <a href="/detections?tab=exceptions">See it in Detections → Exceptions</a></div>
    </div>
  );
}
