// What the benchmarks share: the median and its range, the command line timed as a user runs
// it (writing to a file, peak memory from /usr/bin/time), and a section of docs/figures.md
// written between its markers.
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
export const cli = join(root, 'target/release/sspr-doctor');

/** `sspr-doctor args... --today today`, its output written to `out`: seconds, peak MB, MB
 *  written, and the exit status. */
export function timeCli(args, { out, today }) {
  const fd = openSync(out, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cli, ...args, '--today', today], { stdio: ['ignore', fd, 'pipe'] });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  closeSync(fd);
  return { secs, rss: Number(String(r.stderr).trim().split('\n').pop()) / 1024, mb: statSync(out).size / 1e6, status: r.status, stderr: String(r.stderr) };
}

/** Puts `section` (which starts with `<!-- name -->` and ends with `<!-- /name -->\n`) into
 *  docs/figures.md in place of the last one, or at its end. */
export function writeSection(name, section) {
  const path = join(root, 'docs/figures.md');
  const old = readFileSync(path, 'utf8');
  const marked = new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- \\/${name} -->\\n`);
  writeFileSync(path, marked.test(old) ? old.replace(marked, () => section) : `${old}\n${section}`);
  console.log(section);
}

/** A first visit of `url` in a fresh context of `browser`: the first answer (`diagnose` of a
 *  Japanese number from the page's `sspr-doctor-ready` event, checked), the first paint, the
 *  HTML's parse and the page's own marks (web/src/main.js, engine.js), from navigation start.
 *  `answer: false` waits for the load only (a variant that need not work). The page stays
 *  open for more: the caller closes `page.context()`. */
export async function firstVisit(browser, url, { answer = true } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__fig = {};
    window.addEventListener('sspr-doctor-ready', () => {
      if (window.__fig.answer) return;
      const r = window.SsprDoctor.diagnose({ mobilePhone: '+81 90-1234-5678' });
      window.__fig.answer = performance.now();
      window.__fig.ok = r.phone?.e164 === '+819012345678';
    });
  });
  const page = await context.newPage();
  await page.goto(url);
  if (answer) await page.waitForFunction(() => window.__fig?.answer, null, { timeout: 20000 });
  else await page.waitForLoadState('load');
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 }).catch(() => {});
  const out = await page.evaluate(() => ({
    answer: window.__fig.answer,
    ok: window.__fig.ok,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    parsed: performance.getEntriesByType('navigation')[0]?.domInteractive ?? NaN,
    ...Object.fromEntries(performance.getEntriesByType('mark').filter((e) => e.name.startsWith('sspr-doctor:'))
      .map((e) => [e.name.slice('sspr-doctor:'.length), e.startTime])),
  }));
  if (answer && !out.ok) throw new Error(`${url}: wrong first answer`);
  return { out, page };
}
