// Boot: load the engine, expose window.SsprDoctor, render the page. If loading fails,
// say why in the user's language instead of leaving a blank page.
import { engine, pageFacts, EngineRestarted, LoadError } from './engine.js';
import { pickLang, rememberLang, translator, LANGS } from './i18n.js';
import { h, replace } from './dom.js';
import { emptyState, toCase } from './state.js';
import { renderForm } from './ui/form.js';
import { renderReport, summary } from './ui/report.js';

const app = document.getElementById('app');
const boot = document.getElementById('boot');
let lang = pickLang();
let t = translator(lang);
let state = emptyState();
let lastReport = null;
let message = null; // { key, vars } of an error shown above the form

function setLang(next, { remember = false } = {}) {
  lang = next;
  t = translator(lang);
  document.documentElement.lang = lang;
  document.title = `${t('app.title')}`;
  if (remember) rememberLang(lang);
}

function diagnoseNow() {
  message = null;
  try {
    lastReport = engine.diagnose(toCase(state, lang));
  } catch (e) {
    lastReport = null;
    message = e instanceof EngineRestarted ? { key: 'err.restarted' } : { key: 'err.input', vars: { message: e.message } };
    e.ready?.then(() => render());
  }
  render({ focusReport: lastReport !== null });
}

function render({ focusReport = false } = {}) {
  const focusedField = document.activeElement?.id;
  const facts = pageFacts();
  const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'live' });
  replace(app,
    h('header', { class: 'top' },
      h('div', {},
        h('h1', {}, t('app.title')),
        h('p', { class: 'subtitle' }, t('app.subtitle'))),
      h('div', { class: 'lang', role: 'group', 'aria-label': t('app.language') },
        LANGS.map((l) => h('button', {
          type: 'button', lang: l, 'aria-pressed': String(l === lang), id: `lang-${l}`,
          on: { click: () => { setLang(l, { remember: true }); if (lastReport) diagnoseNow(); else render(); document.getElementById(`lang-${l}`)?.focus(); } },
        }, l === 'en' ? 'English' : '日本語')))),
    h('p', { class: 'privacy' }, t('app.privacy')),
    message ? h('p', { class: 'error', role: 'alert' }, t(message.key, message.vars)) : null,
    h('main', {},
      renderForm({
        t, lang, state, facts,
        onChange: (key) => { if (key === 'methods' || key.endsWith('None')) render(); },
        onSubmit: diagnoseNow,
        onReset: () => { state = emptyState(); lastReport = null; message = null; render(); },
      }),
      lastReport ? renderReport(t, lastReport) : null),
    live,
    h('footer', {}, t('app.version', { version: __VERSION__ })));
  if (lastReport) {
    // Announce after insertion so screen readers read the change.
    setTimeout(() => { live.textContent = summary(t, lastReport); }, 50);
  }
  if (focusReport) document.getElementById('report')?.focus();
  else if (focusedField) document.getElementById(focusedField)?.focus();
}

function showLoadError(err) {
  const kind = err instanceof LoadError ? err.kind : 'unknown';
  boot.replaceChildren(h('p', { class: 'error', role: 'alert', lang }, t(`load.${kind}`, { message: err?.message ?? String(err) })));
}

async function start() {
  setLang(lang);
  try {
    await engine.load();
  } catch (e) {
    showLoadError(e);
    console.warn('SSPR Doctor failed to load:', e);
    return;
  }
  window.SsprDoctor = Object.freeze({
    diagnose: (c) => engine.diagnose(c),
    version: __VERSION__,
    get restarts() { return engine.restarts; },
    /** For the crash-recovery test: makes the module trap as a Rust panic would. */
    _trapForTesting: () => engine.trapForTesting(),
  });
  boot.remove();
  app.hidden = false;
  render();
  window.dispatchEvent(new Event('sspr-doctor-ready'));
}

start();
