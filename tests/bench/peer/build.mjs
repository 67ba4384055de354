// Builds the peer page (tests/bench/peer/peer.js, libphonenumber-js) as one HTML file,
// like SSPR Doctor's offline file: target/bench/peer.html. A benchmark dependency only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PEER_HTML = join(root, 'target/bench/peer.html');

export async function buildPeer() {
  const js = (await esbuild.build({
    entryPoints: [join(root, 'tests/bench/peer/peer.js')], bundle: true, write: false, format: 'esm', minify: true,
    target: ['chrome100', 'firefox100', 'safari16'], logLevel: 'error',
  })).outputFiles[0].text;
  mkdirSync(dirname(PEER_HTML), { recursive: true });
  writeFileSync(PEER_HTML, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Peer: libphonenumber-js</title></head>
<body><h1>Phone and email check (libphonenumber-js)</h1><p id="status">Loading…</p>
<script type="module">${js.replace(/<\/script/gi, '<\\/script')}</script></body></html>
`);
  return PEER_HTML;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildPeer());
