// Entry point of the single-file binary (scripts/package.mjs bundles it to CommonJS, which
// Node's single executable applications run): the same commands as agent/src/cli.ts, without
// top-level await, which CommonJS lacks.
import { main } from '../../agent/src/commands.js';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
