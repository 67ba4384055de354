// When the module cannot load, the page says why in the user's language: never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openProbed } from './helpers.mjs';

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function withRoute(locale, file, transform) {
  return openProbed(browser, `${srv.origin}/`, {
    locale,
    // The document is requested as "/", the script as "/app.js".
    beforeGoto: (page) => page.route((u) => (file === 'index.html' ? u.pathname === '/' : u.pathname.endsWith(`/${file}`)), async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: transform(await res.text()) });
    }),
  });
}

test('a policy that blocks WebAssembly: a localized explanation (ja)', async () => {
  const { context, page } = await withRoute('ja-JP', 'index.html', (html) => html.replace(" 'wasm-unsafe-eval'", ''));
  const alert = page.locator('#boot [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /セキュリティ ポリシーが WebAssembly をブロック/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await context.close();
});

test('a damaged module: a localized explanation (en)', async () => {
  const { context, page } = await withRoute('en-US', 'app.js', (js) => js.replace(/WASM_BASE64\s*=\s*"AGFzbQ/, (m) => m.replace('AGFzbQ', 'AAAAAA')).replace(/"AGFzbQ[A-Za-z0-9+/]{20}/, '"AAAAAAAAAAAAAAAAAAAAAAAAAA'));
  const alert = page.locator('#boot [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /damaged or incomplete/);
  await context.close();
});

test('a script that never runs (truncated file): the static bilingual notice stays visible', async () => {
  const { context, page } = await withRoute('en-US', 'app.js', (js) => js.slice(0, 1000));
  await page.waitForTimeout(500);
  assert.ok(await page.locator('#boot').isVisible());
  assert.match(await page.locator('#boot').textContent(), /could not run the tool/);
  assert.match(await page.locator('#boot').textContent(), /ツールを実行できませんでした/);
  await context.close();
});
