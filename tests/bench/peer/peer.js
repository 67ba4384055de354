// The peer for side-by-side figures (tests/bench/figures.mjs): what a web developer would
// build instead with the best JavaScript library, libphonenumber-js (its "max" metadata,
// for number types), plus the WHATWG rule for an email address. It exposes the same
// names as SSPR Doctor's page API, so the harness measures both the same way:
// window.SsprDoctor.diagnose(case) and window.SsprDoctor.checkPhones(list).
import { parsePhoneNumber } from 'libphonenumber-js/max';

// https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** parse + isValid + getType, as the peer page does. */
function checkPhone({ mobilePhone, phoneCountry }) {
  try {
    const n = parsePhoneNumber(String(mobilePhone), phoneCountry || undefined);
    return { input: mobilePhone, e164: n.number, country: n.country ?? null, type: n.getType() ?? 'unknown', valid: n.isValid() };
  } catch {
    return { input: mobilePhone, e164: null, country: null, type: 'unknown', valid: false };
  }
}

window.SsprDoctor = Object.freeze({
  diagnose: (c) => ({
    phone: c.mobilePhone == null ? null : checkPhone(c),
    email: c.alternateEmail == null ? null : { input: c.alternateEmail, valid: EMAIL.test(c.alternateEmail) },
  }),
  checkPhones: (list) => list.map(checkPhone),
});
document.getElementById('status').textContent = 'Ready.';
window.dispatchEvent(new Event('sspr-doctor-ready'));
