// Keeping the report: copy as text or Markdown (for a ticket), download the JSON, print.
// Nothing is stored; the download is made in the page from the report it already has.
import { h } from '../dom.js';

/**
 * Copies text; falls back to a selected textarea where the Clipboard API is unavailable.
 * @param {string} text
 * @param {Document | ShadowRoot} [root]
 */
export async function copyText(text, root = document) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'sr-only', 'aria-hidden': 'true', readonly: true });
    area.value = text;
    (root instanceof Document ? root.body : root).append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    return ok;
  }
}

export function downloadJson(report, filename = 'sspr-doctor-report.json') {
  downloadBlob(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }), filename);
}

/** Saves a Blob the page made as a download (nothing leaves the page: a blob: URL). */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
