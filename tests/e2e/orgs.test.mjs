// Many organizations at one desk in the page (issue 26), in Chromium, served and from the
// offline file: a chosen folder and a .zip of three organizations give the overview and the
// command line's JSON byte for byte; a hostile archive gets each bad member's reason in the
// reader's language and loses no good member; an organization opens as its own audit and
// comes back; every organization's fix script comes as one .zip of the command line's
// scripts; with contact data hidden no download holds any, and the scripts are refused. The
// API says the same; a drop of 120 organizations shows the 50 most urgent and 50 more at a
// time. Nothing leaves the page. (firefox.test.mjs does the same in Firefox.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { launch, serve, openProbed, shotsDir, singleFileUrl, DOCS } from './helpers.mjs';
import { TODAY, cli, dir, writeDrops } from './orgs-fixtures.mjs';

let browser;
let srv;
let drops;
before(async () => { browser = await launch(); srv = await serve(); drops = writeDrops(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function open(url, lang) {
  const o = await openProbed(browser, `${url}?view=audit&lang=${lang}`, {
    beforeGoto: (p) => p.clock.setFixedTime(new Date(`${TODAY}T10:00:00+09:00`)),
  });
  await o.page.waitForSelector('#audit-folder', { state: 'attached' });
  return o;
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** The members of a stored zip (the page's .zip of scripts), by name. */
function unzip(bytes) {
  const out = new Map();
  for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50;) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLen = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = bytes.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 30 + nameLen + extra + size;
  }
  return out;
}

const json = (bytes) => JSON.parse(bytes.toString('utf8'));

for (const [where, url] of [['served', () => `${srv.origin}/`], ['offline file', () => singleFileUrl]]) {
  test(`${where}: a folder and a .zip of three organizations give the overview and the command line's JSON`, async () => {
    const { context, page, probe } = await open(url(), 'en');
    const loaded = probe.requests.length;
    for (const [input, path] of [['#audit-folder', drops.folder], ['#audit-file', drops.archive]]) {
      await page.setInputFiles(input, path);
      await page.waitForSelector('#audit-orgs-table');
      const names = await page.$$eval('#audit-orgs-table tbody th', (ths) => ths.map((th) => th.firstChild.textContent));
      const expected = json(cli(['audit-orgs', path, '--format', 'json', '--lang', 'en']));
      assert.deepEqual(names, expected.organizations.map((o) => o.name), 'ranked as the command line ranks them');
      const got = await download(page, '#orgs-export-json');
      assert.equal(got.name, 'sspr-doctor-organizations.json');
      assert.equal(`${got.bytes.toString('utf8')}\n`, cli(['audit-orgs', path, '--format', 'json', '--lang', 'en']).toString('utf8'));
      for (const [format, ext] of [['csv', 'csv'], ['markdown', 'md'], ['html', 'html']]) {
        const file = await download(page, `#orgs-export-${format}`);
        assert.equal(file.name, `sspr-doctor-organizations.${ext}`);
        const want = cli(['audit-orgs', path, '--format', format, '--lang', 'en']);
        assert.ok(file.bytes.equals(want) || Buffer.concat([file.bytes, Buffer.from('\n')]).equals(want), `${format} is the command line's`);
      }
    }
    const later = probe.requests.slice(loaded).map((r) => r.url).filter((u) => !u.startsWith('blob:'));
    assert.deepEqual(later, [], 'nothing leaves the page');
    assert.deepEqual(probe.pageErrors, []);
    assert.deepEqual(probe.consoleErrors, []);
    await context.close();
  });
}

test('a hostile archive: each bad member is named with its reason, in both languages, and no good member is lost', async () => {
  for (const lang of ['en', 'ja']) {
    const { context, page, probe } = await open(`${srv.origin}/`, lang);
    await page.setInputFiles('#audit-file', drops.hostile);
    await page.waitForSelector('#audit-orgs-problems');
    const expected = json(cli(['audit-orgs', drops.hostile, '--format', 'json', '--lang', lang]));
    const reasons = await page.$$eval('#audit-orgs-problems li', (lis) => lis.map((li) => [li.dataset.reason, li.textContent]));
    assert.deepEqual(reasons.map(([r]) => r), ['archive_unsafe_name', 'archive_bomb', 'archive_nested', 'archive_encrypted']);
    for (const [i, [, text]] of reasons.entries()) {
      assert.ok(text.includes(expected.problems[i].message), `${lang}: ${text}`);
      assert.ok(text.includes(expected.problems[i].member));
    }
    assert.match(reasons[1][1], lang === 'en' ? /zip bomb|far more/i : /爆弾|圧縮/);
    // Both good organizations, the Shift_JIS-named member among beta's files.
    assert.deepEqual(expected.organizations.map((o) => o.name).sort(), ['alpha', 'beta']);
    assert.ok(expected.organizations.find((o) => o.name === 'beta').files.some((f) => f.endsWith('管理者.csv')));
    const got = await download(page, '#orgs-export-json');
    assert.deepEqual(json(got.bytes), expected);
    assert.deepEqual(probe.pageErrors, []);
    await context.close();
  }
});

test('an organization opens as its own audit, and every fix script comes as one .zip of the command line\'s', async () => {
  for (const lang of ['en', 'ja']) {
    const { context, page } = await open(`${srv.origin}/`, lang);
    await page.setInputFiles('#audit-folder', drops.folder);
    await page.waitForSelector('#audit-orgs-table');
    if (DOCS) await page.locator('#audit-orgs').screenshot({ path: join(shotsDir, `orgs-overview-${lang}.png`) });
    const expected = json(cli(['audit-orgs', drops.folder, '--format', 'json', '--lang', lang]));
    // The first organization (who is locked out soonest): its table is its own.
    await page.click('#audit-orgs-table tr[data-org="0"] button');
    await page.waitForSelector('#audit-results .headline');
    assert.match(await page.textContent('.org-name'), new RegExp(expected.organizations[0].name));
    const shown = await page.$$eval('#audit-results button.disclose[id^="audit-row-"]', (bs) => bs.length);
    assert.equal(shown, expected.organizations[0].summary.total);
    if (DOCS) {
      await page.evaluate(() => document.querySelector('.org-bar').scrollIntoView());
      await page.screenshot({ path: join(shotsDir, `orgs-organization-${lang}.png`) });
    }
    // Its own export is the organization's audit.
    const own = json((await download(page, '#audit-export-json')).bytes);
    assert.deepEqual(own.summary, expected.organizations[0].summary);
    await page.click('#orgs-back');
    await page.waitForSelector('#audit-orgs-table');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.org), '0', 'focus comes back to the row');

    const scripts = await download(page, '#orgs-fix-zip');
    assert.equal(scripts.name, 'sspr-doctor-fix-scripts.zip');
    const out = join(dir, `scripts-${lang}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cli(['fix-script', drops.folder, '--by-organization', '--output', out, '--lang', lang]);
    const members = unzip(scripts.bytes);
    assert.deepEqual([...members.keys()].sort(), readdirSync(out).sort());
    for (const [name, bytes] of members) assert.ok(bytes.equals(readFileSync(join(out, name))), `${name} is the command line's`);
    await context.close();
  }
});

/** A tenant whose contact data the test knows: numbers of digits 1–9 only (no date or count
 *  has them), addresses and user names of their own, ids of letters only. */
function secretTenant() {
  let x = 0x2468ace;
  const digits = (n) => Array.from({ length: n }, () => { x = (x * 1103515245 + 12345) % 2147483648; return String(1 + (x % 9)); }).join('');
  const windows = new Set();
  const locals = new Set();
  const lines = ['userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails'];
  for (let i = 0; i < 12; i++) {
    const phone = `+81 90-${digits(4)}-${digits(4)}`;
    const other = `0${digits(2)}-${digits(4)}-${digits(4)}`;
    for (const n of [phone, other]) {
      const d = n.replace(/\D/g, '');
      for (let k = 0; k + 4 <= d.length; k++) windows.add(d.slice(k, k + 4));
    }
    const upn = `quietowner${String.fromCharCode(97 + i)}x@contoso.example`;
    const mail = `privatebox${String.fromCharCode(97 + i)}@fabrikam.example`;
    locals.add(upn.split('@')[0]);
    locals.add(mail.split('@')[0]);
    const id = `id-${'abcdefghijkl'[i].repeat(12)}`;
    lines.push(`${upn},Owner ${String.fromCharCode(65 + i)},${id},${i % 2 ? 'Global Administrator' : 'User Administrator'},mobilePhone;email,${phone},${mail},${other},`);
  }
  return { csv: `${lines.join('\n')}\n`, windows, locals };
}

test('with contact data hidden, no view or download holds any, and no fix script is made', async () => {
  const s = secretTenant();
  const tenantDir = join(dir, 'secret');
  rmSync(tenantDir, { recursive: true, force: true });
  // The organization's folder named by its first administrator and their number.
  const [upn, , , , , phone] = s.csv.split('\n')[1].split(',');
  mkdirSync(join(tenantDir, `${upn} ${phone}`), { recursive: true });
  writeFileSync(join(tenantDir, `${upn} ${phone}`, 'admins.csv'), s.csv);
  const leaks = (text) => {
    const found = [...s.windows].filter((w) => text.includes(w)).concat([...s.locals].filter((l) => text.toLowerCase().includes(l)));
    return found;
  };
  for (const lang of ['en', 'ja']) {
    const { context, page } = await open(`${srv.origin}/`, lang);
    await page.setInputFiles('#audit-folder', tenantDir);
    await page.waitForSelector('#audit-orgs-table');
    const plain = (await download(page, '#orgs-export-json')).bytes.toString('utf8');
    assert.ok(leaks(plain).length > 0, 'the test data is in the plain report');
    await page.check('#audit-redact');
    await page.waitForSelector('#audit-orgs .note');
    for (const format of ['json', 'csv', 'markdown', 'html']) {
      const text = (await download(page, `#orgs-export-${format}`)).bytes.toString('utf8');
      assert.deepEqual(leaks(text), [], `${lang} ${format}: no contact data`);
    }
    assert.equal(json((await download(page, '#orgs-export-json')).bytes).redacted, true);
    // The scripts are refused, and say why.
    await page.click('#orgs-fix-zip');
    await page.waitForSelector('#orgs-fix-note');
    assert.match(await page.textContent('#orgs-fix-note'), lang === 'en' ? /hidden|redact/i : /伏せ/);
    // The organization's own views and downloads are masked too.
    await page.click('#audit-orgs-table tr[data-org="0"] button');
    await page.waitForSelector('#audit-results .headline');
    assert.deepEqual(leaks(await page.textContent('#audit-results')), [], `${lang}: the table shows none`);
    for (const format of ['json', 'csv', 'markdown', 'html']) {
      assert.deepEqual(leaks((await download(page, `#audit-export-${format}`)).bytes.toString('utf8')), [], `${lang} organization ${format}`);
    }
    if (DOCS) {
      await page.evaluate(() => document.querySelector('#audit-results .audit-filters, #audit-results table.accounts')?.scrollIntoView());
      await page.screenshot({ path: join(shotsDir, `orgs-redacted-${lang}.png`) });
    }
    await page.click('#audit-fix-make');
    await page.waitForSelector('#audit-fix-error');
    assert.match(await page.textContent('#audit-fix-error'), lang === 'en' ? /hidden|redact/i : /伏せ/);
    // Shown again: the same report as before.
    await page.click('#orgs-back');
    await page.waitForSelector('#audit-orgs-table');
    await page.uncheck('#audit-redact');
    // Settled: the note gone and the switch usable again (the page has every view back).
    await page.waitForFunction(() => !document.querySelector('#audit-orgs .note') && document.querySelector('#audit-redact')?.disabled === false);
    // A download asked for at once here never reached Playwright as a download event
    // (2026-12-07, on the last landed build too; the page said it saved the file); after a
    // second it does. Cause not found: noted in the closing note.
    await page.waitForTimeout(1000);
    assert.equal((await download(page, '#orgs-export-json')).bytes.toString('utf8'), plain);
    // Hidden from inside an organization: its name in the bar is masked too.
    await page.click('#audit-orgs-table tr[data-org="0"] button');
    await page.waitForSelector('.org-name');
    assert.ok(leaks(await page.textContent('.org-name')).length > 0, 'the bar names the folder as it is');
    await page.check('#audit-redact');
    await page.waitForFunction(() => document.querySelector('#audit-redact')?.disabled === false && document.querySelector('.org-name')?.textContent.includes('user-'));
    assert.deepEqual(leaks(await page.textContent('.org-name')), [], `${lang}: the bar shows none`);
    await context.close();
  }
});

test('the API: auditOrganizations is the command line\'s report, redact hides contact data, fixScript refuses to', async () => {
  const { context, page } = await open(`${srv.origin}/`, 'en');
  const input = [
    ...readdirSync(join(drops.folder)).flatMap((org) => readdirSync(join(drops.folder, org)).map((f) => ({ name: `drop/${org}/${f}`, path: join(drops.folder, org, f) }))),
  ].map(({ name, path }) => ({ name, data: readFileSync(path).toString('base64') }));
  const api = await page.evaluate(async (files) => {
    const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return window.SsprDoctor.auditOrganizations(files.map((f) => ({ name: f.name, data: bytes(f.data) })), { today: '2026-12-06' });
  }, input);
  assert.deepEqual(api, json(cli(['audit-orgs', drops.folder, '--format', 'json', '--lang', 'en'])));
  const zipped = readFileSync(drops.archive).toString('base64');
  const fromZip = await page.evaluate(async (b64) => window.SsprDoctor.auditOrganizations(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), { today: '2026-12-06' }), zipped);
  assert.deepEqual(fromZip.organizations.map((o) => o.summary), api.organizations.map((o) => o.summary));

  const s = secretTenant();
  // The organization's folder and its file named by an administrator's user name and number:
  // names are masked as any text of the report.
  const [upn, , , , , phone] = s.csv.split('\n')[1].split(',');
  const named = `drop/${upn} ${phone}/${upn}.csv`;
  const redacted = await page.evaluate(async ([csv, name]) => window.SsprDoctor.auditOrganizations([{ name, data: csv }], { today: '2026-12-06', redact: true }), [s.csv, named]);
  assert.equal(redacted.redacted, true);
  assert.match(redacted.organizations[0].name, /^user-[a-z]{8}@contoso\.example \+81 ••• •• \d\d$/);
  const text = JSON.stringify(redacted);
  assert.deepEqual([...s.windows].filter((w) => text.includes(w)), []);
  assert.deepEqual([...s.locals].filter((l) => text.includes(l)), []);
  const audit = await page.evaluate(async (csv) => window.SsprDoctor.audit({ name: 'admins.csv', data: csv }, { today: '2026-12-06', redact: true }), s.csv);
  assert.deepEqual([...s.locals].filter((l) => JSON.stringify(audit).includes(l)), []);
  const refused = await page.evaluate(async (csv) => window.SsprDoctor.fixScript({ name: 'admins.csv', data: csv }, { redact: true }).then(() => 'made', (e) => e.message), s.csv);
  assert.match(refused, /hidden|redact/i);
  // A hostile archive through the API: its problems, as the command line says them.
  const hostile = readFileSync(drops.hostile).toString('base64');
  const h = await page.evaluate(async (b64) => window.SsprDoctor.auditOrganizations({ name: 'hostile.zip', data: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) }, { today: '2026-12-06' }), hostile);
  assert.deepEqual(h.problems, json(cli(['audit-orgs', drops.hostile, '--format', 'json', '--lang', 'en'])).problems);
  // A zip that is no zip, and an empty drop: a clear message, never a dead page.
  const bad = await page.evaluate(async () => window.SsprDoctor.auditOrganizations({ name: 'x.zip', data: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) }).then(() => 'read', (e) => e.message));
  assert.match(bad, /x\.zip/);
  // A drop of more files than are read: the first one left out is named, in the reader's language.
  const over = await page.evaluate(async (csv) => {
    const max = 20000;
    const files = Array.from({ length: max + 1 }, (_, i) => ({ name: `drop/big/${String(i).padStart(5, '0')}.csv`, data: i === 0 ? csv : 'userPrincipalName\n' }));
    return window.SsprDoctor.auditOrganizations(files, { today: '2026-12-06', lang: 'ja' });
  }, s.csv);
  assert.deepEqual(over.problems.filter((p) => p.reason === 'too_many_files').map((p) => p.file), ['drop/big/20000.csv']);
  assert.match(over.problems.find((p) => p.reason === 'too_many_files').message, /20000 個を超えているため、このファイル以降は読み取りませんでした/);
  await context.close();
});

