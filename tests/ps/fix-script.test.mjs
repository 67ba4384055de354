// The fix script (issue 18) read by an independent PowerShell parser (tree-sitter-powershell):
// every script the command line makes parses with no ERROR or MISSING node, its only Graph
// writes are the allowed cmdlets (the pass cmdlet only when asked), and every hostile cell of
// the payload corpus lies inside a verbatim (single-quoted) string: data, never code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analysePowerShell, insideVerbatim } from '../../scripts/ps-parse.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(root, 'target/release/sspr-doctor');
const tmp = mkdtempSync(join(tmpdir(), 'sspr-fix-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const WRITES = ['New-MgUserAuthenticationPhoneMethod', 'Update-MgUserAuthenticationPhoneMethod', 'New-MgUserAuthenticationEmailMethod'];
const TAP = 'New-MgUserAuthenticationTemporaryAccessPassMethod';

function fixScript(file, lang, tap) {
  const r = spawnSync(CLI, ['fix-script', file, '--lang', lang, '--today', '2026-12-06', '--tenant-domain', 'contoso.com', ...(tap ? ['--temporary-access-pass'] : [])], { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout.toString('utf8');
}

/** `\u{…}` escapes in the corpus, decoded (as the Rust tests do). */
const decode = (s) => s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)));
const payloads = ['powershell.txt', 'controls.txt', 'xss.txt', 'csv.txt', 'markdown.txt']
  .flatMap((f) => readFileSync(join(root, 'tests/payloads', f), 'utf8').split('\n').filter(Boolean).map(decode));

/** A value as the script's data carries it: JSON, with everything but printable ASCII as \uXXXX. */
const asData = (s) => JSON.stringify(s).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const cell = (s) => `"${s.replaceAll('"', '""')}"`;

const HEADER = 'userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails';
function hostileCsv() {
  const rows = [HEADER];
  payloads.forEach((p, i) => {
    // A number to correct and an address to add, so that each account has writes.
    rows.push([`${p}${i}@contoso.com`, p, `${p}-id-${i}`, 'Exchange Administrator', 'mobilePhone', `+81 090-${String(i).padStart(4, '0')}-5678`, '', '', `x${i}@fabrikam.example`].map(cell).join(','));
  });
  const file = join(tmp, 'hostile.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

async function checkScript(text, tap) {
  const { errors, commands } = await analysePowerShell(text);
  assert.deepEqual(errors, [], 'the whole script parses with no ERROR or MISSING node');
  const graphWrites = commands.filter((c) => /^(New|Update|Set|Remove|Add|Invoke)-Mg/.test(c));
  for (const c of graphWrites) assert.ok(WRITES.includes(c) || (tap && c === TAP), `unexpected Graph write ${c}`);
  for (const w of WRITES) assert.ok(commands.includes(w), `${w} is there`);
  assert.equal(commands.includes(TAP), tap, 'the pass cmdlet only when asked');
  assert.ok(!commands.some((c) => /^Remove-/.test(c)), 'never a removal');
  return commands;
}

test('the script for the fixtures parses cleanly, in both languages, with and without passes', async () => {
  for (const lang of ['en', 'ja']) {
    for (const tap of [false, true]) {
      await checkScript(fixScript(join(root, 'tests/fixtures/audit/admin-script.csv'), lang, tap), tap);
    }
  }
});

test('every hostile cell stays inside a verbatim string', async () => {
  const file = hostileCsv();
  for (const lang of ['en', 'ja']) {
    for (const tap of [false, true]) {
      const text = fixScript(file, lang, tap);
      await checkScript(text, tap);
      let checked = 0;
      for (const [i, p] of payloads.entries()) {
        // The user name is unique to its payload: wherever it appears, it is data.
        const needle = asData(`${p}${i}@contoso.com`);
        if (!text.includes(needle)) continue;
        assert.ok(await insideVerbatim(text, needle), `payload ${i} ${JSON.stringify(p)} outside a verbatim string`);
        checked++;
      }
      assert.ok(checked > payloads.length * 0.9, `${checked} of ${payloads.length} payloads carried`);
    }
  }
});

test('a file with nothing to do gives a script that says so and parses', async () => {
  const file = join(tmp, 'fine.csv');
  writeFileSync(file, `${HEADER}\nf@contoso.com,F,id-f,Exchange Administrator,email;microsoftAuthenticatorPush,,f@fabrikam.example,,\n`);
  for (const lang of ['en', 'ja']) {
    const text = fixScript(file, lang, false);
    const { errors } = await analysePowerShell(text);
    assert.deepEqual(errors, []);
    assert.match(text, /if \(\$Accounts\.Count -eq 0\) \{\n {4}Write-Host \$Text\.nothing\n {4}return\n\}/);
  }
});
