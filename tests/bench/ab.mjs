// Variants of the page side by side with the peer, in one browser run, interleaved (a probe
// for start-up work: a ratio holds on a noisy machine, an absolute time does not). Each
// argument is NAME=PATH of an HTML file (a variant of dist/sspr-doctor.html); the peer page
// is added. Each visit is a fresh context, as in tests/bench/figures.mjs.
//   RUNS=15 [WHERE=served] node tests/bench/ab.mjs shipped=dist/sspr-doctor.html try=/tmp/x.html
// PARSE=1: the parse and the first paint only, for variants that need not work (no answer
// awaited). Served: each file is served as the index of a directory of its own (the hosted site's
// other files beside it, from dist/site/).
import { copyFileSync, cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root } from '../e2e/helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { buildPeer, PEER_HTML } from './peer/build.mjs';
import { firstVisit, median } from './shared.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const SERVED = process.env.WHERE === 'served';
const PARSE_ONLY = process.env.PARSE === '1';
if (!existsSync(PEER_HTML)) await buildPeer();
const variants = process.argv.slice(2).map((a) => {
  const [name, path] = a.split('=');
  return { name, path: resolve(path) };
});
variants.push({ name: 'peer', path: PEER_HTML });

let server = null;
if (SERVED) {
  const dir = mkdtempSync(join(tmpdir(), 'sspr-ab-'));
  for (const v of variants) {
    const d = join(dir, v.name);
    cpSync(join(root, 'dist/site'), d, { recursive: true });
    copyFileSync(v.path, join(d, 'index.html'));
  }
  server = await startServer({ port: 0, root: dir });
  for (const v of variants) v.url = `http://127.0.0.1:${server.address().port}/${v.name}/`;
} else {
  for (const v of variants) v.url = pathToFileURL(v.path).href;
}

const browser = await launch();
async function visit(v) {
  const { out, page } = await firstVisit(browser, v.url, { answer: !PARSE_ONLY });
  await page.context().close();
  return out;
}

const runs = Object.fromEntries(variants.map((v) => [v.name, []]));
for (const v of variants) await visit(v); // warm the browser and the disk cache
for (let i = 0; i < RUNS; i++) for (const v of variants) runs[v.name].push(await visit(v));
await browser.close();
server?.close();

const keys = [...new Set(Object.values(runs).flatMap((rs) => rs.flatMap((r) => Object.keys(r))))].filter((k) => k !== 'ok');
const peer = (k) => median(runs.peer.map((r) => r[k]));
console.log(`${SERVED ? 'served' : 'file'}, ${RUNS} visits each, medians (ms); ratio to the peer for answer and fcp`);
for (const v of variants) {
  const cells = keys.map((k) => {
    const xs = runs[v.name].map((r) => r[k]).filter(Number.isFinite);
    if (!xs.length) return null;
    const m = median(xs);
    const ratio = v.name !== 'peer' && (k === 'answer' || k === 'fcp') ? ` (${(m / peer(k)).toFixed(2)}x)` : '';
    return `${k} ${m.toFixed(1)}${ratio}`;
  }).filter(Boolean);
  console.log(`${v.name.padEnd(10)} ${cells.join('  ')}`);
}
