// <sspr-doctor>: the troubleshooter as a custom element, for knowledge bases that allow
// scripts. It renders in its own shadow root with its own styles, so the host page's CSS
// neither breaks it nor is touched by it. Attributes: lang, first, symptom, helpdesk,
// helpdesk-contact (the same options as the page's URL parameters).
//   <script type="module" src="https://intranet.example/kb/sspr/sspr-doctor-element.js"></script>
//   <sspr-doctor lang="ja" helpdesk="IT Service Desk" helpdesk-contact="tel:+81-3-1234-5678"></sspr-doctor>
import css from '../styles.css';
import { engine } from './engine.js';
import { pickLang } from './i18n.js';
import { h } from './dom.js';
import { readOptions } from './options.js';
import { createApp } from './app.js';
import { exposeApi } from './api.js';

class SsprDoctorElement extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    const options = readOptions((name) => this.getAttribute(name === 'helpdeskContact' ? 'helpdesk-contact' : name));
    // The offline file sits beside the element's script on the site that serves it.
    const script = [...document.querySelectorAll('script[src]')].find((s) => /sspr-doctor-element\.js(\?|$)/.test(s.src));
    options.offlineHref = script ? new URL('sspr-doctor.html', script.src).href : null;
    options.lang = pickLang(this.getAttribute('lang'));
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
    exposeApi();
    this.dispatchEvent(new Event('sspr-doctor-ready', { bubbles: true }));
  }
}

if (!customElements.get('sspr-doctor')) customElements.define('sspr-doctor', SsprDoctorElement);
