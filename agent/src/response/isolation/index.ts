// Host network isolation with nftables: the Isolation class that the agent and its command
// dispatcher use, and the pure ruleset builder behind it.
export { Isolation, ISOLATE_DEFAULTS, VERIFY_TIMEOUT_MS, type IsolationOptions } from './isolation.js';
export { buildRuleset, ALLOWED_FLOW_MARK, ISOLATION_FAMILY, ISOLATION_PRIORITY, ISOLATION_TABLE, ISOLATION_TABLE_REF, type RulesetSpec } from './ruleset.js';
export { isolationStateFile, readIsolationState, ISOLATION_STATE_FILE, type IsolationState, type IsolatedState, type NotIsolatedState } from './state.js';
export { NFT_MISSING } from './nft.js';
