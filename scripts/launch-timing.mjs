#!/usr/bin/env node
/**
 * `npm run launch-timing`: 20 fresh Chromium launches with Safe Logout force-installed by policy and 20 with it
 * loaded from the command line; prints when its worker ran and when the policy was in force (median, max).
 * LAUNCHES=<n> changes the count. Needs the build (`npm run launch-timing` builds first). Takes minutes.
 */
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['vitest', 'run', '--project', 'timing', '--reporter', 'verbose'], {
  stdio: 'inherit',
  env: process.env,
});
process.exitCode = r.status ?? 1;
