// <sspr-doctor>: the troubleshooter and the audit as a custom element, for knowledge bases
// that allow scripts. It renders in its own shadow root with its own styles, so the host
// page's CSS neither breaks it nor is touched by it. Attributes: lang, view, first, symptom,
// helpdesk, helpdesk-contact (the host page's markup is the publisher's, so it may name the
// help desk).
//   <script type="module" src="https://intranet.example/kb/sspr/sspr-doctor-element.js"></script>
//   <sspr-doctor lang="ja" helpdesk="IT Service Desk" helpdesk-contact="tel:+81-3-1234-5678"></sspr-doctor>
//
// A host page can break what the element needs (attachShadow, constructed style sheets,
// built-in functions it replaces, the element's name or window.SsprDoctor taken by another
// script). The element then says so, in the reader's language, instead of a blank box or a
// "Loading…" that never ends.
import css from '@gen/styles.css';
import { engine } from './engine.js';
import { pickLang, translator } from './i18n.js';
import { h } from './dom.js';
import { readOptions } from './options.js';
import { createApp } from './app.js';
import { exposeApi } from './api.js';

const NAME = 'sspr-doctor';

/** Built-ins the tool relies on that a host page has replaced (not native any more). */
function replacedBuiltins() {
  const native = (f) => {
    try {
      return typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
    } catch {
      return false;
    }
  };
  const checks = {
    'Array.prototype.includes': Array.prototype.includes,
    'Array.prototype.map': Array.prototype.map,
    'Array.prototype.filter': Array.prototype.filter,
    'Object.defineProperty': Object.defineProperty,
    'Object.entries': Object.entries,
    'Object.assign': Object.assign,
    'JSON.parse': JSON.parse,
    'JSON.stringify': JSON.stringify,
    'Promise.prototype.then': Promise.prototype.then,
    'String.prototype.replace': String.prototype.replace,
    'Element.prototype.attachShadow': Element.prototype.attachShadow,
  };
  const out = [];
  for (const [name, f] of Object.entries(checks)) if (!native(f)) out.push(name);
  return out;
}

/** The reader's language without anything the host page may have broken. */
function safeLang(el) {
  const asked = el.getAttribute('lang');
  if (asked === 'ja' || asked === 'en') return asked;
  try {
    return pickLang(asked);
  } catch {
    return /^ja\b/i.test(String(el.getAttribute('lang') || navigator.language || '')) ? 'ja' : 'en';
  }
}

/** The explanation, as text in the element itself (no shadow root needed). */
function fail(el, key, vars) {
  let message;
  try {
    message = translator(safeLang(el))(key, vars);
  } catch {
    message = 'SSPR Doctor cannot start on this page. / このページでは SSPR Doctor を開始できません。';
  }
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = message;
  el.replaceChildren(p);
  el.dispatchEvent(new CustomEvent('sspr-doctor-error', { bubbles: true, detail: { reason: key, message } }));
}

class SsprDoctorElement extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot || this.dataset.ssprStarted) return;
    this.dataset.ssprStarted = '1';
    const replaced = replacedBuiltins();
    if (replaced.length) return fail(this, 'load.tampered', { names: replaced.join(', ') });
    let shadow;
    try {
      shadow = this.attachShadow({ mode: 'open' });
    } catch (e) {
      return fail(this, 'load.noShadow', { message: e?.message ?? String(e) });
    }
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // No constructed style sheets on this page: a style element does the same.
      const style = document.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    try {
      const options = readOptions((name) => this.getAttribute(name === 'helpdeskContact' ? 'helpdesk-contact' : name), { publisher: true });
      options.lang = safeLang(this);
      // The offline file sits beside the element's script on the site that serves it.
      const script = [...document.querySelectorAll('script[src]')].map((s) => /** @type {HTMLScriptElement} */ (s)).find((s) => /sspr-doctor-element\.js(\?|$)/.test(s.src));
      options.offlineHref = script ? new URL('sspr-doctor.html', script.src).href : null;
      const container = h('div', { class: 'host-root' });
      shadow.append(container);
      // Compile the engine first, then paint the form while it does.
      const ready = engine.load();
      createApp(container, options, { onLang: (l) => this.setAttribute('lang', l) });
      try {
        await ready;
      } catch {
        return; // createApp shows the localized explanation
      }
      if (!exposeApi()) console.error('SSPR Doctor: window.SsprDoctor is already defined by this page; the tool works here, but its page API is not available.');
      this.dispatchEvent(new Event('sspr-doctor-ready', { bubbles: true }));
    } catch (e) {
      shadow.replaceChildren();
      fail(this, 'load.unknown', { message: e?.message ?? String(e) });
    }
  }
}

const taken = customElements.get(NAME);
if (!taken) {
  customElements.define(NAME, SsprDoctorElement);
} else if (taken !== SsprDoctorElement) {
  // Another script owns the name: say so where the reader looks, and in the console.
  console.error(`SSPR Doctor: the element name <${NAME}> is already defined on this page by another script; SSPR Doctor cannot start here.`);
  for (const el of document.querySelectorAll(NAME)) if (!el.shadowRoot && !el.childElementCount) fail(el, 'load.nameTaken', { name: NAME });
}
