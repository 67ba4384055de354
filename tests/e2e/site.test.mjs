// The page in both forms (served, also from a sub-path, and the single file from file://):
// it loads, window.SsprDoctor.diagnose answers a real case exactly as the command line does,
// the UI shows the answer, nothing is requested after load, no console errors, no CSP
// violations, and a dead module is replaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, serve, openProbed, waitReady, singleFileUrl, fixtures, cliReport, artifacts, root } from './helpers.mjs';

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

const targets = () => [
  { name: 'served', url: `${srv.origin}/`, sameOrigin: (u) => u.startsWith(srv.origin) },
  { name: 'file', url: singleFileUrl, sameOrigin: (u) => u === singleFileUrl },
];

for (const which of ['served', 'file']) {
  test(`${which}: loads, answers, shows the answer, and stays private`, async () => {
    const target = targets().find((t) => t.name === which);
    const { context, page, probe } = await openProbed(browser, target.url);
    await waitReady(page, probe);
    const loadRequests = probe.requests.length;

    // The contract API answers a real case.
    const report = await page.evaluate(() => window.SsprDoctor.diagnose({ mobilePhone: '+81 090-1234-5678', today: '2026-11-24' }));
    assert.equal(report.findings[0].id, 'trunk_prefix_after_country_code');
    assert.equal(report.phone.e164, '+819012345678');

    // The UI shows it.
    await page.fill('#f-mobilePhone', '+81 090-1234-5678');
    await page.click('#diagnose');
    await page.waitForSelector('#report');
    const first = page.locator('#report .finding').first();
    assert.equal(await first.getAttribute('data-id'), 'trunk_prefix_after_country_code');
    assert.match(await first.textContent(), /\+81 9012345678/);
    await page.screenshot({ path: join(artifacts, `e2e-${which}-report.png`), fullPage: true });

    // Privacy: only the page's own files were loaded, and nothing at all after load.
    const after = probe.requests.slice(loadRequests);
    assert.deepEqual(after.map((r) => r.url), [], 'no request after load');
    for (const r of probe.requests) assert.ok(target.sameOrigin(r.url), `unexpected request ${r.url}`);
    assert.deepEqual(probe.consoleErrors, []);
    assert.deepEqual(probe.pageErrors, []);
    assert.deepEqual(probe.cspViolations, []);
    // No storage unless the user picks a language.
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await context.close();
  });
}

