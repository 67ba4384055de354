// The audit's first two steps: the read-only script to run, and the file to drop, choose
// or paste (a long paste is kept aside, not shown).
import { h } from '../../dom.js';
import { toFiles } from '../../audit/runner.js';
import { num, PAGE } from '../../words.js';
import { CLOUDS, FIELD_MAX } from '../form.js';
import { chosenFolder, dropped } from './orgs.js';
import { auditWords } from './shared.js';

export function input(v, { t }) {
  const { s, start, startOrgs, byId } = v;
  // A folder or a .zip is many organizations' exports; files alone are one organization's.
  const take = ({ files, orgs }) => (orgs ? startOrgs(toFiles(files)) : start(toFiles(files)));
  const drop = h('div', {
    class: 'dropzone', id: 'audit-drop',
    on: {
      dragover: (e) => { e.preventDefault(); e.currentTarget.classList.add('over'); },
      dragleave: (e) => e.currentTarget.classList.remove('over'),
      drop: (e) => {
        e.preventDefault();
        e.currentTarget.classList.remove('over');
        if (e.dataTransfer) dropped(e.dataTransfer).then(take);
      },
    },
  },
  h('p', {}, t('audit.drop')),
  h('label', { for: 'audit-file', class: 'file-label' }, t('audit.choose')),
  h('input', {
    type: 'file', id: 'audit-file', multiple: true, accept: '.csv,.json,.txt,.tsv,.zip,text/csv,application/json,text/plain,application/zip,application/x-zip-compressed', class: 'file-input',
    on: { change: (e) => { const list = [...(e.target.files ?? [])]; e.target.value = ''; take({ files: list.map((f) => ({ name: f.name, data: f })), orgs: list.some((f) => /\.zip$/i.test(f.name)) }); } },
  }),
  h('label', { for: 'audit-folder', class: 'file-label' }, t('audit.chooseFolder')),
  h('input', {
    type: 'file', id: 'audit-folder', webkitdirectory: true, multiple: true, class: 'file-input',
    on: { change: (e) => { const list = [...(e.target.files ?? [])]; e.target.value = ''; if (list.length) startOrgs(toFiles(chosenFolder(list))); } },
  }),
  h('p', { class: 'hint' }, t('audit.orgsHint')));
  const aside = h('p', { class: 'cut', id: 'audit-paste-aside', hidden: s.pastedAside ? null : '' },
    s.pastedAside ? t('audit.pastedAside', { n: num(s.pastedAside.length) }) : '');
  return h('section', { class: 'audit-input', 'aria-labelledby': 'audit-input-title' },
    h('h3', { id: 'audit-input-title' }, t('audit.step2')),
    drop,
    h('label', { for: 'audit-paste' }, t('audit.paste')),
    h('textarea', {
      id: 'audit-paste', rows: '4', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'audit-paste-aside',
      props: { value: s.pasted },
      on: {
        input: (e) => { s.pasted = e.target.value; s.pastedAside = ''; aside.hidden = true; },
        // A long paste is kept aside instead of shown: Chromium lays out a long line (one
        // line of Graph JSON) in time that grows with its square, and a megabyte in the box
        // froze the tab for minutes.
        paste: (e) => {
          const text = e.clipboardData?.getData('text/plain') ?? '';
          if (text.length <= FIELD_MAX.block) return;
          e.preventDefault();
          s.pastedAside = text;
          s.pasted = '';
          e.target.value = '';
          aside.textContent = t('audit.pastedAside', { n: num(text.length) });
          aside.hidden = false;
        },
      },
    }),
    aside,
    h('div', { class: 'audit-options' },
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: 'audit-telecom', props: { checked: s.telecomProvider }, on: { change: (e) => { s.telecomProvider = e.target.checked; } } }),
        ' ', t('audit.telecomProvider')),
      h('label', { class: 'select' }, t('audit.cloud'), ' ',
        // The read-only script above signs in to the cloud chosen here.
        h('select', { id: 'audit-cloud', on: { change: (e) => { s.cloud = e.target.value; showScript(v); } } },
          CLOUDS.map((c) => h('option', { value: c, props: { selected: s.cloud === c } }, t(`q.cloud.${c}`)))))),
    h('button', {
      type: 'button', id: 'audit-paste-go', class: 'primary',
      on: { click: () => { const text = s.pastedAside || s.pasted; if (text.trim()) start(toFiles(text)); else byId('audit-paste')?.focus(); } },
    }, t('audit.checkPasted')));
}

/** The read-only script of the cloud chosen among the options (it signs in there). */
// The core's script for the cloud (build-web.mjs checks the template gives it exactly).
const scriptFor = (cloud) => {
  const { scriptTemplate, environmentMark, environments } = PAGE.audit;
  return scriptTemplate.replaceAll(environmentMark, environments[cloud] ?? environments.public);
};

/** Shows the script of the cloud now chosen (the rest of the step stays as drawn). */
function showScript(v) {
  const code = v.byId('audit-script-text')?.querySelector('code');
  if (code) code.textContent = scriptFor(v.s.cloud);
}

export function script(v, { t, lang }) {
  const { copy, s } = v;
  return h('section', { class: 'audit-script', 'aria-labelledby': 'audit-script-title' },
    h('h3', { id: 'audit-script-title' }, t('audit.step1')),
    h('p', {}, t('audit.scriptIntro', { file: PAGE.audit.scriptOutput })),
    h('details', { id: 'audit-script-details' },
      h('summary', {}, t('audit.showScript')),
      h('pre', { class: 'script', tabindex: '0', id: 'audit-script-text' }, h('code', {}, scriptFor(s.cloud)))),
    h('button', { type: 'button', id: 'audit-copy-script', on: { click: () => copy(scriptFor(s.cloud), t('audit.status.scriptCopied')) } }, t('audit.copyScript')),
    h('p', { class: 'hint' }, t('audit.otherExports', { formats: Object.values(auditWords(lang).formats).join(t('audit.listSeparator')) })));
}
