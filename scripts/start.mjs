#!/usr/bin/env node
// `npm start`: the simulated municipality with Safe Logout in Chromium.
//   With a display (DISPLAY set): a visible Chromium on the kommun start page, until Ctrl-C.
//   Without one, or with --walkthrough: a scripted walkthrough that prints, step by step, what the
//   next person at the computer can reach without and with the extension, and saves screenshots.
// The sim and the harness are TypeScript (tests/sim, tests/harness); Vite's module runner (a dev
// dependency already) loads them here, so this script and the tests share one implementation.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../tests/harness/start.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });

let stopNow;
const stop = new Promise((resolve) => {
  stopNow = resolve;
});
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.log('\nStopping (closing the browser and the server)…');
  stopNow();
});
process.on('SIGTERM', () => stopNow());
// Output piped into `head` that has quit: stop cleanly instead of dying with browsers still open.
process.stdout.on('error', () => stopNow());

try {
  await module.start(process.argv.slice(2), stop);
  process.exit(interrupted ? 130 : 0);
} catch (e) {
  console.error(e);
  process.exit(1);
}
