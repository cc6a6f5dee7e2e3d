// A plain static file server, like `python3 -m http.server`: files only, no rewrite rules, no fallbacks.
// The browser tests use it to prove that dist/ works on any static host. Like the usual hosts (GitHub Pages,
// Netlify, nginx's gzip on) it compresses text for a browser that accepts gzip, so that byte counts and Lighthouse
// measure what readers download. Usage: node e2e/serve.mjs [dir] [port]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
  '.webmanifest': 'application/manifest+json',
};

/** Text formats, which gzip shrinks several times (fonts and images are compressed already). */
const COMPRESSIBLE = /^(text\/|image\/svg|application\/(json|manifest))/;

export function serveStatic(dir, port = 0) {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    let pathname;
    try {
      // Joined to the origin, not resolved against it: `//x` is a path here, not an address on host x (and `//`
      // alone is no address at all).
      pathname = decodeURIComponent(new URL('http://localhost' + (req.url ?? '/')).pathname);
    } catch {
      // A broken percent-escape (/%E0%A4%A) is a bad request, not a reason to stop serving.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    let file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const size = statSync(file).size;
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        createReadStream(file).pipe(createGzip()).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': size });
      createReadStream(file).pipe(res);
    } catch {
      // As GitHub Pages and Netlify do: the site's own 404.html when it has one.
      try {
        const notFound = path.join(root, '404.html');
        statSync(notFound);
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        createReadStream(notFound).pipe(res);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4173);
  const server = await serveStatic(dir, port);
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
}
