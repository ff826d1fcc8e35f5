// The agent's response dispatcher: every Command from the collector is verified (verify.ts), then
// run by its executor, which reports RUNNING first and a final SUCCEEDED / FAILED; a refusal is a
// final REFUSED. Final results go through a persisted outbox, so one produced while offline (or
// just before a restart) reaches the collector on the next session. Actions run at most
// `max_concurrent` at once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { wire, type xdr } from '../../../proto/index.js';
import { AgentError } from '../errors.js';
import type { ActionKind, ActionParams, ActionResults } from '../../../proto/command.js';
import { collectFile } from './collect-file.js';
import type { ResponseConfig } from './config.js';
import { ActionError, type ActionContext, type ResponseLink } from './context.js';
import { killProcess } from './kill-process.js';
import { Outbox } from './outbox.js';
import { ProcessIdentity } from './process-identity.js';
import { ReplayJournal } from './replay-journal.js';
import { fitScriptResult, runScript } from './run-script.js';
import { ShellSession } from './shell-session.js';
import { CommandVerifier, REFUSAL_CODES, commandKeyFromBase64, type RefusalCode } from './verify.js';

/** What the responder needs of the isolation module (response/isolation). */
export interface IsolationPort {
  isolate(params: ActionParams['isolate']): Promise<ActionResults['isolate']>;
  restore(): Promise<ActionResults['restore']>;
}

export interface ResponderOptions {
  agentId: string;
  /** the host id the sensors put into entity ids */
  hostId: string;
  /** the collector's command key from identity.json (raw 32 bytes, base64) */
  commandPublicKey: string;
  stateDir: string;
  config: ResponseConfig;
  /** where the policy comes from (the config file), named in policy refusals */
  policySource: string;
  log: Logger;
  link: ResponseLink;
  isolation?: IsolationPort;
}

const Status = wire.CommandResult.Status;
/** Room left in a frame for everything around a result's JSON. */
const FRAME_OVERHEAD = 4096;
const STOP_WAIT_MS = 5_000;

export class Responder {
  readonly refusals = Object.fromEntries(REFUSAL_CODES.map((c) => [c, 0])) as Record<RefusalCode, number>;
  readonly outbox: Outbox;
  private readonly log: Logger;
  private readonly verifier: CommandVerifier;
  private readonly identity: ProcessIdentity;
  private readonly active = new Map<string, Promise<void>>();
  private readonly shells = new Map<string, ShellSession>();
  private readonly abort = new AbortController();
  private flushing: Promise<void> | undefined;
  private flushAgain = false;

  constructor(private readonly o: ResponderOptions) {
    this.log = o.log.child({ component: 'response' });
    const dir = join(o.stateDir, 'response');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    let commandKey: KeyObject | Error;
    try {
      commandKey = commandKeyFromBase64(o.commandPublicKey);
    } catch (err) {
      commandKey = err as Error;
      this.log.error({ err }, 'the pinned command key is not usable: every command will be refused');
    }
    let journal: ReplayJournal;
    try {
      journal = new ReplayJournal(join(dir, 'replay.json'));
    } catch (err) {
      throw new AgentError('state_corrupt', (err as Error).message, { cause: err });
    }
    this.verifier = new CommandVerifier({ agentId: o.agentId, commandKey, journal, policy: o.config, policySource: o.policySource });
    this.outbox = new Outbox(join(dir, 'outbox'), this.log);
    this.identity = new ProcessIdentity(o.hostId);
    if (o.config.refuse.length > 0) this.log.info({ refuse: o.config.refuse, source: o.policySource }, 'response policy refuses these actions');
    if (this.outbox.size > 0) this.log.info({ results: this.outbox.size }, 'undelivered response results wait for the next session');
  }

  get running(): number {
    return this.active.size;
  }

  get refused(): number {
    return Object.values(this.refusals).reduce((a, b) => a + b, 0);
  }

  /** A Command frame from the collector. Never throws. */
  onCommand(cmd: xdr.v1.ICommand): void {
    if (this.abort.signal.aborted) return;
    const actionId = cmd.actionId ?? '';
    // Before verification, so a busy refusal does not consume the action id: the collector may send it again.
    if (this.active.size >= this.o.config.max_concurrent) {
      return this.refuse(cmd, 'busy', `refused: ${this.active.size} actions already run on this agent (response.max_concurrent ${this.o.config.max_concurrent}); send it again when one has finished`);
    }
    const verdict = this.verifier.check(cmd);
    if (!verdict.ok) return this.refuse(cmd, verdict.code, verdict.reason);
    const run = this.run(actionId, verdict.action, verdict.params).finally(() => this.active.delete(actionId));
    this.active.set(actionId, run);
  }

  /** A ShellData frame from the collector: input for an open shell. */
  onShellData(d: xdr.v1.IShellData): void {
    const shell = this.shells.get(d.actionId ?? '');
    if (shell) return shell.input(d);
    // No such terminal (it ended, or never opened): tell the collector so its side closes too.
    if (!d.closed && this.o.link.online) {
      void this.o.link.send({ shellData: { actionId: d.actionId, closed: true } }).catch(() => undefined);
    }
  }

