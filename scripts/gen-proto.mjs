// Regenerates proto/gen/xdr.js and xdr.d.ts from proto/xdr.proto with protobufjs-cli.
// `node scripts/gen-proto.mjs --check` fails when the committed codec is stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const header = (ext) =>
  `${ext === 'js' ? '// @ts-nocheck\n' : ''}// GENERATED from proto/xdr.proto by scripts/gen-proto.mjs (protobufjs-cli). Do not edit.\n// Regenerate with: npm run proto\n`;

function generate(outDir) {
  const js = join(outDir, 'xdr.js');
  execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'esm', '--dependency', '../protobuf-runtime.js',
'--no-verify', '--no-typeurl', '-o', js, join(root, 'proto', 'xdr.proto')]);
  execFileSync(bin('pbts'), ['-o', join(outDir, 'xdr.d.ts'), js]);
  const out = {};
  for (const ext of ['js', 'd.ts']) out[ext] = header(ext) + readFileSync(join(outDir, `xdr.${ext}`), 'utf8');
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'xdr-proto-'));
try {
  const fresh = generate(tmp);
  const gen = join(root, 'proto', 'gen');
  if (process.argv.includes('--check')) {
    for (const ext of Object.keys(fresh)) {
      let current = '';
      try { current = readFileSync(join(gen, `xdr.${ext}`), 'utf8'); } catch {}
      if (current !== fresh[ext]) {
        console.error(`proto/gen/xdr.${ext} is stale: run npm run proto`);
        process.exit(1);
      }
    }
  } else {
    for (const ext of Object.keys(fresh)) writeFileSync(join(gen, `xdr.${ext}`), fresh[ext]);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
