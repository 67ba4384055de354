// "Check all administrators": drop, choose or paste an export; the audit runs in a Web
// Worker (audit/runner.js), which sends the counts and the first page's rows as accounts
// are checked, so the first ones show at once and the page never freezes (the rows stay in
// the engine: the page asks for those it shows, and for a filter or an order); a summary,
// a chart of who loses what on each of Microsoft's dates, the organization's findings, then
// a table to sort, filter and open row by row.
// Exports are built in the worker. Nothing is sent anywhere and nothing is stored.
// This file holds the view's state and what it does; intake.js, summary.js and
// accounts.js draw its parts from it (`v`).
import { h } from '../../dom.js';
import { AuditRunner, toFiles } from '../../audit/runner.js';
import { today } from '../../engine.js';
import { downloadBlob } from '../actions.js';
import { fill, num } from '../../words.js';
import { accountsTable } from './accounts.js';
import { input, script } from './intake.js';
import { cards, chart, exportsBar, progress, summaryLine, tenant } from './summary.js';
import { FIX_SHOWN_LINES, fixSection } from './fix.js';
import { compareSection } from './compare.js';
import { overview, redactSwitch } from './orgs.js';
import { orgsActions } from './orgs-actions.js';
import { auditWords, ORGS_STEP, PAGE_SIZE, STATUSES } from './shared.js';

/** Accounts of each change the page gets of a comparison (it shows 200 at a time; the
 *  counts are whole, the downloads have every account). */
