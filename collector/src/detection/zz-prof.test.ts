import { it } from 'vitest';
import { loadDetection } from './index.js';
import { SIGMA_DIR } from './test-helpers.js';
it('prof', () => {
  const { engine } = loadDetection({ dirs: [SIGMA_DIR] });
  const e: any = engine;
  const ev = { '@timestamp': 1, 'event.id': 'x', 'event.category': 'process', 'event.action': 'process_started', 'process.executable': '/usr/bin/grep', 'process.command_line': 'grep --opt value-3 /var/lib/app/file-3.txt', 'process.parent.executable': '/usr/bin/bash', 'process.parent.command_line': 'bash', 'process.user.name': 'app' };
  const b = e.buckets.get('process_started');
  console.log('all', b.all.length, 'byImage keys', b.byImage.size, 'fallback', e.fallback.all.length);
  const res: [number, string][] = [];
  for (const x of b.all) {
    const t = performance.now();
    for (let i = 0; i < 2000; i++) { e.view.reset(ev); x.f.test(e.view); }
    res.push([(performance.now() - t) / 2000 * 1000, x.f.meta.title]);
  }
  res.sort((a, b) => b[0] - a[0]);
  console.log(res.slice(0, 12).map(([t, n]) => `${t.toFixed(2)}us ${n}`).join('\n'));
});
