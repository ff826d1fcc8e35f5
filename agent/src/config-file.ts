// The agent's configuration file (default /etc/xdr-agent/agent.yaml): which sensors run and how,
// and the local response policy (which actions this host refuses, and tighter bounds).
// Read and validated once at start; a bad file is refused with a message naming the bad key.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AgentError } from './errors.js';
import { defaultResponseConfig, parseResponseConfig, type ResponseConfig } from './response/index.js';
import { defaultSensorsConfig, parseSensorsConfig, type SensorsConfig } from './sensors/index.js';

export const DEFAULT_CONFIG_FILE = '/etc/xdr-agent/agent.yaml';

export interface AgentFileConfig {
  sensors: SensorsConfig;
  response: ResponseConfig;
}

const TOP_LEVEL_KEYS = ['sensors', 'response'];

/**
 * Loads `file`. A missing file is an error only when the admin named it; the default path may be
 * absent (the agent then runs every sensor with its defaults).
 */
export function loadAgentConfigFile(file: string, named: boolean): AgentFileConfig {
  if (!existsSync(file)) {
    if (named) throw new AgentError('bad_config', `the config file ${file} does not exist`);
    return { sensors: defaultSensorsConfig(), response: defaultResponseConfig() };
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8')) ?? {};
  } catch (err) {
    throw new AgentError('bad_config', `${file} is not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new AgentError('bad_config', `${file} must hold a YAML mapping with "sensors" and/or "response" keys`);
  const unknown = Object.keys(raw as object).filter((k) => !TOP_LEVEL_KEYS.includes(k));
  if (unknown.length > 0) throw new AgentError('bad_config', `${file}: unknown key "${unknown[0]}" (known: ${TOP_LEVEL_KEYS.join(', ')})`);
  try {
    const r = raw as { sensors?: unknown; response?: unknown };
    return { sensors: parseSensorsConfig(r.sensors ?? {}), response: parseResponseConfig(r.response) };
  } catch (err) {
    throw new AgentError('bad_config', `${file}: ${(err as Error).message}`, { cause: err });
  }
}