const DIFF_SHOWN = 200;

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
    cloud: 'public',
    // The fix script: made when asked, for the language and the pass option it was made with.
    fix: null,
    fixTap: false,
    // The tenant id typed for the fix script (v1.3), when the export does not carry it.
    fixTenant: '',
    fixing: false,
    // The comparison with an earlier export.
    diff: null,
    diffFilter: '',
    diffError: null,
    comparing: false,
    exporting: null,
    lang: null,
    dirty: false,
    // v1.3: many organizations (their overview, and the one open, if any), and contact data hidden.
    mode: 'audit', // audit | orgs
    orgs: null,
    org: null,
    orgsLang: null,
    orgsFixNote: null,
    orgsShown: ORGS_STEP,
    redact: false,
    redacting: false,
    fixError: null,
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
      fixed = { lang: ctx.lang, node: h('div', {}, h('p', { class: 'intro' }, ctx.t('audit.intro')), script(v, ctx), input(v, ctx)) };
      moving = h('div', {});
      container.replaceChildren(h('div', { class: 'audit' }, fixed.node, moving));
    }
    moving.replaceChildren(...results(ctx));
    if (focused && root.activeElement?.id !== focused) byId(focused)?.focus();
  }

  /** The finished audit in `lang`: its head and its open accounts, from the same checks. */
  async function relang(lang) {
    s.lang = lang;
    if (s.mode === 'orgs' && s.org === null) {
      try {
        s.orgs = await runner.orgsLang(lang);
        s.orgsLang = lang;
      } catch (e) {
        if (e.cancelled) return;
      }
      paint();
      return;
    }
    // A script made in the other language is made again when asked; the comparison is said again.
    if (s.fix?.lang !== lang) s.fix = null;
    if (s.diff && s.diffLang !== lang) {
      try {
        s.diff = await runner.diffAgain(lang, DIFF_SHOWN);
        s.diffLang = lang;
      } catch {
        s.diff = null;
      }
    }
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
    Object.assign(s, { phase: 'running', files, total: 0, done: 0, rows: new Map(), head: null, error: null, indices: null, page: 0, lang: ctx.lang, preview: false, previewRows: 0, drawnRows: 0, fix: null, fixError: null, diff: null, diffError: null, diffFilter: '', mode: 'audit', orgs: null, org: null, orgsFixNote: null, redact: false });
    s.open = new Map();
    s.counts = { fails: 0, atRisk: 0, ok: 0, unknown: 0 };
    s.present = new Set();
    paint();
    announce(ctx.t('audit.status.reading'));
    const options = { lang: ctx.lang, today: today(), telecomProvider: s.telecomProvider || null, cloud: s.cloud };
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
      announce(summaryLine(v, ctx));
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
    const names = { csv: 'sspr-doctor-audit.csv', json: 'sspr-doctor-audit.json', markdown: 'sspr-doctor-audit.md', text: 'sspr-doctor-audit.txt', html: 'sspr-doctor-audit.html' };
    s.exporting = format;
    paint();
    try {
      downloadBlob(await runner.exportFile(format), names[format]);
      announce(ctx.t('audit.status.exported', { file: names[format] }));
    } catch (e) {
      announce(e.message);
    } finally {
      s.exporting = null;
      paint();
    }
  }

  async function compareWith(files) {
    s.comparing = true;
    s.diffError = null;
    s.diff = null;
    paint();
    try {
      s.diff = await runner.diff(readFiles(files), { lang: ctx.lang, today: today(), telecomProvider: s.telecomProvider || null, cloud: s.cloud }, DIFF_SHOWN);
      s.diffLang = ctx.lang;
      announce(ctx.t('audit.status.compared'));
    } catch (e) {
      // Stopped by a new drop or a cancel: that says what happens next, not this.
      if (!e.cancelled) {
        s.diffError = e.trapped ? ctx.t('err.restarted') : e.message;
        announce(s.diffError);
      }
    } finally {
      s.comparing = false;
      paint();
      byId(s.diff ? 'audit-diff-worse' : 'audit-earlier-file')?.focus();
    }
  }

  async function exportDiff(format) {
    const names = { html: 'sspr-doctor-progress.html', json: 'sspr-doctor-progress.json', csv: 'sspr-doctor-progress.csv' };
    try {
      downloadBlob(await runner.diffExport(format, ctx.lang), names[format]);
      announce(ctx.t('audit.status.exported', { file: names[format] }));
    } catch (e) {
      announce(e.message);
    }
  }

  async function makeFixScript() {
    s.fixing = true;
    paint();
    try {
      s.fix = { ...(await runner.fixScript(ctx.lang, s.fixTap, FIX_SHOWN_LINES, s.fixTenant.trim() || null)), lang: ctx.lang };
      announce(ctx.t('audit.status.fixMade'));
      s.fixError = null;
    } catch (e) {
      s.fixError = e.message;
      announce(e.message);
    } finally {
      s.fixing = false;
      paint();
      byId(s.fixError ? 'audit-fix-error' : 'audit-fix-text')?.focus();
    }
  }

  const { startOrgs, openOrg, backToOrgs, exportOrgs, fixOrgs, setRedact } = orgsActions({
    s, runner, announce, root, paint, later, relang, byId, ctx: () => ctx, diffShown: DIFF_SHOWN,
  });

  /** Files as the worker takes them: a File is a Blob, so nothing is read or copied here. */
  const readFiles = (list) => toFiles(list.map((f) => ({ name: f.name, data: f })));

  // ---- rendering ----------------------------------------------------------------------

  function results(c) {
    const { lang, t } = c;
    const w = auditWords(lang);
    const orgs = s.mode === 'orgs';
    const showResults = orgs ? s.org !== null : s.phase === 'done' || (s.phase === 'running' && rowCount() > 0);
    const org = orgs && s.org !== null ? s.orgs?.organizations[s.org] : null;
    return [
      s.phase === 'running' ? progress(v, c) : null,
      s.phase === 'error' ? h('p', { class: 'error', role: 'alert', id: 'audit-error' }, s.error) : null,
      orgs && s.phase === 'done' && s.org === null && s.orgs ? overview(v, c) : null,
      org ? h('div', { class: 'org-bar' },
        h('button', { type: 'button', id: 'orgs-back', on: { click: backToOrgs } }, t('orgs.back')),
        h('p', { class: 'org-name' }, t('orgs.viewing', { name: org.name }))) : null,
      showResults ? h('section', { class: 'audit-results', id: 'audit-results', tabindex: '-1', 'aria-labelledby': 'audit-results-title', 'data-engine': runner.mode },
        h('h3', { id: 'audit-results-title' }, w.title, s.head?.today ? ` — ${fill(w.today, { date: s.head.today })}` : ''),
        s.head?.factsNotice ? h('p', { class: 'stale', role: 'note' }, s.head.factsNotice) : null,
        s.phase === 'done' ? h('p', { class: 'headline' }, summaryLine(v, c)) : null,
        cards(v, c),
        s.head ? chart(v, c) : null,
        tenant(v, c),
        exportsBar(v, c),
        s.phase === 'done' ? redactSwitch(v, c) : null,
        s.phase === 'done' ? fixSection(v, c) : null,
        // An earlier drop of organizations is compared on the command line (audit-diff).
        s.phase === 'done' && !orgs ? compareSection(v, c) : null,
        accountsTable(v, c)) : null,
    ].filter(Boolean);
  }

  /** What the parts drawn from other files use of the view. */
  const v = { s, runner, copy, start, startOrgs, openOrg, backToOrgs, exportOrgs, fixOrgs, setRedact, cancel, refresh, toggle, exportAs, makeFixScript, compareWith, exportDiff, paint, byId, rowCount, fetchRows, readFiles };

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
