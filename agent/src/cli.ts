// Entry point of xdr-agent (bundled to build/xdr-agent.mjs). Everything lives in commands.ts so
// that tests can run the commands in-process.
import { main } from './commands.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