test('served from a sub-path works the same', async () => {
  // Another server with the site mounted under /kb/tools/sspr/, as an intranet host might.
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', '0', '--base', '/kb/tools/sspr/'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => { const m = String(d).match(/http:\/\/\S+/); if (m) ok(m[0]); });
    child.on('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
  try {
    assert.match(url, /\/kb\/tools\/sspr\/$/);
    const sub = await openProbed(browser, url);
    await waitReady(sub.page, sub.probe);
    const r = await sub.page.evaluate(() => window.SsprDoctor.diagnose({ isAdmin: false, today: '2026-11-24' }));
    assert.equal(r.resolution.id, 'askYourAdmin');
    for (const q of sub.probe.requests) assert.ok(q.url.startsWith(url), `outside the sub-path: ${q.url}`);
    assert.deepEqual(sub.probe.consoleErrors, []);
    await sub.context.close();
  } finally {
    child.kill();
  }
});

test('every shared fixture: the page returns the command line\'s report byte for byte', async () => {
  for (const target of targets()) {
    const { context, page, probe } = await openProbed(browser, target.url);
    await waitReady(page, probe);
    for (const f of fixtures()) {
      const fromPage = await page.evaluate((j) => JSON.stringify(window.SsprDoctor.diagnose(JSON.parse(j))), f.json);
      assert.equal(fromPage, cliReport(f.json), `${target.name}: ${f.name}`);
    }
    await context.close();
  }
});

test('bulk phone checks: the page and the command line agree on the whole corpus, byte for byte', async () => {
  const text = readFileSync(join(root, 'tests/phones/corpus.tsv'), 'utf8');
  const list = text.split('\n').filter(Boolean).map((l) => { const [mobilePhone, phoneCountry] = l.split('\t'); return { mobilePhone, phoneCountry: phoneCountry ?? null }; });
  const cli = spawnSync(join(root, 'target/release/sspr-doctor'), ['phones'], { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(cli.status, 0, cli.stderr);
  const fromCli = cli.stdout.split('\n').filter(Boolean);
  assert.equal(fromCli.length, list.length);
  const { context, page, probe } = await openProbed(browser, singleFileUrl);
  await waitReady(page, probe);
  const fromPage = await page.evaluate((l) => window.SsprDoctor.checkPhones(l).map((r) => JSON.stringify(r)), list);
  for (let i = 0; i < list.length; i++) assert.equal(fromPage[i], fromCli[i], `line ${i + 1}: ${list[i].mobilePhone}`);
  // A wrong list is a clear error, not a trap.
  const err = await page.evaluate(() => { try { window.SsprDoctor.checkPhones([{ mobilePhone: 42 }]); return null; } catch (e) { return e.message; } });
  assert.match(err, /invalid phone list/);
  assert.equal(await page.evaluate(() => window.SsprDoctor.restarts), 0);
  await context.close();
});

test('a wrong value is a clear error, and the page keeps working', async () => {
  const { context, page, probe } = await openProbed(browser, singleFileUrl);
  await waitReady(page, probe);
  const err = await page.evaluate(() => { try { window.SsprDoctor.diagnose({ symptom: 'fax' }); return null; } catch (e) { return `${e.name}: ${e.message}`; } });
  assert.match(err, /invalid Case: unknown variant `fax`/);
  const ok = await page.evaluate(() => window.SsprDoctor.diagnose({ today: '2026-11-24' }).resolution.id);
  assert.equal(ok, 'unknown');
  await context.close();
});

test('a trapped (dead) module is replaced and the answers on the page are kept', async () => {
  const { context, page, probe } = await openProbed(browser, singleFileUrl);
  await waitReady(page, probe);
  await page.fill('#f-mobilePhone', '+44 (0)7911 123456');
  const thrown = await page.evaluate(() => { try { window.SsprDoctor._trapForTesting(); return null; } catch (e) { return e.name; } });
  assert.equal(thrown, 'EngineRestarted');
  await page.waitForFunction(() => { try { window.SsprDoctor.diagnose({}); return true; } catch { return false; } });
  assert.equal(await page.evaluate(() => window.SsprDoctor.restarts), 1);
  await page.click('#diagnose');
  await page.waitForSelector('#report .finding[data-id="trunk_prefix_after_country_code"]');
  assert.equal(await page.inputValue('#f-mobilePhone'), '+44 (0)7911 123456');
  await context.close();
});

test('hostile input is shown as text, never as markup', async () => {
  const { context, page, probe } = await openProbed(browser, singleFileUrl);
  await waitReady(page, probe);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.fill('#f-username', evil);
  await page.fill('#f-pageMessage', evil);
  await page.click('#diagnose');
  await page.waitForSelector('#report');
  await page.locator('#report details.evidence').first().evaluate((d) => { d.open = true; });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#report img, #report script').count(), 0);
  assert.ok((await page.locator('#report').textContent()).includes('<img src=x'));
  assert.deepEqual(probe.pageErrors, []);
  await context.close();
});

test('the offline file takes the same URL options from file://, but never a help desk from a URL', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  // A link anyone can craft, naming a "help desk" on the organization's own page.
  await page.goto(`${singleFileUrl}?lang=en&symptom=sms&first=org&helpdesk=IT%20Desk&helpdeskContact=https://evil.example/reset`);
  await waitReady(page, {});
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.isChecked('#q-symptom-sms'), true);
  const order = await page.locator('[data-section]').evaluateAll((els) => els.filter((e) => !e.hidden).map((e) => e.dataset.section));
  assert.deepEqual(order.slice(0, 2), ['symptom', 'org']);
  await page.click('#diagnose');
  await page.waitForSelector('#report');
  assert.equal(await page.locator('.helpdesk').count(), 0);
  assert.ok(!(await page.textContent('body')).includes('evil.example'));
  await context.close();
});

test("the publisher's help desk: the page's configuration block (set at build or deploy time) names it", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A deployment edits the JSON block (or builds with SSPR_HELPDESK / SSPR_HELPDESK_CONTACT).
  await page.route((u) => u.pathname === '/', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/(<script type="application\/json" id="sspr-config">)[^<]*/, '$1{"helpdesk":"IT Service Desk","helpdeskContact":"tel:+81-3-1234-5678"}');
    await route.fulfill({ response: res, body });
  });
  await page.goto(`${srv.origin}/?lang=en&helpdesk=Someone%20Else`);
  await waitReady(page, {});
  await page.click('#diagnose');
  assert.equal(await page.locator('.helpdesk a').getAttribute('href'), 'tel:+81-3-1234-5678');
  assert.match(await page.locator('.helpdesk').textContent(), /IT Service Desk/);
  assert.ok(!(await page.textContent('.helpdesk')).includes('Someone Else'));
  await context.close();
});

test('at 390 px, in Japanese, no radio button or checkbox is squeezed by a label that wraps', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${singleFileUrl}?lang=ja`);
  await page.waitForSelector('form .choice input');
  const widths = await page.$$eval('.choice input', (els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  assert.ok(widths.length > 20, `${widths.length} controls`);
  assert.deepEqual([...new Set(widths)], [24], 'every control keeps its 1.5rem');
  await page.click('#tab-audit');
  const box = await page.$eval('#audit-telecom', (e) => Math.round(e.getBoundingClientRect().width));
  assert.equal(box, 22, 'the audit checkbox keeps its 1.4rem');
  await context.close();
});
