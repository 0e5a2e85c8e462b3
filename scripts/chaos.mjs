#!/usr/bin/env node
/**
 * `npm run chaos`: the model-based chaos run (tests/unit/chaos/chaos.test.ts) with a fresh seed and many more
 * sequences than the unit suite's 1,000. They run in rounds of at most 2,000, each in a fresh test process with
 * its own seed (the first seed + the round's number): one process for 20,000 sequences ran out of memory (its
 * heap grows by about 1 MB per sequence). Each round's seed is printed first; a failure prints the shrunk
 * sequence, and `CHAOS_SEED=<that round's seed> CHAOS_RUNS=2000 npm run chaos` reproduces it.
 *   CHAOS_RUNS=<n>   how many sequences in all (default 20,000)
 */
import { spawnSync } from 'node:child_process';

const ROUND = 2_000;
const first = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.CHAOS_RUNS ?? 20_000);
if (!Number.isSafeInteger(first) || !Number.isSafeInteger(runs) || runs < 1) {
  console.error('CHAOS_SEED and CHAOS_RUNS must be whole numbers');
  process.exit(2);
}
const rounds = Math.ceil(runs / ROUND);
console.log(`chaos: ${runs} sequences in ${rounds} round(s), seeds ${first}…${first + rounds - 1}`);
for (let i = 0; i < rounds; i++) {
  const seed = String(first + i);
  const n = String(Math.min(ROUND, runs - i * ROUND));
  console.log(`chaos: round ${i + 1}/${rounds}: seed ${seed}, ${n} sequences`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/chaos'], {
    stdio: 'inherit',
    env: { ...process.env, CHAOS_SEED: seed, CHAOS_RUNS: n },
  });
  if (r.status !== 0) {
    console.error(
      `chaos: round ${i + 1} failed — reproduce with CHAOS_SEED=${seed} CHAOS_RUNS=${n} npm run chaos`,
    );
    process.exit(r.status ?? 1);
  }
}
console.log(`chaos: ${runs} sequences green`);
