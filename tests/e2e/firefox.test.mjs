// The offline single file opened from file:// in Firefox (Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi; no browser download): it loads and answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { singleFileUrl, artifacts } from './helpers.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
if (!existsSync(FIREFOX)) throw new Error(`missing ${FIREFOX}: run ./dev setup`);

test('firefox: the single file works from file://', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sspr-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(singleFileUrl);
    await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function', { timeout: 20000 });
    const r = await page.evaluate(() => window.SsprDoctor.diagnose({ lang: 'ja', mobilePhone: '０９０ー１２３４ー５６７８', phoneCountry: 'JP', today: '2026-11-24' }));
    assert.equal(r.findings[0].id, 'country_code_missing');
    assert.equal(r.phone.e164, '+819012345678');
    await page.type('#f-mobilePhone', '+81 090 1234 5678');
    await page.click('#diagnose');
    await page.waitForSelector('#report .finding[data-id="trunk_prefix_after_country_code"]');
    await page.screenshot({ path: join(artifacts, 'e2e-firefox-file.png'), fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('firefox: a file cut short (the script never runs) shows the notice in both languages', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sspr-ff-'));
  const dir = mkdtempSync(join(tmpdir(), 'sspr-cut-'));
  const html = readFileSync(fileURLToPath(singleFileUrl), 'utf8');
  const cut = join(dir, 'cut.html');
  writeFileSync(cut, html.slice(0, html.indexOf('id="sspr-engine"') + 5000));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(cut).href);
    // The Japanese copy shows a second after the English one (styles.css), then stays.
    await page.waitForFunction(() => document.querySelector('#boot [lang="ja"]')?.checkVisibility(), { timeout: 5000 });
    assert.ok(await page.evaluate(() => document.querySelector('#boot [lang="en"]').checkVisibility()));
    await page.screenshot({ path: join(artifacts, 'e2e-firefox-cut.png'), fullPage: false });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 26 in Firefox: a .zip of three organizations chosen in the page gives the overview
// ranked as the command line ranks it; the API (a folder's files by path, the .zip, a hostile
// archive) gives the command line's report; hiding contact data leaves none in the overview.
test('firefox: organizations from a .zip and from a folder\'s files are the command line\'s, and hidden contact data stays hidden', async () => {
  const { writeDrops, cli, THREE, zip, TODAY } = await import('./orgs-fixtures.mjs');
  const drops = writeDrops();
  const profile = mkdtempSync(join(tmpdir(), 'sspr-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${singleFileUrl}?view=audit&lang=en`);
    await page.waitForSelector('#audit-file');
    const input = await page.$('#audit-file');
    await input.uploadFile(drops.archive);
    await page.waitForSelector('#audit-orgs-table', { timeout: 30000 });
    const expected = JSON.parse(cli(['audit-orgs', drops.archive, '--format', 'json', '--lang', 'en']));
    const names = await page.$$eval('#audit-orgs-table tbody th', (ths) => ths.map((th) => th.firstChild.textContent));
    assert.deepEqual(names, expected.organizations.map((o) => o.name));

    const b64 = (b) => Buffer.from(b).toString('base64');
    const api = (files, options) => page.evaluate(async (fs, o) => {
      const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      return JSON.stringify(await window.SsprDoctor.auditOrganizations(fs.map((f) => ({ name: f.name, data: bytes(f.data) })), o));
    }, files, options);
    const folder = THREE.map((m) => ({ name: `drop/${m.path}`, data: b64(m.bytes) }));
    assert.equal(await api(folder, { today: TODAY }), JSON.stringify(JSON.parse(cli(['audit-orgs', drops.folder, '--format', 'json', '--lang', 'en']))));
    assert.equal(await api([{ name: 'drop.zip', data: b64(readFileSync(drops.archive)) }], { today: TODAY }), JSON.stringify(expected));
    const hostile = JSON.parse(await api([{ name: 'hostile.zip', data: b64(readFileSync(drops.hostile)) }], { today: TODAY }));
    assert.deepEqual(hostile.problems, JSON.parse(cli(['audit-orgs', drops.hostile, '--format', 'json', '--lang', 'en'])).problems);

    // A tenant whose numbers and names the test knows, hidden in the page.
    const csv = 'userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails\n'
      + 'hiddenperson@contoso.example,Hidden Person,id-qqqq,User Administrator,mobilePhone;email,+81 90-7654-3219,secretbox@fabrikam.example,,\n';
    const secret = join(artifacts, 'orgs/secret.zip');
    writeFileSync(secret, zip([{ name: 'contoso/admins.csv', bytes: Buffer.from(csv), deflate: true }]));
    await input.uploadFile(secret);
    await page.waitForFunction(() => document.querySelector('#audit-orgs-table tbody th')?.textContent.startsWith('contoso'), { timeout: 30000 });
    await page.click('#audit-redact');
    await page.waitForSelector('#audit-orgs .note');
    await page.click('#audit-orgs-table tr[data-org="0"] button');
    await page.waitForSelector('#audit-results .headline');
    const shown = await page.$eval('#audit-results', (el) => el.textContent);
    for (const s of ['hiddenperson', 'secretbox', '7654', '3219']) assert.ok(!shown.includes(s), `${s} is hidden`);
    await page.screenshot({ path: join(artifacts, 'e2e-firefox-orgs.png'), fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
