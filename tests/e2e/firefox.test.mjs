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
