// Issue 25: every Graph call of every script SSPR Doctor writes is one that Microsoft's
// published cmdlet reference accepts (tests/ps/graph-reference.mjs): the fix script in both
// languages, with and without passes, for each cloud, with and without a tenant id, and the
// read-only audit script for each cloud. A call with a wrong parameter must fail the check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkGraphCalls, loadReference } from './graph-reference.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(root, 'target/release/sspr-doctor');
const ref = loadReference();
const tmp = mkdtempSync(join(tmpdir(), 'sspr-ref-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const CLOUDS = ['public', 'usGovernment', 'usGovernmentDoD', 'china'];
const ENVIRONMENTS = { public: 'Global', usGovernment: 'USGov', usGovernmentDoD: 'USGovDoD', china: 'China' };

function cli(args) {
  const r = spawnSync(CLI, args, { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

test('the reference data says where each cmdlet comes from, and every syntax block reads', () => {
  assert.ok(ref.cmdlets.size >= 20);
  for (const c of ref.cmdlets.values()) {
    assert.match(c.page, new RegExp(`^microsoftgraph/graph-powershell-1\\.0/Microsoft\\.Graph\\.[A-Za-z.]+/${c.name}\\.md$`), c.name);
    assert.match(c.commit, /^[0-9a-f]{40}$/, c.name);
    assert.match(c.msDate, /^\d{4}-\d{2}-\d{2}$/, c.name);
    assert.ok(c.sets.length >= 1 && c.sets.every((s) => s.common), `${c.name}: every set takes the common parameters`);
    if (c.sets.some((s) => s.params.has('BodyParameter'))) assert.ok(c.body?.properties?.length, `${c.name}: its body type's properties`);
  }
});

// Each of these is wrong in one way; the check must say so.
const PLANTED = [
  ['a misspelt parameter', "New-MgUserAuthenticationPhoneMethod -UserId 'u' -PhoneNumbr '+1 4255550100' -PhoneType 'mobile'", /-PhoneNumbr is not a parameter/],
  ['a parameter of another cmdlet', "Get-MgUserAuthenticationEmailMethod -UserId 'u' -PhoneType 'mobile'", /-PhoneType is not a parameter/],
  ['a missing required parameter', "Update-MgUserAuthenticationPhoneMethod -UserId 'u' -BodyParameter @{ phoneNumber = '+1 4255550100' }", /no parameter set .* missing -PhoneAuthenticationMethodId/],
  ['two parameter sets mixed', "New-MgUserAuthenticationEmailMethod -UserId 'u' -InputObject $x -BodyParameter @{ emailAddress = 'a@b.example' }", /no parameter set/],
  ['a body key the type lacks', "New-MgUserAuthenticationEmailMethod -UserId 'u' -BodyParameter @{ emailAddress = 'a@b.example'; phoneType = 'mobile' }", /key phoneType is not a property/],
  ['a splatted key that is no parameter', "$p = @{ Scopes = @('User.Read') }\n$p['Tenant_Id'] = 'x'\nConnect-MgGraph @p", /@p holds Tenant_Id/],
  ['a positional argument', "Get-MgUserAuthenticationPhoneMethod 'u'", /positional argument/],
  ['a cmdlet that does not exist', "Get-MgUserAuthenticationPhoneMethods -UserId 'u'", /not a cmdlet of the reference/],
  ['a value after a switch', "Connect-MgGraph -Scopes 'User.Read' -NoWelcome 'yes'", /positional argument/],
  ['a parameter with no value', "Connect-MgGraph -TenantId -Scopes 'User.Read'", /-TenantId has no value/],
  ['-WhatIf where the cmdlet has none', "Get-MgContext -WhatIf", /-WhatIf is not a parameter/],
];

test('a call with a wrong parameter fails the check', async () => {
  for (const [what, script, expected] of PLANTED) {
    const { problems } = await checkGraphCalls(script, ref);
    assert.ok(problems.some((p) => expected.test(p)), `${what}: ${JSON.stringify(problems)}`);
  }
  const right = [
    "$p = @{ Scopes = @('UserAuthMethod-Phone.Read.All'); Environment = 'USGov'; ContextScope = 'Process' }",
    "$p['TenantId'] = '00000000-0000-0000-0000-000000000000'",
    'Connect-MgGraph @p -NoWelcome',
    "New-MgUserAuthenticationPhoneMethod -UserId 'u' -ErrorAction Stop -BodyParameter @{ phoneNumber = '+1 4255550100'; phoneType = 'mobile' } -Confirm:$false",
    "Get-MgOrganization -Property 'verifiedDomains'",
  ].join('\n');
  assert.deepEqual((await checkGraphCalls(right, ref)).problems, []);
});

/** Graph cmdlets a script calls, by its own text (to see that the check saw them all). */
const mgCommands = (s) => new Set([...s.matchAll(/(?<![\w'-])([A-Z][a-z]+-Mg[A-Za-z]+)(?=\s)/g)].map((m) => m[1]));

async function expectAccepted(what, script) {
  const { calls, problems } = await checkGraphCalls(script, ref);
  assert.deepEqual(problems, [], what);
  const seen = new Set(calls.map((c) => c.cmdlet));
  for (const c of mgCommands(script)) if (!script.includes(`'${c}'`) || seen.has(c)) assert.ok(seen.has(c), `${what}: ${c} not checked`);
  return calls;
}

const HEADER = 'userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails';
function writesCsv() {
  // A phone to correct, one to add, an address to add: every write the script has.
  const rows = [
    HEADER,
    'a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,',
    'b@contoso.com,B,id-b,Exchange Administrator,email,,,+81 90-2222-3333,',
    'c@contoso.com,C,id-c,Global Administrator,mobilePhone,+81 9012345679,,,c@fabrikam.example',
  ];
  const file = join(tmp, 'writes.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

test('every fix script passes: both languages, with and without passes, each cloud, with and without a tenant id', async () => {
  const file = writesCsv();
  let checked = 0;
  for (const cloud of CLOUDS) {
    for (const tenant of [null, '0b5a2f1e-6c2d-4a11-9a0e-2f3c4d5e6f70']) {
      for (const lang of ['en', 'ja']) {
        for (const tap of [false, true]) {
          const args = ['fix-script', file, '--lang', lang, '--today', '2026-12-06', '--cloud', cloud, ...(tenant ? ['--tenant-id', tenant] : []), ...(tap ? ['--temporary-access-pass'] : [])];
          const script = cli(args);
          const calls = await expectAccepted(args.join(' '), script);
          const connect = calls.find((c) => c.cmdlet === 'Connect-MgGraph');
          assert.deepEqual(connect.sets, ['UserParameterSet'], 'signs in as a user');
          for (const p of ['Scopes', 'Environment', 'ContextScope', 'TenantId']) assert.ok(connect.parameters.includes(p), p);
          assert.ok(script.includes(`"environment":"${ENVIRONMENTS[cloud]}"`), `${cloud}: its environment`);
          assert.equal(script.includes(`"tenantId":"${tenant}"`), Boolean(tenant));
          assert.equal(calls.some((c) => c.cmdlet === 'Get-MgOrganization'), true, 'the domain check is there');
          assert.equal(calls.some((c) => c.cmdlet === 'New-MgUserAuthenticationTemporaryAccessPassMethod'), tap);
          checked++;
        }
      }
    }
  }
  assert.equal(checked, 32);
});

test('the audit script passes for each cloud and signs in to it', async () => {
  for (const cloud of CLOUDS) {
    const script = cli(['audit-script', '--cloud', cloud]);
    const calls = await expectAccepted(`audit-script --cloud ${cloud}`, script);
    assert.ok(script.includes(`$Environment = '${ENVIRONMENTS[cloud]}'`));
    assert.ok(calls.find((c) => c.cmdlet === 'Connect-MgGraph').parameters.includes('Environment'));
    assert.ok(calls.length >= 9, `${calls.length} calls`);
  }
});
