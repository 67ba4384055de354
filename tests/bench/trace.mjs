// Where a page's start-up goes on Chromium's main thread (a probe beside tests/bench/ab.mjs):
// one visit of PATH traced, then the renderer main thread's events of at least MIN ms
// (default 0.5) up to the first answer, as offsets from navigation start.
//   node tests/bench/trace.mjs dist/sspr-doctor.html [MIN]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../e2e/helpers.mjs';

const [path = 'dist/sspr-doctor.html', min = '0.5'] = process.argv.slice(2);
const browser = await launch();
const context = await browser.newContext();
await context.addInitScript(() => {
  window.addEventListener('sspr-doctor-ready', () => {
    performance.mark('probe:ready-event');
    window.SsprDoctor.diagnose({ mobilePhone: '+81 90-1234-5678' });
    performance.mark('probe:answer');
    window.__answered = true;
  });
});
const page = await context.newPage();
await browser.startTracing(page, { categories: ['blink.user_timing', 'devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(pathToFileURL(resolve(path)).href);
await page.waitForFunction(() => window.__answered, null, { timeout: 20000 });
await page.waitForTimeout(300);
const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

const events = trace.traceEvents;
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
// The trace's clock against the page's: a user-timing mark is in both.
const answer = events.find((e) => e.name === 'probe:answer');
if (!answer) throw new Error('no probe:answer mark in the trace');
const start = answer.ts - marks['probe:answer'] * 1000;
const main = `${answer.pid}:${answer.tid}`;
const end = answer.ts;
const at = (ts) => ((ts - start) / 1000).toFixed(1).padStart(7);
console.log(`main thread ${names.get(main)}; events >= ${min} ms to the answer (${answer ? at(answer.ts) : '?'} ms)`);
for (const e of events.filter((x) => `${x.pid}:${x.tid}` === main && x.ts >= start && x.ts <= end).sort((a, b) => a.ts - b.ts)) {
  const dur = (e.dur ?? 0) / 1000;
  if (e.ph === 'X' && dur >= Number(min)) console.log(`${at(e.ts)} ${dur.toFixed(1).padStart(6)}  ${e.name} ${e.args?.data?.url ? '' : JSON.stringify(e.args?.data ?? {}).slice(0, 80)}`);
  if (e.ph === 'R' || e.ph === 'I' || e.ph === 'n') if (/probe:|sspr-doctor:|firstContentfulPaint|domInteractive/.test(e.name)) console.log(`${at(e.ts)}    --  ${e.name}`);
}
