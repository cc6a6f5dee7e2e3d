import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bookPlugin } from './compiler/vitePluginBook.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

// Two projects: `unit` (engines, state, plots, build plugins; Node, or jsdom where a file asks for it) and `e2e`
// (playwright-core driving Chromium against the production build in dist/, served by a plain static server).
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
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