for (const worker of [false, true]) {
  test(`${worker ? 'in a worker' : 'without a worker'}: the language switched while a drop is read, and a second drop while the first is read, give the right drop in the right language`, async () => {
    // 80 organizations: long enough to still be reading when the next step comes.
    const slow = join(dir, `slow-${worker}`);
    rmSync(slow, { recursive: true, force: true });
    const csv = readFileSync(join(dir, '..', '..', 'fixtures', 'audit', 'admin-script.csv'), 'utf8');
    for (let k = 0; k < 80; k++) {
      mkdirSync(join(slow, `customer-${String(k).padStart(2, '0')}`), { recursive: true });
      writeFileSync(join(slow, `customer-${String(k).padStart(2, '0')}`, 'admins.csv'), csv.replace(/contoso\.com/g, `customer${k}.example`));
    }
    const { context, page, probe } = await openProbed(browser, `${srv.origin}/?view=audit&lang=en`, {
      beforeGoto: async (p) => {
        await p.clock.setFixedTime(new Date(`${TODAY}T10:00:00+09:00`));
        // No Web Worker here (a host page's policy): the audit runs on the page's thread.
        if (!worker) await p.addInitScript(() => { window.Worker = function Worker() { throw new Error('no workers here'); }; });
      },
    });
    await page.waitForSelector('#audit-folder', { state: 'attached' });
    await page.setInputFiles('#audit-folder', slow);
    await page.click('#lang-ja');
    await page.waitForSelector('#audit-orgs-table');
    assert.deepEqual(json((await download(page, '#orgs-export-json')).bytes), json(cli(['audit-orgs', slow, '--format', 'json', '--lang', 'ja'])));
    // A second drop while the first is read: the overview is the second's alone.
    await page.setInputFiles('#audit-folder', slow);
    await page.setInputFiles('#audit-folder', drops.folder);
    await page.waitForFunction(() => document.querySelectorAll('#audit-orgs-table tr[data-org]').length === 3);
    assert.deepEqual(json((await download(page, '#orgs-export-json')).bytes), json(cli(['audit-orgs', drops.folder, '--format', 'json', '--lang', 'ja'])));
    assert.deepEqual(probe.pageErrors, []);
    await context.close();
  });
}

