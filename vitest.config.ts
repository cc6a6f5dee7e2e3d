import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bookPlugin } from './compiler/vitePluginBook.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

// Four projects: `unit` (engines, state, plots, build plugins; Node, or jsdom where a file asks for it), `slow` (unit
// tests named *.slow.test.ts, which take a minute), and two of browser tests, playwright-core driving Chromium against the production build in dist/ served by a plain static
// server: `smoke` (quick, in `npm test`) and `e2e` (the rest, in `npm run test:all`).
// `npm test` runs `unit` and `smoke` with --maxWorkers=2: Vitest's default (cores less one) leaves one of two cores idle
// while its main process only waits, and the quick tier then took 140 s instead of 90.
const unitTests = ['app/**/*.test.{ts,tsx}', 'workers/**/*.test.ts', 'chapters/**/*.test.{ts,tsx}', 'compiler/**/*.test.ts'];
const browserTests = {
  environment: 'node' as const,
  globalSetup: ['e2e/global-setup.ts'],
  testTimeout: 90_000,
  hookTimeout: 90_000,
  fileParallelism: false,
};
export default defineConfig({
  test: {
    reporters: ['default', './e2e/summary-reporter.ts'],
    projects: [
      {
        // The book plugin resolves figures' `?fn=name&code` listings, so figure modules load in the snapshot tests.
        plugins: [bookPlugin({ chaptersDir: path.join(root, 'chapters'), root })],
        test: {
          name: 'unit',
          include: unitTests,
          exclude: ['**/*.slow.test.ts', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // Unit tests that take a minute (learners and networks over several seeds): `npm run test:all`, not `npm test`.
        plugins: [bookPlugin({ chaptersDir: path.join(root, 'chapters'), root })],
        test: { name: 'slow', include: ['**/*.slow.test.ts'], exclude: ['**/node_modules/**'], environment: 'node', testTimeout: 300_000 },
      },
      {
        // The quick browser check that `npm test` runs: one figure's whole pipeline.
        test: { ...browserTests, name: 'smoke', include: ['e2e/smoke.e2e.ts'] },
      },
      {
        // Every other browser test (every page, every figure on every screen, accessibility, URL fuzzing, history):
        // `npm run test:all`, which CI runs.
        test: { ...browserTests, name: 'e2e', include: ['e2e/**/*.e2e.ts'], exclude: ['e2e/smoke.e2e.ts'] },
      },
    ],
  },
});
