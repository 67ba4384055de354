// The fix script (contract v1.2): made in the worker from the audit's plans, shown read-only
// (the first lines of a long one), copied or downloaded whole. Made only when asked: it
// writes to a real tenant when run with -Apply, so the page says what it will never do.
import { h } from '../../dom.js';
import { num, PAGE } from '../../words.js';
import { downloadBlob } from '../actions.js';

/** Lines shown in the page: a script for thousands of accounts is downloaded, not read here. */
export const FIX_SHOWN_LINES = 400;
const FILE = 'sspr-doctor-fix.ps1';

export function fixSection(v, { t }) {
  const { s, makeFixScript, copy } = v;
  const fix = s.fix;
  const longer = fix ? fix.lines > FIX_SHOWN_LINES : false;
  const shown = longer ? `${fix.preview}\n…` : fix?.preview;
  return h('section', { class: 'audit-fix', id: 'audit-fix', 'aria-labelledby': 'audit-fix-title' },
    h('h3', { id: 'audit-fix-title' }, t('audit.fixTitle')),
    h('p', {}, t('audit.fixIntro')),
    h('p', { class: 'note' }, t('audit.fixNever')),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', id: 'audit-fix-tap', props: { checked: s.fixTap }, on: { change: (e) => { s.fixTap = e.target.checked; s.fix = null; v.paint(); } } }),
      ' ', t('audit.fixTap')),
    s.fixTap ? h('p', { class: 'warning', role: 'note' }, t('audit.fixTapWarning', { minutes: PAGE.facts.tapMinutes, min: PAGE.facts.tapMinHours, max: PAGE.facts.tapMaxHours })) : null,
    // The organization the script may write to: its tenant id, when the export lacks it.
    h('label', { for: 'audit-fix-tenant' }, t('audit.fixTenant')),
    h('input', {
      type: 'text', id: 'audit-fix-tenant', inputmode: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: '64',
      placeholder: '00000000-0000-0000-0000-000000000000', 'aria-describedby': 'audit-fix-tenant-help',
      props: { value: s.fixTenant },
      // A script made for another tenant id is not kept beside a new one.
      on: { input: (e) => { s.fixTenant = e.target.value; }, change: () => { if (s.fix) { s.fix = null; v.paint(); } } },
    }),
    h('p', { class: 'hint', id: 'audit-fix-tenant-help' }, t('audit.fixTenantHelp')),
    h('div', { class: 'report-actions', role: 'group', 'aria-label': t('audit.fixTitle') },
      h('button', { type: 'button', id: 'audit-fix-make', disabled: s.phase !== 'done' || s.fixing || s.comparing, 'aria-busy': String(!!s.fixing), on: { click: () => makeFixScript() } }, t('audit.fixMake')),
      fix ? h('button', { type: 'button', id: 'audit-fix-copy', on: { click: async () => copy(await fix.blob.text(), t('audit.status.fixCopied')) } }, t('audit.fixCopy')) : null,
      fix ? h('button', { type: 'button', id: 'audit-fix-download', on: { click: () => downloadBlob(fix.blob, FILE) } }, t('audit.fixDownload')) : null),
    s.fixError ? h('p', { class: 'error', role: 'alert', id: 'audit-fix-error' }, s.fixError) : null,
    longer ? h('p', { class: 'hint' }, t('audit.fixPreview', { shown: num(FIX_SHOWN_LINES), total: num(fix.lines) })) : null,
    fix ? h('pre', { class: 'script', tabindex: '0', id: 'audit-fix-text', 'aria-label': t('audit.fixTitle') }, h('code', {}, shown)) : null);
}

