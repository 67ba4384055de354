// "Check all administrators": drop, choose or paste an export; the audit runs in a Web
// Worker (audit/runner.js), which sends the counts and the first page's rows as accounts
// are checked, so the first ones show at once and the page never freezes (the rows stay in
// the engine: the page asks for those it shows, and for a filter or an order); a summary,
// a chart of who loses what on each of Microsoft's dates, the organization's findings, then
// a table to sort, filter and open row by row.
// Exports are built in the worker. Nothing is sent anywhere and nothing is stored.
import { h } from '../dom.js';
import { AuditRunner, toFiles } from '../audit/runner.js';
import { today } from '../engine.js';
import { coreWords, fill, num, PAGE } from '../words.js';
import { finding } from './report.js';
import { FIELD_MAX } from './form.js';

const PAGE_SIZE = 50;
const ROWS_PER_FRAME = 10;
let drawing = 0;
const STATUSES = ['fails', 'atRisk', 'unknown', 'ok'];
const ROLES = ['globalAdmin', 'admin', 'user', 'unknown'];

const auditWords = (lang) => PAGE.audit.words[lang] ?? PAGE.audit.words.en;

/** The audit's state lives as long as the app: a language switch re-renders, never loses it. */
export function createAuditView({ announce, copy, root }) {
  const runner = new AuditRunner();
  const s = {
    phase: 'idle', // idle | running | done | error
    files: null,
    total: 0,
    done: 0,
    // Table rows by account index: the first page's, and those of the page shown. The
    // worker's engine holds every account and answers for the others when asked.
    rows: new Map(),
    head: null,
    error: null,
    indices: null,
    filter: { status: '', role: '', finding: '', text: '' },
    sort: { key: '', dir: 'asc' },
    page: 0,
    open: new Map(), // row index → account (or null while loading)
    counts: { fails: 0, atRisk: 0, ok: 0, unknown: 0 },
    present: new Set(), // finding ids seen in the rows
    pasted: '',
    // A paste too long to show in the box (see paste below), kept as it is.
    pastedAside: '',
    telecomProvider: false,
    exporting: null,
    lang: null,
    dirty: false,
  };
  let container = null;
  let ctx = null;
  let warming = false;
  let frame = 0;

  const byId = (id) => root.getElementById?.(id) ?? container?.querySelector(`#${CSS.escape(id)}`);

  /** While rows arrive: the whole panel is drawn once the first page is full, then only
   *  the progress and the counts change (a few text nodes), at most every 200 ms. */
  let lastPaint = 0;
  function later() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (s.drawnRows < Math.min(PAGE_SIZE, rowCount()) || !byId('audit-progress')) {
        paint();
      } else if (performance.now() - lastPaint > 200) {
        lastPaint = performance.now();
        paintProgress();
      }
    });
  }

  function paintProgress() {
    const bar = byId('audit-progress-bar');
    if (bar) {
      bar.max = s.total || 1;
      bar.value = s.done;
    }
    const label = byId('audit-progress-label');
    if (label) label.textContent = ctx.t('audit.checking', { done: num(s.done), total: num(s.total) });
    for (const st of STATUSES) {
      const n = byId(`audit-card-${st}`)?.querySelector('.count');
      if (n) n.textContent = String(s.counts[st]);
    }
  }

  // The script and the file input are drawn once per container and language; only the
  // progress and the results are redrawn.
  let fixed = null;
  let moving = null;
  function paint() {
    if (!container || !ctx) return;
    const focused = root.activeElement?.id;
    if (!fixed || fixed.lang !== ctx.lang || !container.contains(fixed.node)) {
      fixed = { lang: ctx.lang, node: h('div', {}, h('p', { class: 'intro' }, ctx.t('audit.intro')), script(ctx), input(ctx)) };
      moving = h('div', {});
      container.replaceChildren(h('div', { class: 'audit' }, fixed.node, moving));
    }
    moving.replaceChildren(...results(ctx));
    if (focused && root.activeElement?.id !== focused) byId(focused)?.focus();
  }

  /** The finished audit in `lang`: its head and its open accounts, from the same checks. */
  async function relang(lang) {
    s.lang = lang;
    try {
      const head = await runner.setLang(lang);
      if (s.lang !== lang) return;
      s.head = head;
      for (const index of [...s.open.keys()]) s.open.set(index, await runner.account(index));
      if (s.lang !== lang) return;
    } catch (e) {
      if (e.cancelled) return;
      s.phase = 'error';
      s.error = e.message;
    }
    paint();
  }

  async function start(files) {
    if (!files?.length) return;
    runner.cancel();
    Object.assign(s, { phase: 'running', files, total: 0, done: 0, rows: new Map(), head: null, error: null, indices: null, page: 0, lang: ctx.lang, preview: false, previewRows: 0, drawnRows: 0 });
    s.open = new Map();
    s.counts = { fails: 0, atRisk: 0, ok: 0, unknown: 0 };
    s.present = new Set();
    paint();
    announce(ctx.t('audit.status.reading'));
    const options = { lang: ctx.lang, today: today(), telecomProvider: s.telecomProvider || null };
    try {
      const take = (rows, tally) => {
        for (const r of rows) s.rows.set(r.index, r);
        s.counts = { ...tally.counts };
        s.present = new Set(tally.findings);
      };
      const head = await runner.run(files, options, (m) => {
        if (m.type === 'preview') {
          take(m.rows, m.tally);
          s.preview = true;
          s.previewRows = m.rows.length;
        }
        if (m.type === 'read') s.total = m.total;
        if (m.type === 'checked') {
          if (s.preview) {
            // The whole file's rows replace the first lines' rows.
            s.rows = new Map();
            s.preview = false;
          }
          take(m.rows, m.tally);
          s.done = m.done;
          s.total = m.total;
        }
        later();
      }, PAGE_SIZE);
      s.head = head;
      s.phase = 'done';
      await refresh();
      announce(summaryLine(ctx));
      byId('audit-results')?.focus();
    } catch (e) {
      if (e.cancelled) return;
      s.phase = 'error';
      s.error = e.trapped ? ctx.t('err.restarted') : e.message;
      paint();
      announce(s.error);
    }
  }

  function cancel() {
    runner.cancel();
    Object.assign(s, { phase: 'idle', rows: new Map(), head: null, total: 0, done: 0, files: null });
    paint();
    announce(ctx.t('audit.status.cancelled'));
    byId('audit-file')?.focus();
  }

  /** How many rows the table has: those the filter keeps, or every account checked (the
   *  first lines' rows while a large file is still being read). */
  function rowCount() {
    if (s.indices) return s.indices.length;
    return s.preview ? s.previewRows : s.done;
  }

  /** Asks the worker for the rows of `indices` it has not sent yet, then draws them.
   *  Only the first page's rows and the page shown are kept. */
  let fetching = null;
  function fetchRows(indices) {
    const missing = indices.filter((i) => !s.rows.has(i) && (s.preview || i < s.done));
    const key = missing.join(',');
    if (!missing.length || fetching === key) return;
    fetching = key;
    runner.rows(missing).then((rows) => {
      if (fetching !== key) return;
      fetching = null;
      if (s.rows.size > 4 * PAGE_SIZE) {
        const keep = new Set([...indices, ...Array.from({ length: PAGE_SIZE }, (_, k) => k)]);
        for (const i of s.rows.keys()) if (!keep.has(i)) s.rows.delete(i);
      }
      for (const r of rows) s.rows.set(r.index, r);
      if (rows.length) paint();
    }, () => { fetching = null; });
  }

  /** The visible rows, filtered and sorted in the worker. */
  async function refresh() {
    const active = s.filter.status || s.filter.role || s.filter.finding || s.filter.text || s.sort.key;
    try {
      s.indices = active ? await runner.query(s.filter, s.sort) : null;
    } catch (e) {
      // Nothing to ask yet (the file is still being read): the table stays as it is, and
      // the filter applies when the check is done.
      if (s.phase === 'running') return;
      throw e;
    }
    const count = rowCount();
    s.page = Math.min(s.page, Math.max(0, Math.ceil(count / PAGE_SIZE) - 1));
    paint();
  }

  async function toggle(index) {
    if (s.open.has(index)) {
      s.open.delete(index);
      paint();
      return;
    }
    s.open.set(index, null);
    paint();
    try {
      s.open.set(index, await runner.account(index));
    } catch (e) {
      s.open.set(index, { error: e.message });
    }
    paint();
  }

  async function exportAs(format) {
    const names = { csv: 'sspr-doctor-audit.csv', json: 'sspr-doctor-audit.json', markdown: 'sspr-doctor-audit.md', text: 'sspr-doctor-audit.txt' };
    s.exporting = format;
    paint();
    try {
      const blob = await runner.exportFile(format);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: names[format], hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(ctx.t('audit.status.exported', { file: names[format] }));
    } catch (e) {
      announce(e.message);
    } finally {
      s.exporting = null;
      paint();
    }
  }

  /** Files as the worker takes them: a File is a Blob, so nothing is read or copied here. */
  const readFiles = (list) => toFiles(list.map((f) => ({ name: f.name, data: f })));

  // ---- rendering ----------------------------------------------------------------------

  function summaryLine({ t, lang }) {
    const w = auditWords(lang);
    const sum = s.head?.summary;
    if (!sum) return '';
    return t('audit.summaryLine', {
      total: sum.total, fails: sum.fails, atRisk: sum.atRisk, ok: sum.ok, unknown: sum.unknown,
      failsLabel: w.status.fails, atRiskLabel: w.status.atRisk, okLabel: w.status.ok, unknownLabel: w.status.unknown,
    });
  }

  function input({ t }) {
    const drop = h('div', {
      class: 'dropzone', id: 'audit-drop',
      on: {
        dragover: (e) => { e.preventDefault(); e.currentTarget.classList.add('over'); },
        dragleave: (e) => e.currentTarget.classList.remove('over'),
        drop: (e) => {
          e.preventDefault();
          e.currentTarget.classList.remove('over');
          if (e.dataTransfer?.files?.length) start(readFiles([...e.dataTransfer.files]));
        },
      },
    },
    h('p', {}, t('audit.drop')),
    h('label', { for: 'audit-file', class: 'file-label' }, t('audit.choose')),
    h('input', {
      type: 'file', id: 'audit-file', multiple: true, accept: '.csv,.json,.txt,.tsv,text/csv,application/json,text/plain', class: 'file-input',
      on: { change: (e) => { const list = [...(e.target.files ?? [])]; e.target.value = ''; start(readFiles(list)); } },
    }));
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
          ' ', t('audit.telecomProvider'))),
      h('button', {
        type: 'button', id: 'audit-paste-go', class: 'primary',
        on: { click: () => { const text = s.pastedAside || s.pasted; if (text.trim()) start(toFiles(text)); else byId('audit-paste')?.focus(); } },
      }, t('audit.checkPasted')));
  }

  function script({ t, lang }) {
    return h('section', { class: 'audit-script', 'aria-labelledby': 'audit-script-title' },
      h('h3', { id: 'audit-script-title' }, t('audit.step1')),
      h('p', {}, t('audit.scriptIntro', { file: PAGE.audit.scriptOutput })),
      h('details', { id: 'audit-script-details' },
        h('summary', {}, t('audit.showScript')),
        h('pre', { class: 'script', tabindex: '0', id: 'audit-script-text' }, h('code', {}, PAGE.audit.script))),
      h('button', { type: 'button', id: 'audit-copy-script', on: { click: () => copy(PAGE.audit.script, t('audit.status.scriptCopied')) } }, t('audit.copyScript')),
      h('p', { class: 'hint' }, t('audit.otherExports', { formats: Object.values(auditWords(lang).formats).join(t('audit.listSeparator')) })));
  }

  function progress({ t }) {
    const pct = s.total ? Math.round((s.done / s.total) * 100) : 0;
    return h('div', { class: 'audit-progress', id: 'audit-progress' },
      h('label', { for: 'audit-progress-bar', id: 'audit-progress-label' }, s.total ? t('audit.checking', { done: num(s.done), total: num(s.total) }) : t(s.preview ? 'audit.status.previewing' : 'audit.status.reading')),
      h('progress', { id: 'audit-progress-bar', max: String(s.total || 1), value: s.total ? String(s.done) : null, 'aria-valuetext': s.total ? `${pct}%` : null }),
      h('button', { type: 'button', id: 'audit-cancel', on: { click: cancel } }, t('audit.cancel')));
  }

  function cards({ lang }) {
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
  function bar(kind, share) {
    const el = h('span', { class: `bar bar-${kind}`, 'aria-hidden': 'true' });
    el.style.width = `${Math.round(share * 100)}%`;
    return el;
  }

  /** Bars for each retirement date: accounts that lose a phone method, and those that can
   *  no longer reset. Drawn with DOM (no canvas, no library), with the numbers as text. */
  function chart({ lang }) {
    const w = auditWords(lang);
    const dates = s.head?.summary?.retirement ?? [];
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

  function tenant({ t, lang }) {
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
      h('p', { class: 'sources' }, `${w.sourcesTitle}: `, head.sources.map((src) => `${src.name ? `${src.name} — ` : ''}${w.formats[src.format] ?? src.format} (${src.encoding}, ${src.rows})`).join('; ')),
    ];
  }

  function exportsBar({ t }) {
    return h('div', { class: 'audit-exports report-actions', role: 'group', 'aria-label': t('audit.exportGroup') },
      [['csv', t('audit.exportCsv')], ['json', t('audit.exportJson')], ['markdown', t('audit.exportMarkdown')]].map(([f, label]) => h('button', {
        type: 'button', id: `audit-export-${f}`, disabled: s.exporting !== null || s.phase !== 'done', 'aria-busy': String(s.exporting === f),
        on: { click: () => exportAs(f) },
      }, label)),
      h('button', { type: 'button', id: 'audit-print', disabled: s.phase !== 'done', on: { click: () => window.print() } }, t('action.print')));
  }

  function controls({ t, lang }) {
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

  function table({ t, lang }) {
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
              : accountDetails(t, w, cw, acc, i)));
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
      controls({ t, lang }),
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

  function accountDetails(t, w, cw, acc, i) {
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
      acc.findings.length ? acc.findings.map((f) => finding(t, cw, f, copy, `af-${i}`, 4)) : h('p', {}, w.noFindings));
  }

  function results(c) {
    const { lang } = c;
    const w = auditWords(lang);
    const showResults = s.phase === 'done' || (s.phase === 'running' && rowCount() > 0);
    return [
      s.phase === 'running' ? progress(c) : null,
      s.phase === 'error' ? h('p', { class: 'error', role: 'alert', id: 'audit-error' }, s.error) : null,
      showResults ? h('section', { class: 'audit-results', id: 'audit-results', tabindex: '-1', 'aria-labelledby': 'audit-results-title', 'data-engine': runner.mode },
        h('h3', { id: 'audit-results-title' }, w.title, s.head?.today ? ` — ${fill(w.today, { date: s.head.today })}` : ''),
        s.head?.factsNotice ? h('p', { class: 'stale', role: 'note' }, s.head.factsNotice) : null,
        s.phase === 'done' ? h('p', { class: 'headline' }, summaryLine(c)) : null,
        cards(c),
        s.head ? chart(c) : null,
        tenant(c),
        exportsBar(c),
        table(c)) : null,
    ].filter(Boolean);
  }

  return {
    /** Renders into `el` (the audit panel) with the app's current translator. */
    render(el, c) {
      container = el;
      ctx = c;
      if (!warming) {
        warming = true;
        (window.requestIdleCallback ?? ((f) => setTimeout(f, 300)))(() => { if (s.phase === 'idle') runner.warm().catch(() => {}); });
      }
      // The report's words follow the language: the engine says what it has already
      // checked again in the new one (the head, and the accounts that are open).
      if (s.phase === 'done' && s.lang && s.lang !== c.lang) relang(c.lang);
      paint();
    },
    get state() { return s; },
  };
}
