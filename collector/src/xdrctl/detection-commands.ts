// xdrctl's detection commands: Workbench alerts, OATs, detections (list, on/off, dry run),
// exceptions and host criticality, all through the REST API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { XdrClient } from './client.js';
import { UsageError, onlyOptions, parseDuration, positiveInt, type ParsedArgs } from './args.js';
import { renderTable } from './table.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

type Row = Record<string, any>;

export const DETECTION_HELP = `  alerts [--status new,in_progress] [--min-score N] [--host HOST_ID] [--model ID] [--since D] [--limit N]
                                 Workbench alerts, highest score first
  alert show ID                  one alert: score, scope, highlights with their event ids
  alert update ID [--status S] [--resolution true_positive|false_positive|benign] [--assignee U] [--note TEXT]
               [--exception-rule ID --exception-fields f1,f2 [--exception-hosts h1,h2 | --exception-all-hosts yes]]
                                 (analyst) --exception-* with a false_positive close makes a scoped exception
  oat [--host H] [--technique T1059] [--tactic execution] [--risk high,critical] [--since D] [--limit N]
                                 Observed Attack Techniques, newest first
  detections [--layer filter|rule|model] [--q TEXT]   loaded filters, rules, models with state and hits
  detections enable|disable ID   (admin) live, audited
  detections test [--rules DIR] [--only-rules yes] EVENTS.jsonl
                                 dry run of ECS events (one JSON per line): matches, OATs, alerts; nothing stored
  exceptions [list]              detection exceptions
  exceptions add --rule ID --field F --value V [--op equals|contains|startswith|endswith] [--hosts h1,h2] [--comment C]
  exceptions enable|disable|delete ID
  hosts criticality HOST_ID low|medium|high|critical|default    (admin) asset criticality; re-scores open alerts`;

function csv(v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}

function listOf(items: Row[] | undefined): string {
  return (items ?? []).map((x) => `    ${String(x.value)}  (${x.count}× events ${(x.event_ids as string[]).slice(0, 5).join(', ')}${x.event_ids.length > 5 ? ', …' : ''})`).join('\n') || '    -';
}

async function alerts(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, ['status', 'min-score', 'host', 'model', 'since', 'limit', 'assignee'], 'alerts');
  const o = args.options;
  const q: Record<string, string | number | undefined> = {
    status: o.get('status'), min_score: o.get('min-score'), host: o.get('host'), model: o.get('model'), assignee: o.get('assignee'),
    limit: positiveInt('limit', o.get('limit'), 100),
  };
  if (o.has('since')) q.from = Date.now() - parseDuration(o.get('since')!);
  const r = await client.get<{ alerts: Row[] }>('/api/v1/alerts', q);
  if (args.flags.has('json')) return io.out(JSON.stringify(r, null, 2));
  if (r.alerts.length === 0) return io.out('no alerts match');
  io.out(renderTable(r.alerts, [
    { header: 'SCORE', value: (a) => String(a.score) },
    { header: 'STATUS', value: (a) => (a.resolution ? `${a.status}:${a.resolution}` : a.status) },
    { header: 'TITLE', value: (a) => a.title, max: 48 },
    { header: 'MODELS', value: (a) => String(a.models.length) },
    { header: 'HOSTS', value: (a) => a.scope.hosts.map((h: Row) => h.name ?? h.id).join(','), max: 30 },
    { header: 'ASSIGNEE', value: (a) => a.assignee ?? '-' },
    { header: 'LAST SEEN', value: (a) => a.last_seen },
    { header: 'ID', value: (a) => a.id },
  ]));
}

