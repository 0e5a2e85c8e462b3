import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** WXT 0.21.0 leaves import.meta.env.BROWSER & co. undefined under vitest: pin them to the browser under test. */
const TEST_BROWSER = process.env.TEST_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const envLiterals = {
  name: 'safe-logout-env-literals',
  transform(code: string) {
    if (!code.includes('import.meta.env.')) return null;
    return code
      .replaceAll('import.meta.env.BROWSER', JSON.stringify(TEST_BROWSER))
      .replaceAll('import.meta.env.FIREFOX', String(TEST_BROWSER === 'firefox'))
      .replaceAll('import.meta.env.CHROME', String(TEST_BROWSER === 'chrome'))
      .replaceAll('import.meta.env.MANIFEST_VERSION', TEST_BROWSER === 'firefox' ? '2' : '3');
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), envLiterals],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Real browsers share the machine's two cores: one file at a time.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        plugins: [WxtVitest(), envLiterals],
        test: {
          // `npm run bench`: measurements that print figures (docs/benchmarks.md); never part of `npm test`.
          name: 'bench',
          include: ['tests/bench/**/*.bench-run.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // `npm run launch-timing`: 20 fresh launches per way of installing (docs/benchmarks.md); never in `npm test`.
          name: 'timing',
          include: ['tests/timing/**/*.timing-run.ts'],
          environment: 'node',
          fileParallelism: false,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
