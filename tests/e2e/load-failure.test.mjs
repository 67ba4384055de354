// When the engine cannot load, the page says why in the user's language: never a blank page,
// and what was typed stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serve, openProbed, shotsDir } from './helpers.mjs';

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Opens the served page with its HTML changed by `transform`. */
async function withPage(locale, transform) {
  return openProbed(browser, `${srv.origin}/`, {
    locale,
    beforeGoto: (page) => page.route((u) => u.pathname === '/', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: transform(await res.text()) });
    }),
  });
}

test('a policy that blocks WebAssembly: a localized explanation (ja)', async () => {
  const { context, page } = await withPage('ja-JP', (html) => html.replace(" 'wasm-unsafe-eval'", ''));
  const alert = page.locator('#load-error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /セキュリティ ポリシーが WebAssembly をブロック/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  // The form is there, and what is typed stays.
  await page.fill('#f-mobilePhone', '+81 090-1234-5678');
  assert.equal(await page.inputValue('#f-mobilePhone'), '+81 090-1234-5678');
  await context.close();
});

test('a damaged engine: a localized explanation (en)', async () => {
  const { context, page } = await withPage('en-US', (html) => html.replace(/(id="sspr-engine">)[^<]{12}/, '$1XXXXXXXXXXXX'));
  const alert = page.locator('#load-error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /damaged or incomplete/);
  await context.close();
});

test('a file cut short (the script never runs): the static bilingual notice stays visible', async () => {
  const { context, page } = await withPage('en-US', (html) => html.slice(0, html.indexOf('id="sspr-engine"') + 5000));
  await page.waitForTimeout(500);
  assert.ok(await page.locator('#boot').isVisible());
  assert.match(await page.locator('#boot').textContent(), /could not run the tool/);
  assert.match(await page.locator('#boot').textContent(), /ツールを実行できませんでした/);
  // The Japanese copy shows a second after the English one (styles.css: kept off the first
  // paint), and then stays.
  await page.locator('#boot [lang="ja"]').waitFor({ state: 'visible', timeout: 3000 });
  assert.ok(await page.locator('#boot [lang="en"]').isVisible());
  await page.screenshot({ path: join(shotsDir, 'boot-stays.png') });
  await context.close();
});
