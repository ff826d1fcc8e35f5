// Bundles each command-line entry point into one ESM file under build/ with esbuild.
// Packages stay external (node_modules); native addons are loaded at run time.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

// Node flags each command runs with (through its shebang). The collector's heap is capped so
// that V8 collects garbage before the process grows: its live set under full ingest load is a
// few hundred MiB (test/bench/RESULTS.md), and without a cap V8 lets RSS climb past 1 GiB.
const nodeFlags = { 'xdr-collector': ' --max-old-space-size=768' };

const entries = {
  'xdr-collector': 'collector/src/cli.ts',
  'xdr-agent': 'agent/src/cli.ts',
  xdrctl: 'collector/src/xdrctl/cli.ts',
  // the collector's commit worker thread, loaded from next to xdr-collector.mjs
  'store-writer': 'collector/src/store/commit-worker.ts',
};

await Promise.all(Object.entries(entries).map(async ([name, entry]) => {
  const outfile = `build/${name}.mjs`;
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    banner: { js: `#!/usr/bin/env -S node${nodeFlags[name] ?? ''}` },
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}));
