// Measures the figures the project tracks and writes them to docs/figures.md:
// the .wasm (raw, gzip, brotli), dist/site/, the single file, and the time from navigation
// to window.SsprDoctor ready in headless Chromium, served and from file:// (median of runs).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { launch, serve, singleFileUrl, root } from '../e2e/helpers.mjs';

const RUNS = 9;
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const dirSize = (d) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
const dirCompressed = (d, fn) => readdirSync(d).reduce((n, f) => n + fn(readFileSync(join(d, f))), 0);

const wasm = sizes(readFileSync(join(root, 'target/web-gen/sspr_doctor.wasm')));
const single = sizes(readFileSync(join(root, 'dist/sspr-doctor.html')));
const site = {
  raw: dirSize(join(root, 'dist/site')),
  gzip: dirCompressed(join(root, 'dist/site'), (b) => gzipSync(b, { level: 9 }).length),
  brotli: dirCompressed(join(root, 'dist/site'), (b) => brotliCompressSync(b).length),
};

async function readyTimes(url) {
  const browser = await launch();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
    // performance.now() is measured from navigation start.
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

const srv = await serve();
const served = await readyTimes(`${srv.origin}/`);
await srv.close();
const file = await readyTimes(singleFileUrl);

const ms = (t) => `${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;
const md = `# Figures

Measured by \`just figures\` (tests/bench/figures.mjs) on ${new Date().toISOString().slice(0, 10)}, on this project's
machine kind (2 cores). Ready time is from navigation start to \`window.SsprDoctor\` defined, median of ${RUNS}
runs in headless Chromium (fresh context each run).

| what | raw | gzip -9 | brotli -11 |
|---|---|---|---|
| \`.wasm\` after wasm-opt -Oz | ${kb(wasm.raw)} (${wasm.raw} B) | ${kb(wasm.gzip)} | ${kb(wasm.brotli)} |
| \`dist/site/\` (all files; the wasm travels base64 inside app.js) | ${kb(site.raw)} | ${kb(site.gzip)} | ${kb(site.brotli)} |
| \`dist/sspr-doctor.html\` (single file) | ${kb(single.raw)} | ${kb(single.gzip)} | ${kb(single.brotli)} |

| ready in headless Chromium | median |
|---|---|
| served from 127.0.0.1 | ${ms(served)} |
| single file from file:// | ${ms(file)} |
`;
writeFileSync(join(root, 'docs/figures.md'), md);
console.log(md);
