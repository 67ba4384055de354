// The troubleshooter: one app that renders into a container (the page's #app, or the
// shadow root of <sspr-doctor>). It keeps the answers in `state`, so switching language or
// re-rendering never loses them; nothing is stored except a language the user picks.
import { dated, engine, EngineRestarted, loadFailureText, today } from './engine.js';
import { coreWords, fill, PAGE } from './words.js';
import { rememberLang, translator, LANGS } from './i18n.js';
import { h, replace } from './dom.js';
import { emptyState, toCase } from './state.js';
import { renderForm, visibleSections, applyVisibility } from './ui/form.js';
import { renderReport, summary } from './ui/report.js';
import { renderCheck, liveChecker } from './ui/live.js';
import { copyText, downloadJson } from './ui/actions.js';
import { createAuditView } from './ui/audit/view.js';
import { VIEWS } from './options.js';

/** Whole days from `from` to `to` (both YYYY-MM-DD), by the calendar. */
function daysSince(from, to) {
  const day = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
  return day(to) - day(from);
}

/**
 * @param {HTMLElement} container where to render
 * @param {{ lang: string, view?: string, first?: string[], symptom?: string, helpdesk?: string, helpdeskContact?: string, offlineHref?: string | null }} options (see options.js)
 * @param {{ onLang?: (lang: string) => void }} hooks for the host (the page sets <html lang>)
 *
 * The form is shown at once, from data bundled at build time; the engine loads beside it.
 * A check or a diagnosis asked for before it is ready runs as soon as it is.
 */
