// The questions. Every control has a label and a one-line "how to find this out" help tied
// to it with aria-describedby; yes/no/don't-know questions are radio groups in fieldsets.
// Only the sections that matter for the chosen symptom are shown.
import { h } from '../dom.js';
import { METHODS } from '../state.js';
import { num } from '../words.js';

function help(id, text) {
  return h('p', { class: 'help', id }, text);
}

/** One radio button of the group `name`, bound to state[key]. */
function radio(name, key, value, label, state, onChange) {
  return h('label', { class: 'choice' },
    h('input', {
      type: 'radio', name, value: String(value), 'data-field': key, id: `${name}-${value}`,
      props: { checked: state[key] === value },
      on: { change: () => { state[key] = value; onChange(key); } },
    }),
    label);
}

/** A question answered by one of `options` ([value, label]), bound to state[key]. */
function radios(t, state, key, options, onChange, helpText) {
  const name = `q-${key}`;
  const helpId = `${name}-help`;
  return h('fieldset', { class: 'q', 'aria-describedby': helpText ? helpId : null, 'data-q': key },
    h('legend', {}, t(`q.${key}`, { senders: t.facts?.resetEmailSenders?.join(', ') })),
    h('div', { class: 'choices' }, options.map(([v, label]) => radio(name, key, v, label, state, onChange))),
    helpText ? help(helpId, helpText) : null);
}

/** Microsoft's clouds, as the Case names them. */
/** The contract's clouds (Case.cloud, AuditOptions.cloud), in the order a reader looks for theirs. */
export const CLOUDS = ['public', 'usGovernment', 'usGovernmentDoD', 'china'];

/** A yes / no / don't know question bound to state[key] (true / false / null). */
function triState(t, state, key, onChange, helpText) {
  return radios(t, state, key, [[true, t('yes')], [false, t('no')], [null, t('unknown')]], onChange, helpText);
}

/**
 * The most a field keeps, in characters. Far more than any real value (an address is at
 * most 254, the engine reads 200 characters of a phone number; real PowerShell output or
 * an error page is a few kilobytes), and small enough that pasting anything stays quick:
 * Chromium lays out one long wrapped line in time that grows with its square, so 1.4 MB
 * pasted into a text box froze the tab for two minutes, 16,384 characters take 50 ms.
 */
export const FIELD_MAX = { line: 1024, block: 16384 };

/**
 * A text input (or textarea) bound to state[key], with an optional live-check area.
 * @param {(key: string, vars?: object) => string} t
 * @param {Record<string, any>} state
 * @param {string} key
 * @param {{ onChange?: (key: string) => void, live?: any, multiline?: boolean, type?: string, autocomplete?: string, helpText?: any, extra?: any }} [options]
 */
function textField(t, state, key, { onChange, live, multiline = false, type = 'text', autocomplete = 'off', helpText, extra } = {}) {
  const id = `f-${key}`;
  const helpId = `${id}-help`;
  const checkId = `${id}-check`;
  const cutId = `${id}-cut`;
  const max = multiline ? FIELD_MAX.block : FIELD_MAX.line;
  const describedBy = [helpText ? helpId : null, live ? checkId : null, cutId].filter(Boolean).join(' ');
  // Said when the field is full, so a paste that was cut is never cut silently.
  const cut = h('p', { class: 'cut', id: cutId, hidden: String(state[key] ?? '').length < max ? '' : null }, t('field.cut', { n: num(max) }));
  const showCut = (value) => { cut.hidden = value.length < max; };
  const attrs = {
    id, name: key, 'data-field': key, autocomplete, spellcheck: 'false', autocapitalize: 'off',
    'aria-describedby': describedBy, maxlength: String(max),
    props: { value: state[key], disabled: Boolean(state[`${key}None`]) },
    on: {
      input: (e) => { state[key] = e.target.value; showCut(e.target.value); onChange(key); live?.schedule(key); },
      compositionstart: () => live?.composing(key, true),
      // Browsers disagree on whether the last input event comes before or after
      // compositionend, so take the committed text from the field itself.
      compositionend: (e) => { state[key] = e.target.value; showCut(e.target.value); onChange(key); live?.composing(key, false); },
      // No check on blur: text appearing while the pointer is pressed on the next
      // question would move that question under the pointer.
    },
  };
  const control = multiline
    ? h('textarea', { ...attrs, rows: 4 })
    : h('input', { ...attrs, type, inputmode: type === 'tel' ? 'tel' : null });
  return h('div', { class: 'q', 'data-q': key },
    h('label', { for: id }, t(`q.${key}`)),
    control,
    extra ?? null,
    cut,
    helpText ? help(helpId, helpText) : null,
    live ? h('div', { class: 'live', id: checkId, 'aria-live': 'polite', 'data-check': key }) : null);
}

