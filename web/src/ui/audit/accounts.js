// The audit's table of accounts: filters, sortable columns, pages, and each account's
// details when its row is opened. The rows stay in the engine; the table asks for those it
// shows and draws them a few per frame.
import { h } from '../../dom.js';
import { coreWords, fill, num } from '../../words.js';
import { finding } from '../report.js';
import { auditWords, PAGE_SIZE, ROLES, ROWS_PER_FRAME, STATUSES } from './shared.js';

let drawing = 0;

export function controls(v, { t, lang }) {
  const { s, refresh } = v;
  const w = auditWords(lang);
  const present = [...s.present].sort();
  const select = (id, key, label, values, name) => h('div', { class: 'control' },
    h('label', { for: id }, label),
    h('select', {
      id, on: { change: (e) => { s.filter[key] = e.target.value; s.page = 0; refresh(); } },
    }, h('option', { value: '' }, t('audit.all')), values.map((v) => h('option', { value: v, selected: s.filter[key] === v }, name(v)))));
  return h('div', { class: 'audit-controls', role: 'group', 'aria-label': t('audit.filters') },
    select('audit-filter-status', 'status', w.column.status, STATUSES, (v) => w.status[v]),
    select('audit-filter-role', 'role', w.column.role, ROLES, (v) => w.role[v]),
    select('audit-filter-finding', 'finding', w.column.findings, present, (v) => w.findingNames[v] ?? v),
    h('div', { class: 'control' },
      h('label', { for: 'audit-search' }, t('audit.search')),
      h('input', {
        type: 'search', id: 'audit-search', props: { value: s.filter.text }, autocomplete: 'off',
        on: { input: (e) => { s.filter.text = e.target.value; s.page = 0; clearTimeout(s.searchTimer); s.searchTimer = setTimeout(refresh, 200); } },
      })));
}

