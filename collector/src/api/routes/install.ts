// The one-line agent install: GET /api/v1/install/command (admin) creates a fresh enrollment
// token and answers the command to paste on a server; GET /install.sh (public) is the script
// that command runs; GET /install/FILE (public) serves the agent's packages. Trust comes from
// the command, not from the network: curl pins the collector's public key, the script carries
// the packages' SHA-256 and the certificate fingerprint the agent then pins at enrollment.
import { createHash, X509Certificate } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { createEnrollToken } from '../../trust/enroll-tokens.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas.js';

export interface InstallRouteOptions {
  store: Store;
  version: string;
  /** the API's TLS certificate (PEM); the one-line install needs HTTPS */
  https?: { cert: string | Buffer };
  /** where the agent packages are; by default beside the bundle (the .deb) or the repo's dist/ */
  packageDirs?: string[];
  /** the port the collector listens on for agents, once it does */
  agentPort?: () => number | undefined;
}

export const DEFAULT_AGENT_PORT = 8443;
const PACKAGE_FILE = /^xdr-agent(?:_[0-9A-Za-z.+~-]+_amd64\.deb|-linux-x64)$/;

/** /usr/lib/xdr-collector/agent-packages from the .deb, dist/ in a checkout (bundled or not). */
function defaultPackageDirs(): string[] {
  return ['../agent-packages', '../dist', '../../../../dist'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
}

interface AgentPackage {
  file: string;
  path: string;
  size: number;
  sha256: string;
}

/** The packages offered, hashed once per file version (size + mtime). */
class PackageShelf {
  private readonly hashes = new Map<string, { key: string; sha256: string }>();

  constructor(private readonly dirs: string[]) {}

  find(file: string): AgentPackage | undefined {
    if (!PACKAGE_FILE.test(file)) return undefined;
    for (const dir of this.dirs) {
      const path = join(dir, file);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (!st.isFile()) continue;
      const key = `${st.size}:${st.mtimeMs}`;
      let h = this.hashes.get(path);
      if (h?.key !== key) {
        h = { key, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
        this.hashes.set(path, h);
      }
      return { file, path, size: st.size, sha256: h.sha256 };
    }
    return undefined;
  }

  /** The .deb of this collector's version if present, else the newest one; and the binary. */
  offered(version: string): { deb?: AgentPackage; binary?: AgentPackage } {
    const debs = this.dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : []).filter((f) => f.endsWith('_amd64.deb') && PACKAGE_FILE.test(f)));
    const exact = `xdr-agent_${version}_amd64.deb`;
    const pick = debs.includes(exact) ? exact : debs.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0];
    return { deb: pick ? this.find(pick) : undefined, binary: this.find('xdr-agent-linux-x64') };
  }
}

interface TlsPins {
  /** SHA-256 of the DER certificate, lowercase hex: what `xdr-agent enroll --fingerprint` takes */
  fingerprint: string;
  /** base64 SHA-256 of the SPKI: what `curl --pinnedpubkey sha256//` takes */
  publicKeyPin: string;
  /** self-signed: curl cannot verify it against a CA, so the pin alone vouches for it (-k) */
  selfSigned: boolean;
}

function tlsPins(certPem: string | Buffer): TlsPins {
  const cert = new X509Certificate(certPem);
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return {
    fingerprint: cert.fingerprint256.replaceAll(':', '').toLowerCase(),
    publicKeyPin: createHash('sha256').update(spki).digest('base64'),
    selfSigned: cert.issuer === cert.subject && cert.verify(cert.publicKey),
  };
}

/** host[:port] as the caller reached this API; the script fetches from the same place. */
function requestAuthority(request: FastifyRequest): { host: string; port: string } {
  const authority = request.headers.host ?? '';
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d+))?$/.exec(authority);
  if (!m) throw new ApiError('XDR_BAD_REQUEST', `the Host header "${authority}" is not host[:port]; pass ?host= with the name servers use to reach this collector`);
  return { host: m[1]!, port: m[2] ?? '443' };
}

/** A value safe between single quotes in sh (the script is generated, never interpolated raw). */
function shQuote(v: string): string {
  return `'${v.replaceAll("'", `'\\''`)}'`;
}

function curlFlags(pins: TlsPins): string {
  return `-fsSL${pins.selfSigned ? 'k' : ''} --pinnedpubkey sha256//${pins.publicKeyPin}`;
}

