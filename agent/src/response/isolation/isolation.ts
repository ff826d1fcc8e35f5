// Host isolation with nftables: one table, applied atomically, verified (the collector must stay
// reachable, or the isolation is rolled back), persisted and re-applied at agent start. The
// command dispatcher calls isolate/restore; the agent calls reapply once at start.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import type { ActionParams, ActionResults } from '../../../../proto/command.js';
import { findNft, NFT_MISSING, runNft } from './nft.js';
import { collectorTarget, hostPort, resolveAll, verifyReachable, type CollectorTarget } from './reach.js';
import { buildRuleset, ISOLATION_FAMILY, ISOLATION_TABLE, ISOLATION_TABLE_REF, type RulesetSpec } from './ruleset.js';
import { isolationStateFile, readIsolationState, writeIsolationState, type IsolatedState, type IsolationState } from './state.js';

export interface IsolationOptions {
  stateDir: string;
  collectorUrl: string;
  log: Logger;
  /** path to nft; default: found on PATH (then /usr/sbin, /sbin) */
  nft?: string;
  /** how long a new TCP connection to the collector may take to open after applying (default 5 s) */
  verifyTimeoutMs?: number;
}

export const VERIFY_TIMEOUT_MS = 5_000;

/** Defaults of the optional isolate params: DHCP stays on (a lost lease would strand the host), DNS off. */
export const ISOLATE_DEFAULTS = { allow_dns: false, allow_dhcp: true } as const;

function rulesetSpec(addresses: string[], port: number, params: ActionParams['isolate']): RulesetSpec {
  return {
    collector: { addresses, port },
    allow: params.allow ?? [],
    allowDns: params.allow_dns ?? ISOLATE_DEFAULTS.allow_dns,
    allowDhcp: params.allow_dhcp ?? ISOLATE_DEFAULTS.allow_dhcp,
  };
}

