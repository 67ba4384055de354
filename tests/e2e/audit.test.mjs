// "Check all administrators" as a person uses it, on the served site and the offline file:
// the audit runs in a Web Worker, its results and every export are the command line's,
// byte for byte; the page API too; nothing leaves the page and nothing is stored; cancel
// stops it; files it cannot read get a clear message and the page stays usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openProbed, root, singleFileUrl } from './helpers.mjs';

const TODAY = '2026-11-25';
const SCRIPT_CSV = join(root, 'tests/fixtures/audit/admin-script.csv');
const SAMPLES = join(root, 'tests/fixtures/audit/samples');

let browser;
let srv;
let tmp;
before(async () => { browser = await launch(); srv = await serve(); tmp = mkdtempSync(join(tmpdir(), 'sspr-audit-')); });
after(async () => { await browser?.close(); await srv?.close(); rmSync(tmp, { recursive: true, force: true }); });

/** The command line's audit, as the exact bytes it wrote (JSON without its last newline). */
function cli(files, format = 'json', lang = 'en') {
  const r = spawnSync(join(root, 'target/release/sspr-doctor'), ['audit', ...files, '--format', format, '--lang', lang, '--today', TODAY], { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString('utf8');
  return format === 'json' ? out.replace(/\n$/, '') : out;
}

async function openAudit(url, lang = 'en') {
  const opened = await openProbed(browser, `${url}?view=audit&lang=${lang}`, {
    beforeGoto: (p) => p.clock.setFixedTime(new Date(`${TODAY}T10:00:00+09:00`)),
  });
  await opened.page.waitForSelector('#audit-file', { state: 'attached' });
  await opened.page.waitForFunction(() => typeof window.SsprDoctor?.audit === 'function');
  return opened;
}

/** A file of `n` made-up administrators in the script's shape (the benchmark's generator). */
function admins(n) {
  const file = join(tmp, `admins-${n}.csv`);
  writeFileSync(file, spawnSync(process.execPath, [join(root, 'tests/bench/audit-input.mjs'), String(n)], { maxBuffer: 1 << 28 }).stdout);
  return file;
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

for (const [where, url] of [['served', () => `${srv.origin}/`], ['offline file', () => singleFileUrl]]) {
  test(`${where}: the script's CSV is audited in a worker; every export is the command line's; nothing leaves the page`, async () => {
    const { context, page, probe } = await openAudit(url());
    const loaded = probe.requests.length;
    await page.setInputFiles('#audit-file', SCRIPT_CSV);
    await page.waitForSelector('#audit-results .headline');
    assert.equal(await page.getAttribute('#audit-results', 'data-engine'), 'worker', 'the audit runs in a Web Worker');
    assert.match(await page.textContent('#audit-results .headline'), /7 accounts: 3 Fails today, 2 At risk, 1 OK, 1 Unknown/);

    // Every status of the table is the command line's, in file order.
    const report = JSON.parse(cli([SCRIPT_CSV]));
    const rows = await page.$$eval('#audit-results table.accounts tbody tr:not(.details)', (trs) => trs.map((tr) => tr.className.replace('status-', '')));
    assert.deepEqual(rows, report.accounts.map((a) => a.status));

    for (const [selector, format, file] of [['#audit-export-csv', 'csv', 'sspr-doctor-audit.csv'], ['#audit-export-json', 'json', 'sspr-doctor-audit.json'], ['#audit-export-markdown', 'markdown', 'sspr-doctor-audit.md']]) {
      const got = await download(page, selector);
      assert.equal(got.name, file);
      assert.equal(got.bytes.toString('utf8'), cli([SCRIPT_CSV], format), `${format} export equals the command line's`);
    }
    const csv = (await download(page, '#audit-export-csv')).bytes;
    assert.deepEqual([...csv.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'CSV for Excel starts with a UTF-8 BOM');
    for (const line of csv.toString('utf8').split('\r\n')) {
      for (const cell of line.split(',')) assert.ok(!/^"?[=+\-@]/.test(cell), `formula-like cell ${cell}`);
    }

    // The page API: the same AuditReport, byte for byte once serialized.
    const text = readFileSync(SCRIPT_CSV, 'utf8');
    const api = await page.evaluate(async (t) => JSON.stringify(await window.SsprDoctor.audit({ name: 'admin-script.csv', data: t }, { lang: 'en', today: '2026-11-25' })), text);
    assert.equal(api, cli([SCRIPT_CSV]));

    // Open a row: its fix steps are the account's findings in words.
    await page.click('#audit-row-2');
    await page.waitForSelector('#audit-row-2-details .finding');
    const ids = await page.$$eval('#audit-row-2-details .finding', (fs) => fs.map((f) => f.dataset.id));
    assert.deepEqual(ids, report.accounts[2].findings.map((f) => f.id));

    // Nothing leaves the page: after load, only blob: URLs the page made (the worker, the
    // downloads); nothing stored but a language the user picks (none here).
    const later = probe.requests.slice(loaded).map((r) => r.url).filter((u) => !u.startsWith('blob:'));
    assert.deepEqual(later, []);
    assert.deepEqual(probe.consoleErrors, []);
    assert.deepEqual(probe.pageErrors, []);
    assert.deepEqual(probe.cspViolations, []);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases?.())?.map((d) => d.name) ?? []), []);
    await context.close();
  });
}

test('every sample export gives in the page what it gives the command line (Shift_JIS by the browser, by the table in the CLI)', async () => {
  const { context, page } = await openAudit(`${srv.origin}/`);
  const names = readdirSync(SAMPLES).filter((f) => /\.(csv|json)$/.test(f)).sort();
  assert.ok(names.length >= 13);
  for (const name of names) {
    const bytes = [...readFileSync(join(SAMPLES, name))];
    for (const lang of ['en', 'ja']) {
      const got = await page.evaluate(async ([n, b, l]) => JSON.stringify(await window.SsprDoctor.audit({ name: n, data: new Uint8Array(b) }, { lang: l, today: '2026-11-25' })), [name, bytes, lang]);
      assert.equal(got, cli([join(SAMPLES, name)], 'json', lang), `${name} (${lang})`);
    }
  }
  // Several files read together: the Graph report beside its per-user method lists.
  const together = ['graph_userRegistrationDetails_beta.json', 'graph_phoneMethods_by_user.json', 'graph_emailMethods_by_user.json'];
  const got = await page.evaluate(async (files) => JSON.stringify(await window.SsprDoctor.audit(files.map(([name, b]) => ({ name, data: new Uint8Array(b) })), { today: '2026-11-25' })),
    together.map((n) => [n, [...readFileSync(join(SAMPLES, n))]]));
  assert.equal(got, cli(together.map((n) => join(SAMPLES, n))));
  // Bad options are an error the caller sees, not a silent default.
  const err = await page.evaluate(async () => window.SsprDoctor.audit('a', { colour: 'red' }).then(() => 'resolved', (e) => e.message));
  assert.match(err, /unknown field `colour`/);
  await context.close();
});

test('a long paste (one line of Graph JSON) is kept aside, not put in the box, and checked whole', async () => {
  const { context, page, probe } = await openAudit(`${srv.origin}/`);
  const sample = JSON.parse(readFileSync(join(SAMPLES, 'graph_userRegistrationDetails_beta.json'), 'utf8'));
  const value = [];
  for (let k = 0; k < 200; k++) {
    for (const u of sample.value) value.push({ ...u, id: `${k}-${u.id}`, userPrincipalName: `u${k}.${u.userPrincipalName}` });
  }
  const text = JSON.stringify({ ...sample, value });
  assert.ok(text.length > 16384 && !text.includes('\n'));
  const file = join(tmp, 'pasted.json');
  writeFileSync(file, text);
  const expected = JSON.parse(cli([file])).accounts.length;
  await page.focus('#audit-paste');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.getElementById('audit-paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  assert.equal(await page.inputValue('#audit-paste'), '');
  assert.ok(await page.isVisible('#audit-paste-aside'));
  assert.match(await page.textContent('#audit-paste-aside'), new RegExp(`Pasted ${text.length.toLocaleString('en')} characters`));
  await page.click('#audit-paste-go');
  await page.waitForSelector('#audit-results .headline');
  assert.match(await page.textContent('#audit-results .headline'), new RegExp(`^${expected.toLocaleString('en')} accounts`));
  // Typing starts over: the box's own text is what is checked, and the note goes.
  await page.fill('#audit-paste', 'userPrincipalName');
  assert.equal(await page.isVisible('#audit-paste-aside'), false);
  assert.deepEqual(probe.pageErrors, []);
  await context.close();
});

test('several files dropped together, then the language switched: said again from the same checks, nothing read again', async () => {
  const { context, page } = await openAudit(`${srv.origin}/`);
  const together = ['graph_userRegistrationDetails_beta.json', 'graph_phoneMethods_by_user.json', 'graph_emailMethods_by_user.json'].map((n) => join(SAMPLES, n));
  await page.setInputFiles('#audit-file', together);
  await page.waitForSelector('#audit-results .headline');
  assert.match(await page.textContent('#audit-results .sources'), /graph_phoneMethods_by_user\.json/);
  // An account opened in English.
  const button = await page.$eval('#audit-results table.accounts tbody tr th button', (b) => b.id);
  await page.click(`#${button}`);
  await page.waitForSelector(`#${button}-details .finding`);
  const englishTitles = await page.$$eval(`#${button}-details .finding .finding-title`, (hs) => hs.map((x) => x.textContent));
  // Reading a file shows a progress bar: it must never appear for a language switch.
  await page.evaluate(() => {
    window.__readAgain = false;
    new MutationObserver(() => { if (document.getElementById('audit-progress')) window.__readAgain = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
  await page.click('#lang-ja');
  await page.waitForFunction(() => document.querySelector('#audit-results .headline')?.textContent.includes('アカウント'));
  assert.match(await page.textContent('#audit-results'), /今日失敗/);
  // The open account is still open, its findings now in Japanese.
  await page.waitForFunction((id) => /[ぁ-んァ-ン一-龯]/.test(document.querySelector(`#${id}-details .finding`)?.textContent ?? ''), button);
  const japaneseTitles = await page.$$eval(`#${button}-details .finding .finding-title`, (hs) => hs.map((x) => x.textContent));
  assert.equal(japaneseTitles.length, englishTitles.length);
  assert.notDeepEqual(japaneseTitles, englishTitles);
  assert.equal(await page.evaluate(() => window.__readAgain), false, 'the file was read again');
  await context.close();
});

test('a large file: progress, first rows while checking, cancel stops it and the page stays usable', async () => {
  const file = admins(60000);
  const { context, page } = await openAudit(`${srv.origin}/`);
  await page.setInputFiles('#audit-file', file);
  await page.waitForSelector('#audit-progress progress');
  // Rows show before the check has finished.
  await page.waitForSelector('#audit-results table.accounts tbody tr');
  assert.ok(await page.isVisible('#audit-cancel'));
  await page.click('#audit-cancel');
  await page.waitForFunction(() => !document.querySelector('#audit-progress'));
  assert.equal(await page.$('#audit-results'), null);
  await page.waitForFunction(() => /cancelled/.test(document.getElementById('status').textContent));
  // The page answers at once, and the next file works.
  await page.setInputFiles('#audit-file', SCRIPT_CSV);
  await page.waitForSelector('#audit-results .headline');
  assert.match(await page.textContent('#audit-results .headline'), /^7 accounts/);
  await context.close();
});

test('a table of thousands: the next page, a sort and a search are answered by the worker, which holds the rows', async () => {
  const file = admins(3000);
  const { context, page } = await openAudit(`${srv.origin}/`);
  await page.setInputFiles('#audit-file', file);
  await page.waitForSelector('#audit-results .headline');
  const indices = () => page.$$eval('#audit-results table.accounts tbody tr:not(.details)', (trs) => trs.map((tr) => Number(tr.dataset.index)));
  const names = () => page.$$eval('#audit-results table.accounts tbody tr:not(.details) th button', (bs) => bs.map((b) => b.textContent.replace(/^[▸▾]\s*/, '')));
  const rowsShown = async (want) => page.waitForFunction((n) => document.querySelectorAll('#audit-results table.accounts tbody tr:not(.details)').length === n, want);
  await rowsShown(50);
  assert.deepEqual(await indices(), Array.from({ length: 50 }, (_, k) => k));
  assert.match(await page.textContent('#audit-count'), /Showing 1–50 of 3,000/);
  // The next page: rows the page never had, asked for when shown.
  await page.click('#audit-next');
  await page.waitForFunction(() => document.querySelector('#audit-results table.accounts tbody tr')?.dataset.index === '50');
  await rowsShown(50);
  assert.deepEqual(await indices(), Array.from({ length: 50 }, (_, k) => 50 + k));
  assert.match(await page.textContent('#audit-count'), /Showing 51–100 of 3,000/);
  // Sorted by user name, descending: the page shows the worker's order.
  await page.click('#audit-sort-upn');
  await page.waitForFunction(() => document.querySelector('#audit-sort-upn').closest('th').getAttribute('aria-sort') === 'ascending');
  await page.click('#audit-sort-upn');
  await page.waitForFunction(() => document.querySelector('#audit-sort-upn').closest('th').getAttribute('aria-sort') === 'descending');
  await page.waitForFunction(() => document.querySelector('#audit-results table.accounts tbody th button')?.textContent.includes('admin9@'));
  await rowsShown(50);
  const down = await names();
  assert.equal(down.length, 50);
  assert.deepEqual(down, [...down].sort().reverse(), 'descending by user name');
  // A search: only matching rows, counted.
  await page.fill('#audit-search', 'ADMIN123');
  await page.waitForFunction(() => /of 11$|of 11\b/.test(document.getElementById('audit-count').textContent));
  await rowsShown(11);
  const found = await names();
  assert.equal(found.length, 11);
  assert.ok(found.every((n) => n.startsWith('admin123')), found.join(' '));
  await context.close();
});

test('files it cannot read: a clear message in the user\'s language, and the page stays usable', async () => {
  const big = join(tmp, 'big.csv');
  // A 200 MB file (sparse on disk): refused before it is read.
  const fd = openSync(big, 'w');
  writeSync(fd, 'userPrincipalName\n', 0);
  writeSync(fd, '\n', 200 * 1024 * 1024);
  closeSync(fd);
  const cases = [
    ['big.csv', big, /files up to 134 MB/, /134 MB までです/],
    ['columns.csv', Buffer.from(`userPrincipalName${',x'.repeat(1_000_000)}\n`), /1000001 columns/, /1000001 列/],
    ['random.bin', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)), /No column names a user/, /ユーザーを示す列がない/],
    ['cell.csv', Buffer.from(`userPrincipalName,methodsRegistered\n"a@contoso.com","${'x'.repeat(10 * 1024 * 1024)}"\n`), null, null],
    ['empty.csv', Buffer.alloc(0), /The file is empty/, /ファイルが空です/],
    ['truncated.json', Buffer.from('{"value":[{"userPrincipalName":"a@contoso.com","methodsRegist'), /not valid JSON/, /正しい JSON ではありません/],
  ];
  for (const lang of ['en', 'ja']) {
    const { context, page } = await openAudit(`${srv.origin}/`, lang);
    for (const [name, content, en, ja] of cases) {
      const files = typeof content === 'string' ? content : { name, mimeType: 'text/csv', buffer: content };
      await page.setInputFiles('#audit-file', files);
      if (en) {
        await page.waitForSelector('#audit-error[role=alert]', { timeout: 30000 });
        assert.match(await page.textContent('#audit-error'), lang === 'en' ? en : ja, `${name} (${lang})`);
      } else {
        // A 10 MB cell is cut and reported; the account is still checked.
        await page.waitForSelector('#audit-results .headline', { timeout: 30000 });
        assert.match(await page.textContent('#audit-problems'), lang === 'en' ? /longer than 64 KB/ : /64 KB を超える/);
      }
      // Still usable: the script's file works right after.
      await page.setInputFiles('#audit-file', SCRIPT_CSV);
      await page.waitForSelector('#audit-results .headline');
    }
    await context.close();
  }
});

test('keyboard only: the tabs, the file, sorting, filtering, opening a row and exporting', async () => {
  const { context, page } = await openAudit(`${srv.origin}/`);
  // The tabs: arrow keys move between the two parts.
  await page.focus('#tab-audit');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-troubleshoot');
  assert.ok(await page.isVisible('form.questions'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-audit');
  // Tab reaches the script's copy button and the file input.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.id)) !== 'audit-file'; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'audit-file');
  await page.setInputFiles('#audit-file', SCRIPT_CSV);
  await page.waitForSelector('#audit-results .headline');
  // Sort by status with the keyboard: the header is a button.
  await page.focus('#audit-sort-status');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#audit-sort-status').closest('th').getAttribute('aria-sort') === 'ascending');
  const first = await page.$eval('#audit-results table.accounts tbody tr', (tr) => tr.className);
  assert.equal(first, 'status-fails');
  // Filter to "At risk" with the keyboard.
  await page.focus('#audit-filter-status');
  await page.selectOption('#audit-filter-status', 'atRisk');
  await page.waitForFunction(() => [...document.querySelectorAll('#audit-results table.accounts tbody tr')].every((tr) => tr.className === 'status-atRisk'));
  assert.match(await page.textContent('#audit-count'), /Showing 1–2 of 2/);
  // Open the first row with Enter: its details follow it, aria-expanded says so.
  const button = await page.$eval('#audit-results table.accounts tbody tr th button', (b) => b.id);
  await page.focus(`#${button}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#${button}-details .finding`);
  assert.equal(await page.getAttribute(`#${button}`, 'aria-expanded'), 'true');
  // The export button is reachable and works from the keyboard.
  await page.focus('#audit-export-csv');
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(d.suggestedFilename(), 'sspr-doctor-audit.csv');
  await context.close();
});
