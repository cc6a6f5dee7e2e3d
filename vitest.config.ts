import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bookPlugin } from './compiler/vitePluginBook.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

// Three projects: `unit` (engines, state, plots, build plugins; Node, or jsdom where a file asks for it), and two of
// browser tests, playwright-core driving Chromium against the production build in dist/ served by a plain static
// server: `smoke` (quick, in `npm test`) and `e2e` (the rest, in `npm run test:all`).
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
          include: ['app/**/*.test.{ts,tsx}', 'workers/**/*.test.ts', 'chapters/**/*.test.{ts,tsx}', 'compiler/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
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
