// What the audit view's parts share: the table's page size, the statuses and roles in
// their order, and the audit's words in a language.
import { PAGE } from '../../words.js';

export const PAGE_SIZE = 50;
/** Organizations the overview shows at first and adds per "Show more": 200 rows laid out at
 *  once took one task of 70 ms (over the 50 ms a frame may take; docs/figures.md). */
export const ORGS_STEP = 50;
export const ROWS_PER_FRAME = 10;
export const STATUSES = ['fails', 'atRisk', 'unknown', 'ok'];
export const ROLES = ['globalAdmin', 'admin', 'user', 'unknown'];

/** The audit's words (crates/sspr-words, published at build time) in `lang`. */
export const auditWords = (lang) => PAGE.audit.words[lang] ?? PAGE.audit.words.en;

/** The comparison's words (contract v1.2) in `lang`. */
export const diffWords = (lang) => PAGE.audit.diffWords[lang] ?? PAGE.audit.diffWords.en;
