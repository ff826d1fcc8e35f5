import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_PATHS, defaultSensorsConfig, parseSensorsConfig } from './index.js';

describe('parseSensorsConfig', () => {
  it('fills every default when the section is missing or empty', () => {
    expect(parseSensorsConfig(undefined)).toEqual(defaultSensorsConfig());
    const c = parseSensorsConfig({});
    expect(c.network.interval_ms).toBe(1000);
    expect(c.file.hash_max_bytes).toBe(32 * 1024 * 1024);
    expect(c.file.paths).toEqual(DEFAULT_FILE_PATHS);
    expect(c.process.mode).toBe('auto');
    expect(c.login.source).toBe('auto');
  });

  it('takes given values and keeps defaults beside them', () => {
    const c = parseSensorsConfig({ network: { interval_ms: 250 }, file: { paths: ['/srv'], enabled: false }, process: { mode: 'poll' } });
    expect(c.network).toEqual({ ...defaultSensorsConfig().network, interval_ms: 250 });
    expect(c.file.paths).toEqual(['/srv']);
    expect(c.file.enabled).toBe(false);
    expect(c.file.ignore).toEqual(['/var/lib/xdr-agent']);
    expect(c.process.mode).toBe('poll');
  });

  it.each([
    [{ network: { interval_ms: 'x' } }, 'sensors.network.interval_ms must be a positive integer, got "x"'],
    [{ network: { interval_ms: 0 } }, 'sensors.network.interval_ms must be a positive integer, got 0'],
    [{ file: { paths: ['relative/path'] } }, 'sensors.file.paths[0] must be an absolute path, got "relative/path"'],
    [{ file: { paths: '/etc' } }, 'sensors.file.paths must be a list of absolute paths, got "/etc"'],
    [{ file: { pathz: ['/etc'] } }, 'sensors.file.pathz is not a known key'],
    [{ processes: {} }, 'sensors.processes is not a known key'],
    [{ process: { mode: 'ebpf' } }, 'sensors.process.mode must be one of auto, netlink, poll, got "ebpf"'],
    [{ process: { enabled: 'yes' } }, 'sensors.process.enabled must be true or false, got "yes"'],
    [{ process: { realtime_priority: 120 } }, 'sensors.process.realtime_priority must be between 0 and 99'],
    [{ login: { source: 'syslog' } }, 'sensors.login.source must be one of auto, journal, file, got "syslog"'],
    [{ login: [] }, 'sensors.login must be a mapping'],
    ['on', 'sensors must be a mapping, got "on"'],
  ])('refuses %j naming the bad key', (raw, message) => {
    expect(() => parseSensorsConfig(raw)).toThrow(message);
  });
});
