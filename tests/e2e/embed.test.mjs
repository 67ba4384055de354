// Embedding in an intranet knowledge base, with the host page on another origin:
// an iframe whose height follows the content (embed.js), and the <sspr-doctor> custom
// element rendering in its own shadow root with the editor's options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, serve, waitReady, shotsDir, root } from './helpers.mjs';

let browser;
let site;
let host;
let hostOrigin;
let hostHtml = '';
before(async () => {
  browser = await launch();
  site = await serve();
  // The "knowledge base": another origin serving whatever page the test sets.
  host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostHtml));
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
});
after(async () => { await browser?.close(); await site?.close(); host?.close(); });

test('iframe: loads on another origin, height follows the content, only the height is posted', async () => {
  hostHtml = `<!doctype html><title>KB</title><h1>How to get back in</h1>
    <iframe data-sspr-doctor src="${site.origin}/?lang=ja&first=contact" title="SSPR Doctor" style="width:100%;height:300px;border:0"></iframe>
    <script>window.__messages = []; addEventListener('message', (e) => __messages.push(e.data));</script>
    <script src="${site.origin}/embed.js"></script>`;
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/`);
  const frame = page.frameLocator('iframe[data-sspr-doctor]');
  await frame.locator('#f-mobilePhone').waitFor();
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 1000);
  const before = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
  // Options arrived: Japanese, the contact section first after the symptom.
  assert.equal(await frame.locator('html').getAttribute('lang'), 'ja');
  const order = await frame.locator('[data-section]').evaluateAll((els) => els.filter((e) => !e.hidden).map((e) => e.dataset.section));
  assert.deepEqual(order.slice(0, 2), ['symptom', 'contact']);
  await page.screenshot({ path: join(shotsDir, 'embed-iframe-ja.png'), fullPage: false });
  await frame.locator('#f-mobilePhone').fill('+81 090-1234-5678');
  await frame.locator('#diagnose').click();
  await frame.locator('#report').waitFor();
  await page.waitForFunction((b) => parseInt(document.querySelector('iframe').style.height, 10) > b + 500, before);
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 2);
  for (const m of messages) assert.deepEqual(Object.keys(m).sort(), ['height', 'type'], 'only the height leaves the frame');
  assert.ok(!JSON.stringify(messages).includes('090'));
  await context.close();
});

test('custom element: renders in a shadow root with the attributes, isolated from host styles', async () => {
  hostHtml = `<!doctype html><title>KB</title>
    <style>button { background: rgb(255, 0, 0) !important; } h1 { font-size: 50px; }</style>
    <h1>Locked out?</h1>
    <sspr-doctor lang="en" symptom="sms" first="org" helpdesk="IT Service Desk" helpdesk-contact="tel:+81-3-1234-5678"></sspr-doctor>
    <script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostOrigin}/`);
  await waitReady(page, {});
  const el = page.locator('sspr-doctor');
  await el.locator('#f-mobilePhone').waitFor();
  assert.equal(await page.evaluate(() => !!document.querySelector('sspr-doctor').shadowRoot), true);
  assert.equal(await page.evaluate(() => document.getElementById('f-mobilePhone')), null, 'the form lives in the shadow root');
  // Host styles do not reach inside.
  const bg = await el.locator('#diagnose').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(bg, 'rgb(255, 0, 0)');
  // Options: symptom preset (email section hidden), org first.
  assert.equal(await el.locator('#q-symptom-sms').isChecked(), true);
  assert.equal(await el.locator('[data-section="email"]').isHidden(), true);
  await el.locator('#f-mobilePhone').fill('+44 (0)7911 123456');
  await el.locator('#diagnose').click();
  await el.locator('#report .finding[data-id="trunk_prefix_after_country_code"]').waitFor();
  const link = el.locator('.helpdesk a');
  assert.equal(await link.getAttribute('href'), 'tel:+81-3-1234-5678');
  // Switching language keeps the answer.
  await el.locator('#lang-ja').click();
  assert.equal(await el.locator('#f-mobilePhone').inputValue(), '+44 (0)7911 123456');
  assert.match(await el.locator('#report').textContent(), /国番号の後に国内用の「0」が残っています/);
  assert.equal(await page.evaluate(() => typeof window.SsprDoctor.diagnose), 'function');
  await page.screenshot({ path: join(shotsDir, 'embed-element-ja.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('help-desk contact that is not a safe link is shown as text', async () => {
  hostHtml = `<!doctype html><sspr-doctor helpdesk-contact="javascript:alert(1)"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hostOrigin}/`);
  const el = page.locator('sspr-doctor');
  await el.locator('#diagnose').click();
  await el.locator('#report').waitFor();
  assert.equal(await el.locator('.helpdesk a').count(), 0);
  assert.match(await el.locator('.helpdesk').textContent(), /javascript:alert\(1\)/);
  await page.context().close();
});

test("a host page whose CSP forbids WebAssembly gets the element's localized explanation, not an empty box", async () => {
  hostHtml = `<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src ${site.origin}">
    <sspr-doctor lang="ja"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hostOrigin}/`);
  const alert = page.locator('sspr-doctor [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /wasm-unsafe-eval/);
  assert.match(await alert.textContent(), /[ぁ-んァ-ン]/, 'in the language asked for');
  await page.context().close();
});

test('custom element under a host CSP without blob: workers: the audit runs on the page, in slices, and gives the same result', async () => {
  hostHtml = `<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src ${site.origin} 'wasm-unsafe-eval'">
    <sspr-doctor lang="en" view="audit"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hostOrigin}/`);
  await page.locator('sspr-doctor #audit-file').waitFor({ state: 'attached' });
  await page.setInputFiles('sspr-doctor #audit-file', join(root, 'tests/fixtures/audit/admin-script.csv'));
  await page.locator('sspr-doctor #audit-results .headline').waitFor();
  assert.equal(await page.getAttribute('sspr-doctor #audit-results', 'data-engine'), 'page');
  assert.match(await page.textContent('sspr-doctor #audit-results .headline'), /^7 accounts: 3 Fails today, 2 At risk, 1 OK, 1 Unknown/);
  await page.context().close();
});

// Host pages that break what the element needs: a localized explanation, never a blank box
// or a "Loading…" that never ends.
const HOSTILE = [
  ['replaces Array.prototype.includes', 'Array.prototype.includes = function () { return false; };', /Array\.prototype\.includes/, /組み込み関数/],
  ['replaces Object.defineProperty', 'Object.defineProperty = function (o) { return o; };', /Object\.defineProperty/, /組み込み関数/],
  ['breaks attachShadow', "Element.prototype.attachShadow = function () { throw new Error('no shadow'); };", /SSPR Doctor/, /SSPR Doctor/],
  ['takes the name <sspr-doctor>', "customElements.define('sspr-doctor', class extends HTMLElement {});", /already uses the name <sspr-doctor>/, /<sspr-doctor> という名前をすでに使っている/],
];
for (const [what, script, en, ja] of HOSTILE) {
  for (const [lang, want] of [['en', en], ['ja', ja]]) {
    test(`a host page that ${what}: the element explains (${lang})`, async () => {
      hostHtml = `<!doctype html><script>${script}</script>
        <sspr-doctor lang="${lang}"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${hostOrigin}/`);
      const alert = page.locator('sspr-doctor [role="alert"]');
      await alert.waitFor({ timeout: 10000 });
      assert.match(await alert.textContent(), want);
      await page.context().close();
    });
  }
}

test('a host page without constructed style sheets: the element is drawn and styled all the same', async () => {
  hostHtml = `<!doctype html><script>Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { set() { throw new Error('no'); }, get() { return []; } });</script>
    <sspr-doctor lang="en"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hostOrigin}/`);
  await page.locator('sspr-doctor #diagnose').waitFor();
  assert.equal(await page.locator('sspr-doctor #diagnose').evaluate((b) => getComputedStyle(b).borderRadius), '6px');
  await page.context().close();
});

test('a host page that already defines window.SsprDoctor: the element works and says so in the console', async () => {
  hostHtml = `<!doctype html><script>window.SsprDoctor = { mine: true };</script>
    <sspr-doctor lang="en"></sspr-doctor><script type="module" src="${site.origin}/sspr-doctor-element.js"></script>`;
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${hostOrigin}/`);
  await page.locator('sspr-doctor #f-mobilePhone').fill('+81 090-1234-5678');
  await page.locator('sspr-doctor #diagnose').click();
  await page.locator('sspr-doctor #report').waitFor();
  assert.equal(await page.evaluate(() => window.SsprDoctor.mine), true, "the host's object is left alone");
  assert.ok(errors.some((e) => /window\.SsprDoctor is already defined/.test(e)), errors.join('\n'));
  await page.context().close();
});
