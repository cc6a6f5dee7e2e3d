/** The static server the tests and `npm run serve` use: bad requests get an answer and the server keeps serving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { serveStatic } from './serve.mjs';

let server: Server;
let base: string;
beforeAll(async () => {
  server = await serveStatic('dist', 0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => server?.close());

describe('static server', () => {
  it('answers a broken percent-escape with 400, a path outside the folder with 403 or 404, `//` as the root, and keeps serving', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/%2e%2e/package.json`)).status).not.toBe(200);
    expect((await fetch(`${base}/no-such-file.js`)).status).toBe(404);
    // A path that starts with two slashes is a path of this server, not another host's address.
    expect((await fetch(`${base}//`)).status).toBe(200);
    expect((await fetch(`${base}//evil.example/x`)).status).toBe(404);
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root"');
  });
});