async function alert(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub, id, ...rest] = args.positionals;
  if (!id || rest.length > 0 || (sub !== 'show' && sub !== 'update')) throw new UsageError('usage: xdrctl alert show ID | xdrctl alert update ID [--status ...]');
  const path = `/api/v1/alerts/${encodeURIComponent(id)}`;
  if (sub === 'show') {
    onlyOptions(args, [], 'alert show');
    const a = await client.get<Row>(path);
    if (args.flags.has('json')) return io.out(JSON.stringify(a, null, 2));
    return io.out([
      `${a.title}  [score ${a.score}, ${a.level}]  ${a.id}`,
      `status     ${a.status}${a.resolution ? ` (${a.resolution})` : ''}, assignee ${a.assignee ?? '-'}`,
      `seen       ${a.first_seen} .. ${a.last_seen}, ${a.firings} firing(s), ${a.event_ids.length} event(s)`,
      `score      base ${a.score_parts.base} + OATs ${a.score_parts.oat_points} + breadth ${a.score_parts.breadth}, × ${a.score_parts.factor} (${a.score_parts.criticality} host)`,
      'models', ...a.models.map((m: Row) => `    ${m.title} [${m.level}] ${m.firings} firing(s)  ${m.id}`),
      `techniques ${a.techniques.join(', ')}`,
      `hosts      ${a.scope.hosts.map((h: Row) => `${h.name ?? '?'} (${h.id})`).join(', ')}`,
      `users      ${a.scope.users.join(', ') || '-'}`,
      'commands', listOf(a.highlights.commands),
      'destination IPs', listOf(a.highlights.destination_ips),
      'source IPs', listOf(a.highlights.source_ips),
      'files', listOf(a.highlights.files),
      ...(a.notes.length ? ['notes', ...a.notes.map((n: Row) => `    ${n.at} ${n.author}: ${n.text}`)] : []),
    ].join('\n'));
  }
  onlyOptions(args, ['status', 'resolution', 'assignee', 'note', 'exception-rule', 'exception-fields', 'exception-hosts', 'exception-all-hosts'], 'alert update');
  const o = args.options;
  const body: Row = {};
  for (const k of ['status', 'resolution', 'note'] as const) if (o.has(k)) body[k] = o.get(k);
  if (o.has('assignee')) body.assignee = o.get('assignee') === '-' ? null : o.get('assignee');
  if (o.has('exception-rule')) {
    const fields = csv(o.get('exception-fields'));
    if (!fields?.length) throw new UsageError('--exception-rule needs --exception-fields f1,f2');
    body.exception = { rule_id: o.get('exception-rule'), fields, hosts: csv(o.get('exception-hosts')), all_hosts: o.get('exception-all-hosts') === 'yes' || undefined };
  }
  if (Object.keys(body).length === 0) throw new UsageError('alert update needs --status, --resolution, --assignee or --note');
  const r = await client.request<Row>('PATCH', path, { body });
  if (args.flags.has('json')) return io.out(JSON.stringify(r, null, 2));
  io.out(`alert ${r.alert.id}: ${r.alert.status}${r.alert.resolution ? ` (${r.alert.resolution})` : ''}, assignee ${r.alert.assignee ?? '-'}${r.exception ? `; exception ${r.exception.id} on ${r.exception.rule_id} created` : ''}`);
}

async function oat(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, ['host', 'technique', 'tactic', 'risk', 'rule', 'since', 'limit'], 'oat');
  const o = args.options;
  const q: Record<string, string | number | undefined> = {
    host: o.get('host'), technique: o.get('technique'), tactic: o.get('tactic'), risk: o.get('risk'), rule_id: o.get('rule'),
    limit: positiveInt('limit', o.get('limit'), 100),
  };
  if (o.has('since')) q.from = Date.now() - parseDuration(o.get('since')!);
  const r = await client.get<{ oats: Row[] }>('/api/v1/oat', q);
  if (args.flags.has('json')) return io.out(JSON.stringify(r, null, 2));
  if (r.oats.length === 0) return io.out('no OATs match');
  io.out(renderTable(r.oats, [
    { header: 'TIME', value: (x) => x['@timestamp'] },
    { header: 'RISK', value: (x) => x.risk },
    { header: 'TECHNIQUES', value: (x) => x.techniques.join(','), max: 24 },
    { header: 'HOST', value: (x) => x.host_name ?? x.host_id ?? '-', max: 24 },
    { header: 'RULE', value: (x) => x.rule_title, max: 50 },
    { header: 'EVENT', value: (x) => x.event_id },
  ]));
}

function ruleFiles(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else if (/\.ya?ml$/i.test(p)) out.push({ file: p, text: readFileSync(p, 'utf8') });
  };
  walk(dir);
  return out;
}

async function detections(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub, target, ...rest] = args.positionals;
  const json = args.flags.has('json');
  if (sub === undefined) {
    onlyOptions(args, ['layer', 'q'], 'detections');
    const list = await client.get<Row[]>('/api/v1/detections', { layer: args.options.get('layer'), q: args.options.get('q') });
    if (json) return io.out(JSON.stringify(list, null, 2));
    return io.out(renderTable(list, [
      { header: 'LAYER', value: (d) => d.layer },
      { header: 'STATE', value: (d) => (d.enabled ? 'on' : 'off') },
      { header: 'LEVEL', value: (d) => d.level },
      { header: 'HITS', value: (d) => String(d.hits) },
      { header: 'TECHNIQUES', value: (d) => d.techniques.join(','), max: 24 },
      { header: 'TITLE', value: (d) => d.title, max: 60 },
      { header: 'ID', value: (d) => d.id },
    ]));
  }
  if ((sub === 'enable' || sub === 'disable') && target && rest.length === 0) {
    onlyOptions(args, [], `detections ${sub}`);
    const d = await client.request<Row>('PATCH', `/api/v1/detections/${encodeURIComponent(target)}`, { body: { enabled: sub === 'enable' } });
    return io.out(json ? JSON.stringify(d, null, 2) : `${d.layer} ${d.id} (${d.title}) is ${d.enabled ? 'on' : 'off'}`);
  }
  if (sub === 'test' && target && rest.length === 0) {
    onlyOptions(args, ['rules', 'only-rules'], 'detections test');
    const lines = readFileSync(target, 'utf8').split('\n');
    const events: unknown[] = [];
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      try { events.push(JSON.parse(l)); } catch (err) { throw new UsageError(`${target}:${i + 1}: not JSON: ${(err as Error).message}`); }
    });
    const dir = args.options.get('rules');
    const body = { events, ...(dir ? { rules: ruleFiles(dir) } : {}), ...(args.options.get('only-rules') === 'yes' ? { only_rules: true } : {}) };
    const r = await client.post<Row>('/api/v1/detections/test', body);
    if (json) return io.out(JSON.stringify(r, null, 2));
    const out = [`${r.events} event(s); loaded ${r.loaded.filter} filter(s), ${r.loaded.rule} rule(s), ${r.loaded.model} model(s)`];
    for (const u of r.unsupported) out.push(`${u.file}:${u.line ?? 1}:${u.col ?? 1}: ${u.code} ${u.reason}`);
    out.push('matches:', ...(r.matches.length ? r.matches.map((m: Row) => `  ${m.layer.padEnd(6)} ${String(m.count).padStart(5)}×  ${m.title} [${m.id}]`) : ['  none']));
    out.push('alerts:', ...(r.alerts.length ? r.alerts.map((a: Row) => `  score ${a.score}  ${a.models.map((m: Row) => m.title).join(' + ')}  (${a.event_ids.length} events, group ${a.group_key})`) : ['  none']));
    return io.out(out.join('\n'));
  }
  throw new UsageError('usage: xdrctl detections [--layer L] | detections enable|disable ID | detections test [--rules DIR] EVENTS.jsonl');
}

