// Many organizations at one desk (contract v1.3): what a drop holds (folders walked, archives
// kept whole for the worker to open), the overview of the organizations ranked by who is
// locked out soonest, and the switch that hides contact data in every view and download.
import { h } from '../../dom.js';
import { fill, num, PAGE } from '../../words.js';
import { chart } from './summary.js';
import { auditWords, ORGS_STEP } from './shared.js';

/** The organizations' words (crates/sspr-words orgs.rs, published at build time). */
const orgsWords = (lang) => PAGE.audit.orgsWords[lang] ?? PAGE.audit.orgsWords.en;

/** Every file under a dropped folder, named by its path from the folder dropped: one past
 *  the most a drop is read of (sspr-model MAX_FOLDER_FILES), so that the audit can name the
 *  first one it leaves out (audit/runner.js `orgs`). */
async function walk(entry, out) {
  if (out.length > PAGE.audit.maxFolderFiles) return;
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject)).catch(() => null);
    // A file the browser cannot read still counts: the worker says it was not read.
    out.push({ name: entry.fullPath.replace(/^\/+/, ''), data: file ?? new Blob([]) });
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    // Entries come a hundred at a time; an empty batch is the end.
    const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (!batch.length) return;
    for (const e of batch) await walk(e, out);
  }
}

/**
 * What was dropped: `{ files, orgs }`, where `orgs` says the drop is many organizations'
 * (a folder or a `.zip` among it) rather than one organization's files.
 */
export async function dropped(dataTransfer) {
  const entries = [...(dataTransfer.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.some((e) => e.isDirectory)) {
    const files = [];
    for (const e of entries) await walk(e, files);
    return { files, orgs: true };
  }
  const files = [...(dataTransfer.files ?? [])].map((f) => ({ name: f.name, data: f }));
  return { files, orgs: files.some((f) => /\.zip$/i.test(f.name)) };
}

/** The files of a folder chosen (webkitdirectory), named by their paths in it. */
export const chosenFolder = (list) => list.map((f) => ({ name: f.webkitRelativePath || f.name, data: f }));

/** "Hide contact data": one switch for every view and download, the fix script refused. */
export function redactSwitch(v, { t }) {
  const { s, setRedact } = v;
  return h('div', { class: 'audit-redact' },
    h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', id: 'audit-redact', 'aria-describedby': 'audit-redact-help', props: { checked: s.redact },
        disabled: s.phase !== 'done' || s.redacting, on: { change: (e) => setRedact(e.target.checked) },
      }),
      ' ', t('audit.redact')),
    h('p', { class: 'hint', id: 'audit-redact-help' }, t('audit.redactHelp')));
}

/** "Show more": the next organizations of the ranked table (the first are the most urgent). */
function more(v, c) {
  const { s, paint, byId } = v;
  const total = s.orgs.organizations.length;
  if (s.orgsShown >= total) return null;
  const n = Math.min(ORGS_STEP, total - s.orgsShown);
  return h('p', {}, h('button', {
    type: 'button', id: 'orgs-more',
    on: { click: () => { const first = s.orgsShown; s.orgsShown += ORGS_STEP; paint(); byId('audit-orgs-table')?.querySelector(`tr[data-org="${first}"] button`)?.focus(); } },
  }, c.t('orgs.more', { n: num(n), shown: num(s.orgsShown), total: num(total) })));
}

/** The overview: totals, the chart of the retirement dates, one row per organization. */
export function overview(v, c) {
  const { s, openOrg, exportOrgs, fixOrgs } = v;
  const { t, lang } = c;
  const o = s.orgs;
  const w = orgsWords(lang);
  const aw = auditWords(lang);
  const dates = o.summary.retirement ?? [];
  const busy = s.exporting !== null || s.fixing;
  const head = [w.organization, w.accounts, w.canResetToday, w.fails, ...dates.map((d) => fill(w.cannotResetOn, { date: d.date })), w.topFindings, ''];
  return h('section', { class: 'audit-orgs', id: 'audit-orgs', tabindex: '-1', 'aria-labelledby': 'audit-orgs-title' },
    h('h3', { id: 'audit-orgs-title' }, w.overviewTitle, o.today ? ` — ${fill(aw.today, { date: o.today })}` : ''),
    o.factsNotice ? h('p', { class: 'stale', role: 'note' }, o.factsNotice) : null,
    h('p', { class: 'headline' }, t('orgs.read', { orgs: num(o.organizations.length), accounts: num(o.summary.total) })),
    o.redacted ? h('p', { class: 'note', role: 'note' }, w.redactedNote) : null,
    chart({ s: { head: { summary: o.summary } } }, c),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'accounts orgs', id: 'audit-orgs-table' },
        h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, o.organizations.slice(0, s.orgsShown).map((org, k) => h('tr', { 'data-org': String(k) },
          h('th', { scope: 'row' }, org.name, org.tenantId ? h('br') : null, org.tenantId ? h('span', { class: 'applies' }, org.tenantId) : null),
          h('td', {}, num(org.summary.total)),
          h('td', {}, num(org.summary.canResetToday)),
          h('td', {}, num(org.summary.fails)),
          dates.map((d) => h('td', {}, num(org.summary.retirement.find((r) => r.date === d.date)?.cannotReset ?? 0))),
          h('td', {}, org.topFindings.length ? h('ul', { class: 'tags' }, org.topFindings.map((f) => h('li', { 'data-id': f.id }, `${aw.findingNames[f.id] ?? f.id} (${num(f.accounts)})`))) : ''),
          h('td', {}, h('button', { type: 'button', class: 'open-org', 'aria-label': t('orgs.openLabel', { name: org.name }), on: { click: () => openOrg(k) } }, t('orgs.open')))))),
        h('tfoot', {}, h('tr', {},
          h('th', { scope: 'row' }, w.total),
          h('td', {}, num(o.summary.total)),
          h('td', {}, num(o.summary.canResetToday)),
          h('td', {}, num(o.summary.fails)),
          dates.map((d) => h('td', {}, num(d.cannotReset))),
          h('td', {}, ''), h('td', {}, ''))))),
    more(v, c),
    o.problems.length ? h('details', { class: 'audit-problems', id: 'audit-orgs-problems', open: true },
      h('summary', {}, `${w.problemsTitle} (${o.problems.length})`),
      h('ul', {}, o.problems.slice(0, 500).map((p) => h('li', { 'data-reason': p.reason },
        p.member ? fill(w.problem, { file: p.file, member: p.member, reason: p.message }) : fill(w.problemFile, { file: p.file, reason: p.message }))))) : null,
    redactSwitch(v, c),
    h('div', { class: 'audit-exports report-actions', role: 'group', 'aria-label': t('orgs.exportGroup') },
      [['csv', t('audit.exportCsv')], ['json', t('audit.exportJson')], ['markdown', t('audit.exportMarkdown')], ['html', t('audit.exportHtml')]].map(([f, label]) => h('button', {
        type: 'button', id: `orgs-export-${f}`, disabled: busy, 'aria-busy': String(s.exporting === f), on: { click: () => exportOrgs(f) },
      }, label)),
      h('button', { type: 'button', id: 'orgs-fix-zip', disabled: busy, 'aria-busy': String(s.fixing), on: { click: fixOrgs } }, t('orgs.fixZip'))),
    s.orgsFixNote ? h('ul', { class: 'notes', id: 'orgs-fix-note', role: 'status' }, s.orgsFixNote.map((n) => h('li', {}, n))) : null);
}
