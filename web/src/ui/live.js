// Live checks while typing: the phone number, the alternate email and the user name are
// checked as they are entered (a short pause after the last key), never while an IME is
// composing Japanese. The words come from the engine's own findings, so the live check and
// the report never disagree.
import { h, replace } from '../dom.js';
import { coreWords, PAGE } from '../words.js';

// Which findings each field's check shows: the core publishes the lists.
const { mobilePhone: PHONE_IDS, alternateEmail: EMAIL_IDS, username: USER_IDS } = PAGE.liveChecks;
const DELAY_MS = 250;

/** What the live check of `field` asks the engine, and which findings it shows. */
function probe(field, state) {
  switch (field) {
    case 'mobilePhone': return { ids: PHONE_IDS, value: state.mobilePhone, case: { symptom: 'sms', mobilePhone: state.mobilePhone, phoneCountry: state.phoneCountry || null, smsProvider: 'carrier' } };
    case 'alternateEmail': return { ids: EMAIL_IDS, value: state.alternateEmail, case: { symptom: 'email', alternateEmail: state.alternateEmail, username: state.username || null } };
    case 'username': return { ids: USER_IDS, value: state.username, case: { username: state.username } };
    default: return null;
  }
}

/**
 * Checks one field and renders the result into `out`. `apply(value)` puts a suggestion into
 * the field. Returns whether the field is in error.
 */
export function renderCheck({ t, lang, engine, state, field, out, input, apply, regionName }) {
  const p = probe(field, state);
  if (!p || p.value.trim() === '' || state[`${field}None`]) {
    replace(out);
    input.removeAttribute('aria-invalid');
    return false;
  }
  let report;
  try {
    report = engine.diagnose({ ...p.case, lang });
  } catch (e) {
    replace(out, h('p', { class: 'live-bad' }, t('err.input', { message: e.message })));
    return true;
  }
  const w = coreWords(lang);
  const found = report.findings.filter((f) => p.ids.includes(f.id));
  const bad = found.some((f) => f.severity === 'blocking');
  input.setAttribute('aria-invalid', String(bad));
  const parts = [];
  if (field === 'mobilePhone' && report.phone?.e164) {
    const where = report.phone.country ? regionName(report.phone.country) : '';
    const key = where ? 'live.phoneNormalized' : 'live.phoneNormalizedNoRegion';
    parts.push(h('p', { class: 'live-normal' }, t(key, { e164: report.phone.e164, type: w.phoneTypes[report.phone.type], where })));
  }
  if (field === 'alternateEmail' && report.email?.valid && report.email.normalized !== p.value.trim()) {
    parts.push(h('p', { class: 'live-normal' }, t('live.emailNormalized', { email: report.email.normalized })));
  }
  for (const f of found) {
    const suggestion = f.evidence?.suggestion;
    parts.push(h('div', { class: `live-finding sev-${f.severity}` },
      h('p', {}, h('strong', {}, f.title), ' ', f.detail),
      suggestion ? h('button', { type: 'button', class: 'use-suggestion', on: { click: () => apply(suggestion) } }, t('live.use', { value: suggestion })) : null));
  }
  if (found.length === 0) parts.push(h('p', { class: 'live-ok' }, field === 'mobilePhone' ? w.phoneOk : field === 'username' ? w.userOk : w.emailOk));
  replace(out, parts);
  return bad;
}

/** Debounces checks and pauses them during IME composition. */
export function liveChecker(run) {
  const timers = new Map();
  const composing = new Set();
  return {
    composing: (field, on) => { if (on) composing.add(field); else { composing.delete(field); run(field); } },
    schedule(field) {
      if (composing.has(field)) return;
      clearTimeout(timers.get(field));
      timers.set(field, setTimeout(() => run(field), DELAY_MS));
    },
    now(field) { clearTimeout(timers.get(field)); if (!composing.has(field)) run(field); },
  };
}
