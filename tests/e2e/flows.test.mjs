// The troubleshooter's flows as a person uses them, on the served site: report actions
// (copy as text and Markdown match the command line's formatter, the JSON download is the
// report, print shows the report only), IME composition, URL options, and through all of it:
// no request leaves the page after load and nothing is stored but a chosen language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, serve, openProbed, waitReady, root } from './helpers.mjs';

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

const CASE_FIELDS = async (page) => {
  await page.fill('#f-username', 'admin@contoso.com');
  await page.check('#q-isAdmin-true');
  await page.check('#q-soleAdmin-true');
  await page.fill('#f-alternateEmail', 'taro@gmial.com');
  await page.fill('#f-mobilePhone', '+81 090-1234-5678');
  await page.fill('#f-pageMessage', 'SSPR_0009');
};

function cli(caseObj, format) {
  const r = spawnSync(join(root, 'target/release/sspr-doctor'), ['diagnose', '--format', format], { input: JSON.stringify(caseObj), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\n$/, '');
}

test('every flow: live checks, diagnose, language switch, copy, download, print, reset: nothing leaves the page', async () => {
  const { context, page, probe } = await openProbed(browser, `${srv.origin}/?lang=en`, {
    beforeGoto: (p) => p.clock.setFixedTime(new Date('2026-11-25T10:15:00+09:00')),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
  await waitReady(page, probe);
  const loaded = probe.requests.length;

  await CASE_FIELDS(page);
  await page.waitForSelector('[data-check="mobilePhone"] .live-finding');
  await page.click('[data-check="mobilePhone"] .use-suggestion');
  assert.equal(await page.inputValue('#f-mobilePhone'), '+81 9012345678');
  await page.click('#diagnose');
  await page.waitForSelector('#report');

  // The Case these answers make (unanswered questions are null); the page's copies must
  // equal what the command line's formatter makes of it.
  const sent = {
    symptom: 'both', lang: 'en', username: 'admin@contoso.com', isAdmin: true, soleAdmin: true,
    globalAdmin: null, alternateEmail: 'taro@gmial.com', checkedJunkFolder: null, safeSenderAdded: null,
    mobilePhone: '+81 9012345678', phoneCountry: null, smsProvider: null, carrierReceivesUsSms: null,
    clickedResetLink: null, ssprEnabled: null, policyOutput: null, methods: null, telecomProvider: null,
    pageMessage: 'SSPR_0009', registeredAsMethods: null, accountSource: null, supportCode: null,
  };
  // The page fills today and now from its (fixed) clock, in its own time zone.
  const { today, now } = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    const today = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    const off = -d.getTimezoneOffset();
    const zone = `${off >= 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
    return { today, now: `${today}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${zone}` };
  });
  const theCase = { ...sent, today, now };

  await page.click('#copy-text');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('copied as text'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli(theCase, 'text'));
  await page.click('#copy-markdown');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('Markdown'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli(theCase, 'markdown'));
  await page.click('#report .commands button.copy');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('command was copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Connect-MgGraph -Scopes Policy.ReadWrite.Authorization');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved, JSON.parse(cli(theCase, 'json')));

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('form.questions'), false);
  assert.equal(await page.isVisible('#report'), true);
  await page.emulateMedia({ media: 'screen' });

  await page.click('#lang-ja');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.equal(await page.inputValue('#f-mobilePhone'), '+81 9012345678', 'switching language keeps the answers');
  assert.match(await page.textContent('#report'), /管理者のパスワード リセットが無効/);
  await page.click('#reset');
  assert.equal(await page.inputValue('#f-mobilePhone'), '');

  // Only the page's files, and after load only the blob: of the download (made in the page).
  const after = probe.requests.slice(loaded).map((r) => r.url).filter((u) => !u.startsWith('blob:'));
  assert.deepEqual(after, []);
  for (const r of probe.requests) assert.ok(r.url.startsWith(srv.origin) || r.url.startsWith('blob:'), r.url);
  assert.deepEqual(probe.consoleErrors, []);
  assert.deepEqual(probe.cspViolations, []);
  // Storage: only the language the user picked.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['sspr-doctor.lang']);
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  await context.close();
});

test('a remembered language is used next time; ?lang= wins', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${srv.origin}/`);
  await waitReady(page, {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.click('#lang-ja');
  await page.goto(`${srv.origin}/`);
  await waitReady(page, {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await page.goto(`${srv.origin}/?lang=en`);
  await waitReady(page, {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await context.close();
});

test('IME: no check and no submission while composing; the check runs when composition ends', async () => {
  const { context, page, probe } = await openProbed(browser, `${srv.origin}/?lang=ja`);
  await waitReady(page, probe);
  await page.evaluate(() => {
    const input = document.getElementById('f-mobilePhone');
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    input.value = '０９０ー１２３４';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    // Enter to confirm the IME candidate must not submit the form.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true }));
  });
  await page.waitForTimeout(600);
  assert.equal(await page.textContent('[data-check="mobilePhone"]'), '');
  assert.equal(await page.locator('#report').count(), 0);
  await page.evaluate(() => {
    const input = document.getElementById('f-mobilePhone');
    input.value = '０９０ー１２３４ー５６７８';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
  });
  await page.waitForSelector('[data-check="mobilePhone"] .live-finding[class*="sev-blocking"]');
  assert.match(await page.textContent('[data-check="mobilePhone"]'), /国番号がありません/);
  await page.selectOption('#f-phoneCountry', 'JP');
  await page.waitForFunction(() => document.querySelector('[data-check="mobilePhone"]').textContent.includes('+81 9012345678'));
  await context.close();
});

test('a paste longer than any real value is cut to the limit of its field, and the page says so in its language', async () => {
  for (const [lang, said] of [['en', /Only the first 16,384 characters are kept/], ['ja', /先頭の 16,384 文字まで/]]) {
    const { context, page, probe } = await openProbed(browser, `${srv.origin}/?lang=${lang}`);
    await waitReady(page, probe);
    await page.check('#q-isAdmin-true');
    const long = `AllowedToUseSspr : False\n${'管理者@contoso.com '.repeat(7000)}`; // 126,000 characters
    await page.fill('#f-username', long);
    await page.fill('#f-policyOutput', long);
    assert.equal(await page.evaluate(() => document.getElementById('f-username').value.length), 1024);
    assert.equal(await page.evaluate(() => document.getElementById('f-policyOutput').value.length), 16384);
    assert.ok(await page.isVisible('#f-policyOutput-cut'));
    assert.match(await page.textContent('#f-policyOutput-cut'), said);
    assert.match(await page.getAttribute('#f-policyOutput', 'aria-describedby'), /f-policyOutput-cut/);
    // A field under its limit says nothing.
    assert.equal(await page.isVisible('#f-pageMessage-cut'), false);
    await page.fill('#f-username', 'admin@contoso.com');
    assert.equal(await page.isVisible('#f-username-cut'), false);
    await page.click('#diagnose');
    await page.waitForSelector('#report');
    assert.ok(await page.locator('#report [data-id="sspr_disabled"]').count() > 0, 'the kept text is still read');
    assert.deepEqual(probe.pageErrors, []);
    await context.close();
  }
});

test('hostile input in every field: shown as text, page responsive; a megabyte too', async () => {
  const { context, page, probe } = await openProbed(browser, `${srv.origin}/?lang=en`);
  await waitReady(page, probe);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is one of the payloads
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u0000\u0007\u202e"\'`${x}';
  for (const id of ['f-username', 'f-alternateEmail', 'f-mobilePhone', 'f-policyOutput', 'f-pageMessage']) await page.fill(`#${id}`, evil);
  await page.click('#diagnose');
  await page.waitForSelector('#report');
  await page.locator('#report details.evidence').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(400); // live checks ran on the evil text too
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#app img, #app script').count(), 0);
  assert.ok((await page.textContent('#report')).includes('<img src=x'));

  const mb = 'x'.repeat(1 << 20);
  await page.evaluate((mb) => {
    for (const id of ['f-username', 'f-alternateEmail', 'f-mobilePhone', 'f-policyOutput', 'f-pageMessage']) {
      const el = document.getElementById(id);
      el.value = id === 'f-mobilePhone' ? '0'.repeat(mb.length) : mb;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, mb);
  const t0 = Date.now();
  await page.click('#diagnose');
  await page.waitForSelector('#report');
  const took = Date.now() - t0;
  assert.ok(took < 5000, `report after ${took} ms with five 1 MB fields`);
  // Still responsive: a trivial script runs at once.
  const t1 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t1 < 1000);
  assert.deepEqual(probe.pageErrors, []);
  await context.close();
});