export function createApp(container, options, hooks = {}) {
  const root = /** @type {Document | ShadowRoot} */ (container.getRootNode());
  /** @type {(id: string) => any} */
  const byId = (id) => root.getElementById?.(id) ?? container.querySelector(`#${CSS.escape(id)}`);
  let lang = options.lang;
  let t = translator(lang);
  // Empty answers, with the symptom the embedding page preset (if any).
  const freshState = () => {
    const s = emptyState();
    if (options.symptom) s.symptom = options.symptom;
    return s;
  };
  let state = freshState();
  let lastReport = null;
  let lastCase = null;
  let message = null;
  let loadFailure = null;
  /** Runs `fn` now if the engine is ready, else once it is (never if it failed to load). */
  const whenReady = (fn) => (engine.loaded ? fn() : engine.load().then(fn, () => {}));
  let status = '';
  let view = options.view ?? 'troubleshoot';
  const regionNames = new Map();
  const regionName = (code) => {
    if (!regionNames.has(lang)) {
      try { regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' })); } catch { regionNames.set(lang, null); }
    }
    try { return regionNames.get(lang)?.of(code) ?? code; } catch { return code; }
  };

  const live = liveChecker((field) => whenReady(() => {
    const out = byId(`f-${field}-check`);
    const input = byId(`f-${field}`);
    if (!out || !input) return;
    try {
      renderCheck({
        t, lang, engine, state, field, out, input, regionName,
        apply: (value) => { state[field] = value; input.value = value; input.focus(); live.now(field); },
      });
    } catch (e) {
      onEngineError(e);
    }
  }));

  function announce(text) {
    status = text;
    const el = byId('status');
    if (el) { el.textContent = ''; setTimeout(() => { el.textContent = text; }, 50); }
  }

  /** After a trap the engine has already restarted itself: say so. */
  function restarted() {
    message = { key: 'err.restarted' };
  }

  function onEngineError(e) {
    if (!(e instanceof EngineRestarted)) throw e;
    restarted();
    render();
  }

  function setLang(next) {
    lang = next;
    t = translator(lang);
    hooks.onLang?.(lang);
  }

  function diagnoseNow() {
    message = null;
    try {
      // The case as diagnosed (dated once), so that a copy of its report is of the same case.
      lastCase = dated(toCase(state, lang, visibleSections(state.symptom)));
      lastReport = engine.diagnose(lastCase);
    } catch (e) {
      lastReport = null;
      if (e instanceof EngineRestarted) {
        restarted();
      } else {
        message = { key: 'err.input', vars: { message: e.message } };
      }
    }
    render({ focusReport: lastReport !== null });
    if (lastReport) announce(summary(lang, lastReport));
  }

  const formatted = (format) => engine.format(lastCase, format);
  const actions = {
    copy: async (text, done) => announce((await copyText(text, root)) ? done : t('status.copyFailed')),
    copyText: () => actions.copy(formatted('text'), t('status.copiedText')),
    copyMarkdown: () => actions.copy(formatted('markdown'), t('status.copiedMarkdown')),
    copySummary: () => actions.copy(lastReport.supportSummary, t('status.copiedSummary')),
    downloadJson: () => { downloadJson(lastReport); announce(t('status.downloaded')); },
    print: () => window.print(),
  };

  /** A copy kept longer than the limit says so, from the reader's own clock. */
  function staleNotice() {
    const days = daysSince(PAGE.factsChecked, today());
    if (!(days > PAGE.factsStaleAfterDays)) return null;
    const w = coreWords(lang);
    return h('p', { class: 'stale', id: 'facts-stale', role: 'note' },
      fill(w.factsStale, { date: PAGE.factsChecked, days }));
  }

  /** "Save for offline use": the hosted page offers its single-file copy (same origin, so
   *  the download attribute applies). Not in a copy opened from disk, which is that file. */
  function saveLink() {
    const href = options.offlineHref ?? (location.protocol.startsWith('http') ? new URL('sspr-doctor.html', location.href).href : null);
    if (!href) return null;
    return [' ', h('a', { href, download: 'sspr-doctor.html', id: 'save-offline', class: 'save-offline' }, t('app.saveOffline'))];
  }

  const audit = createAuditView({ announce, copy: (text, done) => actions.copy(text, done), root });

  /** The two parts as tabs: arrow keys move between them (WAI-ARIA tabs pattern). */
  function tabs() {
    const select = (v) => {
      view = v;
      render();
      byId(`tab-${v}`)?.focus();
    };
    return h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('view.label') },
      VIEWS.map((v, i) => h('button', {
        type: 'button', role: 'tab', id: `tab-${v}`, 'aria-selected': String(view === v), 'aria-controls': `panel-${v}`,
        tabindex: view === v ? '0' : '-1',
        on: {
          click: () => select(v),
          keydown: (e) => {
            const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: VIEWS.length - 1 - i }[e.key];
            if (step === undefined) return;
            e.preventDefault();
            select(VIEWS[(i + step + VIEWS.length) % VIEWS.length]);
          },
        },
      }, t(`view.${v}`))));
  }

  function render({ focusReport = false } = {}) {
    const focusedId = root.activeElement?.id;
    const facts = { ...PAGE.facts, regions: PAGE.regions };
    const auditPanel = view === 'audit' ? h('div', { role: 'tabpanel', id: 'panel-audit', 'aria-labelledby': 'tab-audit', class: 'panel' }) : null;
    replace(container,
      h('div', { class: view === 'audit' ? 'sspr wide' : 'sspr', lang },
        h('header', { class: 'top' },
          h('div', {},
            h('h1', {}, t('app.title')),
            h('p', { class: 'subtitle' }, t('app.subtitle'))),
          h('div', { class: 'lang', role: 'group', 'aria-label': t('app.language') },
            LANGS.map((l) => h('button', {
              type: 'button', lang: l, 'aria-pressed': String(l === lang), id: `lang-${l}`,
              on: {
                click: () => {
                  setLang(l);
                  rememberLang(l);
                  if (lastReport) diagnoseNow(); else render();
                  byId(`lang-${l}`)?.focus();
                },
              },
            }, l === 'en' ? 'English' : '日本語')))),
        staleNotice(),
        h('p', { class: 'privacy' }, t('app.privacy'), saveLink()),
        loadFailure ? h('p', { class: 'error', role: 'alert', id: 'load-error' }, loadFailureText(t, loadFailure)) : null,
        message ? h('p', { class: 'error', role: 'alert' }, t(message.key, message.vars)) : null,
        tabs(),
        view === 'audit' ? h('main', {}, auditPanel) : h('main', { role: 'tabpanel', id: 'panel-troubleshoot', 'aria-labelledby': 'tab-troubleshoot' },
          renderForm({
            t, state, facts, regionName, live, order: options.first ?? [], settled: engine.load(),
            onChange: (key) => {
              if (key === 'symptom' || key === 'isAdmin') applyVisibility(container.querySelector('form'), state);
              if (key.endsWith('None')) {
                const field = key.slice(0, -4);
                const input = byId(`f-${field}`);
                if (input) input.disabled = state[key];
                live.now(field);
              }
            },
            onSubmit: () => whenReady(diagnoseNow),
            onReset: () => {
              state = freshState();
              lastReport = null;
              message = null;
              render();
              byId('f-username')?.focus();
              announce(t('status.cleared'));
            },
          }),
          lastReport ? renderReport(t, lang, lastReport, options, actions) : null),
        h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'status' }, status),
        h('footer', {}, fill(coreWords(lang).factsChecked, { version: __VERSION__, date: PAGE.factsChecked }))));
    if (auditPanel) audit.render(auditPanel, { t, lang });
    // Re-show the live checks for what is already typed (a language switch re-renders them).
    if (view === 'troubleshoot') for (const f of ['username', 'alternateEmail', 'mobilePhone']) if (state[f]) live.now(f);
    if (focusReport) byId('report')?.focus();
    else if (focusedId) byId(focusedId)?.focus();
  }

  setLang(lang);
  render();
  engine.load().catch((e) => {
    // Nothing can be checked: say why in the user's language, keep what they typed.
    loadFailure = e;
    render();
    console.warn('SSPR Doctor failed to load:', e);
  });
  return { render, get state() { return state; } };
}
