// The report: findings by severity with badges, why each was raised (the evidence), the
// numbered fix steps and commands, then the immediate path. Text only, never HTML.
import { h } from '../dom.js';

function finding(t, f) {
  const ev = Object.entries(f.evidence ?? {});
  return h('article', { class: `finding sev-${f.severity}`, 'data-id': f.id },
    h('h3', {},
      h('span', { class: `badge badge-${f.severity}` }, t(`sev.${f.severity}`)),
      ' ',
      h('span', { class: 'finding-title' }, f.title)),
    h('p', { class: 'detail' }, f.detail),
    f.steps.length ? [h('h4', {}, t('report.fix')), h('ol', { class: 'steps' }, f.steps.map((s) => h('li', {}, s)))] : null,
    f.commands?.length ? [
      h('h4', {}, t('report.commands')),
      h('ul', { class: 'commands' }, f.commands.map((c) => h('li', { class: c.legacy ? 'legacy' : null },
        c.legacy ? h('span', { class: 'legacy-note' }, t('report.legacy')) : null,
        h('code', {}, c.text)))),
    ] : null,
    ev.length ? h('details', { class: 'evidence' },
      h('summary', {}, t('report.why')),
      h('dl', {}, ev.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))) : null);
}

export function renderReport(t, report) {
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  return h('section', { class: 'report', 'aria-labelledby': 'report-title', id: 'report', tabindex: '-1' },
    h('h2', { id: 'report-title' }, t('report.title')),
    h('p', { class: `headline ${report.ok ? 'ok' : 'not-ok'}` }, report.ok ? t('report.ok') : t('report.notOk')),
    h('p', { class: 'counts' }, t('report.counts', { blocking: count('blocking'), likely: count('likely'), check: count('check') })),
    report.findings.map((f) => finding(t, f)),
    h('section', { class: 'resolution', 'data-id': report.resolution.id, 'aria-labelledby': 'res-title' },
      h('h3', { id: 'res-title' }, `${t('report.resolution')}: ${t(`res.${report.resolution.id}`)}`),
      h('ol', {}, report.resolution.steps.map((s) => h('li', {}, s)))));
}

/** One sentence for the live region. */
export function summary(t, report) {
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  return `${report.ok ? t('report.ok') : t('report.notOk')} ${t('report.counts', { blocking: count('blocking'), likely: count('likely'), check: count('check') })}`;
}
