// Golden detection tests: each cases/NAME.in.jsonl (ECS events, one per line) runs through the
// golden content (rules/) plus the public Sigma rules; the hits must equal cases/NAME.out.json.
// Review changes as diffs. Regenerate after an intended change: UPDATE_GOLDEN=1 npx vitest run test/golden
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDetection, type DetectionHit } from '../../collector/src/detection/index.js';
import type { EcsEvent } from '../../collector/src/pipeline/ecs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIGMA = resolve(HERE, '../../../shared/sigma');
const CASES = join(HERE, 'cases');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The stable, reviewable part of a hit. */
function summary(h: DetectionHit): Record<string, unknown> {
  const base = { kind: h.kind, layer: h.layer, id: h.id, title: h.title, level: h.level, techniques: h.techniques, tactics: h.tactics };
  if (h.kind === 'filter') return { ...base, eventId: h.eventId };
  return { ...base, score: h.score, type: h.type, groupKey: h.groupKey, eventIds: h.eventIds, matchedRules: h.matchedRules };
}

describe.runIf(existsSync(SIGMA))('golden detection', () => {
  const { report } = loadDetection({ dirs: [join(HERE, 'rules')] });
  it('golden content loads cleanly', () => {
    expect(report.unsupported).toEqual([]);
    expect(report.loaded).toEqual({ filter: 4, rule: 2, model: 1 });
  });
  for (const name of readdirSync(CASES).filter((f) => f.endsWith('.in.jsonl')).sort()) {
    const base = name.replace(/\.in\.jsonl$/, '');
    it(base, () => {
      // a fresh engine per case: correlation state must not leak between cases
      const { engine } = loadDetection({ dirs: [join(HERE, 'rules'), SIGMA] });
      const events = readFileSync(join(CASES, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EcsEvent);
      const hits = events.flatMap((ev) => engine.process(ev).map(summary));
      const outFile = join(CASES, `${base}.out.json`);
      const text = JSON.stringify(hits, null, 2) + '\n';
      if (UPDATE || !existsSync(outFile)) writeFileSync(outFile, text);
      expect(text).toBe(readFileSync(outFile, 'utf8'));
    });
  }
});
