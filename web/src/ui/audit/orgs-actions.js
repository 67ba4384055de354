// The organizations' actions of the audit view (contract v1.3): a drop of many
// organizations read in the worker, one opened as the audit and back, the overview's
// exports, every fix script in one .zip, and "Hide contact data". They change the view's
// state `s` and ask it to paint; view.js draws.

import { today } from '../../engine.js';
import { downloadBlob } from '../actions.js';
import { num } from '../../words.js';
import { ORGS_STEP, PAGE_SIZE } from './shared.js';

export function orgsActions({ s, runner, announce, root, paint, later, relang, byId, ctx, diffShown }) {
  /** A drop of many organizations (contract v1.3): read and checked in the worker, then
   *  the overview. */
  async function startOrgs(files) {
    if (!files?.length) return;
    runner.cancel();
    Object.assign(s, { phase: 'running', files, total: 0, done: 0, rows: new Map(), head: null, error: null, indices: null, page: 0, lang: ctx().lang, preview: false, previewRows: 0, drawnRows: 0, fix: null, fixError: null, diff: null, mode: 'orgs', orgs: null, org: null, orgsFixNote: null, orgsShown: ORGS_STEP, redact: false });
    s.open = new Map();
    s.counts = { fails: 0, atRisk: 0, ok: 0, unknown: 0 };
    paint();
    announce(ctx().t('audit.status.reading'));
    // The language the drop is said in: switched meanwhile, the finished drop is said again.
    const lang = ctx().lang;
    try {
      s.orgs = await runner.orgs(files, { lang, today: today(), telecomProvider: s.telecomProvider || null, cloud: s.cloud }, (m) => {
        if (m.type === 'read') s.total = m.total;
        if (m.type === 'checked') {
          s.done = m.done;
          s.total = m.total;
        }
        later();
      });
      // Said again until it is in the language the page shows (switched once or more).
      let said = lang;
      while (said !== ctx().lang) {
        said = ctx().lang;
        s.orgs = await runner.orgsLang(said);
      }
      s.orgsLang = said;
      s.lang = said;
      s.phase = 'done';
      paint();
      announce(ctx().t('orgs.read', { orgs: num(s.orgs.organizations.length), accounts: num(s.orgs.summary.total) }));
      // Focused once the frame is drawn: focusing at once made the browser lay the new
      // overview out inside this task (60 ms at 200 organizations).
      requestAnimationFrame(() => setTimeout(() => byId('audit-orgs')?.focus()));
    } catch (e) {
      if (e.cancelled) return;
      s.phase = 'error';
      s.error = e.trapped ? ctx().t('err.restarted') : e.message;
      paint();
      announce(s.error);
    }
  }

  /** Organization `k` of the overview as the audit shown (its table, its exports, its fix
   *  script with its own tenant guard). */
  async function openOrg(k) {
    try {
      const { head, rows, tally } = await runner.openOrg(k, PAGE_SIZE);
      Object.assign(s, { org: k, head, rows: new Map(rows.map((r) => [r.index, r])), done: head.summary.total, total: head.summary.total, indices: null, page: 0, fix: null, fixError: null, diff: null, lang: s.orgsLang ?? ctx().lang });
      s.filter = { status: '', role: '', finding: '', text: '' };
      s.sort = { key: '', dir: 'asc' };
      s.open = new Map();
      s.counts = { ...tally.counts };
      s.present = new Set(tally.findings);
      if (s.lang !== ctx().lang) await relang(ctx().lang);
      paint();
      byId('audit-results')?.focus();
    } catch (e) {
      announce(e.message);
    }
  }

  async function backToOrgs() {
    const k = s.org;
    try {
      s.orgs = await runner.closeOrg();
      if (s.orgsLang !== ctx().lang) {
        s.orgs = await runner.orgsLang(ctx().lang);
        s.orgsLang = ctx().lang;
      }
    } catch (e) {
      announce(e.message);
    }
    Object.assign(s, { org: null, head: null, rows: new Map(), fix: null, fixError: null });
    paint();
    root.querySelector?.(`#audit-orgs-table tr[data-org="${k}"] button`)?.focus();
  }

  async function exportOrgs(format) {
    const names = { csv: 'sspr-doctor-organizations.csv', json: 'sspr-doctor-organizations.json', markdown: 'sspr-doctor-organizations.md', html: 'sspr-doctor-organizations.html' };
    s.exporting = format;
    paint();
    try {
      downloadBlob(await runner.orgsExport(format), names[format]);
      announce(ctx().t('audit.status.exported', { file: names[format] }));
    } catch (e) {
      announce(e.message);
    } finally {
      s.exporting = null;
      paint();
    }
  }

  /** One fix script per organization, in one .zip; those left out are said. */
  async function fixOrgs() {
    const file = 'sspr-doctor-fix-scripts.zip';
    s.fixing = true;
    s.orgsFixNote = null;
    paint();
    try {
      const { blob, refused } = await runner.orgsFix(ctx().lang, s.fixTap);
      downloadBlob(blob, file);
      s.orgsFixNote = refused.map((r) => ctx().t('orgs.fixNone', { name: r.name, message: r.message }));
      announce(ctx().t('audit.status.orgsFixMade', { file }));
    } catch (e) {
      s.orgsFixNote = [e.message];
      announce(e.message);
    } finally {
      s.fixing = false;
      paint();
    }
  }

  /** "Hide contact data" on or off: every view is asked for again, masked or not. A fix
   *  script shown is put away (it is never masked; none is made while masking). */
  async function setRedact(on) {
    s.redacting = true;
    try {
      await runner.redact(on);
      s.redact = on;
      s.fix = null;
      s.fixError = null;
      // The scripts' note names organizations and their tenants as they are.
      s.orgsFixNote = null;
      // The overview (its names too: an organization opened shows its name from it).
      if (s.mode === 'orgs') s.orgs = await runner.orgsLang(ctx().lang);
      if (s.mode !== 'orgs' || s.org !== null) {
        s.head = await runner.setLang(ctx().lang);
        s.rows = new Map();
        for (const index of [...s.open.keys()]) s.open.set(index, await runner.account(index));
        if (s.diff) s.diff = await runner.diffAgain(ctx().lang, diffShown);
      }
      announce(ctx().t(on ? 'audit.status.redacted' : 'audit.status.unredacted'));
    } catch (e) {
      announce(e.message);
    } finally {
      s.redacting = false;
      paint();
    }
  }

  return { startOrgs, openOrg, backToOrgs, exportOrgs, fixOrgs, setRedact };
}
