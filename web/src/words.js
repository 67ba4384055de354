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
