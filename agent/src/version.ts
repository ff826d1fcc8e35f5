// The agent's version, sent in Hello and EnrollRequest; taken from package.json at build time.
import pkg from '../../package.json' with { type: 'json' };

export const AGENT_VERSION: string = pkg.version;
