// The core's words for reports (labels, severities, resolution names, phone types, live
// check verdicts), published at build time from the Rust core (`sspr-doctor facts`), so
// the page never spells them itself and never disagrees with the command line.
import PAGE from '@gen/page-data.js';

/** The core's labels in `lang`. */
export function coreWords(lang) {
  return PAGE.words[lang] ?? PAGE.words.en;
}

/** `{name}` placeholders filled from `vars`. */
export function fill(template, vars = {}) {
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export { PAGE };

/** Whole numbers with digit grouping ("100,000", the same in English and Japanese). Not
 *  Intl.NumberFormat: its first use loads locale data for 60 ms on the main thread. */
export const num = (n) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
