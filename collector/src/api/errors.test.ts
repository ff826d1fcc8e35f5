// The error catalogue and the README's table must list the same codes with the same statuses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ERRORS } from './errors.js';

const readme = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');
const documented = new Map(
  [...readme.matchAll(/^\| `(XDR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]),
);

describe('error catalogue', () => {
  it.each(Object.entries(API_ERRORS))('%s is documented in README.md with its status', (code, { status }) => {
    expect(documented.get(code), `add "| \`${code}\` | ${status} | ... |" to collector/src/api/README.md`).toBe(status);
  });

  it('README.md documents no code that the catalogue lacks', () => {
    expect([...documented.keys()].filter((c) => !(c in API_ERRORS))).toEqual([]);
  });
});
