#!/usr/bin/env node
/**
 * `npm run chaos`: the model-based chaos run (tests/unit/chaos/chaos.test.ts) with a fresh seed and many more
 * sequences than the unit suite's 1,000. The seed is printed first; a failure prints the shrunk sequence, and
 * `CHAOS_SEED=<seed> npm run chaos` reproduces it.
 *   CHAOS_RUNS=<n>   how many sequences (default 20,000)
 */
import { spawnSync } from 'node:child_process';

const seed = process.env.CHAOS_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.CHAOS_RUNS ?? '20000';
console.log(`chaos: seed ${seed}, ${runs} sequences`);
const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/chaos'], {
  stdio: 'inherit',
  env: { ...process.env, CHAOS_SEED: seed, CHAOS_RUNS: runs },
});
process.exit(r.status ?? 1);