async function exceptions(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub = 'list', id, ...rest] = args.positionals;
  const json = args.flags.has('json');
  if (sub === 'list' && !id) {
    onlyOptions(args, ['rule'], 'exceptions');
    const list = await client.get<Row[]>('/api/v1/exceptions', { rule_id: args.options.get('rule') });
    if (json) return io.out(JSON.stringify(list, null, 2));
    return io.out(renderTable(list, [
      { header: 'ID', value: (e) => e.id },
      { header: 'STATE', value: (e) => (e.enabled ? 'on' : 'off') },
      { header: 'RULE', value: (e) => e.rule_id },
      { header: 'HOSTS', value: (e) => e.hosts.join(',') || 'all', max: 30 },
      { header: 'CONDITIONS', value: (e) => e.conditions.map((c: Row) => `${c.field} ${c.op} ${c.values.join('|')}`).join(' AND '), max: 80 },
      { header: 'BY', value: (e) => e.created_by },
    ]));
  }
  if (sub === 'add' && !id) {
    onlyOptions(args, ['rule', 'field', 'value', 'op', 'hosts', 'comment'], 'exceptions add');
    const o = args.options;
    if (!o.get('rule') || !o.get('field') || !o.get('value')) throw new UsageError('usage: xdrctl exceptions add --rule ID --field F --value V [--op OP] [--hosts h1,h2]');
    const e = await client.post<Row>('/api/v1/exceptions', {
      rule_id: o.get('rule'), hosts: csv(o.get('hosts')), comment: o.get('comment'),
      conditions: [{ field: o.get('field'), op: o.get('op') ?? 'equals', values: [o.get('value')] }],
    });
    return io.out(json ? JSON.stringify(e, null, 2) : `exception ${e.id} on ${e.rule_id} added; it applies now`);
  }
  if ((sub === 'enable' || sub === 'disable' || sub === 'delete') && id && rest.length === 0) {
    onlyOptions(args, [], `exceptions ${sub}`);
    const path = `/api/v1/exceptions/${encodeURIComponent(id)}`;
    const e = sub === 'delete' ? await client.delete<Row>(path) : await client.request<Row>('PATCH', path, { body: { enabled: sub === 'enable' } });
    return io.out(json ? JSON.stringify(e, null, 2) : `exception ${e.id} ${sub === 'delete' ? 'deleted' : `is ${e.enabled ? 'on' : 'off'}`}`);
  }
  throw new UsageError('usage: xdrctl exceptions [list] | exceptions add --rule ID --field F --value V | exceptions enable|disable|delete ID');
}

async function hosts(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  const [sub, host, level, ...rest] = args.positionals;
  onlyOptions(args, [], 'hosts');
  if (sub === 'criticality' && !host) {
    const list = await client.get<Row[]>('/api/v1/hosts/criticality');
    return io.out(args.flags.has('json') ? JSON.stringify(list, null, 2) : renderTable(list, [
      { header: 'HOST', value: (c) => c.host_id }, { header: 'CRITICALITY', value: (c) => c.criticality }, { header: 'BY', value: (c) => c.updated_by ?? '-' },
    ]));
  }
  if (sub !== 'criticality' || !host || !level || rest.length > 0) throw new UsageError('usage: xdrctl hosts criticality [HOST_ID low|medium|high|critical|default]');
  const r = await client.request<Row>('PUT', `/api/v1/hosts/${encodeURIComponent(host)}/criticality`, { body: { criticality: level === 'default' ? null : level } });
  io.out(args.flags.has('json') ? JSON.stringify(r, null, 2) : `host ${r.host_id} is ${r.criticality}; ${r.rescored_alerts} open alert(s) re-scored`);
}

export const DETECTION_COMMANDS = { alerts, alert, oat, detections, exceptions, hosts };
