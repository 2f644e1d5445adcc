import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Three projects, one runner: `unit` (fake browser, fake-indexeddb), `integration` (real servers
 * on 127.0.0.1) and `e2e` (the built extension in Debian Chromium and Firefox).
 */
export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // The conformance suite's sse-retry scenario is timed to the tens of milliseconds.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One browser at a time: two would fight over this machine's two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
