// Progress between two exports and the HTML report (issue 21), as a person uses them: the
// comparison in the page equals the command line's (and window.SsprDoctor.auditDiff), two
// organizations' files give a warning, an unreadable earlier file the audit's message; the
// HTML report of an audit and of a comparison is the command line's, and opened with
// JavaScript off and every request blocked it shows hostile cells as text, on screen and in
// print (A4). Screenshots go to docs/screenshots with SSPR_DOCS=1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serve, openProbed, root, shotsDir } from './helpers.mjs';

const TODAY = '2026-11-25';
const NEW = join(root, 'tests/fixtures/audit/admin-script.csv');
const OLD = join(root, 'tests/fixtures/audit/samples/portal_exportUserRegistrationDetails_2026-9-23.csv');

let browser;
let srv;
let tmp;
before(async () => { browser = await launch(); srv = await serve(); tmp = mkdtempSync(join(tmpdir(), 'sspr-compare-')); });
after(async () => { await browser?.close(); await srv?.close(); rmSync(tmp, { recursive: true, force: true }); });

function cli(args) {
  const r = spawnSync(join(root, 'target/release/sspr-doctor'), [...args, '--today', TODAY], { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

async function openAudit(lang) {
  const opened = await openProbed(browser, `${srv.origin}/?view=audit&lang=${lang}`, {
    beforeGoto: (p) => p.clock.setFixedTime(new Date(`${TODAY}T10:00:00+09:00`)),
  });
  await opened.page.waitForSelector('#audit-file', { state: 'attached' });
  await opened.page.setInputFiles('#audit-file', NEW);
  await opened.page.waitForSelector('#audit-results .headline');
  return opened;
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await d.path());
}

test('the page compares an earlier export of another format: the command line\'s result, worse first', async () => {
  for (const lang of ['en', 'ja']) {
    const { context, page, probe } = await openAudit(lang);
    const loaded = probe.requests.length;
    await page.setInputFiles('#audit-earlier-file', OLD);
    await page.waitForSelector('#audit-diff');
    const want = JSON.parse(cli(['audit-diff', OLD, NEW, '--lang', lang]).toString('utf8'));
    // The table lists what changed, in the command line's order (unchanged left out).
    const rows = await page.$$eval('#audit-diff table.diff-accounts tbody tr', (trs) => trs.map((tr) => tr.className.replace('c-', '')));
    assert.deepEqual(rows, want.accounts.filter((a) => a.change !== 'unchanged').map((a) => a.change));
    assert.equal(await page.getAttribute('#audit-diff [data-warning]', 'data-warning'), 'joinedByUserName');
    assert.match(await page.textContent('#audit-diff-fixed'), /1$/);
    // A filter: only the fixed.
    await page.click('#audit-diff-fixed');
    assert.deepEqual(await page.$$eval('#audit-diff table.diff-accounts tbody tr', (trs) => trs.map((tr) => tr.className)), ['c-fixed']);
    // Its files are the command line's.
    for (const f of ['html', 'json', 'csv']) {
      const got = await download(page, `#audit-diff-export-${f}`);
      assert.ok(got.equals(cli(['audit-diff', OLD, NEW, '--lang', lang, '--format', f]).subarray(0, got.length)) && got.length + (f === 'json' ? 1 : 0) === cli(['audit-diff', OLD, NEW, '--lang', lang, '--format', f]).length, `${f} comparison equals the command line's`);
    }
    // And the page's report of the audit as HTML.
    const report = await download(page, '#audit-export-html');
    assert.ok(report.equals(cli(['audit', NEW, '--format', 'html', '--lang', lang])), 'the HTML report is the command line\'s');
    if (process.env.SSPR_DOCS === '1') await page.locator('#audit-compare').screenshot({ path: join(shotsDir, `compare-${lang}.png`) });
    const later = probe.requests.slice(loaded).map((r) => r.url).filter((u) => !u.startsWith('blob:'));
    assert.deepEqual(later, [], 'nothing leaves the page');
    assert.deepEqual(probe.pageErrors, []);
    await context.close();
  }
});

test('the page API compares too; the same export twice is all unchanged; two organizations are not compared; an unreadable file gets the audit\'s message', async () => {
  const { context, page } = await openAudit('en');
  const text = (f) => readFileSync(f, 'utf8');
  const api = await page.evaluate(async ([o, n]) => JSON.stringify(await window.SsprDoctor.auditDiff({ name: 'portal_exportUserRegistrationDetails_2026-9-23.csv', data: o }, { name: 'admin-script.csv', data: n }, { lang: 'en', today: '2026-11-25' })), [text(OLD), text(NEW)]);
  assert.equal(api, cli(['audit-diff', OLD, NEW]).toString('utf8').replace(/\n$/, ''));
  const same = await page.evaluate(async (n) => window.SsprDoctor.auditDiff(n, n, { lang: 'en', today: '2026-11-25' }), text(NEW));
  assert.ok(same.accounts.every((a) => a.change === 'unchanged'));
  assert.equal(same.counts.unchanged, 7);

  const other = join(tmp, 'other.csv');
  writeFileSync(other, 'userPrincipalName,roles,methodsRegistered\nboss@fabrikam.example,Global Administrator,email\n');
  await page.setInputFiles('#audit-earlier-file', other);
  await page.waitForSelector('#audit-diff [data-warning="differentOrganizations"]');
  assert.equal(await page.$$eval('#audit-diff table.diff-accounts tbody tr', (trs) => trs.length), 0, 'not a diff of everyone added and removed');

  const bad = join(tmp, 'bad.csv');
  writeFileSync(bad, 'hello,world\n1,2\n');
  await page.setInputFiles('#audit-earlier-file', bad);
  const message = await (await page.waitForSelector('#audit-diff-error')).textContent();
  const r = spawnSync(join(root, 'target/release/sspr-doctor'), ['audit', bad, '--today', TODAY]);
  assert.equal(`sspr-doctor: ${message}`, String(r.stderr).trim(), 'the audit\'s own message');
  // The finished audit is still there: its table and exports work.
  assert.match(await page.textContent('#audit-results .headline'), /7 accounts/);
  await context.close();
});

test('the HTML reports open with JavaScript off and every request blocked; hostile cells are text; A4 print', async () => {
  const hostile = join(tmp, 'hostile.csv');
  writeFileSync(hostile, [
    'userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail',
    '"<script>alert(1)</script>@contoso.com","<img src=x onerror=alert(2)>","Global Administrator","mobilePhone","+81 090-1234-5678",""',
    '"a@contoso.com","</td></tr></table><h1>FORGED</h1>","Exchange Administrator","email","","<b>x</b>@fabrikam.example"',
  ].join('\n'));
  for (const lang of ['en', 'ja']) {
    for (const [name, args] of [['report', ['audit', hostile, '--format', 'html', '--lang', lang]], ['progress', ['audit-diff', NEW, hostile, '--format', 'html', '--lang', lang]]]) {
      const file = join(tmp, `${name}-${lang}.html`);
      writeFileSync(file, cli(args));
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
      const page = await context.newPage();
      const requests = [];
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        requests.push(route.request().url());
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href);
      assert.deepEqual(requests, [], 'no request');
      assert.equal(await page.$$eval('script, img, iframe, object, embed, link', (els) => els.length), 0, 'no script, image or link element');
      const body = await page.textContent('body');
      if (name === 'report') {
        assert.ok(body.includes('<script>alert(1)</script>@contoso.com'), 'the user name is shown as text');
        assert.ok(body.includes('<img src=x onerror=alert(2)>'));
        assert.equal(await page.$$eval('h1', (h) => h.length), 1, 'no forged heading');
      }
      assert.ok(await page.$('svg') || name === 'progress', 'the chart is inline SVG');
      // Readable on a phone: nothing wider than the screen but the tables' own frames.
      await page.setViewportSize({ width: 390, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `overflow ${overflow}px at 390px`);
      await page.setViewportSize({ width: 1000, height: 900 });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      assert.ok(pdf.length > 1000 && pdf.subarray(0, 4).toString() === '%PDF');
      if (process.env.SSPR_DOCS === '1') {
        await page.screenshot({ path: join(shotsDir, `html-${name}-${lang}.png`), fullPage: true });
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.screenshot({ path: join(shotsDir, `html-${name}-print-${lang}.png`), fullPage: false });
        writeFileSync(join(root, 'tests/artifacts', `html-${name}-${lang}.pdf`), pdf);
      }
      await context.close();
    }
  }
});
