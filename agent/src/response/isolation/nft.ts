// Finding and running the `nft` binary. Nothing here knows what the rules mean.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const NFT_MISSING = 'nftables (nft) is not installed on this host; isolation needs it';

/** Searched after PATH: a service's PATH may lack the sbin directories where nft lives. */
const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** The nft executable: `explicit` when given (and executable), else the first on PATH or in sbin. */
export function findNft(explicit?: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = explicit ? [explicit] : [...path.split(delimiter).filter(Boolean), ...SBIN].map((d) => join(d, 'nft'));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      if (statSync(c).isFile()) return c;
    } catch {
      // not there or not executable: the next one
    }
  }
  return undefined;
}

export interface NftRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const NFT_TIMEOUT_MS = 10_000;

/** Runs nft with args, feeding input on stdin; never throws for a non-zero exit (the caller reads it). */
export function runNft(nft: string, args: string[], input?: string): Promise<NftRun> {
  return new Promise((done, fail) => {
    const child = spawn(nft, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: NFT_TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.once('error', (e) => fail(new Error(`cannot run ${nft}: ${e.message}`, { cause: e })));
    child.once('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: signal ? `${stderr}${stderr ? '; ' : ''}killed by ${signal} (timeout ${NFT_TIMEOUT_MS} ms?)` : stderr });
    });
    child.stdin.on('error', () => undefined); // nft may exit before reading all of stdin: its stderr says why
    child.stdin.end(input ?? '');
  });
}
