// Options an intranet editor can set: URL parameters on the hosted page or the iframe
// (?lang=ja&first=contact,org&symptom=sms&helpdesk=IT%20Service%20Desk&helpdeskContact=tel:+81-3-...),
// or the same names as attributes of <sspr-doctor>. Unknown values are ignored.

export const SECTIONS = ['account', 'contact', 'email', 'sms', 'org', 'page'];
const SYMPTOMS = ['email', 'sms', 'both'];
/** The page's two parts: the troubleshooter for one account, and the audit of all. */
export const VIEWS = ['troubleshoot', 'audit'];

/** Only these link schemes become links; anything else is shown as plain text. */
export function safeHref(contact) {
  const s = String(contact ?? '').trim();
  if (/^(https?:\/\/|mailto:|tel:)/i.test(s)) {
    try { return new URL(s).href; } catch { return null; }
  }
  return null;
}

export function readOptions(get) {
  const first = String(get('first') ?? '').split(',').map((s) => s.trim()).filter((s) => SECTIONS.includes(s));
  const symptom = SYMPTOMS.includes(get('symptom')) ? get('symptom') : null;
  const cut = (s) => (s == null ? null : String(s).slice(0, 200));
  return {
    lang: get('lang'),
    first,
    symptom,
    view: VIEWS.includes(get('view')) ? get('view') : 'troubleshoot',
    helpdesk: cut(get('helpdesk')),
    helpdeskContact: cut(get('helpdeskContact') ?? get('helpdesk-contact')),
  };
}

/**
 * URL parameters, decoded with decodeURIComponent rather than form rules: a "+" stays a "+"
 * (help-desk numbers are written "tel:+81-…"); write a space as %20.
 */
export function fromUrl(search = location.search) {
  const params = new Map();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split('=');
    try { params.set(decodeURIComponent(k), decodeURIComponent(v)); } catch { /* malformed: ignore */ }
  }
  return readOptions((k) => params.get(k) ?? null);
}
