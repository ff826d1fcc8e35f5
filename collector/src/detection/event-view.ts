// One event as the compiled predicates see it: raw values as text plus lower-cased text, each
// computed at most once per field per event (many rules read the same command line). Fields are
// addressed by slot numbers fixed at compile time, so a lookup is an array index, and the view
// is reused across events (a generation counter invalidates the caches without clearing them).
import type { EcsEvent } from '../pipeline/ecs.js';

export type TextValue = string | string[];

const slots = new Map<string, number>();
const slotNames: string[] = [];

/** The slot number of a field name (process-wide, assigned on first use). */
export function slotOf(field: string): number {
  let s = slots.get(field);
  if (s === undefined) {
    s = slotNames.length;
    slots.set(field, s);
    slotNames.push(field);
  }
  return s;
}

export class EventView {
  ev: EcsEvent = { '@timestamp': 0 };
  private gen = 1;
  private readonly textGen: number[] = [];
  private readonly textVal: (TextValue | undefined)[] = [];
  private readonly lowerGen: number[] = [];
  private readonly lowerVal: (TextValue | undefined)[] = [];
  private keywords: string[] | undefined;
  private readonly keywordSlots: number[];

  constructor(keywordFields: readonly string[] = []) {
    this.keywordSlots = keywordFields.map(slotOf);
  }

  reset(ev: EcsEvent): void {
    this.ev = ev;
    this.gen++;
    this.keywords = undefined;
  }

  /** The field as text (numbers stringified), or undefined when absent or empty. */
  text(slot: number): TextValue | undefined {
    if (this.textGen[slot] === this.gen) return this.textVal[slot];
    const v = toText((this.ev as Record<string, unknown>)[slotNames[slot]]);
    this.textGen[slot] = this.gen;
    this.textVal[slot] = v;
    return v;
  }

  /** The field as lower-cased text. */
  lower(slot: number): TextValue | undefined {
    if (this.lowerGen[slot] === this.gen) return this.lowerVal[slot];
    const t = this.text(slot);
    const v = t === undefined ? undefined : typeof t === 'string' ? t.toLowerCase() : t.map((x) => x.toLowerCase());
    this.lowerGen[slot] = this.gen;
    this.lowerVal[slot] = v;
    return v;
  }

  /** The lower-cased values of the keyword fields present in the event. */
  keywordTexts(): string[] {
    if (this.keywords) return this.keywords;
    const out: string[] = [];
    for (const s of this.keywordSlots) {
      const t = this.lower(s);
      if (t === undefined) continue;
      if (typeof t === 'string') out.push(t);
      else out.push(...t);
    }
    return (this.keywords = out);
  }
}

function toText(v: unknown): TextValue | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(String);
  return String(v);
}
