// pinYoungGeneration must take effect in a process whose V8 is already running (it is called
// from the agent's code, not on the node command line): checked in child processes that allocate
// briskly, with and without it, on the Node that runs the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinYoungGeneration } from './young-generation.js';

const MiB = 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));

// Allocates about 200 MB of small objects, some of them kept for a while (like events in flight),
// then prints what pinYoungGeneration returned and the size of V8's new space.
const CHILD = `
import { getHeapSpaceStatistics } from 'node:v8';
import { pinYoungGeneration } from './young-generation.ts';
const pinned = process.argv[2] === 'pin' ? pinYoungGeneration() : false;
const kept = [];
for (let i = 0; i < 2e6; i++) {
  const o = { i, s: 'event ' + i, a: [i, i + 1] };
  if (i % 50 === 0) kept.push(o);
  if (kept.length > 2000) kept.shift();
}
const ns = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(JSON.stringify({ pinned, newSpace: ns.space_size }));
`;

describe('pinYoungGeneration', () => {
  let dir: string;
  let script: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xdr-young-gen-'));
    script = join(dir, 'child.mjs');
    await build({ stdin: { contents: CHILD, resolveDir: here, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'warning' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function child(flags: string[], arg: string): { pinned: boolean; newSpace: number } {
    const r = spawnSync(process.execPath, [...flags, script, arg], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as { pinned: boolean; newSpace: number };
  }

  it('keeps new space at its initial size in a running process where it would otherwise grow', () => {
    const grown = child([], 'none');
    const pinned = child([], 'pin');
    expect(pinned.pinned).toBe(true);
    expect(pinned.newSpace).toBeLessThanOrEqual(2 * MiB);
    expect(grown.newSpace).toBeGreaterThanOrEqual(8 * MiB);
  });

  it('leaves the young generation alone when the process was started with a flag that sizes it', () => {
    const r = child(['--max-semi-space-size=4'], 'pin');
    expect(r.pinned).toBe(false);
    expect(r.newSpace).toBeGreaterThan(2 * MiB);
    expect(pinYoungGeneration(['--max_semi_space_size=8'])).toBe(false);
  });
});
