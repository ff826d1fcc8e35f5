// Entry point of `xdrctl` (bundled to build/xdrctl.mjs): hands the process's arguments,
// environment and output streams to runXdrctl and exits with its status.
import { runXdrctl } from './commands.js';

const code = await runXdrctl(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  tty: { input: process.stdin, output: process.stdout },
});
process.exitCode = code;