function installScript(o: { base: string; agentUrl: string; pins: TlsPins; deb?: AgentPackage; binary?: AgentPackage; version: string }): string {
  return `#!/bin/sh
# Open XDR agent installer, generated by the collector (${o.version}) at ${o.base}.
# Usage: curl ${curlFlags(o.pins)} ${o.base}/install.sh | sudo sh -s -- --token TOKEN [--collector wss://HOST:PORT]
# Installs the xdr-agent .deb (or, without dpkg, the single binary), enrolls this host with the
# one-time TOKEN pinning the collector's certificate, and starts the service.
set -eu

BASE=${shQuote(o.base)}
COLLECTOR=${shQuote(o.agentUrl)}
FINGERPRINT=${shQuote(o.pins.fingerprint)}
CURL_PIN=${shQuote(`--pinnedpubkey sha256//${o.pins.publicKeyPin}`)}
CURL_K=${shQuote(o.pins.selfSigned ? '-k' : '')}
DEB=${shQuote(o.deb?.file ?? '')}
DEB_SHA256=${shQuote(o.deb?.sha256 ?? '')}
BIN=${shQuote(o.binary?.file ?? '')}
BIN_SHA256=${shQuote(o.binary?.sha256 ?? '')}
TOKEN=

die() { echo "xdr-agent install: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --token) [ $# -ge 2 ] || die "--token needs a value"; TOKEN=$2; shift 2 ;;
    --collector) [ $# -ge 2 ] || die "--collector needs a value"; COLLECTOR=$2; shift 2 ;;
    *) die "unknown option $1 (expected --token TOKEN [--collector wss://HOST:PORT])" ;;
  esac
done
[ -n "$TOKEN" ] || die "--token TOKEN is required (the console's Endpoints page shows the whole command)"
[ "$(id -u)" -eq 0 ] || die "run as root (| sudo sh -s -- --token ...)"
[ "$(uname -m)" = x86_64 ] || die "this collector offers agent packages for x86_64 only, not $(uname -m)"
command -v curl >/dev/null || die "curl is required"
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fetch() { # FILE SHA256
  # shellcheck disable=SC2086
  curl -fsSL $CURL_K $CURL_PIN -o "$TMP/$1" "$BASE/install/$1" || die "cannot download $BASE/install/$1"
  echo "$2  $TMP/$1" | sha256sum -c --status - || die "$1 does not match its SHA-256 $2"
}

if command -v dpkg >/dev/null && [ -n "$DEB" ]; then
  fetch "$DEB" "$DEB_SHA256"
  echo "Installing $DEB"
  if command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$TMP/$DEB" >/dev/null || die "apt-get could not install $DEB"
  else
    dpkg -i "$TMP/$DEB" || die "dpkg could not install $DEB (it needs nftables)"
  fi
  AGENT=/usr/bin/xdr-agent
elif [ -n "$BIN" ]; then
  fetch "$BIN" "$BIN_SHA256"
  install -m 0755 "$TMP/$BIN" /usr/local/bin/xdr-agent
  AGENT=/usr/local/bin/xdr-agent
  echo "Installed the single binary at $AGENT (no dpkg here: no unit was installed)"
else
  die "the collector at $BASE offers no agent package for this host; build one with npm run package"
fi

"$AGENT" enroll --collector "$COLLECTOR" --token "$TOKEN" --fingerprint "$FINGERPRINT"
if [ -d /run/systemd/system ] && [ -f /lib/systemd/system/xdr-agent.service ]; then
  systemctl enable xdr-agent.service >/dev/null 2>&1 || true
  systemctl restart xdr-agent.service
  echo "xdr-agent is running: xdr-agent status"
else
  echo "Start the agent with: $AGENT run"
fi
`;
}

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const installRoutes: FastifyPluginAsync<InstallRouteOptions> = async (app, opts) => {
  const shelf = new PackageShelf(opts.packageDirs ?? defaultPackageDirs());
  const pins = opts.https ? tlsPins(opts.https.cert) : undefined;
  const needTls = (): TlsPins => {
    if (!pins) throw new ApiError('XDR_BAD_REQUEST', 'this collector serves its API over plain HTTP (--api-http); the one-line install needs HTTPS: restart it without --api-http');
    return pins;
  };
  const agentUrl = (host: string, port: number) => `wss://${host}:${port}`;

  app.get<{ Querystring: { host?: string; agent_port?: number; uses?: number; ttl_hours?: number } }>('/api/v1/install/command', {
    config: { minRole: 'admin' },
    schema: {
      summary: 'Create a one-time enrollment token and the one-line command that installs and enrolls an agent with it (audited)',
      description: 'Each call creates a new token. The command pins the collector\'s public key (curl --pinnedpubkey) and the script pins its certificate fingerprint at enrollment.',
      tags: ['install'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          host: { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)$', description: 'The name servers reach this collector by (default: the Host this request was sent to)' },
          agent_port: { type: 'integer', minimum: 1, maximum: 65535, description: `The collector's agent port (default ${DEFAULT_AGENT_PORT})` },
          uses: { type: 'integer', minimum: 1, maximum: 10000, default: 1, description: 'How many hosts may enroll with the token' },
          ttl_hours: { type: 'number', exclusiveMinimum: 0, maximum: 720, default: 24, description: 'How long the token is valid' },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['command', 'token', 'token_id', 'expires_at', 'uses', 'fingerprint', 'public_key_pin', 'install_url', 'collector', 'packages'],
          properties: {
            command: { type: 'string', description: 'Paste as root on the server to install' },
            token: { type: 'string', description: 'The one-time enrollment token; shown only here' },
            token_id: { type: 'string' },
            expires_at: { type: 'string', format: 'date-time' },
            uses: { type: 'integer' },
            fingerprint: { type: 'string', description: "SHA-256 of the collector's certificate (hex)" },
            public_key_pin: { type: 'string', description: "base64 SHA-256 of the collector's public key" },
            install_url: { type: 'string' },
            collector: { type: 'string', description: 'The agents\' endpoint the script enrolls with' },
            packages: { type: 'array', items: { type: 'string' }, description: 'Agent packages this collector offers (empty: run npm run package)' },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const p = needTls();
    const reached = requestAuthority(request);
    const host = request.query.host ?? reached.host;
    const agentPort = request.query.agent_port ?? opts.agentPort?.() ?? DEFAULT_AGENT_PORT;
    const uses = request.query.uses ?? 1;
    const ttlHours = request.query.ttl_hours ?? 24;
    const created = await createEnrollToken(opts.store, { ttlMs: Math.round(ttlHours * 3_600_000), uses, actor: actorOf(request) });
    const installUrl = `https://${host}:${reached.port}/install.sh`;
    const collector = agentUrl(host, agentPort);
    const extra = agentPort === DEFAULT_AGENT_PORT ? '' : ` --collector ${collector}`;
    const offered = shelf.offered(opts.version);
    request.log.info({ tokenId: created.id, uses, ttlHours }, 'install command created');
    return {
      command: `curl ${curlFlags(p)} ${installUrl} | sudo sh -s -- --token ${created.token}${extra}`,
      token: created.token,
      token_id: created.id,
      expires_at: new Date(created.expiresAt).toISOString(),
      uses,
      fingerprint: p.fingerprint,
      public_key_pin: p.publicKeyPin,
      install_url: installUrl,
      collector,
      packages: [offered.deb?.file, offered.binary?.file].filter((f): f is string => !!f),
    };
  });

  app.get('/install.sh', {
    config: { minRole: 'public' },
    schema: {
      summary: 'The agent install script (sh); run it through the command GET /api/v1/install/command gives',
      tags: ['install'],
      querystring: emptyQuery,
      response: { 200: { type: 'string' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const p = needTls();
    const { host, port } = requestAuthority(request);
    const offered = shelf.offered(opts.version);
    reply.header('content-type', 'text/x-shellscript; charset=utf-8').header('cache-control', 'no-store');
    return installScript({ base: `https://${host}:${port}`, agentUrl: agentUrl(host, DEFAULT_AGENT_PORT), pins: p, ...offered, version: opts.version });
  });

  app.get<{ Params: { file: string } }>('/install/:file', {
    config: { minRole: 'public' },
    schema: {
      summary: 'An agent package: xdr-agent_VERSION_amd64.deb or xdr-agent-linux-x64 (the single binary)',
      tags: ['install'],
      params: { type: 'object', required: ['file'], additionalProperties: false, properties: { file: { type: 'string', maxLength: 100 } } },
      querystring: emptyQuery,
    },
  }, async (request, reply) => {
    const found = shelf.find(request.params.file);
    if (!found) throw new ApiError('XDR_NOT_FOUND', `this collector offers no agent package "${request.params.file}"; GET /api/v1/install/command lists the ones it has`);
    return reply
      .header('content-type', found.file.endsWith('.deb') ? 'application/vnd.debian.binary-package' : 'application/octet-stream')
      .header('content-length', found.size)
      .header('x-checksum-sha256', found.sha256)
      .send(createReadStream(found.path));
  });
};

export default installRoutes;
