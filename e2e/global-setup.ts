/**
 * Before the browser tests: check that dist/ exists (npm test builds it first) and serve it with a plain static
 * server on a free loopback port. The port is handed to the tests with `provide`.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './serve.mjs';
import { chromiumPath } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  chromiumPath();
  const server = await serveStatic('dist', 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('origin', `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
