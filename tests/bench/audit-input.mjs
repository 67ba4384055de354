// Writes a synthetic tenant of N administrators (default 100,000) in the shape of the
// page's script (tests/fixtures/audit/admin-script.csv), for the audit's scale benchmark:
//   node tests/bench/audit-input.mjs [N] > /tmp/admins.csv
// Fixed seed: every run writes the same bytes. All data fake (fictional number ranges
// and example domains).
const n = Number(process.argv[2] ?? 100000);
let seed = 0x5eed1234;
const rnd = (k) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % k; };
const roles = ['Global Administrator', 'User Administrator', 'Helpdesk Administrator', 'Security Administrator', 'Exchange Administrator', 'Authentication Administrator'];
const methodSets = [
  'microsoftAuthenticatorPush; softwareOneTimePasscode; email; mobilePhone',
  'mobilePhone; email',
  'mobilePhone',
  'email; microsoftAuthenticatorPush',
  'alternateMobilePhone; email',
  'mobilePhone; securityQuestion',
  'microsoftAuthenticatorPush; fido2SecurityKey',
  '',
];
const phone = () => {
  switch (rnd(6)) {
    case 0: return `+81 90${String(10000000 + rnd(89999999)).slice(0, 8)}`;
    case 1: return `+81 090${String(10000000 + rnd(89999999)).slice(0, 8)}`;
    case 2: return `+44 7700900${String(rnd(1000)).padStart(3, '0')}`;
    case 3: return `+1 425555${String(100 + rnd(100)).padStart(4, '0')}`;
    case 4: return `090-${String(1000 + rnd(8999))}-${String(1000 + rnd(8999))}`;
    default: return '';
  }
};
const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
const out = [];
out.push(['userPrincipalName', 'displayName', 'id', 'userType', 'roles', 'eligibleRoles', 'methodsRegistered', 'isSsprRegistered', 'isSsprCapable',
  'authMobilePhone', 'authAlternateMobilePhone', 'authOfficePhone', 'authEmail', 'mobilePhone', 'otherMails', 'businessPhones', 'onPremisesSyncEnabled', 'tenantId'].map(q).join(','));
for (let i = 0; i < n; i++) {
  const methods = methodSets[rnd(methodSets.length)];
  const mobile = methods.includes('mobilePhone') ? phone() : '';
  const email = methods.includes('email') ? (rnd(10) === 0 ? `admin${i}@gmial.com` : `admin${i}.recovery@fabrikam.example`) : '';
  const role = roles[rnd(roles.length)];
  const eligible = rnd(5) === 0;
  out.push([`admin${i}@contoso.example`, `Admin ${i} (FAKE)`, `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, 'Member',
    eligible ? '' : role, eligible ? role : '', methods, 'True', methods ? 'True' : 'False', mobile,
    methods.includes('alternateMobilePhone') ? '+61 491570156' : '', rnd(20) === 0 ? '+1 4255550142' : '', email,
    rnd(8) === 0 ? '+81 70-1111-2222' : '', '', '', rnd(4) === 0 ? 'True' : 'False', '00000000-0000-0000-0000-0000000c0de0'].map(q).join(','));
}
process.stdout.write(`\ufeff${out.join('\r\n')}\r\n`);
