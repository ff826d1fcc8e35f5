import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_CHANGED, NAME_CHANGED, VolatileWatcher, type VolatileWatcherOptions } from './volatile-watcher.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('VolatileWatcher', () => {
  let dir = '';
  let w: VolatileWatcher | undefined;
  afterEach(() => {
    w?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function start(o: Partial<VolatileWatcherOptions> = {}): Array<[string, number, number]> {
    dir = mkdtempSync(join(tmpdir(), 'xdr-volatile-'));
    const seen: Array<[string, number, number]> = [];
    w = new VolatileWatcher({
      depth: 1, maxDirs: 100, maxPending: 100, windowMs: 50, isIgnored: () => false,
      onPath: (p, flags, level) => void seen.push([p, flags, level]), onWatchError: (err) => { throw err; }, ...o,
    });
    return seen;
  }

  it('hands on a burst of writes to one name once, with the flags merged', async () => {
    const seen = start();
    w!.watchDir(dir, 0);
    const f = join(dir, 'db');
    writeFileSync(f, 'x');
    for (let i = 0; i < 200; i++) appendFileSync(f, 'y');
    await sleep(200);
    expect(seen).toEqual([[f, NAME_CHANGED | DATA_CHANGED, 0]]);
    expect(w!.raw).toBeGreaterThan(0);
  });

  it('watches to the depth, and reports what a new directory held before its watch', async () => {
    const seen = start({ onPath: (p, flags, level) => {
      seen.push([p, flags, level]);
      if (p.endsWith('/new')) w!.watchDir(p, level + 1, true);
    } });
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    w!.watchDir(dir, 0);
    expect(w!.watchedDirs).toBe(2); // dir and dir/a; dir/a/b is below the depth
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new/early'), 'x');
    await sleep(300);
    expect(seen.map(([p]) => p)).toContain(join(dir, 'new/early'));
    writeFileSync(join(dir, 'a/b/deep'), 'x');
    await sleep(150);
    expect(seen.map(([p]) => p)).not.toContain(join(dir, 'a/b/deep'));
  });

  it('counts the names it sheds when the queue is full, and the directories over the bound', async () => {
    const seen = start({ maxPending: 2, maxDirs: 1 });
    mkdirSync(join(dir, 'sub'));
    w!.watchDir(dir, 0);
    expect(w!.dirsRefused).toBe(1);
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}`), 'x');
    await sleep(200);
    expect(seen).toHaveLength(2);
    expect(w!.shed).toBeGreaterThanOrEqual(3); // events on the 3 names refused (a create and a write each)
  });

  it('asks again later when the owner defers a name', async () => {
    let calls = 0;
    start({ onPath: () => (++calls === 1 ? Date.now() + 100 : undefined) });
    w!.watchDir(dir, 0);
    writeFileSync(join(dir, 'f'), 'x');
    await sleep(400);
    expect(calls).toBe(2);
  });

  it('does not mistake the removal of a watched directory for a child of the same name', async () => {
    const seen = start();
    mkdirSync(join(dir, 'sub'));
    w!.watchDir(dir, 0);
    expect(w!.watchedDirs).toBe(2);
    rmSync(join(dir, 'sub'), { recursive: true });
    await sleep(200);
    expect(seen.map(([p]) => p)).toEqual([join(dir, 'sub')]);
    expect(w!.watchedDirs).toBe(1);
  });
});