function noneSet(t, state, key, onChange) {
  const flag = `${key}None`;
  return h('label', { class: 'choice inline' },
    h('input', {
      type: 'checkbox', 'data-field': flag, id: `f-${flag}`, props: { checked: state[flag] },
      on: { change: (e) => { state[flag] = e.target.checked; onChange(flag); } },
    }),
    t('none.set'));
}

/**
 * The country of the phone. Its ~245 localized, sorted options are built when the list is
 * first used (focus, pointer or key), not with the page: sorting every region name takes
 * longer than painting the rest of the form.
 */
function countrySelect(t, state, regions, regionName, onChange, live) {
  const id = 'f-phoneCountry';
  const option = (c) => h('option', { value: c, props: { selected: state.phoneCountry === c } }, `${regionName(c)} (${c})`);
  let filled = false;
  const fill = () => {
    if (filled || !select.isConnected) return;
    filled = true;
    const collator = new Intl.Collator(document.documentElement.lang || undefined);
    const names = regions.map((c) => [regionName(c), c]).sort((a, b) => collator.compare(a[0], b[0]));
    select.replaceChildren(select.options[0], ...names.map(([, c]) => option(c)));
    select.value = state.phoneCountry;
  };
  const select = h('select', {
    id, 'data-field': 'phoneCountry', 'aria-describedby': `${id}-help`,
    on: {
      focus: fill, pointerdown: fill, keydown: fill,
      change: (e) => { state.phoneCountry = e.target.value; onChange('phoneCountry'); live?.now('mobilePhone'); },
    },
  },
  h('option', { value: '', props: { selected: state.phoneCountry === '' } }, t('country.none')),
  state.phoneCountry ? option(state.phoneCountry) : null);
  // Otherwise when the page is idle after its first paint.
  (window.requestIdleCallback ?? ((f) => setTimeout(f, 300)))(fill);
  return h('div', { class: 'q', 'data-q': 'phoneCountry' },
    h('label', { for: id }, t('q.phoneCountry')),
    select,
    help(`${id}-help`, t('h.phoneCountry')));
}

function methodsField(t, state, onChange) {
  const helpId = 'methods-help';
  const unknown = state.methods === null;
  const box = (m) => h('label', { class: 'choice' },
    h('input', {
      type: 'checkbox', value: m, 'data-field': 'methods',
      props: { checked: !unknown && state.methods.includes(m) },
      on: {
        change: (e) => {
          const set = new Set(state.methods ?? []);
          if (e.target.checked) set.add(m); else set.delete(m);
          state.methods = [...set];
          const unknownBox = e.target.closest('fieldset').querySelector('[data-field="methodsUnknown"]');
          unknownBox.checked = false;
          onChange('methods');
        },
      },
    }),
    t(`m.${m}`));
  return h('fieldset', { class: 'q', 'aria-describedby': helpId, 'data-q': 'methods' },
    h('legend', {}, t('q.methods')),
    h('div', { class: 'choices' },
      METHODS.map(box),
      h('label', { class: 'choice' },
        h('input', {
          type: 'checkbox', 'data-field': 'methodsUnknown', props: { checked: unknown },
          on: {
            change: (e) => {
              state.methods = e.target.checked ? null : [];
              for (const b of e.target.closest('fieldset').querySelectorAll('[data-field="methods"]')) b.checked = false;
              onChange('methods');
            },
          },
        }),
        t('m.unknown'))),
    help(helpId, t('h.methods')));
}

/** Questions that only matter for administrators. */
const ADMIN_ONLY = ['soleAdmin', 'globalAdmin', 'methods'];

/** Shows the sections and questions that matter for the current answers, hides the rest
 *  (without re-rendering, so focus and typing are never disturbed). */
export function applyVisibility(form, state) {
  const visible = visibleSections(state.symptom);
  for (const el of form.querySelectorAll('[data-section]')) el.hidden = visible[el.dataset.section] === false;
  for (const q of ADMIN_ONLY) {
    const el = form.querySelector(`[data-q="${q}"]`);
    if (el) el.hidden = state.isAdmin === false;
  }
}

/** Which sections the symptom makes relevant. */
export function visibleSections(symptom) {
  return {
    account: true,
    contact: true,
    email: symptom !== 'sms',
    sms: symptom !== 'email',
    org: true,
    page: true,
  };
}

