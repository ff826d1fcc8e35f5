// The response folder's public face: the service the collector composes and the API calls.
export { ResponseService, EXPIRES_IN, TRANSCRIPT_MAX_BYTES, type AgentChannel, type Caller, type CreateActionInput, type ResponsePolicy, type ResponseServiceOptions } from './response-service.js';
export { ResponseError, type ResponseErrorCode } from './errors.js';
export { evidenceZip, EVIDENCE_ZIP_PASSWORD, type EvidenceMetadata } from './evidence.js';
export type { ShellBridge, ShellViewer } from './shell-bridge.js';
export { signCommand } from './command-signer.js';
export { transcriptAsciicast, transcriptOutput } from './transcript.js';