test('a drop of 120 organizations shows the 50 most urgent, then 50 more at a time, in the command line\'s order', async () => {
  // 120 small organizations from the script's CSV, each its own domain.
  const many = join(dir, 'many');
  rmSync(many, { recursive: true, force: true });
  const csv = readFileSync(join(dir, '..', '..', 'fixtures', 'audit', 'admin-script.csv'), 'utf8');
  for (let k = 0; k < 120; k++) {
    const name = `customer-${String(k).padStart(3, '0')}`;
    mkdirSync(join(many, name), { recursive: true });
    // Every k-th organization loses its working methods: the ranking has something to rank.
    const text = k % 7 === 0 ? csv.replace(/microsoftAuthenticatorPush; softwareOneTimePasscode; /g, '') : csv;
    writeFileSync(join(many, name, 'admins.csv'), text.replaceAll('contoso.com', `${name}.example`));
  }
  const expected = json(cli(['audit-orgs', many, '--format', 'json', '--lang', 'ja'])).organizations.map((o) => o.name);
  assert.equal(expected.length, 120);
  const { context, page, probe } = await open(singleFileUrl, 'ja');
  await page.setInputFiles('#audit-folder', many);
  await page.waitForSelector('#audit-orgs-table');
  const names = () => page.$$eval('#audit-orgs-table tbody th', (ths) => ths.map((th) => th.firstChild.textContent));
  assert.deepEqual(await names(), expected.slice(0, 50));
  assert.match(await page.textContent('#orgs-more'), /さらに 50 件を表示 \(120 件の組織のうち 50 件を表示中\)/);
  await page.click('#orgs-more');
  assert.deepEqual(await names(), expected.slice(0, 100));
  assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.org), '50', 'focus on the first row added');
  assert.match(await page.textContent('#orgs-more'), /さらに 20 件を表示/);
  await page.click('#orgs-more');
  assert.deepEqual(await names(), expected);
  assert.equal(await page.$('#orgs-more'), null);
  // The exports hold all of them, shown or not.
  const got = json((await download(page, '#orgs-export-json')).bytes);
  assert.equal(got.organizations.length, 120);
  assert.deepEqual(probe.requests.map((r) => r.url).filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), [], 'nothing leaves the page');
  await context.close();
});
