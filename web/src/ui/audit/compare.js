// "Compare with an earlier export" (contract v1.2): a second drop zone takes the earlier
// file(s); the worker reads them beside the finished audit and compares the two in brief.
// The change comes first: who got worse is what needs attention.
import { h } from '../../dom.js';
import { num } from '../../words.js';
import { auditWords, diffWords } from './shared.js';
import { bar } from './summary.js';

/** Rows of the comparison shown at once (the downloads have them all). */
const SHOWN = 200;
const CHANGES = ['worse', 'added', 'improved', 'fixed', 'removed', 'unchanged'];

export function compareSection(v, c) {
  const { t } = c;
  const { s, compareWith } = v;
  const take = (files) => { if (files.length) compareWith(files); };
  return h('section', {
    class: 'audit-compare', id: 'audit-compare', 'aria-labelledby': 'audit-compare-title',
    on: {
      dragover: (e) => { e.preventDefault(); },
      drop: (e) => { e.preventDefault(); take([...(e.dataTransfer?.files ?? [])]); },
    },
  },
  h('h3', { id: 'audit-compare-title' }, t('audit.compareTitle')),
  h('p', {}, t('audit.compareIntro')),
  h('div', { class: 'drop earlier' },
    h('label', { for: 'audit-earlier-file' }, t('audit.compareChoose')),
    h('input', { type: 'file', id: 'audit-earlier-file', multiple: true, accept: '.csv,.json,.txt,.tsv', disabled: s.phase !== 'done' || s.comparing, on: { change: (e) => take([...e.target.files]) } })),
  s.comparing ? h('p', { role: 'status', class: 'progress-text' }, t('audit.comparing')) : null,
  s.diffError ? h('p', { class: 'error', role: 'alert', id: 'audit-diff-error' }, s.diffError) : null,
  s.diff ? result(v, c) : null);
}

function result(v, { t, lang }) {
  const { s, exportDiff } = v;
  const d = s.diff;
  const dw = diffWords(lang);
  const w = auditWords(lang);
  const name = (st) => (st ? w.status[st] : '–');
  const shown = d.accounts.filter((a) => (s.diffFilter ? a.change === s.diffFilter : a.change !== 'unchanged'));
  // The page has a few hundred accounts of each change; the counts are whole.
  const total = s.diffFilter ? (d.counts[s.diffFilter] ?? 0) : CHANGES.filter((c) => c !== 'unchanged').reduce((n, c) => n + (d.counts[c] ?? 0), 0);
  const max = Math.max(1, ...d.retirement.flatMap((r) => [r.before, r.after]));
  return h('div', { class: 'diff', id: 'audit-diff' },
    d.warnings.map((x) => h('p', { class: 'stale', role: 'note', 'data-warning': x.code }, x.message)),
    h('ul', { class: 'diff-counts', 'aria-label': dw.countsTitle }, CHANGES.map((c) => h('li', { class: `c-${c}` },
      h('button', { type: 'button', id: `audit-diff-${c}`, 'aria-pressed': String(s.diffFilter === c), on: { click: () => { s.diffFilter = s.diffFilter === c ? '' : c; v.paint(); } } },
        `${dw.change[c]}: ${num(d.counts[c] ?? 0)}`)))),
    d.retirement.length ? h('figure', { class: 'chart', 'aria-labelledby': 'audit-diff-chart' },
      h('figcaption', { id: 'audit-diff-chart' }, dw.chartTitle),
      h('table', { class: 'bars' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, dw.old), h('th', { scope: 'col' }, dw.new))),
        h('tbody', {}, d.retirement.map((r) => h('tr', {},
          h('th', { scope: 'row' }, r.date),
          [['lose', r.before], ['cannot', r.after]].map(([kind, n]) => h('td', {},
            bar(kind, n / max),
            h('span', { class: 'n' }, String(n))))))))) : null,
    h('div', { class: 'table-frame' }, h('table', { class: 'accounts diff-accounts' },
      h('thead', {}, h('tr', {}, [w.column.upn, dw.countsTitle, dw.before, dw.after, dw.fixedFindings, dw.newFindings].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, shown.slice(0, SHOWN).map((a) => h('tr', { class: `c-${a.change}` },
        h('td', {}, a.upn ?? a.id ?? '', a.joinedBy === 'userPrincipalName' ? h('span', { class: 'hint' }, ` (${dw.joinedByUpn})`) : null),
        h('td', {}, dw.change[a.change]),
        h('td', {}, name(a.before)),
        h('td', {}, name(a.after)),
        h('td', {}, a.fixedFindings.join(' ')),
        h('td', {}, a.newFindings.join(' '))))))),
    total > Math.min(shown.length, SHOWN) ? h('p', { class: 'hint' }, t('audit.compareMore', { shown: num(Math.min(shown.length, SHOWN)), total: num(total) })) : null,
    h('div', { class: 'report-actions', role: 'group', 'aria-label': dw.title },
      [['html', t('audit.compareHtml')], ['json', t('audit.exportJson')], ['csv', t('audit.exportCsv')]].map(([f, label]) =>
        h('button', { type: 'button', id: `audit-diff-export-${f}`, on: { click: () => exportDiff(f) } }, label))));
}
