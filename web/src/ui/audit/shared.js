// What the audit view's parts share: the table's page size, the statuses and roles in
// their order, and the audit's words in a language.
import { PAGE } from '../../words.js';

export const PAGE_SIZE = 50;
export const ROWS_PER_FRAME = 10;
export const STATUSES = ['fails', 'atRisk', 'unknown', 'ok'];
export const ROLES = ['globalAdmin', 'admin', 'user', 'unknown'];

/** The audit's words (crates/sspr-words, published at build time) in `lang`. */
export const auditWords = (lang) => PAGE.audit.words[lang] ?? PAGE.audit.words.en;

/** The comparison's words (contract v1.2) in `lang`. */
export const diffWords = (lang) => PAGE.audit.diffWords[lang] ?? PAGE.audit.diffWords.en;
