// The questions. Every control has a label and a one-line "how to find out" help tied to
// it with aria-describedby; yes/no/don't-know questions are radio groups in fieldsets.
import { h, nextId } from '../dom.js';
import { METHODS } from '../state.js';

function help(id, text) {
  return h('p', { class: 'help', id }, text);
}

/** One radio button of the group `name`, bound to state[key]. */
function radio(name, key, value, label, state, onChange) {
  return h('label', { class: 'choice' },
    h('input', {
      type: 'radio', name, value: String(value), 'data-field': key,
      props: { checked: state[key] === value },
      on: { change: () => { state[key] = value; onChange(key); } },
    }),
    label);
}

/** A question answered by one of `options` ([value, label]), bound to state[key]. */
function radios(t, state, key, options, onChange, helpText) {
  const name = nextId(key);
  const helpId = `${name}-help`;
  return h('fieldset', { class: 'q', 'aria-describedby': helpText ? helpId : null },
    h('legend', {}, t(`q.${key}`, { sender: t.facts?.resetEmailSender })),
    h('div', { class: 'choices' }, options.map(([v, label]) => radio(name, key, v, label, state, onChange))),
    helpText ? help(helpId, helpText) : null);
}

/** A yes / no / don't know question bound to state[key] (true / false / null). */
function triState(t, state, key, onChange, helpText) {
  return radios(t, state, key, [[true, t('yes')], [false, t('no')], [null, t('unknown')]], onChange, helpText);
}

/** A text input (or textarea) bound to state[key]. */
function textField(t, state, key, onChange, { multiline = false, type = 'text', autocomplete = 'off', helpText, extra } = {}) {
  const id = `f-${key}`;
  const helpId = `${id}-help`;
  const attrs = {
    id, name: key, 'data-field': key, autocomplete, spellcheck: 'false',
    'aria-describedby': helpText ? helpId : null,
    props: { value: state[key] },
    on: { input: (e) => { state[key] = e.target.value; onChange(key); } },
  };
  const control = multiline ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type, inputmode: type === 'tel' ? 'tel' : null });
  return h('div', { class: 'q' },
    h('label', { for: id }, t(`q.${key}`)),
    control,
    extra ?? null,
    helpText ? help(helpId, helpText) : null);
}

function noneSet(t, state, key, onChange) {
  const flag = `${key}None`;
  return h('label', { class: 'choice inline' },
    h('input', {
      type: 'checkbox', 'data-field': flag, props: { checked: state[flag] },
      on: { change: (e) => { state[flag] = e.target.checked; onChange(flag); } },
    }),
    t('none.set'));
}

function countrySelect(t, state, lang, regions, onChange) {
  const id = 'f-phoneCountry';
  let names;
  try { names = new Intl.DisplayNames([lang], { type: 'region' }); } catch { names = null; }
  const label = (code) => { try { return names ? `${names.of(code)} (${code})` : code; } catch { return code; } };
  const sorted = [...regions].sort((a, b) => label(a).localeCompare(label(b), lang));
  return h('div', { class: 'q' },
    h('label', { for: id }, t('q.phoneCountry')),
    h('select', {
      id, 'data-field': 'phoneCountry', 'aria-describedby': `${id}-help`,
      on: { change: (e) => { state.phoneCountry = e.target.value; onChange('phoneCountry'); } },
    },
    h('option', { value: '', props: { selected: state.phoneCountry === '' } }, t('country.none')),
    sorted.map((c) => h('option', { value: c, props: { selected: state.phoneCountry === c } }, label(c)))),
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
          onChange('methods');
        },
      },
    }),
    t(`m.${m}`));
  return h('fieldset', { class: 'q', 'aria-describedby': helpId },
    h('legend', {}, t('q.methods')),
    h('div', { class: 'choices' },
      METHODS.map(box),
      h('label', { class: 'choice' },
        h('input', {
          type: 'checkbox', 'data-field': 'methodsUnknown', props: { checked: unknown },
          on: { change: (e) => { state.methods = e.target.checked ? null : []; onChange('methods'); } },
        }),
        t('m.unknown'))),
    help(helpId, t('h.methods')));
}

/**
 * The whole form. `onChange(key)` after every edit (state already updated); `onSubmit()`
 * to diagnose. Re-rendering (a language switch, "don't know" toggles) keeps state.
 */
export function renderForm({ t, lang, state, facts, onChange, onSubmit, onReset }) {
  t.facts = facts;
  const section = (key, ...children) => h('section', { class: 'group', 'aria-labelledby': `sec-${key}` },
    h('h2', { id: `sec-${key}` }, t(`section.${key}`)), children);

  return h('form', {
    class: 'questions', novalidate: true,
    on: {
      submit: (e) => { e.preventDefault(); onSubmit(); },
      // Never submit with Enter while an IME is composing Japanese.
      keydown: (e) => { if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault(); },
    },
  },
  section('symptom',
    radios(t, state, 'symptom', [['email', t('q.symptom.email')], ['sms', t('q.symptom.sms')], ['both', t('q.symptom.both')]], onChange)),
  section('account',
    textField(t, state, 'username', onChange, { type: 'email', autocomplete: 'username', helpText: t('h.username') }),
    triState(t, state, 'isAdmin', onChange, t('h.isAdmin')),
    triState(t, state, 'soleAdmin', onChange, t('h.soleAdmin')),
    triState(t, state, 'globalAdmin', onChange, t('h.globalAdmin'))),
  section('email',
    textField(t, state, 'alternateEmail', onChange, { type: 'email', helpText: t('h.alternateEmail'), extra: noneSet(t, state, 'alternateEmail', onChange) }),
    triState(t, state, 'checkedJunkFolder', onChange, t('h.checkedJunkFolder')),
    triState(t, state, 'safeSenderAdded', onChange, t('h.safeSenderAdded'))),
  section('sms',
    textField(t, state, 'mobilePhone', onChange, { type: 'tel', helpText: t('h.mobilePhone'), extra: noneSet(t, state, 'mobilePhone', onChange) }),
    countrySelect(t, state, lang, facts.regions, onChange),
    radios(t, state, 'smsProvider', [['carrier', t('q.smsProvider.carrier')], ['voipApp', t('q.smsProvider.voipApp')], [null, t('unknown')]], onChange),
    triState(t, state, 'carrierReceivesUsSms', onChange, t('h.carrierReceivesUsSms')),
    triState(t, state, 'clickedResetLink', onChange, t('h.clickedResetLink'))),
  section('org',
    triState(t, state, 'ssprEnabled', onChange, t('h.ssprEnabled')),
    textField(t, state, 'policyOutput', onChange, { multiline: true, helpText: t('h.policyOutput', { command: facts.graphReadSspr }) }),
    methodsField(t, state, onChange),
    triState(t, state, 'telecomProvider', onChange, t('h.telecomProvider'))),
  section('page',
    textField(t, state, 'pageMessage', onChange, { multiline: true, helpText: t('h.pageMessage') })),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary', id: 'diagnose' }, t('action.diagnose')),
    h('button', { type: 'button', id: 'reset', on: { click: onReset } }, t('action.reset'))));
}
