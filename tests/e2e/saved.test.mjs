// Keeping the hosted page the ways people do, then opening the copy from disk with the
// network off: "Webpage, HTML only" (the page's bytes), "Webpage, complete" (the page as
// drawn, serialized, beside an empty `_files` folder: the page has no other resources),
// and the "Save for offline use" link. Each answers a Case and renders a report, in
// Chromium and in Firefox. An MHTML snapshot (Chromium's single-file save, from the
// DevTools protocol) opens without scripts by the browser's design: it must explain that,
// not show a form that does nothing. And a copy older than its facts' limit says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { launch, serve, root, shotsDir, singleFileUrl } from './helpers.mjs';

let browser;
let srv;
let dir;
before(async () => { browser = await launch(); srv = await serve(); dir = mkdtempSync(join(tmpdir(), 'sspr-saved-')); });
after(async () => { await browser?.close(); await srv?.close(); rmSync(dir, { recursive: true, force: true }); });

/** The copies a person can make of the hosted page. */
async function saveCopies() {
  const copies = {};
  // "HTML only": the document's bytes as served.
  const html = await (await fetch(`${srv.origin}/`)).text();
  copies.htmlOnly = join(dir, 'html-only.html');
  writeFileSync(copies.htmlOnly, html);
  // "Webpage, complete": Chromium serializes the page as drawn (after its scripts ran) and
  // writes other resources into `<name>_files/`; this page has none, so that folder is empty.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${srv.origin}/`);
  await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
  await page.fill('#f-username', 'admin@contoso.com');
  const drawn = await page.evaluate(() => `<!DOCTYPE html>\n<!-- saved from url=(0022)${location.href} -->\n${document.documentElement.outerHTML}`);
  copies.complete = join(dir, 'complete.html');
  writeFileSync(copies.complete, drawn);
  mkdirSync(join(dir, 'complete_files'), { recursive: true });
  // "Save for offline use": the link's download.
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#save-offline')]);
  copies.offlineLink = join(dir, d.suggestedFilename());
  await d.saveAs(copies.offlineLink);
  // Chromium's single-file save (MHTML), as the DevTools protocol writes it.
  const cdp = await context.newCDPSession(page);
  const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  copies.mhtml = join(dir, 'page.mhtml');
  writeFileSync(copies.mhtml, data);
  await context.close();
  return copies;
}

let copies;
test('the hosted page offers its single file, and that is the offline file', async () => {
  copies = await saveCopies();
  assert.equal(readFileSync(copies.offlineLink, 'utf8'), readFileSync(join(root, 'dist/sspr-doctor.html'), 'utf8'));
  // The link sits beside the privacy line, in both languages; a copy from disk does not offer it.
  const context = await browser.newContext({ viewport: { width: 1000, height: 400 } });
  const page = await context.newPage();
  for (const lang of ['en', 'ja']) {
    await page.goto(`${srv.origin}/?lang=${lang}`);
    await page.waitForSelector('#save-offline');
    assert.equal(await page.getAttribute('#save-offline', 'download'), 'sspr-doctor.html');
    assert.match(await page.textContent('#save-offline'), lang === 'en' ? /Save for offline use/ : /オフラインで使うために保存/);
    await page.screenshot({ path: join(shotsDir, `save-offline-${lang}.png`) });
  }
  await page.goto(singleFileUrl);
  await page.waitForSelector('#f-username');
  assert.equal(await page.$('#save-offline'), null);
  await context.close();
});

for (const kind of ['htmlOnly', 'complete', 'offlineLink']) {
  test(`Chromium, offline: the "${kind}" copy answers a Case from file://`, async () => {
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(copies[kind]).href);
    await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function', null, { timeout: 15000 });
    await page.fill('#f-mobilePhone', '+81 090 1234 5678');
    await page.click('#diagnose');
    await page.waitForSelector('#report .finding[data-id="trunk_prefix_after_country_code"]');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
    await context.close();
  });
}

test('Chromium: the MHTML snapshot opens without scripts and says what to do instead', async () => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(copies.mhtml).href);
  // Chromium opens web archives with scripts disabled: the drawn form must not pretend to work.
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is innerText, not textContent
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /saved as a web archive \(\.mhtml\)/);
  assert.match(text, /Web アーカイブ/);
  assert.equal(await page.evaluate(() => typeof window.SsprDoctor), 'undefined');
  assert.equal(await page.isVisible('#diagnose'), false, 'no dead button on show');
  await page.screenshot({ path: join(shotsDir, 'saved-mhtml.png') });
  await context.close();
});

test('Firefox, from file:// with no network: the "HTML only" and "complete" copies answer a Case', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sspr-ff-saved-'));
  const ff = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: profile,
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false, 'network.dns.disableIPv6': true, 'network.proxy.socks': '127.0.0.1', 'network.proxy.socks_port': 9 },
  });
  try {
    for (const kind of ['htmlOnly', 'complete']) {
      const page = await ff.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(copies[kind]).href);
      await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function', { timeout: 20000 });
      await page.type('#f-mobilePhone', '+81 090 1234 5678');
      await page.click('#diagnose');
      await page.waitForSelector('#report .finding[data-id="trunk_prefix_after_country_code"]');
      assert.deepEqual(errors, [], kind);
      await page.close();
    }
  } finally {
    await ff.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

for (const lang of ['en', 'ja']) {
  test(`a copy past 180 days says so at the top, in the report, its copies and the summary (${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2027-06-01T10:00:00+09:00'));
    await page.goto(`${srv.origin}/?lang=${lang}`);
    await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
    const notice = lang === 'en' ? /checked on 2026-11-25, 188 days ago/ : /2026-11-25 \(188 日前\)/;
    assert.match(await page.textContent('#facts-stale'), notice);
    await page.screenshot({ path: join(shotsDir, `facts-stale-top-${lang}.png`) });
    await page.fill('#f-mobilePhone', '+81 090 1234 5678');
    await page.click('#diagnose');
    await page.waitForSelector('#report .stale');
    assert.match(await page.textContent('#report .stale'), notice);
    assert.match(await page.textContent('#support-summary'), notice);
    await page.click('#copy-text');
    await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), notice);
    await page.locator('#report').screenshot({ path: join(shotsDir, `facts-stale-report-${lang}.png`) });
    // The audit's report says it too.
    await page.click('#tab-audit');
    await page.setInputFiles('#audit-file', join(root, 'tests/fixtures/audit/admin-script.csv'));
    await page.waitForSelector('#audit-results .stale');
    assert.match(await page.textContent('#audit-results .stale'), notice);
    await context.close();
  });
}

test('a copy within 180 days shows no notice', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2027-05-20T10:00:00+09:00'));
  await page.goto(`${srv.origin}/?lang=en`);
  await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
  assert.equal(await page.$('#facts-stale'), null);
  await context.close();
});
