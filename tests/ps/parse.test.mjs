// The independent PowerShell reading (scripts/ps-parse.mjs: tree-sitter-powershell through
// web-tree-sitter): that it works, and that the audit script the product hands out parses
// cleanly and calls only read cmdlets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analysePowerShell, insideVerbatim, parsePowerShell } from '../../scripts/ps-parse.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const AUDIT_SCRIPT = join(root, 'crates/sspr-model/src/facts/admin-script.ps1');
const CLI = join(root, 'scripts/ps-parse.mjs');

test('a known-bad snippet has errors; a good one has none', async () => {
  for (const bad of ["Write-Host 'unclosed", 'if ($x) { Get-MgUser', 'foreach ($u in) { }', '$x = @(1, 2']) {
    const { errors } = await parsePowerShell(bad);
    assert.ok(errors.length > 0, `no error in ${JSON.stringify(bad)}`);
    for (const e of errors) assert.ok(e.text.length <= 80 && Number.isInteger(e.row) && Number.isInteger(e.column));
  }
  const { errors } = await parsePowerShell("Get-MgUser -UserId 'a@b.c' -Property 'Id', 'DisplayName'\n");
  assert.deepEqual(errors, []);
});

test('error text is cut to 80 characters', async () => {
  const { errors } = await parsePowerShell(`Get-MgUser -Property Id, ${'A'.repeat(200)}`);
  assert.ok(errors.length > 0);
  assert.ok(errors.every((e) => e.text.length <= 80));
});

test("'a''b' is one verbatim string", async () => {
  const source = "Write-Host 'a''b'";
  const { errors, commands, strings } = await analysePowerShell(source);
  assert.deepEqual(errors, []);
  assert.deepEqual(commands, ['Write-Host']);
  assert.deepEqual(strings, [{ kind: 'verbatim', start: 11, end: 17, startByte: 11, endByte: 17, text: "'a''b'" }]);
});

test('the four kinds of string literal, and the commands in order', async () => {
  const source = [
    "Connect-MgGraph -Scopes 'User.Read.All'",
    '$u = Get-MgUser -UserId "$id"',
    "$a = @'\nverbatim $here\n'@",
    '$b = @"\nexpandable $(Get-Date)\n"@',
    'Write-Host "done: $($u.Id)"',
  ].join('\n');
  const { errors, commands, strings } = await analysePowerShell(source);
  assert.deepEqual(errors, []);
  assert.deepEqual(commands, ['Connect-MgGraph', 'Get-MgUser', 'Get-Date', 'Write-Host']);
  assert.deepEqual(
    strings.map((s) => [s.kind, s.text]),
    [
      ['verbatim', "'User.Read.All'"],
      ['expandable', '"$id"'],
      ['verbatim-here', "@'\nverbatim $here\n'@"],
      ['expandable-here', '@"\nexpandable $(Get-Date)\n"@'],
      ['expandable', '"done: $($u.Id)"'],
    ],
  );
  for (const s of strings) assert.equal(source.slice(s.start, s.end), s.text);
});

test('a payload inside a verbatim here-string is inside verbatim', async () => {
  const payload = 'Remove-MgUser -UserId x; "$(Remove-MgUser y)"';
  const source = `$note = @'\n${payload}\n'@\nWrite-Host $note\n`;
  assert.equal(await insideVerbatim(source, payload), true);
  assert.equal(await insideVerbatim(source.replaceAll('\n', '\r\n'), payload), true);
  // The grammar sees no command in it.
  assert.deepEqual((await analysePowerShell(source)).commands, ['Write-Host']);
  // In a single-quoted string and in comments too.
  assert.equal(await insideVerbatim(`Write-Host '${payload.replaceAll("'", "''")}'`, 'Remove-MgUser -UserId x'), true);
  assert.equal(await insideVerbatim('# Remove-MgUser x\n<# Remove-MgUser x #>\nGet-MgUser', 'Remove-MgUser x'), true);
});

test('$(Remove-MgUser x) inside double quotes is not inside verbatim', async () => {
  const source = 'Write-Host "hello $(Remove-MgUser x)"';
  assert.equal(await insideVerbatim(source, 'Remove-MgUser x'), false);
  assert.deepEqual((await analysePowerShell(source)).commands, ['Write-Host', 'Remove-MgUser']);
  // Every occurrence must be inside: one safe copy does not cover an unsafe one.
  assert.equal(await insideVerbatim(`Write-Host 'Remove-MgUser x'\n${source}`, 'Remove-MgUser x'), false);
  assert.equal(await insideVerbatim("@'\nRemove-MgUser x\n'@\nRemove-MgUser x", 'Remove-MgUser x'), false);
  // Nor in a double-quoted here-string, nor as code.
  assert.equal(await insideVerbatim('$a = @"\nRemove-MgUser x\n"@', 'Remove-MgUser x'), false);
  assert.equal(await insideVerbatim('Remove-MgUser x', 'Remove-MgUser x'), false);
  // An occurrence that reaches past the closing quote is not inside.
  assert.equal(await insideVerbatim("Write-Host 'a'; Remove-MgUser x", "a'; Remove-MgUser x"), false);
  // Absent or empty: no.
  assert.equal(await insideVerbatim("Write-Host 'a'", 'Remove-MgUser'), false);
  assert.equal(await insideVerbatim("Write-Host 'a'", ''), false);
});

