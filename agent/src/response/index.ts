// The agent's response side: verifies signed commands from the collector and runs them
// (collect a file, run a script, kill a process, open a shell, isolate and restore the host).
export { Responder, type ResponderOptions, type IsolationPort } from './responder.js';
export type { ResponseLink } from './context.js';
export { parseResponseConfig, defaultResponseConfig, ResponseConfigError, type ResponseConfig } from './config.js';
export { REFUSAL_CODES, type RefusalCode } from './verify.js';
