// Options an intranet editor can set. From a URL (the hosted page, an iframe) only harmless
// ones: lang, view, first, symptom. The help desk's name and contact come only from whoever
// publishes the page: the deployment's configuration block in the page (build time:
// SSPR_HELPDESK, SSPR_HELPDESK_CONTACT), or the host page's own markup for <sspr-doctor>
// (attributes helpdesk, helpdesk-contact). A link anyone can craft never sets them.
// Unknown values are ignored.

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

/** `publisher`: the options come from whoever publishes the page (element attributes,
 *  the configuration block), so the help desk may be set. */
export function readOptions(get, { publisher = false } = {}) {
  const first = String(get('first') ?? '').split(',').map((s) => s.trim()).filter((s) => SECTIONS.includes(s));
  const symptom = SYMPTOMS.includes(get('symptom')) ? get('symptom') : null;
  const cut = (s) => (s == null ? null : String(s).slice(0, 200));
  return {
    lang: get('lang'),
    first,
    symptom,
    view: VIEWS.includes(get('view')) ? get('view') : 'troubleshoot',
    helpdesk: publisher ? cut(get('helpdesk')) : null,
    helpdeskContact: publisher ? cut(get('helpdeskContact') ?? get('helpdesk-contact')) : null,
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

/** The deployment's configuration: `<script type="application/json" id="sspr-config">` in
 *  the page (not a script: JSON is never run). Only the help desk is read from it. */
export function fromConfig(doc = document) {
  try {
    const c = JSON.parse(doc.getElementById('sspr-config')?.textContent || '{}');
    const cut = (s) => (typeof s === 'string' && s.trim() ? s.slice(0, 200) : null);
    return { helpdesk: cut(c.helpdesk), helpdeskContact: cut(c.helpdeskContact) };
  } catch {
    return { helpdesk: null, helpdeskContact: null };
  }
}