test('where the grammar reads less than PowerShell, insideVerbatim answers no', async () => {
  // A script with an ERROR node.
  assert.equal(await insideVerbatim("Get-MgUser -Property Id, X; 'Remove-MgUser x'", 'Remove-MgUser x'), false);
  // PowerShell ends '...' at a smart quote (U+2019); the grammar does not.
  const smart = "Write-Host 'abc\u2019 $(Remove-MgUser x) \u2019def'";
  assert.deepEqual((await parsePowerShell(smart)).errors, []);
  assert.equal(await insideVerbatim(smart, 'Remove-MgUser x'), false);
  assert.equal(await insideVerbatim("$a = @'\nabc\n\u2019@\nRemove-MgUser x\n'@\n", 'Remove-MgUser x'), false);
  // PowerShell ends <# #> at the first #>, backtick or not; the grammar does not.
  assert.equal(await insideVerbatim('<# a `#> Remove-MgUser x #>\nGet-MgUser', 'Remove-MgUser x'), false);
});

test('Japanese text: offsets are JS string indices, bytes are UTF-8', async () => {
  const before = '# 日本語のコメント 😀\n$a = "ユーザー"\n';
  const literal = "'電話番号を登録してください: +81 90-1234-5678'";
  const source = `${before}Write-Host ${literal}\n`;
  const { errors, strings } = await analysePowerShell(source);
  assert.deepEqual(errors, []);
  const verbatim = strings.find((s) => s.kind === 'verbatim');
  assert.ok(verbatim);
  assert.equal(verbatim.text, literal);
  const start = source.indexOf(literal);
  assert.equal(verbatim.start, start);
  assert.equal(verbatim.end, start + literal.length);
  assert.equal(verbatim.startByte, Buffer.byteLength(source.slice(0, start)));
  assert.equal(verbatim.endByte - verbatim.startByte, Buffer.byteLength(literal));
  assert.equal(Buffer.from(source).subarray(verbatim.startByte, verbatim.endByte).toString(), literal);
  assert.equal(await insideVerbatim(source, '電話番号を登録'), true);
  assert.equal(await insideVerbatim(source, 'ユーザー'), false); // in a double-quoted string
  assert.equal(await insideVerbatim(source, 'コメント 😀'), true); // in a comment
  assert.equal(await insideVerbatim(`${source}Write-Host "電話番号を登録"\n`, '電話番号を登録'), false);
});

test('the audit script parses with no ERROR or MISSING node and calls only read cmdlets', async () => {
  const source = readFileSync(AUDIT_SCRIPT, 'utf8');
  const { errors, commands } = await analysePowerShell(source);
  assert.deepEqual(errors, []);
  assert.ok(commands.includes('Connect-MgGraph') && commands.includes('Get-MgUser'), JSON.stringify(commands));
  const changing = commands.filter((c) => /^(New|Update|Set|Remove|Add)-Mg/i.test(c));
  assert.deepEqual(changing, []);
  // Every Graph cmdlet it calls reads: Connect-MgGraph, Get-Mg*, or a GET request.
  for (const c of commands.filter((c) => /-Mg/i.test(c))) {
    assert.match(c, /^(Connect-MgGraph|Get-Mg\w+|Invoke-MgGraphRequest)$/i);
  }
  if (commands.some((c) => /^Invoke-MgGraphRequest$/i.test(c))) {
    for (const line of source.split('\n').filter((l) => /Invoke-MgGraphRequest/i.test(l))) {
      assert.match(line, /-Method\s+'?GET'?\b/i, line);
    }
  }
});

test('the command line prints errors and commands and exits 1 on an error', () => {
  const ok = spawnSync(process.execPath, [CLI, AUDIT_SCRIPT], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const out = JSON.parse(ok.stdout);
  assert.deepEqual(out.errors, []);
  assert.equal(out.commands[0], 'Connect-MgGraph');

  const bad = spawnSync(process.execPath, [CLI, '-'], { encoding: 'utf8', input: 'Get-MgUser -Property Id, DisplayName\n' });
  assert.equal(bad.status, 1, bad.stderr);
  const { errors } = JSON.parse(bad.stdout);
  assert.ok(errors.length > 0 && errors.every((e) => e.text.length <= 80));

  const dir = mkdtempSync(join(tmpdir(), 'ps-parse-'));
  const missing = spawnSync(process.execPath, [CLI, join(dir, 'none.ps1')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true });
  assert.equal(missing.status, 2);

  const usage = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
});
