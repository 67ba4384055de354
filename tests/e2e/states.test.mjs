// Every state of the page in both languages: axe-core with the WCAG 2.2 AA tags reports no
// violation, and a screenshot of each state is kept in docs/screenshots/ (the evidence for
// people, and for the intranet editors' guide). axe is injected with the page's CSP bypassed
// (its own script would be refused, as any other would); everything else runs as shipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve, waitReady, singleFileUrl, shotsDir, axeResultsFile } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const shots = shotsDir;
const results = [];

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => {
  await browser?.close();
  await srv?.close();
  writeFileSync(axeResultsFile, `${JSON.stringify(results, null, 2)}\n`);
});

async function open(lang, { width = 1000 } = {}) {
  const context = await browser.newContext({ bypassCSP: true, locale: lang === 'ja' ? 'ja-JP' : 'en-US', viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${singleFileUrl}?lang=${lang}`);
  await waitReady(page, {});
  return { context, page, errors };
}

async function axe(page, state, { minRules = 15 } = {}) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: res.passes.length,
      violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
    };
  }, TAGS);
  results.push({ state, rulesPassed: r.passes, violations: r.violations.length, details: r.violations });
  // axe really looked: the full page passes dozens of rules, the one-paragraph error page ~10.
  assert.ok(r.passes >= minRules, `${state}: only ${r.passes} rules applied`);
  assert.deepEqual(r.violations, [], `${state}: axe violations`);
}

const STATES = {
  empty: async () => {},
  'live-errors': async (page) => {
    await page.fill('#f-username', 'admin');
    await page.fill('#f-alternateEmail', 'taro@gmial.com');
    await page.fill('#f-mobilePhone', '+81 090-1234-5678');
    await page.waitForSelector('[data-check="mobilePhone"] .live-finding');
    await page.waitForSelector('[data-check="alternateEmail"] .live-finding');
    await page.waitForSelector('[data-check="username"] .live-finding');
  },
  report: async (page) => {
    await page.fill('#f-username', 'admin@contoso.com');
    await page.check('#q-isAdmin-true');
    await page.check('#q-soleAdmin-false');
    await page.fill('#f-alternateEmail', 'taro@gmial.com');
    await page.fill('#f-mobilePhone', '+81 090-1234-5678');
    await page.fill('#f-policyOutput', 'AllowedToUseSspr : False');
    await page.click('#diagnose');
    await page.waitForSelector('#report');
    await page.locator('#report details.evidence').first().evaluate((d) => { d.open = true; });
  },
};

for (const lang of ['en', 'ja']) {
  for (const [state, act] of Object.entries(STATES)) {
    test(`${state} (${lang}): no WCAG 2.2 AA violation`, async () => {
      const { context, page, errors } = await open(lang);
      await act(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await page.screenshot({ path: join(shots, `${state}-${lang}.png`), fullPage: true });
      await axe(page, `${state}-${lang}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// "Check all administrators": the script's file audited, a row opened (and the same printed).
const AUDIT_CSV = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/audit/admin-script.csv');
async function auditState(page, lang) {
  await page.click('#tab-audit');
  await page.setInputFiles('#audit-file', AUDIT_CSV);
  await page.waitForSelector('#audit-results .headline');
  await page.click('#audit-row-3');
  await page.waitForSelector('#audit-row-3-details .finding');
  assert.equal(await page.getAttribute('#audit-results', 'data-engine'), 'worker');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}

for (const lang of ['en', 'ja']) {
  test(`audit (${lang}): no WCAG 2.2 AA violation`, async () => {
    const { context, page, errors } = await open(lang, { width: 1200 });
    await auditState(page, lang);
    await page.screenshot({ path: join(shots, `audit-${lang}.png`), fullPage: true });
    await axe(page, `audit-${lang}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#audit-file'), false);
    assert.equal(await page.isVisible('#audit-results table'), true);
    await page.screenshot({ path: join(shots, `audit-print-${lang}.png`), fullPage: true });
    await axe(page, `audit-print-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Issue 18: an account's fix plan in its details, and the fix script section.
for (const lang of ['en', 'ja']) {
  test(`fix plan and fix script (${lang}): no WCAG 2.2 AA violation`, async () => {
    const { context, page, errors } = await open(lang, { width: 1200 });
    await auditState(page, lang);
    await page.click('#audit-row-2');
    await page.waitForSelector('#audit-row-2-details .plan li[data-action="fix_phone_number"]');
    await page.click('#audit-fix-tap');
    await page.click('#audit-fix-make');
    await page.waitForSelector('#audit-fix-text');
    assert.match(await page.textContent('#audit-fix-text'), /New-MgUserAuthenticationTemporaryAccessPassMethod/);
    await page.locator('#audit-row-2-details').screenshot({ path: join(shots, `fix-plan-${lang}.png`) });
    await page.locator('#audit-fix').screenshot({ path: join(shots, `fix-script-${lang}.png`) });
    await axe(page, `fix-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('audit at 320 px (ja): no horizontal scrolling of the page, the table scrolls in its frame', async () => {
  const { context, page } = await open('ja', { width: 320 });
  await auditState(page, 'ja');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 320px`);
  await page.screenshot({ path: join(shots, 'audit-ja-320px.png'), fullPage: false });
  await axe(page, 'audit-ja-320px');
  await context.close();
});

// The report as printed (the print stylesheet: questions and buttons hidden).
for (const lang of ['en', 'ja']) {
  test(`print (${lang}): the report alone, no WCAG 2.2 AA violation`, async () => {
    const { context, page } = await open(lang);
    await STATES.report(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('form.questions'), false);
    assert.equal(await page.isVisible('#report'), true);
    await page.screenshot({ path: join(shots, `print-${lang}.png`), fullPage: true });
    await axe(page, `print-${lang}`);
    await context.close();
  });
}

// The module could not load (here: a damaged file). The explanation is a state of the page too.
for (const lang of ['en', 'ja']) {
  test(`load failed (${lang}): a localized explanation, no WCAG 2.2 AA violation`, async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: lang === 'ja' ? 'ja-JP' : 'en-US', viewport: { width: 1000, height: 500 } });
    const page = await context.newPage();
    await page.route((u) => u.pathname === '/', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace(/(id="sspr-engine">)[^<]{12}/, '$1XXXXXXXXXXXX') });
    });
    await page.goto(`${srv.origin}/?lang=${lang}`);
    await page.locator('#load-error[role=alert]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await page.screenshot({ path: join(shots, `load-failed-${lang}.png`), fullPage: true });
    await axe(page, `load-failed-${lang}`, { minRules: 8 });
    await context.close();
  });
}

test('reflow at 320 px: no horizontal scrolling, report readable (ja)', async () => {
  const { context, page } = await open('ja', { width: 320 });
  await STATES.report(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 320px`);
  await page.screenshot({ path: join(shots, 'report-ja-320px.png'), fullPage: false });
  await axe(page, 'report-ja-320px');
  await context.close();
});

test('keyboard only: answer, diagnose, reach the report and copy a command', async () => {
  const { context, page } = await open('en');
  // Tab from the top to the symptom radios: English, 日本語, the selected tab, then the
  // first radio group.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lang-en');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-troubleshoot');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name === 'q-symptom'), true);
  // The checked radio ("both") has focus; arrows move and select within the group.
  assert.equal(await page.evaluate(() => document.activeElement.value), 'both');
  await page.keyboard.press('ArrowLeft'); // "The text message (SMS)"
  await page.keyboard.press('ArrowLeft'); // "The email"
  assert.equal(await page.evaluate(() => document.activeElement.value), 'email');
  assert.equal(await page.isHidden('[data-section="sms"]'), true, 'SMS questions hidden for an email problem');
  // Next field: the user name.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-username');
  await page.keyboard.type('admin@contoso.com');
  // Focus is visible: the outline is drawn.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Jump to the alternate email the way a keyboard user would: Tab until it has focus.
  for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement.id)) !== 'f-alternateEmail'; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('taro@gmial.com');
  await page.keyboard.press('Tab');
  // The live check offers the suggestion as a button, reachable by keyboard.
  await page.waitForSelector('[data-check="alternateEmail"] .use-suggestion');
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement.classList.contains('use-suggestion'))); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#f-alternateEmail'), 'taro@gmail.com');
  // Submit with Enter from a text field.
  await page.focus('#f-username');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#report');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report');
  // Tab reaches the report actions.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-text');
  await context.close();
});
