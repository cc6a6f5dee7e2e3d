// knip: unused files, exports and dependencies. Entry points are the page, the worker, the build and test configs,
// the prerenderer's page module (loaded by compiler/prerender.ts through Vite), the chapters (loaded by the router through import.meta.glob), the browser tests, benches and build scripts.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'workers/sim.worker.ts',
    'app/server/renderPage.tsx',
    'chapters/*/index.mdx',
    'e2e/*.ts',
    'bench/*.ts',
    'bench/ou_worker_boot.mjs',
    '**/*.test.{ts,tsx}',
  ],
  project: ['app/**/*.{ts,tsx}', 'chapters/**/*.{ts,tsx,mdx}', 'workers/**/*.ts', 'compiler/**/*.ts', 'e2e/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}'],
  // The accessibility test loads axe-core's script file into the page by path (e2e/a11y.e2e.ts), not by import.
  ignoreDependencies: ['axe-core'],
};

export default config;
