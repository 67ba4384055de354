// The payload corpus (tests/payloads/) in every URL option and every form field of the
// page: nothing runs, nothing is injected as markup, and the page keeps working. (The
// copies' Markdown and CSV are checked in crates/sspr-doctor-core/tests/payloads.rs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, waitReady, root } from './helpers.mjs';

const payloads = ['xss.txt', 'markdown.txt', 'csv.txt'].flatMap((f) => readFileSync(join(root, 'tests/payloads', f), 'utf8').split('\n').filter(Boolean));

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function probePage(context) {
  const page = await context.newPage();
  const events = { errors: [], dialogs: 0 };
  page.on('pageerror', (e) => events.errors.push(e.message));
  page.on('dialog', async (d) => { events.dialogs += 1; await d.dismiss(); });
  await page.addInitScript(() => { window.__pwned = false; window.alert = () => { window.__pwned = true; }; });
  return { page, events };
}

test('every payload in every URL option: shown safely or ignored, the page works', async () => {
  const context = await browser.newContext();
  const { page, events } = await probePage(context);
  for (const p of payloads) {
    const v = encodeURIComponent(p);
    await page.goto(`${srv.origin}/?lang=${v}&view=${v}&first=${v}&symptom=${v}&helpdesk=${v}&helpdeskContact=${v}`);
    await waitReady(page, {});
    await page.click('#diagnose');
    await page.waitForSelector('#report');
    const injected = await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed, svg script, a[href^="javascript:" i]').length);
    assert.equal(injected, 0, p);
    assert.equal(await page.locator('.helpdesk').count(), 0, `a URL never sets the help desk: ${p}`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(events.dialogs, 0);
  assert.deepEqual(events.errors, []);
  await context.close();
});

test('every payload in every form field and as an audit file: text, never markup', async () => {
  const context = await browser.newContext();
  const { page, events } = await probePage(context);
  await page.goto(`${srv.origin}/?lang=en`);
  await waitReady(page, {});
  const fields = ['#f-username', '#f-alternateEmail', '#f-mobilePhone', '#f-policyOutput', '#f-pageMessage', '#f-supportCode'];
  for (const p of payloads) {
    for (const f of fields) await page.fill(f, p);
    await page.click('#diagnose');
    await page.waitForSelector('#report');
    const injected = await page.evaluate(() => document.querySelectorAll('#report img, #report iframe, #report script, #report a[href^="javascript:" i]').length);
    assert.equal(injected, 0, p);
  }
  // The same payloads as the cells of an audit file.
  await page.click('#tab-audit');
  const q = (s) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail']
    .concat(payloads.map((p, i) => [`a${i}@contoso.com`, p, p, `email;${p}`, p, p].map(q).join(','))).join('\r\n');
  await page.setInputFiles('#audit-file', { name: 'payloads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('#audit-results .headline');
  await page.click('#audit-row-0');
  await page.waitForSelector('#audit-row-0-details');
  const injected = await page.evaluate(() => document.querySelectorAll('#audit-results img, #audit-results iframe, #audit-results script, #audit-results a[href^="javascript:" i]').length);
  assert.equal(injected, 0);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(events.dialogs, 0);
  assert.deepEqual(events.errors, []);
  await context.close();
});
