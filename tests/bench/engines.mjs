// A lighter engine on the first answer's path, measured (not shipped): the offline file as
// it is (one engine with the audit), the same page carrying the troubleshooter's engine
// alone (built with `--no-default-features`: no audit, export or encoding code), and the
// libphonenumber-js peer, from file://, interleaved, each visit in a fresh context: median
// of RUNS (min–max). Prints a Markdown table for docs/figures.md. Run with
// `just figures-engines` (not a test).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root } from '../e2e/helpers.mjs';
import { firstVisit, writeSection } from './shared.mjs';
import { buildPeer, PEER_HTML } from './peer/build.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
await buildPeer();
const TARGETS = [
  { who: 'one engine (today)', file: join(root, 'dist/sspr-doctor.html'), wasm: join(root, 'target/web-gen/sspr_doctor.wasm') },
  { who: 'troubleshooter engine alone', file: join(root, 'target/dist-troubleshooter/sspr-doctor.html'), wasm: join(root, 'target/web-gen-troubleshooter/sspr_doctor.wasm') },
  { who: 'peer', file: PEER_HTML },
];
const brotli = (path) => brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stat = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const browser = await launch();
async function visit(url) {
  const { out, page } = await firstVisit(browser, url);
  await page.context().close();
  return out;
}
const runs = TARGETS.map(() => []);
for (let i = 0; i < RUNS; i++) {
  for (const [k, t] of TARGETS.entries()) runs[k].push(await visit(pathToFileURL(t.file).href));
}
await browser.close();
const peer = runs[TARGETS.length - 1];
const ratio = (xs, key) => (median(xs.map((x) => x[key])) / median(peer.map((x) => x[key]))).toFixed(2);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const rows = TARGETS.map((t, k) => {
  const xs = runs[k];
  return `| ${t.who} | ${kB(brotli(t.file))} | ${t.wasm ? kB(brotli(t.wasm)) : '—'} | ${stat(xs.map((x) => x.parsed))} | ${stat(xs.map((x) => x.fcp))} | ${stat(xs.map((x) => x.answer))} | ${t.wasm ? `${ratio(xs, 'answer')}×` : ''} | ${t.wasm ? `${ratio(xs, 'fcp')}×` : ''} |`;
});
const both = brotli(TARGETS[0].wasm) + brotli(TARGETS[1].wasm);
const sooner = Math.round((1 - median(runs[1].map((x) => x.answer)) / median(runs[0].map((x) => x.answer))) * 100);
const section = `<!-- engines -->
## A lighter engine on the first answer's path (measured, not shipped)

\`just figures-engines\` (tests/bench/engines.mjs), ${new Date().toISOString().slice(0, 10)}: the offline file as it ships, the same page
carrying the troubleshooter's engine alone (the module built with \`--no-default-features\`: no audit, export or encoding
code), and the peer, from file://, interleaved, ${RUNS} visits each, median (min–max).

| page | file, brotli | engine, brotli | HTML parsed | first contentful paint | first answer | first answer ÷ peer | paint ÷ peer |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Why it is not shipped: the troubleshooter's engine alone gave the first answer ${sooner}% sooner in this run (4–9% in three
runs on 2026-12-05), still over 2× the peer, and it paints *later*: it is compiled before the form's first frame, so instantiating it and the first answer run
before the browser paints. The audit's engine must still travel in the same offline file (the Content-Security-Policy
forbids fetching it), and the two modules share no code: both are ${kB(both)} brotli of engine alone, against the
file's 300 kB budget. What would let a split pay: code shared between the two modules (not possible with
wasm-bindgen's one-module output), or a budget that allows both.
<!-- /engines -->
`;
writeSection('engines', section);
