// Test helpers: build one-rule engines from a detection block, and events of each kind.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EcsEvent } from '../pipeline/ecs.js';
import { stringify } from 'yaml';
import { loadDetectionFromText, type LoadedDetection } from './loader.js';
import type { EngineOptions } from './engine.js';

/** The public Sigma rules (test data), at ../shared/sigma from the repository root. */
export const SIGMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/sigma');

let seq = 0;

export function proc(fields: Record<string, unknown> = {}, ts = 1_700_000_000_000): EcsEvent {
  return {
    '@timestamp': ts, 'event.id': `e${++seq}`, 'event.kind': 'event', 'event.category': 'process',
    'event.type': 'start', 'event.action': 'process_started', 'host.id': 'h1', ...fields,
  } as EcsEvent;
}

export function file(fields: Record<string, unknown> = {}, ts = 1_700_000_000_000): EcsEvent {
  return { '@timestamp': ts, 'event.id': `e${++seq}`, 'event.category': 'file', 'event.type': 'creation', 'event.action': 'file_created', 'host.id': 'h1', ...fields } as EcsEvent;
}

export function net(fields: Record<string, unknown> = {}, ts = 1_700_000_000_000): EcsEvent {
  return { '@timestamp': ts, 'event.id': `e${++seq}`, 'event.category': 'network', 'event.type': 'connection', 'event.action': 'connection_attempted', 'host.id': 'h1', ...fields } as EcsEvent;
}

/** Loads YAML documents (objects are stringified), failing loudly if any is unsupported. */
export function load(docs: (object | string)[], opts: EngineOptions = {}, allowUnsupported = false): LoadedDetection {
  const text = docs.map((d) => (typeof d === 'string' ? d : stringify(d))).join('\n---\n');
  const r = loadDetectionFromText([{ file: 'test.yml', text }], opts);
  if (!allowUnsupported && r.report.unsupported.length > 0) throw new Error(JSON.stringify(r.report.unsupported, null, 2));
  return r;
}

/** A one-filter engine over process_creation with the given detection; returns a match function. */
export function rule(detection: Record<string, unknown>, category = 'process_creation'): (ev: EcsEvent) => boolean {
  const { engine } = load([{ title: 't', id: 'r1', logsource: { product: 'linux', category }, detection, level: 'low' }]);
  return (ev) => engine.process(ev).some((h) => h.id === 'r1');
}

/** Like rule() but returns the unsupported reason (or undefined when it loads). */
export function refusal(detection: Record<string, unknown>, category = 'process_creation'): string | undefined {
  const { report } = load([{ title: 't', id: 'r1', logsource: { product: 'linux', category }, detection }], {}, true);
  const u = report.unsupported[0];
  return u ? `${u.code}: ${u.reason}` : undefined;
}
