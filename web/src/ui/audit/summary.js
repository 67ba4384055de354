// The audit's summary: the headline, the progress while checking, the cards by status,
// the chart of each retirement date, the organization's findings, the export buttons.
import { h } from '../../dom.js';
import { coreWords, fill, num } from '../../words.js';
import { finding } from '../report.js';
import { auditWords, STATUSES } from './shared.js';

export function summaryLine(v, { t, lang }) {
  const { s } = v;
  const w = auditWords(lang);
  const sum = s.head?.summary;
  if (!sum) return '';
  return t('audit.summaryLine', {
    total: sum.total, fails: sum.fails, atRisk: sum.atRisk, ok: sum.ok, unknown: sum.unknown,
    failsLabel: w.status.fails, atRiskLabel: w.status.atRisk, okLabel: w.status.ok, unknownLabel: w.status.unknown,
  });
}

export function progress(v, { t }) {
  const { s, cancel } = v;
  const pct = s.total ? Math.round((s.done / s.total) * 100) : 0;
  return h('div', { class: 'audit-progress', id: 'audit-progress' },
    h('label', { for: 'audit-progress-bar', id: 'audit-progress-label' }, s.total ? t('audit.checking', { done: num(s.done), total: num(s.total) }) : t(s.preview ? 'audit.status.previewing' : 'audit.status.reading')),
    h('progress', { id: 'audit-progress-bar', max: String(s.total || 1), value: s.total ? String(s.done) : null, 'aria-valuetext': s.total ? `${pct}%` : null }),
    h('button', { type: 'button', id: 'audit-cancel', on: { click: cancel } }, t('audit.cancel')));
}

export function cards(v, { lang }) {
  const { s, refresh } = v;
  const w = auditWords(lang);
  const sum = s.head?.summary ?? { total: s.preview ? s.previewRows : s.done, ...s.counts };
  const others = s.head ? [
    [w.summary.admins, sum.admins],
    [w.summary.canResetToday, sum.canResetToday],
    sum.globalAdmins == null ? null : [w.summary.globalAdminsCanReset, `${sum.globalAdminsCanReset} / ${sum.globalAdmins}`],
    [w.summary.dependOnMicrosoftSms, sum.dependOnMicrosoftSms],
  ].filter(Boolean) : [];
  return h('div', { class: 'audit-summary' },
    h('ul', { class: 'cards' }, STATUSES.map((st) => h('li', { class: `card status-${st}` },
      h('button', {
        type: 'button', class: 'card-button', id: `audit-card-${st}`, 'aria-pressed': String(s.filter.status === st),
        on: { click: () => { s.filter.status = s.filter.status === st ? '' : st; s.page = 0; refresh(); } },
      },
      h('span', { class: 'count' }, String(sum[st] ?? 0)),
      h('span', { class: 'label' }, w.status[st])),
      h('span', { class: 'help' }, w.statusHelp[st])))),
    others.length ? h('dl', { class: 'totals' }, others.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])) : null,
    h('p', { class: 'totals-line' }, `${w.summary.total}: ${sum.total}`));
}

/** A bar `share` (0..1) long. Its width is set through CSSOM: the CSP allows no inline
 *  style attribute. */
export function bar(kind, share) {
  const el = h('span', { class: `bar bar-${kind}`, 'aria-hidden': 'true' });
  el.style.width = `${Math.round(share * 100)}%`;
  return el;
}

/** Bars for each retirement date: accounts that lose a phone method, and those that can
 *  no longer reset. Drawn with DOM (no canvas, no library), with the numbers as text. */
export function chart(v, { lang }) {
  const { s } = v;
  const w = auditWords(lang);
  const dates = s.head?.summary?.retirement ?? [];
  // Outside the public cloud Microsoft gave no date: the organization's findings say so.
  if (!dates.length && s.head) return null;
  const max = Math.max(1, ...dates.map((d) => d.loseMethod));
  return h('figure', { class: 'chart', 'aria-labelledby': 'audit-chart-title' },
    h('figcaption', { id: 'audit-chart-title' }, w.chartTitle),
    h('table', { class: 'bars' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, w.loseMethod), h('th', { scope: 'col' }, w.cannotReset))),
      h('tbody', {}, dates.map((d) => h('tr', {},
        h('th', { scope: 'row' }, d.date, h('br'), h('span', { class: 'applies' }, d.appliesTo === 'allUsers' ? w.appliesTo.allUsers : w.appliesTo.globalAdminsAndExternalUsers)),
        [['lose', d.loseMethod], ['cannot', d.cannotReset]].map(([kind, n]) => h('td', {},
          bar(kind, n / max),
          h('span', { class: 'n' }, String(n)))))))));
}

export function tenant(v, { t, lang }) {
  const { s, copy } = v;
  const head = s.head;
  if (!head) return null;
  const w = auditWords(lang);
  const cw = coreWords(lang);
  return [
    h('section', { class: 'audit-tenant', 'aria-labelledby': 'audit-tenant-title' },
      h('h3', { id: 'audit-tenant-title' }, w.tenantTitle),
      head.tenant.findings.length ? head.tenant.findings.map((f) => finding(t, cw, f, copy, 'tf', 4)) : h('p', {}, w.noFindings)),
    head.columns.missing.length ? h('details', { class: 'audit-missing', open: true, id: 'audit-missing' },
      h('summary', {}, `${w.missingTitle} (${head.columns.missing.length})`),
      h('ul', {}, head.columns.missing.map((m) => h('li', {}, h('code', {}, m.field), ': ', m.effect))),
      h('p', {}, t('audit.useScript'))) : null,
    head.problems.length ? h('details', { class: 'audit-problems', id: 'audit-problems' },
      h('summary', {}, `${w.problemsTitle} (${head.problems.length})`),
      h('ul', {}, head.problems.slice(0, 200).map((p) => h('li', {}, p.line ? `${fill(w.line, { line: p.line })}: ` : '', p.message)))) : null,
    h('p', { class: 'sources' }, `${w.sourcesTitle}: `, head.sources.map((src) => fill(src.name ? w.source : w.sourceUnnamed, {
      name: src.name, format: w.formats[src.format] ?? src.format, encoding: src.encoding, rows: num(src.rows),
    })).join(t('audit.listSeparator'))),
  ];
}

export function exportsBar(v, { t }) {
  const { s, exportAs } = v;
  return h('div', { class: 'audit-exports report-actions', role: 'group', 'aria-label': t('audit.exportGroup') },
    [['csv', t('audit.exportCsv')], ['json', t('audit.exportJson')], ['markdown', t('audit.exportMarkdown')], ['html', t('audit.exportHtml')]].map(([f, label]) => h('button', {
      type: 'button', id: `audit-export-${f}`, disabled: s.exporting !== null || s.phase !== 'done' || s.comparing, 'aria-busy': String(s.exporting === f),
      on: { click: () => exportAs(f) },
    }, label)),
    h('button', { type: 'button', id: 'audit-print', disabled: s.phase !== 'done', on: { click: () => window.print() } }, t('action.print')));
}
