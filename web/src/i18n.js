// The page's own words, published at build time from crates/sspr-words (page_en.rs,
// page_ja.rs) with the core's, so the offline file is bilingual and nothing is fetched.
// The language comes from the one asked for (?lang= or the element's lang attribute), then
// the remembered choice, then the browser's languages, then English.
import { PAGE } from './words.js';

// Read when asked for: the published words make a language's side when it is first read.
export const catalogs = { get en() { return PAGE.catalog.en; }, get ja() { return PAGE.catalog.ja; } };
const en = catalogs.en;
export const LANGS = ['en', 'ja'];
const STORAGE_KEY = 'sspr-doctor.lang';

export function pickLang(requested, languages = navigator.languages ?? [navigator.language]) {
  if (LANGS.includes(requested)) return requested;
  return remembered() ?? fromBrowser(languages);
}

function remembered() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage blocked (file://, privacy mode): fine */ }
  return null;
}

function fromBrowser(languages) {
  for (const l of languages ?? []) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

/** The only thing the page stores, and only when the user picks a language. */
export function rememberLang(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not available: fine */ }
}

export function translator(lang) {
  const cat = catalogs[lang] ?? en;
  return (key, vars = {}) => {
    const s = cat[key] ?? en[key] ?? key;
    return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  };
}