export function accountsTable(v, { t, lang }) {
  const { s, refresh, toggle, paint, byId, rowCount, fetchRows } = v;
  const w = auditWords(lang);
  const cw = coreWords(lang);
  const count = rowCount();
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const from = s.page * PAGE_SIZE;
  const shown = [];
  for (let k = from; k < Math.min(count, from + PAGE_SIZE); k++) shown.push(s.indices ? s.indices[k] : k);
  const sortable = (key, label) => {
    const active = s.sort.key === key;
    return h('th', { scope: 'col', 'aria-sort': active ? (s.sort.dir === 'asc' ? 'ascending' : 'descending') : null },
      h('button', {
        type: 'button', class: 'sort', id: `audit-sort-${key}`,
        on: { click: () => { s.sort = { key, dir: active && s.sort.dir === 'asc' ? 'desc' : 'asc' }; s.page = 0; refresh(); } },
      }, label, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (s.sort.dir === 'asc' ? ' ▲' : ' ▼') : '')));
  };
  fetchRows(shown);
  const rowFor = (i) => {
    const r = s.rows.get(i);
    if (!r) return [];
    const open = s.open.has(i);
    const detailId = `audit-row-${i}-details`;
    const main = h('tr', { class: `status-${r.status}`, 'data-index': String(i) },
      h('th', { scope: 'row' },
        h('button', {
          type: 'button', class: 'disclose', id: `audit-row-${i}`, 'aria-expanded': String(open), 'aria-controls': open ? detailId : null,
          on: { click: () => toggle(i) },
        }, h('span', { 'aria-hidden': 'true', class: 'chevron' }, open ? '▾ ' : '▸ '), r.upn ?? `#${r.index + 1}`),
        r.displayName ? h('span', { class: 'display-name' }, r.displayName) : null),
      h('td', {}, h('span', { class: `status-badge status-${r.status}` }, w.status[r.status])),
      h('td', {}, w.role[r.role] ?? r.role),
      h('td', { class: 'num' }, String(r.usable)),
      h('td', {}, r.smsRetirementDate ?? ''),
      h('td', {}, r.findings.length ? h('ul', { class: 'tags' }, r.findings.map((id) => h('li', { 'data-id': id }, w.findingNames[id] ?? id))) : ''));
    if (!open) return [main];
    const acc = s.open.get(i);
    const details = h('tr', { class: 'details', id: detailId },
      h('td', { colspan: '6' },
        acc === null ? h('p', { role: 'status' }, t('audit.loadingAccount'))
          : acc.error ? h('p', { class: 'error', role: 'alert' }, acc.error)
            : accountDetails(v, t, w, cw, acc, i)));
    return [main, details];
  };
  // The rows are drawn a few at a time, one slice per frame: a page of rows never holds
  // the main thread for long (the worker may be busy on the other core).
  s.drawnRows = shown.length;
  const tbody = h('tbody', {}, shown.slice(0, ROWS_PER_FRAME).flatMap(rowFor));
  const token = ++drawing;
  const more = (k) => {
    if (k >= shown.length || token !== drawing) return;
    requestAnimationFrame(() => {
      if (token !== drawing) return;
      for (const el of shown.slice(k, k + ROWS_PER_FRAME).flatMap(rowFor)) tbody.append(el);
      more(k + ROWS_PER_FRAME);
    });
  };
  more(ROWS_PER_FRAME);
  return h('section', { class: 'audit-accounts', 'aria-labelledby': 'audit-accounts-title' },
    h('h3', { id: 'audit-accounts-title' }, w.accountsTitle),
    controls(v, { t, lang }),
    h('p', { class: 'count', id: 'audit-count', role: 'status' }, count
      ? t('audit.showing', { from: num(from + 1), to: num(Math.min(count, from + PAGE_SIZE)), count: num(count) })
      : t('audit.noRows')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-accounts-title' },
      h('table', { class: 'accounts' },
        h('caption', { class: 'sr-only' }, w.accountsTitle),
        h('thead', {}, h('tr', {},
          sortable('upn', `${w.column.upn} / ${w.column.displayName}`),
          sortable('status', w.column.status),
          sortable('role', w.column.role),
          sortable('usable', w.column.usable),
          sortable('date', w.column.smsRetirementDate),
          sortable('findings', w.column.findings))),
        tbody)),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('audit.pages') },
      h('button', { type: 'button', id: 'audit-prev', disabled: s.page === 0, on: { click: () => { s.page -= 1; paint(); byId('audit-prev')?.focus(); } } }, t('audit.prev')),
      h('span', {}, t('audit.page', { page: s.page + 1, pages })),
      h('button', { type: 'button', id: 'audit-next', disabled: s.page >= pages - 1, on: { click: () => { s.page += 1; paint(); byId('audit-next')?.focus(); } } }, t('audit.next'))) : null);
}

export function accountDetails(v, t, w, cw, acc, i) {
  const { copy } = v;
  const facts = [
    [w.column.roles, [...acc.roles, ...acc.eligibleRoles.map((r) => fill(w.eligibleRole, { role: r }))].join(', ')],
    [w.column.methods, acc.methods.join(', ')],
    [w.column.usable, acc.usableMethods.map((g) => w.usableMethods[g] ?? g).join(', ')],
    [w.column.phone, acc.phone ? (acc.phone.e164 ?? acc.phone.input) : ''],
    [w.column.email, acc.email ? acc.email.input : ''],
    [w.column.line, String(acc.line)],
  ].filter(([, v]) => v);
  return h('div', { class: 'account-details' },
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    acc.eligibleRoles.length ? h('p', { class: 'note eligible-assumed' }, w.eligibleAssumed) : null,
    acc.plan.length ? h('div', { class: 'plan' },
      h('h5', {}, w.column.plan),
      h('ol', {}, acc.plan.map((p) => h('li', { class: `plan-${p.by}`, 'data-action': p.id }, p.text)))) : null,
    acc.findings.length ? acc.findings.map((f) => finding(t, cw, f, copy, `af-${i}`, 4)) : h('p', {}, w.noFindings));
}
