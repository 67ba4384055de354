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

const wasm = sizes(readFileSync(join(root, 'target/web-gen/sspr_doctor.wasm')));
const single = sizes(readFileSync(join(root, 'dist/sspr-doctor.html')));
// What a reader downloads: the hosted page is index.html + styles.css + app.js; the custom
// element is one file. (dist/site/ holds both, so its total is not what anyone downloads.)
const filesSize = (files) => {
  const parts = files.map((f) => sizes(readFileSync(join(root, 'dist/site', f))));
  return { raw: parts.reduce((n, p) => n + p.raw, 0), gzip: parts.reduce((n, p) => n + p.gzip, 0), brotli: parts.reduce((n, p) => n + p.brotli, 0) };
};
const site = filesSize(['index.html', 'styles.css', 'app.js']);
const element = filesSize(['sspr-doctor-element.js']);
const embed = filesSize(['embed.js']);
const siteTotal = dirSize(join(root, 'dist/site'));

const stat = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};

/** Opens `url` RUNS times, each in a fresh context, waits for the engine, and collects what `measure(page)` returns. */
async function eachRun(url, measure) {
  const browser = await launch();
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
    results.push(await measure(page));
    await context.close();
  }
  await browser.close();
  return results;
}

// performance.now() is measured from navigation start.
const readyTimes = async (url) => stat(await eachRun(url, (page) => page.evaluate(() => performance.now())));

// From a click on "Diagnose" to the report painted, and from the last keystroke in the phone
// field to its live check shown (which includes the deliberate 250 ms pause after typing).
async function interactionTimes(url) {
  const runs = await eachRun(url, async (page) => {
    await page.fill('#f-username', 'admin@contoso.com');
    await page.fill('#f-alternateEmail', 'taro@gmial.com');
    await page.fill('#f-policyOutput', 'AllowedToUseSspr : False');
    await page.fill('#f-pageMessage', 'SSPR_0009');
    const live = await page.evaluate(() => new Promise((done) => {
      const out = document.querySelector('[data-check="mobilePhone"]');
      const input = document.getElementById('f-mobilePhone');
      const t0 = performance.now();
      new MutationObserver((_, obs) => { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - t0)); }).observe(out, { childList: true });
      input.value = '+81 090-1234-5678';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }));
    const report = await page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      document.getElementById('diagnose').click();
      // The report is rendered in the click handler; wait for the frame that paints it.
      requestAnimationFrame(() => setTimeout(() => done(document.getElementById('report') ? performance.now() - t0 : NaN), 0));
    }));
    return { live, report };
  });
  return { report: stat(runs.map((r) => r.report)), live: stat(runs.map((r) => r.live)) };
}

const srv = await serve();
const served = await readyTimes(`${srv.origin}/`);
const interaction = await interactionTimes(`${srv.origin}/?lang=ja`);
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
| hosted page: index.html + styles.css + app.js (the wasm travels base64 inside app.js) | ${kb(site.raw)} | ${kb(site.gzip)} | ${kb(site.brotli)} |
| custom element: sspr-doctor-element.js | ${kb(element.raw)} | ${kb(element.gzip)} | ${kb(element.brotli)} |
| embed.js (iframe height, for host pages) | ${embed.raw} B | ${embed.gzip} B | ${embed.brotli} B |
| \`dist/sspr-doctor.html\` (single file) | ${kb(single.raw)} | ${kb(single.gzip)} | ${kb(single.brotli)} |

All of \`dist/site/\` on disk: ${kb(siteTotal)}.

| ready in headless Chromium | median |
|---|---|
| served from 127.0.0.1 | ${ms(served)} |
| single file from file:// | ${ms(file)} |

| interaction in headless Chromium (served, Japanese, median of ${RUNS}) | time |
|---|---|
| click "Diagnose" → report painted | ${ms(interaction.report)} |
| last keystroke in the phone field → live check shown (includes the 250 ms pause) | ${ms(interaction.live)} |
`;
writeFileSync(join(root, 'docs/figures.md'), md);
console.log(md);
