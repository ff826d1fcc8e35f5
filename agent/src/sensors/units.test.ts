// Small pure pieces: exit status decoding, ordered output, glob expansion, command-line quoting,
// and where the addon loader looks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropNested, expandPaths } from './glob-paths.js';
import { addonCandidates, loadProcAddon } from './native-addon.js';
import { OrderedQueue } from './ordered-queue.js';
import { joinCommandLine, splitCmdline } from './proc-fs.js';
import { exitCode } from './process.linux.js';
import { processName } from './process-table.js';

describe('exitCode', () => {
  it('decodes a wait status: exit code, or minus the signal', () => {
    expect(exitCode(0)).toBe(0);
    expect(exitCode(3 << 8)).toBe(3);
    expect(exitCode(9)).toBe(-9);
    expect(exitCode(0x80 | 11)).toBe(-11); // core dumped
  });
});

describe('OrderedQueue', () => {
  it('holds later events behind a reserved slot and drops an emptied one', () => {
    const out: number[] = [];
    const q = new OrderedQueue<number>((v) => out.push(v));
    q.push(1);
    const a = q.reserve();
    q.push(3);
    const b = q.reserve();
    q.push(5);
    expect(out).toEqual([1]);
    b(undefined);
    expect(out).toEqual([1]);
    a(2);
    expect(out).toEqual([1, 2, 3, 5]);
    expect(q.pending).toBe(0);
  });
});

describe('expandPaths', () => {
  it('expands * per segment, keeps existing plain paths, drops nested ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'xdr-glob-'));
    try {
      for (const u of ['alice', 'bob', 'carol']) mkdirSync(join(root, 'home', u), { recursive: true });
      mkdirSync(join(root, 'home/alice/.ssh'));
      mkdirSync(join(root, 'home/bob/.ssh'));
      mkdirSync(join(root, 'etc/cron.d'), { recursive: true });
      writeFileSync(join(root, 'etc/crontab'), '');
      expect(expandPaths([`${root}/home/*/.ssh`, `${root}/etc/cron*`, `${root}/missing`])).toEqual([
        `${root}/etc/cron.d`, `${root}/etc/crontab`, `${root}/home/alice/.ssh`, `${root}/home/bob/.ssh`,
      ]);
      expect(dropNested(['/etc', '/etc/cron.d', '/etcetera', '/tmp'])).toEqual(['/etc', '/etcetera', '/tmp']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('command lines', () => {
  it('splits /proc cmdline and quotes arguments that need it', () => {
    const args = splitCmdline('/bin/sh\0-c\0echo "hi" | tr a b\0it\'s\0\0');
    expect(args).toEqual(['/bin/sh', '-c', 'echo "hi" | tr a b', "it's", '']);
    expect(joinCommandLine(args)).toBe(`/bin/sh -c 'echo "hi" | tr a b' 'it'\\''s' ''`);
  });

  it('names a process by its executable when comm is cut at 15 bytes', () => {
    expect(processName('systemd-journal', '/usr/lib/systemd/systemd-journald')).toBe('systemd-journald');
    expect(processName('sh', '/usr/bin/dash')).toBe('sh');
  });
});

describe('native addon loader', () => {
  it('looks beside the bundle and in the source build dir, and loads the built addon', () => {
    const c = addonCandidates();
    expect(c.some((p) => p.endsWith('agent/native/build/Release/xdr_proc.node'))).toBe(true);
    expect(c.some((p) => p.endsWith('/xdr_proc.node'))).toBe(true);
    expect(loadProcAddon().clockTicks()).toBeGreaterThan(0);
  });
});
