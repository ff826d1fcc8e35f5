import { describe, expect, it } from 'vitest';
import { AgentError } from '../errors.js';
import { normaliseFingerprint, parseCollectorUrl } from './tls-pin.js';

const HEX = 'ab'.repeat(32);

describe('normaliseFingerprint', () => {
  it('accepts colons, upper case and a sha256: prefix', () => {
    expect(normaliseFingerprint(HEX)).toBe(HEX);
    expect(normaliseFingerprint('AB:'.repeat(31) + 'AB')).toBe(HEX);
    expect(normaliseFingerprint(`SHA256:${HEX.toUpperCase()}`)).toBe(HEX);
    expect(normaliseFingerprint(` ${HEX}\n`)).toBe(HEX);
  });

  it('refuses anything that is not 64 hex digits', () => {
    for (const bad of ['', 'ab', HEX.slice(2), `${HEX}00`, 'zz'.repeat(32)]) {
      expect(() => normaliseFingerprint(bad)).toThrow(AgentError);
    }
    try {
      normaliseFingerprint('xyz');
    } catch (err) {
      expect((err as AgentError).code).toBe('bad_fingerprint');
    }
  });
});

describe('parseCollectorUrl', () => {
  it('takes host and port from wss URLs, IPv6 included', () => {
    expect(parseCollectorUrl('wss://10.0.0.5:8443')).toMatchObject({ host: '10.0.0.5', port: 8443, href: 'wss://10.0.0.5:8443/' });
    expect(parseCollectorUrl('wss://[::1]:9000/agents')).toMatchObject({ host: '::1', port: 9000 });
    expect(parseCollectorUrl('wss://collector.example')).toMatchObject({ host: 'collector.example', port: 443 });
  });

  it('refuses plain ws, other schemes and non-URLs', () => {
    for (const bad of ['ws://h:1', 'https://h:1', 'h:1', '', 'wss://u:p@h:1']) expect(() => parseCollectorUrl(bad)).toThrow(/--collector/);
  });
});