/**
 * The whole form. `onChange(key)` after every edit (state already updated); `onSubmit()`
 * to diagnose. `order` lists the sections to show first (the `first` option); `settled`, a
 * promise (the engine loading), ends the first-paint layout shortcut when it resolves.
 */
export function renderForm({ t, state, facts, regionName, live, order, settled, onChange, onSubmit, onReset }) {
  t.facts = facts;
  const section = (key, ...children) => h('section', { class: 'group', 'aria-labelledby': `sec-${key}`, 'data-section': key },
    h('h2', { id: `sec-${key}` }, t(`section.${key}`)), children);

  const sections = {
    account: () => section('account',
      textField(t, state, 'username', { onChange, live, type: 'email', autocomplete: 'username', helpText: t('h.username') }),
      triState(t, state, 'isAdmin', onChange, t('h.isAdmin')),
      triState(t, state, 'soleAdmin', onChange, t('h.soleAdmin')),
      triState(t, state, 'globalAdmin', onChange, t('h.globalAdmin')),
      radios(t, state, 'accountSource', ['cloud', 'synced', 'federated'].map((v) => [v, t(`q.accountSource.${v}`)]).concat([[null, t('unknown')]]), onChange, t('h.accountSource'))),
    contact: () => section('contact',
      textField(t, state, 'alternateEmail', { onChange, live, type: 'email', helpText: t('h.alternateEmail'), extra: noneSet(t, state, 'alternateEmail', onChange) }),
      textField(t, state, 'mobilePhone', { onChange, live, type: 'tel', helpText: t('h.mobilePhone'), extra: noneSet(t, state, 'mobilePhone', onChange) }),
      countrySelect(t, state, facts.regions, regionName, onChange, live),
      triState(t, state, 'registeredAsMethods', onChange, t('h.registeredAsMethods')),
      methodsField(t, state, onChange)),
    email: () => section('email',
      triState(t, state, 'checkedJunkFolder', onChange, t('h.checkedJunkFolder')),
      triState(t, state, 'safeSenderAdded', onChange, t('h.safeSenderAdded'))),
    sms: () => section('sms',
      radios(t, state, 'smsProvider', [['carrier', t('q.smsProvider.carrier')], ['voipApp', t('q.smsProvider.voipApp')], [null, t('unknown')]], onChange),
      triState(t, state, 'carrierReceivesUsSms', onChange, t('h.carrierReceivesUsSms')),
      radios(t, state, 'clickedResetLink', [true, false, null].map((v) => [v, t(`q.clickedResetLink.${v}`)]), onChange, t('h.clickedResetLink')),
      triState(t, state, 'telecomProvider', onChange, t('h.telecomProvider'))),
    org: () => section('org',
      triState(t, state, 'ssprEnabled', onChange, t('h.ssprEnabled')),
      radios(t, state, 'cloud', CLOUDS.map((c) => [c, t(`q.cloud.${c}`)]), onChange, t('h.cloud')),
      textField(t, state, 'policyOutput', { onChange, multiline: true, helpText: t('h.policyOutput', { command: facts.graphReadSspr }) })),
    page: () => section('page',
      textField(t, state, 'pageMessage', { onChange, multiline: true, helpText: t('h.pageMessage') }),
      textField(t, state, 'supportCode', { onChange, helpText: t('h.supportCode') })),
  };
  const keys = [...order, ...Object.keys(sections).filter((k) => !order.includes(k))];

  const form = h('form', {
    class: 'questions first-paint', novalidate: true,
    on: {
      submit: (e) => { e.preventDefault(); onSubmit(); },
      // Never submit with Enter while an IME is composing Japanese.
      keydown: (e) => { if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault(); },
    },
  },
  h('section', { class: 'group', 'aria-labelledby': 'sec-symptom', 'data-section': 'symptom' },
    h('h2', { id: 'sec-symptom' }, t('section.symptom')),
    radios(t, state, 'symptom', [['email', t('q.symptom.email')], ['sms', t('q.symptom.sms')], ['both', t('q.symptom.both')]], onChange)),
  keys.map((k) => sections[k]()),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary', id: 'diagnose' }, t('action.diagnose')),
    h('button', { type: 'button', id: 'reset', on: { click: onReset } }, t('action.reset'))));
  applyVisibility(form, state);
  // The sections off screen skip layout on the first paint (styles.css: .first-paint) and
  // get it at the first idle moment, or when `settled` (the engine) is ready if that comes
  // first: nothing moves once the page can be used, by a person or by a script waiting for
  // sspr-doctor-ready.
  const settle = () => form.classList.remove('first-paint');
  (window.requestIdleCallback ?? ((f) => setTimeout(f, 300)))(settle);
  settled?.then(settle, () => {});
  return form;
}
