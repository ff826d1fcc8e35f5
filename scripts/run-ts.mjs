// Runs a TypeScript script (benchmarks) by bundling it with esbuild into build/run/ first, so
// it resolves the project's packages like the shipped CLIs do.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
const outfile = `build/run/${basename(entry, '.ts')}.mjs`;
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
