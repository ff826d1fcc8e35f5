import { describe, expect, it } from 'vitest';
import { wire } from '../../proto/index.js';

describe('wire codec', () => {
  it('round-trips an event batch with 64-bit fields as plain numbers', () => {
    const frame = wire.AgentFrame.encode({
      batch: { seq: 2 ** 40 + 7, events: [{ timeMs: 1764100000123, process: { action: wire.ProcessEvent.Action.START, process: { pid: 42, commandLine: 'curl x | sh', args: ['curl', 'x'] } } }] },
    }).finish();
    const back = wire.AgentFrame.decode(frame);
    expect(back.body).toBe('batch');
    expect(back.batch!.seq).toBe(2 ** 40 + 7);
    expect(back.batch!.events![0].timeMs).toBe(1764100000123);
    expect(back.batch!.events![0].payload).toBe('process');
    expect(back.batch!.events![0].process!.process!.args).toEqual(['curl', 'x']);
  });

  it('rejects garbage with an error rather than a half-decoded frame', () => {
    expect(() => wire.AgentFrame.decode(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]))).toThrow();
  });
});

describe('generated codec', () => {
  it('is current with proto/xdr.proto', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(() => execFileSync(process.execPath, ['scripts/gen-proto.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
