// How xdrctl prints events as a table: the same columns for `events` and `search`.
import { renderTable } from './table.js';

export type EventRow = Record<string, unknown>;

/** A cell's text: empty for absent values, lists joined with spaces. */
export function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The one column that says what an event is about, whatever its category. */
function eventDetail(e: EventRow): string {
  if (e['process.command_line']) return str(e['process.command_line']);
  if (e['file.path']) return str(e['file.path']);
  if (e['destination.ip'] || e['source.ip']) {
    const src = e['source.ip'] ? `${str(e['source.ip'])}:${str(e['source.port'])}` : '';
    const dst = `${str(e['destination.ip'])}:${str(e['destination.port'])}${e['destination.domain'] ? ` (${str(e['destination.domain'])})` : ''}`;
    return src ? `${src} -> ${dst}` : dst;
  }
  if (e['user.name']) return `user ${str(e['user.name'])}`;
  return str(e['event.reason']);
}

export function renderEventTable(events: readonly EventRow[]): string {
  return renderTable(events, [
    { header: 'TIME', value: (e) => str(e['@timestamp']) },
    { header: 'HOST', value: (e) => str(e['host.name']), max: 24 },
    { header: 'ACTION', value: (e) => str(e['event.action'] ?? e['event.category']), max: 16 },
    { header: 'PID', value: (e) => str(e['process.pid']) },
    { header: 'PROCESS', value: (e) => str(e['process.name']), max: 20 },
    { header: 'USER', value: (e) => str(e['process.user.name'] ?? e['user.name']), max: 16 },
    { header: 'DETAIL', value: eventDetail, max: 100 },
  ]);
}
