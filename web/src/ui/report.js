// The report: findings by severity with badges, why each was raised (the evidence), the
// numbered fix steps and the commands to run (with a copy button; the retired MSOnline form
// only marked as retired), then the immediate path, with the organization's help desk when
// the page was given one. Text only, never HTML.
import { h } from '../dom.js';
import { safeHref } from '../options.js';
import { coreWords, fill } from '../words.js';

function commandList(t, w, commands, onCopy) {
  return h('ul', { class: 'commands' }, commands.map((c) => h('li', { class: c.legacy ? 'legacy' : null },
    c.legacy ? h('span', { class: 'legacy-note' }, w.legacyCommand) : null,
    h('code', {}, c.text),
    c.legacy ? null : h('button', {
      type: 'button', class: 'copy', 'aria-label': t('action.copyCommand', { command: c.text }),
      on: { click: () => onCopy(c.text, t('status.copiedCommand')) },
    }, t('action.copy')))));
}

export function finding(t, w, f, onCopy, idPrefix = 'fh', level = 3) {
  const ev = Object.entries(f.evidence ?? {});
  const headingId = `${idPrefix}-${f.id}`;
  return h('article', { class: `finding sev-${f.severity}`, 'data-id': f.id, 'aria-labelledby': headingId },
    h(`h${level}`, { id: headingId },
      h('span', { class: `badge badge-${f.severity}` }, w.severity[f.severity]),
      ' ',
      h('span', { class: 'finding-title' }, f.title)),
    h('p', { class: 'detail' }, f.detail),
    f.steps.length ? [h(`h${level + 1}`, {}, w.fix), h('ol', { class: 'steps' }, f.steps.map((s) => h('li', {}, s)))] : null,
    f.commands?.length ? [h(`h${level + 1}`, {}, w.commands), commandList(t, w, f.commands, onCopy)] : null,
    ev.length ? h('details', { class: 'evidence' },
      h('summary', {}, w.why),
      h('dl', {}, ev.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))) : null);
}

function helpdesk(t, options) {
  if (!options.helpdesk && !options.helpdeskContact) return null;
  const href = safeHref(options.helpdeskContact);
  const contact = options.helpdeskContact
    ? (href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, options.helpdeskContact) : options.helpdeskContact)
    : null;
  return h('p', { class: 'helpdesk' },
    h('strong', {}, t('report.helpdesk')), ' ',
    options.helpdesk ?? '', options.helpdesk && contact ? ' — ' : '', contact);
}

/** The counts line. */
function counts(w, report) {
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  return fill(w.counts, { blocking: count('blocking'), likely: count('likely'), check: count('check') });
}

/** The report section. `actions` are { copyText, copyMarkdown, copySummary, downloadJson, print, copy }. */
export function renderReport(t, lang, report, options, actions) {
  const w = coreWords(lang);
  const groups = ['blocking', 'likely', 'check'].map((sev) => [sev, report.findings.filter((f) => f.severity === sev)]);
  const resolutionTitle = report.resolution.id === 'unknown' ? w.resolutionTitleUnknown : w.resolutionTitle;
  return h('section', { class: 'report', 'aria-labelledby': 'report-title', id: 'report', tabindex: '-1' },
    h('h2', { id: 'report-title' }, w.reportTitle),
    report.factsNotice ? h('p', { class: 'stale', role: 'note' }, report.factsNotice) : null,
    h('p', { class: `headline ${report.ok ? 'ok' : 'not-ok'}` }, report.ok ? w.headlineOk : w.headlineNotOk),
    h('p', { class: 'counts' }, counts(w, report)),
    h('div', { class: 'report-actions', role: 'group', 'aria-label': t('report.keep') },
      h('button', { type: 'button', id: 'copy-text', on: { click: actions.copyText } }, t('action.copyText')),
      h('button', { type: 'button', id: 'copy-markdown', on: { click: actions.copyMarkdown } }, t('action.copyMarkdown')),
      h('button', { type: 'button', id: 'download-json', on: { click: actions.downloadJson } }, t('action.downloadJson')),
      h('button', { type: 'button', id: 'print', on: { click: actions.print } }, t('action.print'))),
    h('section', { class: 'resolution', 'data-id': report.resolution.id, 'aria-labelledby': 'res-title' },
      h('h3', { id: 'res-title' }, `${resolutionTitle}: ${w.resolution[report.resolution.id]}`),
      helpdesk(t, options),
      h('ol', {}, report.resolution.steps.map((s) => h('li', {}, s)))),
    groups.filter(([, fs]) => fs.length).map(([sev, fs]) => h('section', { class: `sev-group sev-group-${sev}`, 'aria-labelledby': `sg-${sev}` },
      h('h3', { id: `sg-${sev}`, class: 'sev-heading' }, `${w.severityGroup[sev]} (${fs.length})`),
      fs.map((f) => finding(t, w, f, actions.copy)))),
    report.supportSummary ? h('section', { class: 'support-summary', 'aria-labelledby': 'summary-title' },
      h('h3', { id: 'summary-title' }, w.supportSummaryTitle),
      h('pre', { id: 'support-summary', tabindex: '0' }, report.supportSummary),
      h('button', { type: 'button', id: 'copy-summary', on: { click: actions.copySummary } }, t('action.copySummary'))) : null);
}

/** One sentence for the live region. */
export function summary(lang, report) {
  const w = coreWords(lang);
  return `${report.ok ? w.headlineOk : w.headlineNotOk} ${counts(w, report)}`;
}
