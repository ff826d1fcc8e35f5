// `xdrctl search 'QUERY'` and `xdrctl tree ENTITY_ID`: the search API and the execution profile
// from a terminal. Search prints a table, JSON or CSV; tree prints an indented process tree.
import type { XdrClient } from './client.js';
import { UsageError, onlyOptions, parseDuration, positiveInt, type ParsedArgs } from './args.js';
import { renderEventTable, str } from './event-table.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

type Row = Record<string, unknown>;
interface SearchPage { events: Row[]; total: number; total_capped: boolean; next_cursor?: string }
interface TreeNode {
  entity_id: string; pid?: number; name?: string; command_line?: string; executable?: string; user?: string;
  start?: string; end?: string; exit_code?: number; file_events: number; network_events: number; oats?: number;
  children?: TreeNode[];
}
interface Tree { ancestors: TreeNode[]; process: TreeNode; truncated: { ancestors: boolean; descendants: boolean } }

const PAGE_MAX = 10_000;
const CSV_COLUMNS = ['@timestamp', 'host.name', 'event.category', 'event.action', 'process.pid', 'process.name', 'process.user.name',
  'process.command_line', 'file.path', 'source.ip', 'destination.ip', 'destination.port', 'process.entity_id'];

function csvCell(v: unknown): string {
  let text = str(v);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function search(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, ['since', 'from', 'to', 'limit', 'format'], 'search');
  if (args.positionals.length !== 1) throw new UsageError("usage: xdrctl search 'QUERY' [--since 1h | --from T] [--to T] [--limit N] [--format table|json|csv]");
  const format = args.flags.has('json') ? 'json' : (args.options.get('format') ?? 'table');
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, got "${format}"`);
  const o = args.options;
  if (o.has('since') && o.has('from')) throw new UsageError('give --since or --from, not both');
  const body: Record<string, unknown> = { query: args.positionals[0] };
  if (o.has('since')) body.from = String(Date.now() - parseDuration(o.get('since')!));
  if (o.has('from')) body.from = o.get('from');
  if (o.has('to')) body.to = o.get('to');
  let remaining = positiveInt('limit', o.get('limit'), 100);
  const events: Row[] = [];
  let first: SearchPage | undefined;
  let cursor: string | undefined;
  for (;;) {
    const page = await client.post<SearchPage>('/api/v1/search', { ...body, limit: Math.min(remaining, PAGE_MAX), ...(cursor ? { cursor } : {}) });
    first ??= page;
    events.push(...page.events);
    remaining -= page.events.length;
    cursor = page.next_cursor;
    if (!cursor || remaining <= 0) break;
  }
  const total = `${first.total}${first.total_capped ? '+' : ''}`;
  if (format === 'json') return io.out(JSON.stringify({ events, total: first.total, total_capped: first.total_capped, ...(cursor ? { next_cursor: cursor } : {}) }, null, 2));
  if (format === 'csv') {
    io.out([CSV_COLUMNS.join(','), ...events.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(','))].join('\n'));
  } else if (events.length === 0) {
    io.out('no events match');
  } else {
    io.out(renderEventTable(events));
  }
  io.err(`${events.length} of ${total} matching events shown`);
}

function describe(n: TreeNode): string {
  const what = n.command_line ?? n.executable ?? n.name ?? '?';
  const facts = [
    n.user ? `user ${n.user}` : '',
    n.start ? `started ${n.start}` : '',
    n.end ? `ended ${n.end}${n.exit_code !== undefined ? ` exit ${n.exit_code}` : ''}` : '',
    n.file_events ? `${n.file_events} file` : '',
    n.network_events ? `${n.network_events} net` : '',
    n.oats ? `${n.oats} OAT` : '',
  ].filter(Boolean).join(', ');
  return `[${n.pid ?? '?'}] ${what}${facts ? `  (${facts})` : ''}  ${n.entity_id}`;
}

/** The tree as indented lines: ancestors down to the process (marked `>`), then its descendants. */
export function renderTree(tree: Tree): string {
  const lines: string[] = [];
  if (tree.truncated.ancestors) lines.push('… (older ancestors not shown)');
  tree.ancestors.forEach((a, i) => lines.push(`${'  '.repeat(i)}${i === 0 ? '' : '└─ '}${describe(a)}`));
  const walk = (n: TreeNode, depth: number, self: boolean) => {
    lines.push(`${'  '.repeat(depth)}${depth === 0 ? '' : '└─ '}${self ? '> ' : ''}${describe(n)}`);
    for (const c of n.children ?? []) walk(c, depth + 1, false);
  };
  walk(tree.process, tree.ancestors.length, true);
  if (tree.truncated.descendants) lines.push('… (more descendants not shown: bounded by depth and count)');
  return lines.join('\n');
}

export async function tree(client: XdrClient, args: ParsedArgs, io: Io): Promise<void> {
  onlyOptions(args, ['max-depth'], 'tree');
  if (args.positionals.length !== 1) throw new UsageError('usage: xdrctl tree ENTITY_ID [--max-depth N]');
  const query = args.options.has('max-depth') ? { max_depth: positiveInt('max-depth', args.options.get('max-depth'), 16) } : undefined;
  const t = await client.get<Tree>(`/api/v1/processes/${encodeURIComponent(args.positionals[0]!)}/tree`, query);
  io.out(args.flags.has('json') ? JSON.stringify(t, null, 2) : renderTree(t));
}
