// A small static server for dist/site on 127.0.0.1 (no dependencies). Options:
//   --port N (default 8080; 0 = any free port)   --base /sub/path/ (serve under a sub-path)
//   --root DIR (default dist/site)
// Prints the URL, and the path of the offline single file.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const defaultRoot = resolve(opt('--root', join(here, '../dist/site')));
const normalizeBase = (b) => `/${b.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const defaultBase = normalizeBase(opt('--base', '/'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ port = 8080, host = '127.0.0.1', root = defaultRoot, base = defaultBase } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    } catch {
      // Not valid percent-encoding: anyone on the network can send it; never a crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        // Static, public files: let an intranet page on another host load the custom
        // element's module script (module scripts are fetched with CORS).
        'access-control-allow-origin': '*',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer({ port: Number(opt('--port', 8080)) });
  const { port } = server.address();
  console.log(`SSPR Doctor is served at http://127.0.0.1:${port}${defaultBase}`);
  console.log(`Offline single file: ${resolve(join(here, '../dist/sspr-doctor.html'))}`);
  console.log('Press Ctrl+C to stop.');
}
