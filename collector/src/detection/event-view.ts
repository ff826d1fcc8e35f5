// One event as the compiled predicates see it: raw values plus lower-cased text, lowered at most
// once per field per event (many rules read the same command line). Reused across events.
import type { EcsEvent } from '../pipeline/ecs.js';

export type TextValue = string | string[];

export class EventView {
  ev: EcsEvent = { '@timestamp': 0 };
  private readonly lowered = new Map<string, TextValue | undefined>();
  private readonly texts = new Map<string, TextValue | undefined>();

  private keywords: string[] | undefined;

  constructor(private readonly keywordFields: readonly string[] = []) {}

  reset(ev: EcsEvent): void {
    this.ev = ev;
    this.lowered.clear();
    this.texts.clear();
    this.keywords = undefined;
  }

  /** The lower-cased values of the keyword fields present in the event, computed once per event. */
  keywordTexts(): string[] {
    if (this.keywords) return this.keywords;
    const out: string[] = [];
    for (const f of this.keywordFields) {
      const t = this.lower(f);
      if (t === undefined) continue;
      if (typeof t === 'string') out.push(t);
      else out.push(...t);
    }
    return (this.keywords = out);
  }

  /** The field as text (numbers stringified), or undefined when absent or empty. */
  text(field: string): TextValue | undefined {
    if (this.texts.has(field)) return this.texts.get(field);
    const v = toText((this.ev as Record<string, unknown>)[field]);
    this.texts.set(field, v);
    return v;
  }

  /** The field as lower-cased text, computed once per event. */
  lower(field: string): TextValue | undefined {
    if (this.lowered.has(field)) return this.lowered.get(field);
    const t = this.text(field);
    const v = t === undefined ? undefined : typeof t === 'string' ? t.toLowerCase() : t.map((x) => x.toLowerCase());
    this.lowered.set(field, v);
    return v;
  }
}

function toText(v: unknown): TextValue | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(String);
  return String(v);
}
