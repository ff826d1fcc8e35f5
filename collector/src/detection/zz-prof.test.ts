import { it } from 'vitest';
import { loadDetection } from './index.js';
import { SIGMA_DIR } from './test-helpers.js';
it('prof', () => {
  const { engine } = loadDetection({ dirs: [SIGMA_DIR] });
  const e: any = engine;
  for (const [k, b] of [['fallback', e.fallback], ...e.buckets]) console.log(k, 'all', b.all.length, b.all.map((x: any) => x.f.meta.title).join(' | '), 'byImage', b.byImage.size, 'lit slots', b.byLiteral.size);
});