export class Isolation {
  private readonly file: string;
  private readonly log: Logger;
  private readonly target: CollectorTarget;
  private readonly verifyMs: number;
  private state: IsolationState | undefined;
  /** why the state file could not be read at construction, reported by reapply() */
  private stateError: Error | undefined;
  /** isolate, restore and reapply run one at a time */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: IsolationOptions) {
    this.file = isolationStateFile(opts.stateDir);
    this.log = opts.log.child({ component: 'isolation' });
    this.target = collectorTarget(opts.collectorUrl);
    this.verifyMs = opts.verifyTimeoutMs ?? VERIFY_TIMEOUT_MS;
    try {
      this.state = readIsolationState(this.file);
    } catch (err) {
      this.stateError = err as Error;
    }
  }

  get isolated(): boolean {
    return this.state?.isolated === true;
  }

  /** The collector addresses an isolation allows (resolved before it was applied), when isolated. */
  get collectorAddresses(): string[] {
    return this.state?.isolated ? [...this.state.collector.addresses] : [];
  }

  /**
   * A `lookup` for net/tls/ws connect options: while isolated, the collector's host resolves to
   * the addresses the isolation allows without asking DNS (which the isolation may block);
   * otherwise, and for any other host, the system resolver.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const s = this.state;
    if (!s?.isolated || hostname.replace(/^\[(.*)\]$/, '$1') !== s.collector.host) {
      dnsLookup(hostname, options, callback as never);
      return;
    }
    const want = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    const found: LookupAddress[] = s.collector.addresses
      .map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
      .filter((a) => want === 0 || a.family === want);
    if (found.length === 0) {
      const err = Object.assign(new Error(`no cached IPv${want} address for ${hostname} while isolated`), { code: 'ENOTFOUND' });
      callback(err, '', 0);
    } else if (options.all) {
      (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, found);
    } else {
      callback(null, found[0]!.address, found[0]!.family);
    }
  };

  /** At agent start: applies the persisted isolation again (after a reboot the table is gone). */
  reapply(): Promise<void> {
    return this.serial(async () => {
      if (this.stateError) throw new Error(`cannot re-apply the isolation: ${this.stateError.message}`, { cause: this.stateError });
      const s = this.state;
      if (!s?.isolated) return;
      const nft = this.nft();
      let addresses = s.collector.addresses;
      let port = s.collector.port;
      if (s.collector.host !== this.target.host || s.collector.port !== this.target.port) {
        // enrolled elsewhere since: allow the new collector too, if its name resolves now
        try {
          addresses = [...new Set([...addresses, ...(await resolveAll(this.target.host))])];
          port = this.target.port;
        } catch (err) {
          this.log.warn({ err, host: this.target.host }, 'the collector changed since the isolation and its host does not resolve: re-applying with the saved addresses');
        }
      }
      await this.apply(nft, rulesetSpec(addresses, port, s.params));
      try {
        await verifyReachable(addresses, port, this.verifyMs);
        this.log.info({ since: s.since, addresses, port }, 'isolation re-applied');
      } catch (err) {
        // not rolled back: at boot the network may not be up yet, and a persisted isolation
        // was verified when it was made; restore remains one command away once the link is up
        this.log.warn({ since: s.since, err: (err as Error).message }, 'isolation re-applied, but the collector is not reachable yet');
      }
    });
  }

  isolate(params: ActionParams['isolate']): Promise<ActionResults['isolate']> {
    return this.serial(async () => {
      const nft = this.nft();
      const { host, port } = this.target;
      const s = this.state;
      const saved = s?.isolated && s.collector.host === host ? s.collector.addresses : undefined;
      let addresses: string[];
      if (saved && !(s as IsolatedState).params.allow_dns) {
        addresses = saved; // isolated without DNS: asking it would only time out
      } else {
        try {
          addresses = await resolveAll(host);
        } catch (err) {
          if (!saved) throw new Error(`cannot resolve the collector host ${host}: ${(err as Error).message}; nothing was changed`, { cause: err });
          addresses = saved;
        }
      }
      const spec = rulesetSpec(addresses, port, params);
      await this.apply(nft, spec);
      const applied = Date.now();
      try {
        await verifyReachable(addresses, port, this.verifyMs);
      } catch (err) {
        throw new Error(`the collector was unreachable after applying the isolation, ${await this.rollback(nft)}: ${(err as Error).message}`, { cause: err });
      }
      const verifiedMs = Date.now() - applied;
      const state: IsolatedState = {
        version: 1, isolated: true, since: new Date().toISOString(),
        collector: { url: this.target.url, host, port, addresses }, params,
      };
      try {
        writeIsolationState(this.file, state);
      } catch (err) {
        throw new Error(`cannot save the isolation state ${this.file} (${(err as Error).message}), so it would not survive a restart; ${await this.rollback(nft)}`, { cause: err });
      }
      this.state = state;
      this.log.info({ addresses, port, allow: spec.allow, allowDns: spec.allowDns, allowDhcp: spec.allowDhcp, verifiedMs }, 'host isolated');
      return {
        isolated: true, table: ISOLATION_TABLE_REF,
        collector: addresses.map((a) => hostPort(a, port)).join(', '),
        allow: spec.allow, verified_ms: verifiedMs,
      };
    });
  }

  restore(): Promise<ActionResults['restore']> {
    return this.serial(async () => {
      const nft = findNft(this.opts.nft);
      let removed = false;
      if (nft) removed = await this.deleteTable(nft);
      // no nft: there can be no table; the state is cleared all the same
      const state: IsolationState = { version: 1, isolated: false, since: null, restored_at: new Date().toISOString() };
      try {
        writeIsolationState(this.file, state);
      } catch (err) {
        throw new Error(`the isolation table was ${removed ? 'removed' : 'not there'}, but the isolation state ${this.file} cannot be saved (${(err as Error).message}): the next agent start would isolate the host again; fix the state directory and restore again`, { cause: err });
      }
      this.state = state;
      this.stateError = undefined;
      this.log.info({ removed }, 'isolation removed');
      return { isolated: false, removed };
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private nft(): string {
    const nft = findNft(this.opts.nft);
    if (!nft) throw new Error(this.opts.nft ? `${NFT_MISSING} (${this.opts.nft} is not an executable file)` : NFT_MISSING);
    return nft;
  }

  private async apply(nft: string, spec: RulesetSpec): Promise<void> {
    const text = buildRuleset(spec);
    const r = await runNft(nft, ['-f', '-'], text);
    if (r.code !== 0) {
      throw new Error(`nft could not apply the isolation table ${ISOLATION_TABLE_REF} (exit ${r.code}), nothing was changed: ${r.stderr || 'no error output'}`);
    }
  }

  /** True when the table was there and is gone now. */
  private async deleteTable(nft: string): Promise<boolean> {
    const r = await runNft(nft, ['delete', 'table', ISOLATION_FAMILY, ISOLATION_TABLE]);
    if (r.code === 0) return true;
    if (/No such file or directory/i.test(r.stderr)) return false;
    throw new Error(`nft could not delete the isolation table ${ISOLATION_TABLE_REF} (exit ${r.code}): ${r.stderr || 'no error output'}`);
  }

  /**
   * Back to what was in effect before this isolate: the previous isolation when there was one
   * (a re-isolate with new params), else no table. Returns what happened, for the error message.
   */
  private async rollback(nft: string): Promise<string> {
    try {
      const s = this.state;
      if (s?.isolated) {
        await this.apply(nft, rulesetSpec(s.collector.addresses, s.collector.port, s.params));
        return 'so the isolation was rolled back to the previous isolation';
      }
      await this.deleteTable(nft);
      return 'so the isolation was rolled back';
    } catch (err) {
      this.log.error({ err }, 'isolation rollback failed');
      return `and rolling the isolation back failed too (${(err as Error).message}); the table ${ISOLATION_TABLE_REF} may still be in effect`;
    }
  }
}