  /** A session went online: deliver what the outbox holds. */
  online(): void {
    void this.flush();
  }

  /** The session ended: open terminals cannot reach their responder any more. */
  offline(): void {
    for (const s of this.shells.values()) s.close('the connection to the collector was lost', true);
  }

  /** Ends open shells and running scripts; their final results stay in the outbox if they cannot be sent now. */
  async stop(): Promise<void> {
    this.abort.abort();
    const all = Promise.all([...this.active.values()]);
    await Promise.race([all, new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, 1_000).unref())]);
  }

  private refuse(cmd: xdr.v1.ICommand, code: RefusalCode, reason: string): void {
    this.refusals[code]++;
    this.log.warn({ actionId: cmd.actionId, action: cmd.action, code, refused: this.refused }, reason);
    this.finish({ actionId: cmd.actionId ?? '', status: Status.REFUSED, error: reason });
  }

  private async run(actionId: string, action: ActionKind, params: ActionParams[ActionKind]): Promise<void> {
    const started = Date.now();
    const ctx: ActionContext = { actionId, log: this.log.child({ actionId, action }), config: this.o.config, link: this.o.link, signal: this.abort.signal };
    ctx.log.info('action started');
    this.o.link.send({ commandResult: { actionId, status: Status.RUNNING } }).catch(() => undefined);
    try {
      let result: unknown = await this.execute(action, params, ctx);
      if (action === 'run_script') result = fitScriptResult(result as ActionResults['run_script'], this.o.link.maxFrameBytes - FRAME_OVERHEAD);
      ctx.log.info({ ms: Date.now() - started }, 'action succeeded');
      this.finish({ actionId, status: Status.SUCCEEDED, resultJson: Buffer.from(JSON.stringify(result)) });
    } catch (err) {
      const known = err instanceof ActionError;
      const message = known ? err.message : `${action} failed unexpectedly: ${(err as Error).message}`;
      let result = known ? err.result : undefined;
      if (result && action === 'run_script') result = fitScriptResult(result as ActionResults['run_script'], this.o.link.maxFrameBytes - FRAME_OVERHEAD);
      (known ? ctx.log.warn({ ms: Date.now() - started, error: message }, 'action failed') : ctx.log.error({ err, ms: Date.now() - started }, 'action failed'));
      this.finish({ actionId, status: Status.FAILED, error: message, resultJson: result === undefined ? undefined : Buffer.from(JSON.stringify(result)) });
    }
  }

  private async execute(action: ActionKind, params: ActionParams[ActionKind], ctx: ActionContext): Promise<unknown> {
    switch (action) {
      case 'collect_file': return collectFile(params as ActionParams['collect_file'], ctx);
      case 'run_script': return runScript(params as ActionParams['run_script'], ctx);
      case 'kill_process': return killProcess(params as ActionParams['kill_process'], this.identity);
      case 'shell': {
        const shell = new ShellSession(params as ActionParams['shell'], ctx);
        this.shells.set(ctx.actionId, shell);
        ctx.log.info({ shell: shell.shellPath, pid: shell.pid }, 'shell opened');
        try {
          return await shell.done;
        } finally {
          this.shells.delete(ctx.actionId);
        }
      }
      case 'isolate':
      case 'restore': {
        const iso = this.o.isolation;
        if (!iso) throw new ActionError('network isolation is not available in this agent');
        try {
          return action === 'isolate' ? await iso.isolate(params as ActionParams['isolate']) : await iso.restore();
        } catch (err) {
          if (err instanceof ActionError) throw err;
          throw new ActionError((err as Error).message);
        }
      }
    }
  }

  /** A final result: persisted first, then sent when a session is online. */
  private finish(result: xdr.v1.ICommandResult): void {
    try {
      this.outbox.put(result);
    } catch (err) {
      // The disk refused: still try to send it now, and say that it is not kept.
      this.log.error({ err, actionId: result.actionId }, 'cannot persist a response result; it is sent only if online now');
      this.o.link.send({ commandResult: result }).catch(() => undefined);
      return;
    }
    void this.flush();
  }

  /** Sends the outbox in order, one flush at a time; each result leaves the outbox once written to the socket. */
  private flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        for (const { name, result } of this.outbox.list()) {
          if (!this.o.link.online) return;
          let frame: xdr.v1.ICommandResult = result;
          const bytes = wire.AgentFrame.encode({ commandResult: frame }).finish().length;
          if (bytes > this.o.link.maxFrameBytes) {
            this.log.error({ actionId: result.actionId, bytes, maxFrameBytes: this.o.link.maxFrameBytes }, 'response result exceeds the collector frame bound; a failure is sent instead');
            frame = { actionId: result.actionId, status: Status.FAILED, error: `the result is ${bytes} bytes, over the collector's frame bound of ${this.o.link.maxFrameBytes} bytes` };
          }
          try {
            await this.o.link.send({ commandResult: frame });
          } catch {
            return; // offline again: the next session sends it
          }
          this.outbox.remove(name);
        }
      } while (this.flushAgain);
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }
}
